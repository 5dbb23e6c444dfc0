import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Integrators
import Testing
@testable import Reactions

/// Counts elements and collects attributes while checking well-formedness.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var attributes: [String: [[String: String]]] = [:]
    var text = ""
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        self.attributes[name, default: []].append(attributes)
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

@Suite("SBML export")
struct SBMLExportTests {
    static let doses = [
        ScheduledEvent(time: 0, changes: [StateChange(index: 0, .add(100))]),
        ScheduledEvent(time: 7, changes: [StateChange(index: 0, .add(100))]),
        ScheduledEvent(time: 7, changes: [StateChange(index: 1, .multiply(0.5))]),
        ScheduledEvent(time: 10.5, changes: [StateChange(index: 0, .add(50)), StateChange(index: 0, .multiply(0.9)),
                                             StateChange(index: 1, .set(1))]),
    ]

    private func parse(_ xml: String) throws -> ElementCounter {
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        let ok = parser.parse()
        #expect(ok, "not well-formed: \(String(describing: parser.parserError))")
        return counter
    }

    @Test("document is well-formed and declares every component", arguments: Toy.allCases)
    func wellFormed(toy: Toy) throws {
        try toy.with { network in
            let xml = try SBMLExporter(modelID: "toy", modelName: "Toy <\(toy)>").document(network)
            let counter = try parse(xml)
            #expect(counter.counts["sbml"] == 1)
            #expect(counter.counts["compartment"] == network.compartments.count)
            #expect(counter.counts["species"] == network.species.count)
            #expect(counter.counts["parameter"] == network.parameters.count + network.observables.count)
            #expect(counter.counts["reaction"] == network.reactions.count)
            #expect(counter.counts["kineticLaw"] == network.reactions.count)
            #expect(counter.counts["assignmentRule"] == network.observables.count)
            #expect(counter.counts["event"] == nil)
            let sbml = try #require(counter.attributes["sbml"]?.first)
            #expect(sbml["level"] == "3" && sbml["version"] == "2")
            for species in counter.attributes["species"] ?? [] {
                #expect(species["hasOnlySubstanceUnits"] == "true")
                #expect(species["boundaryCondition"] == "false")
            }
        }
    }

    @Test("one SBML event per scheduled event, in order, with composed assignments")
    func events() throws {
        let xml = try SBMLExporter().document(AntibodyPK(), events: Self.doses)
        let counter = try parse(xml)
        #expect(counter.counts["event"] == Self.doses.count)
        #expect(counter.counts["trigger"] == Self.doses.count)
        // The last event changes A_c twice and A_p once: two assignments, (A_c + 50) * 0.9 composed.
        #expect(counter.counts["eventAssignment"] == 1 + 1 + 1 + 2)
        #expect(xml.contains("<apply><times/><apply><plus/><ci> A_c </ci><cn type=\"integer\"> 50 </cn></apply><cn> 0.9 </cn></apply>"))
        let triggers = counter.attributes["trigger"] ?? []
        #expect(triggers.allSatisfy { $0["initialValue"] == "false" && $0["persistent"] == "true" })
        let ids = (counter.attributes["event"] ?? []).compactMap { $0["id"] }
        #expect(ids == ["event_0", "event_1", "event_2", "event_3"])
    }

    @Test("species read but not changed are modifiers; reactants and products carry net stoichiometry")
    func references() throws {
        let xml = try SBMLExporter().document(PredatorPrey())
        let counter = try parse(xml)
        // Predation reads P and also produces it, so P is a product there; recruitment only reads N.
        #expect(counter.attributes["modifierSpeciesReference"]?.map { $0["species"] } == ["N"])
        let references = counter.attributes["speciesReference"] ?? []
        #expect(references.contains { $0["species"] == "P" && $0["stoichiometry"] == "0.25" })
    }

    @Test("text is escaped and overrides are used")
    func escapingAndOverrides() throws {
        let xml = try SBMLExporter().document(AntibodyPK(), parameterValues: [1, 2, 3, 4, 5, 6], initialState: [7, 8])
        let counter = try parse(xml)
        #expect(counter.text.contains("assumption: <test> & \"quoted\""))
        #expect(counter.attributes["parameter"]?.first?["value"] == "1")
        #expect(counter.attributes["species"]?.last?["initialAmount"] == "8")
        #expect(SBMLWriter.escape("a<b&'c'\"") == "a&lt;b&amp;&apos;c&apos;&quot;")
    }

    @Test("bad events and model ids are rejected with a message")
    func rejects() {
        #expect(throws: NetworkError.self) {
            try SBMLExporter().document(AntibodyPK(), events: [ScheduledEvent(time: 1, changes: [StateChange(index: 5, .add(1))])])
        }
        #expect(throws: NetworkError.self) {
            try SBMLExporter().document(AntibodyPK(), events: [ScheduledEvent(time: .nan, changes: [])])
        }
        #expect(throws: NetworkError.invalidIdentifier(id: "my model", kind: .model)) {
            try SBMLExporter(modelID: "my model").document(AntibodyPK())
        }
        #expect(throws: NetworkError.stateCountMismatch(expected: 2, actual: 1)) {
            try SBMLExporter().document(AntibodyPK(), initialState: [1])
        }
    }

    @Test("export is deterministic")
    func deterministic() throws {
        let exporter = SBMLExporter(modelID: "pk")
        #expect(try exporter.document(TimeVarying(), events: Self.doses) == exporter.document(TimeVarying(), events: Self.doses))
    }
}
