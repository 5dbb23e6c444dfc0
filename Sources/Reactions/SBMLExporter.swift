import Integrators

/// Writes a ``ReactionNetwork`` as an SBML Level 3 Version 2 core document, so peer tools
/// (libRoadRunner, COPASI, libsbml's validator) can check and re-simulate exactly what Blockade
/// simulates.
///
/// Mapping:
/// - compartments: constant, 3-D, `size` in litres;
/// - species: `hasOnlySubstanceUnits="true"` (a species symbol means its amount, as in Blockade),
///   `initialAmount`, not boundary, not constant; units in `<notes>`;
/// - parameters: constant, with description, units and source in XHTML `<notes>`;
/// - reactions: irreversible, net stoichiometry as reactants/products, species read by the rate
///   law but not changed as modifiers, `<kineticLaw>` recorded from the same generic rate law the
///   simulation runs (``Symbolic``), in species units per day;
/// - observables: non-constant parameters with `<assignmentRule>`s;
/// - each ``ScheduledEvent``: one `<event>` triggered by `time >= t` (see ``document(_:parameterValues:initialState:events:)``).
///
/// The model's time unit is `day` (86 400 s); volumes are litres. Other units are free text in
/// Blockade, so they are documented in notes rather than declared, and libsbml's unit-consistency
/// checks report warnings (never errors) about undeclared units.
public struct SBMLExporter: Sendable {
    /// SBML `id` of the `<model>` (an SId).
    public var modelID: String
    /// Human-readable `name` of the `<model>`.
    public var modelName: String

    /// - Parameters:
    ///   - modelID: SBML id of the model; must match `[A-Za-z_][A-Za-z0-9_]*`.
    ///   - modelName: free-text name.
    public init(modelID: String = "blockade_model", modelName: String = "") {
        self.modelID = modelID
        self.modelName = modelName
    }

