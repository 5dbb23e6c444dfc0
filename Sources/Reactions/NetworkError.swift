/// Why a ``ReactionNetwork`` (or the values supplied with it) cannot be compiled or exported.
///
/// Each case names the offending identifier and what was expected, so the message can be shown to
/// the person who wrote the network without further context.
public enum NetworkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of declaration an identifier belongs to.
    public enum Kind: String, Sendable {
        /// A ``Compartment``.
        case compartment
        /// A ``Species``.
        case species
        /// A ``Parameter``.
        case parameter
        /// A ``Reaction``.
        case reaction
        /// An ``Observable``.
        case observable
        /// The exported SBML model itself (its `id`).
        case model
    }

    /// The identifier is not an SBML SId (`[A-Za-z_][A-Za-z0-9_]*`).
    case invalidIdentifier(id: String, kind: Kind)
    /// Two declarations share one identifier (identifiers are unique across all kinds, as in SBML).
    case duplicateIdentifier(id: String, first: Kind, second: Kind)
    /// A species lives in a compartment that is not declared.
    case unknownCompartment(species: String, compartment: String)
    /// A reaction's stoichiometry names a species that is not declared.
    case unknownSpecies(reaction: String, species: String)
    /// A compartment volume is not finite and positive (litres).
    case invalidCompartmentVolume(compartment: String, volumeLitres: Double)
    /// A species' initial amount is NaN or infinite.
    case nonFiniteInitialAmount(species: String, value: Double)
    /// A parameter value is NaN or infinite.
    case nonFiniteParameter(parameter: String, value: Double)
    /// A stoichiometric coefficient is NaN or infinite.
    case nonFiniteStoichiometry(reaction: String, species: String, coefficient: Double)
    /// The number of parameter values supplied differs from the number of declared parameters.
    case parameterCountMismatch(expected: Int, actual: Int)
    /// The number of initial amounts supplied differs from the number of declared species.
    case stateCountMismatch(expected: Int, actual: Int)
    /// A scheduled event changes a state index that does not exist, or has a non-finite time or value.
    case invalidEvent(time: Double, index: Int, reason: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case let .invalidIdentifier(id, kind):
            return "\(kind.rawValue) id '\(id)' is not a valid SBML identifier: expected a letter or '_' followed by letters, digits or '_'"
        case let .duplicateIdentifier(id, first, second):
            return "id '\(id)' is used by a \(first.rawValue) and a \(second.rawValue): identifiers must be unique across compartments, species, parameters, reactions and observables"
        case let .unknownCompartment(species, compartment):
            return "species '\(species)' is in compartment '\(compartment)', which is not declared: expected one of the network's compartments"
        case let .unknownSpecies(reaction, species):
            return "reaction '\(reaction)' changes species '\(species)', which is not declared: expected one of the network's species"
        case let .invalidCompartmentVolume(compartment, volume):
            return "compartment '\(compartment)' has volume \(volume) L: expected a finite volume > 0 litres"
        case let .nonFiniteInitialAmount(species, value):
            return "species '\(species)' has initial amount \(value): expected a finite number"
        case let .nonFiniteParameter(parameter, value):
            return "parameter '\(parameter)' has value \(value): expected a finite number"
        case let .nonFiniteStoichiometry(reaction, species, coefficient):
            return "reaction '\(reaction)' has coefficient \(coefficient) for species '\(species)': expected a finite number"
        case let .parameterCountMismatch(expected, actual):
            return "\(actual) parameter values supplied: expected \(expected), one per declared parameter in order"
        case let .stateCountMismatch(expected, actual):
            return "\(actual) initial amounts supplied: expected \(expected), one per declared species in order"
        case let .invalidEvent(time, index, reason):
            return "event at t = \(time) d changing state index \(index): \(reason)"
        }
    }
}

/// Structural checks shared by compilation and export.
enum NetworkValidation {
    /// Whether `id` is an SBML SId: a letter or underscore, then letters, digits or underscores (ASCII).
    static func isValidSId(_ id: String) -> Bool {
        guard let first = id.utf8.first else { return false }
        func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        guard isLetter(first) else { return false }
        return id.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) }
    }

    static func validate<N: ReactionNetwork>(_ network: N) throws(NetworkError) {
        var kindOf: [String: NetworkError.Kind] = [:]
        func declare(_ id: String, _ kind: NetworkError.Kind) throws(NetworkError) {
            guard isValidSId(id) else { throw .invalidIdentifier(id: id, kind: kind) }
            if let first = kindOf[id] { throw .duplicateIdentifier(id: id, first: first, second: kind) }
            kindOf[id] = kind
        }
        for c in network.compartments {
            try declare(c.id, .compartment)
            guard c.volumeLitres.isFinite, c.volumeLitres > 0 else {
                throw .invalidCompartmentVolume(compartment: c.id, volumeLitres: c.volumeLitres)
            }
        }
        for s in network.species { try declare(s.id, .species) }
        for p in network.parameters { try declare(p.id, .parameter) }
        for r in network.reactions { try declare(r.id, .reaction) }
        for o in network.observables { try declare(o.id, .observable) }

        for s in network.species {
            guard kindOf[s.compartment] == .compartment else {
                throw .unknownCompartment(species: s.id, compartment: s.compartment)
            }
            guard s.initialAmount.isFinite else { throw .nonFiniteInitialAmount(species: s.id, value: s.initialAmount) }
        }
        for p in network.parameters where !p.value.isFinite {
            throw .nonFiniteParameter(parameter: p.id, value: p.value)
        }
        for r in network.reactions {
            for term in r.stoichiometry {
                guard kindOf[term.species] == .species else {
                    throw .unknownSpecies(reaction: r.id, species: term.species)
                }
                guard term.coefficient.isFinite else {
                    throw .nonFiniteStoichiometry(reaction: r.id, species: term.species, coefficient: term.coefficient)
                }
            }
        }
    }

    /// Checks caller-supplied parameter values against the declarations.
    static func validate(parameterValues: [Double], of parameters: [Parameter]) throws(NetworkError) {
        guard parameterValues.count == parameters.count else {
            throw .parameterCountMismatch(expected: parameters.count, actual: parameterValues.count)
        }
        for (value, parameter) in zip(parameterValues, parameters) where !value.isFinite {
            throw .nonFiniteParameter(parameter: parameter.id, value: value)
        }
    }

    /// Checks a caller-supplied initial state against the declarations.
    static func validate(initialState: [Double], of species: [Species]) throws(NetworkError) {
        guard initialState.count == species.count else {
            throw .stateCountMismatch(expected: species.count, actual: initialState.count)
        }
        for (value, s) in zip(initialState, species) where !value.isFinite {
            throw .nonFiniteInitialAmount(species: s.id, value: value)
        }
    }

    /// Net coefficient per species for one reaction, in first-mention order; zero nets are dropped
    /// (a species both consumed and regenerated is a catalyst, not a reactant).
    static func netStoichiometry(_ reaction: Reaction, speciesIndex: [String: Int]) -> [(species: Int, coefficient: Double)] {
        var order: [Int] = []
        var net: [Int: Double] = [:]
        for term in reaction.stoichiometry {
            guard let i = speciesIndex[term.species] else { continue }
            if net[i] == nil { order.append(i) }
            net[i, default: 0] += term.coefficient
        }
        return order.compactMap { i in
            guard let c = net[i], c != 0 else { return nil }
            return (i, c)
        }
    }
}