    /// The SBML document as a string (UTF-8 XML).
    ///
    /// Events: every ``ScheduledEvent`` becomes one SBML event with trigger `time >= t_event`,
    /// `initialValue="false"` (so an event at t = 0 fires at the start, its trigger going from the
    /// declared false to true), `persistent="true"`, no delay. Because time only grows, each trigger
    /// becomes true once, so each event fires exactly once. Events at the same time execute in list
    /// order: the priority decreases along the list and `useValuesFromTriggerTime="false"`, so each
    /// assignment reads the state left by the previous event — the semantics of the Blockade
    /// integrators. Several changes of one variable within one event are composed in order into a
    /// single assignment (e.g. `add(a)` then `multiply(f)` gives `x = (x + a) * f`), as SBML allows
    /// only one assignment per variable per event.
    ///
    /// - Parameters:
    ///   - network: the network to export.
    ///   - parameterValues: values overriding the declared ones, in declaration order; `nil` keeps them.
    ///   - initialState: initial amounts overriding the declared ones, in species order; `nil` keeps them.
    ///   - events: doses and resets, times in days; indices refer to species order.
    /// - Throws: ``NetworkError`` for an invalid network, mismatched value counts, or an event that
    ///   changes a non-existent index or carries a non-finite number.
    public func document<N: ReactionNetwork>(_ network: N, parameterValues: [Double]? = nil,
                                             initialState: [Double]? = nil,
                                             events: [ScheduledEvent] = []) throws(NetworkError) -> String {
        guard NetworkValidation.isValidSId(modelID) else { throw .invalidIdentifier(id: modelID, kind: .model) }
        try NetworkValidation.validate(network)
        let values = parameterValues ?? network.parameters.map(\.value)
        try NetworkValidation.validate(parameterValues: values, of: network.parameters)
        let amounts = initialState ?? network.species.map(\.initialAmount)
        try NetworkValidation.validate(initialState: amounts, of: network.species)
        try Self.validate(events, dimension: network.species.count)

        var xml = SBMLWriter()
        xml.line(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        xml.open("sbml", ["xmlns": "http://www.sbml.org/sbml/level3/version2/core", "level": "3", "version": "2"])
        xml.open("model", [("id", modelID), ("name", modelName), ("timeUnits", "day"), ("volumeUnits", "litre")])
        writeUnitDefinitions(&xml)
        writeCompartments(network, &xml)
        writeSpecies(network, amounts: amounts, &xml)
        writeParameters(network, values: values, &xml)
        writeRules(network, &xml)
        writeReactions(network, &xml)
        writeEvents(events, network: network, &xml)
        xml.close("model")
        xml.close("sbml")
        return xml.text
    }

    /// The SBML document for a compiled network with its current ``CompiledNetwork/parameterValues``
    /// (e.g. one virtual patient), so the export matches what that instance simulates.
    /// - Parameters:
    ///   - compiled: the compiled network.
    ///   - initialState: initial amounts in species order; `nil` uses ``CompiledNetwork/initialState``.
    ///   - events: doses and resets (times in days, indices in species order).
    /// - Throws: ``NetworkError`` as ``document(_:parameterValues:initialState:events:)``.
    public func document<N: ReactionNetwork>(_ compiled: CompiledNetwork<N>, initialState: [Double]? = nil,
                                             events: [ScheduledEvent] = []) throws(NetworkError) -> String {
        try document(compiled.network, parameterValues: Array(compiled.parameterValues),
                     initialState: initialState ?? Array(compiled.initialState), events: events)
    }

    private static func validate(_ events: [ScheduledEvent], dimension: Int) throws(NetworkError) {
        for event in events {
            guard event.time.isFinite else {
                throw .invalidEvent(time: event.time, index: event.changes.first?.index ?? -1, reason: "expected a finite time in days")
            }
            for change in event.changes {
                guard (0..<dimension).contains(change.index) else {
                    throw .invalidEvent(time: event.time, index: change.index,
                                        reason: "expected a species index in 0..<\(dimension)")
                }
                switch change.operation {
                case .add(let v), .set(let v), .multiply(let v):
                    guard v.isFinite else {
                        throw .invalidEvent(time: event.time, index: change.index, reason: "expected a finite amount, value or factor, got \(v)")
                    }
                }
            }
        }
    }

    private func writeUnitDefinitions(_ xml: inout SBMLWriter) {
        xml.open("listOfUnitDefinitions")
        xml.open("unitDefinition", ["id": "day", "name": "day"])
        xml.open("listOfUnits")
        xml.empty("unit", ["kind": "second", "exponent": "1", "scale": "0", "multiplier": "86400"])
        xml.close("listOfUnits")
        xml.close("unitDefinition")
        xml.close("listOfUnitDefinitions")
    }

    private func writeCompartments<N: ReactionNetwork>(_ network: N, _ xml: inout SBMLWriter) {
        guard !network.compartments.isEmpty else { return }
        xml.open("listOfCompartments")
        for c in network.compartments {
            xml.open("compartment", ["id": c.id, "name": c.description, "spatialDimensions": "3",
                                     "size": SBMLWriter.number(c.volumeLitres), "units": "litre", "constant": "true"])
            xml.notes(["Volume: \(SBMLWriter.number(c.volumeLitres)) L", "Source: \(c.source)"])
            xml.close("compartment")
        }
        xml.close("listOfCompartments")
    }

    private func writeSpecies<N: ReactionNetwork>(_ network: N, amounts: [Double], _ xml: inout SBMLWriter) {
        guard !network.species.isEmpty else { return }
        xml.open("listOfSpecies")
        for (s, amount) in zip(network.species, amounts) {
            xml.open("species", ["id": s.id, "name": s.description, "compartment": s.compartment,
                                 "initialAmount": SBMLWriter.number(amount), "hasOnlySubstanceUnits": "true",
                                 "boundaryCondition": "false", "constant": "false"])
            xml.notes(["Amount units: \(s.units)"])
            xml.close("species")
        }
        xml.close("listOfSpecies")
    }

    private func writeParameters<N: ReactionNetwork>(_ network: N, values: [Double], _ xml: inout SBMLWriter) {
        guard !(network.parameters.isEmpty && network.observables.isEmpty) else { return }
        xml.open("listOfParameters")
        for (p, value) in zip(network.parameters, values) {
            xml.open("parameter", ["id": p.id, "name": p.description, "value": SBMLWriter.number(value), "constant": "true"])
            xml.notes([p.description, "Units: \(p.units)", "Source: \(p.source)"])
            xml.close("parameter")
        }
        for o in network.observables {
            xml.open("parameter", ["id": o.id, "name": o.description, "constant": "false"])
            xml.notes([o.description, "Units: \(o.units)", "Observable: defined by an assignment rule"])
            xml.close("parameter")
        }
        xml.close("listOfParameters")
    }

    private func writeRules<N: ReactionNetwork>(_ network: N, _ xml: inout SBMLWriter) {
        guard !network.observables.isEmpty else { return }
        xml.open("listOfRules")
        for (o, formula) in zip(network.observables, network.symbolicObservables()) {
            xml.open("assignmentRule", ["variable": o.id])
            xml.line(formula.mathMLElement)
            xml.close("assignmentRule")
        }
        xml.close("listOfRules")
    }

    private func writeReactions<N: ReactionNetwork>(_ network: N, _ xml: inout SBMLWriter) {
        guard !network.reactions.isEmpty else { return }
        var speciesIndex: [String: Int] = [:]
        for (i, s) in network.species.enumerated() { speciesIndex[s.id] = i }
        let laws = network.symbolicRates()
        xml.open("listOfReactions")
        for (reaction, law) in zip(network.reactions, laws) {
            let net = NetworkValidation.netStoichiometry(reaction, speciesIndex: speciesIndex)
            xml.open("reaction", ["id": reaction.id, "name": reaction.description, "reversible": "false"])
            writeReferences("listOfReactants", net.filter { $0.coefficient < 0 }, network, &xml)
            writeReferences("listOfProducts", net.filter { $0.coefficient > 0 }, network, &xml)
            let changed = Set(net.map(\.species))
            let modifiers = law.leaves.species.subtracting(changed).sorted()
            if !modifiers.isEmpty {
                xml.open("listOfModifiers")
                for i in modifiers { xml.empty("modifierSpeciesReference", ["species": network.species[i].id]) }
                xml.close("listOfModifiers")
            }
            xml.open("kineticLaw")
            xml.line(law.mathMLElement)
            xml.close("kineticLaw")
            xml.close("reaction")
        }
        xml.close("listOfReactions")
    }

    private func writeReferences<N: ReactionNetwork>(_ list: String, _ terms: [(species: Int, coefficient: Double)],
                                                     _ network: N, _ xml: inout SBMLWriter) {
        guard !terms.isEmpty else { return }
        xml.open(list)
        for term in terms {
            xml.empty("speciesReference", ["species": network.species[term.species].id,
                                           "stoichiometry": SBMLWriter.number(abs(term.coefficient)), "constant": "true"])
        }
        xml.close(list)
    }

    private func writeEvents<N: ReactionNetwork>(_ events: [ScheduledEvent], network: N, _ xml: inout SBMLWriter) {
        guard !events.isEmpty else { return }
        let taken = Set(network.compartments.map(\.id) + network.species.map(\.id) + network.parameters.map(\.id)
                        + network.reactions.map(\.id) + network.observables.map(\.id) + [modelID])
        var prefix = "event_"
        while taken.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
        let leaves = network.symbolicSpecies
        xml.open("listOfEvents")
        for (k, event) in events.enumerated() {
            xml.open("event", ["id": "\(prefix)\(k)", "useValuesFromTriggerTime": "false"])
            xml.open("trigger", ["initialValue": "false", "persistent": "true"])
            xml.line(#"<math xmlns="http://www.w3.org/1998/Math/MathML"><apply><geq/>"#
                     + Symbolic.time.mathML + Symbolic.mathMLNumber(event.time) + "</apply></math>")
            xml.close("trigger")
            xml.open("priority")
            xml.line(Symbolic.constant(Double(events.count - k)).mathMLElement)
            xml.close("priority")
            xml.open("listOfEventAssignments")
            for (index, value) in Self.composedAssignments(event, leaves: leaves) {
                xml.open("eventAssignment", ["variable": network.species[index].id])
                xml.line(value.mathMLElement)
                xml.close("eventAssignment")
            }
            xml.close("listOfEventAssignments")
            xml.close("event")
        }
        xml.close("listOfEvents")
    }

    /// One expression per changed species, composing its changes in order; first-mention order.
    static func composedAssignments(_ event: ScheduledEvent, leaves: [Symbolic]) -> [(Int, Symbolic)] {
        var order: [Int] = []
        var value: [Int: Symbolic] = [:]
        for change in event.changes {
            let current = value[change.index] ?? leaves[change.index]
            if value[change.index] == nil { order.append(change.index) }
            switch change.operation {
            case .add(let a): value[change.index] = current + Symbolic(a)
            case .set(let v): value[change.index] = Symbolic(v)
            case .multiply(let f): value[change.index] = current * Symbolic(f)
            }
        }
        return order.compactMap { i in value[i].map { (i, $0) } }
    }
}

/// A minimal indenting XML writer with attribute escaping, for deterministic output.
struct SBMLWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, Array(attributes))
    }

    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.render(attributes))>")
        depth += 1
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        line("<\(name)\(Self.render(Array(attributes)))/>")
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// XHTML notes, one paragraph per entry; empty entries are skipped.
    mutating func notes(_ paragraphs: [String]) {
        let kept = paragraphs.filter { !$0.isEmpty }
        guard !kept.isEmpty else { return }
        open("notes")
        open("body", ["xmlns": "http://www.w3.org/1999/xhtml"])
        for p in kept { line("<p>\(Self.escape(p))</p>") }
        close("body")
        close("notes")
    }

    private static func render(_ attributes: [(String, String)]) -> String {
        // An empty name says nothing; leave the optional attribute out.
        attributes.filter { !($0.0 == "name" && $0.1.isEmpty) }
            .map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes the five XML special characters and control characters that XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out += "&#\(scalar.value);"
            case "\r": out += "&#13;"
            default:
                if scalar.value < 0x20 { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A double attribute value in shortest round-trip form (XML Schema `double` lexical space).
    static func number(_ value: Double) -> String { Symbolic.formatNumber(value) }
}
