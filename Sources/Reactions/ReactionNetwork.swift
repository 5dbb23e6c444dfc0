/// A well-mixed volume that holds species.
public struct Compartment: Sendable, Equatable {
    /// SBML identifier, e.g. `tumour`.
    public var id: String
    /// Human-readable description.
    public var description: String
    /// Nominal volume, in litres.
    public var volumeLitres: Double
    /// Where the volume comes from (DOI, label or paper).
    public var source: String

    public init(id: String, description: String, volumeLitres: Double, source: String) {
        self.id = id; self.description = description; self.volumeLitres = volumeLitres; self.source = source
    }
}

/// A state variable of a network, always held as an amount (cells, nmol, ...), never a concentration.
public struct Species: Sendable, Equatable {
    public var id: String
    public var description: String
    /// Identifier of the ``Compartment`` it lives in.
    public var compartment: String
    /// Unit of the amount, e.g. `cell`, `nmol`, `dimensionless`.
    public var units: String
    /// Default initial amount, in ``units``.
    public var initialAmount: Double

    public init(id: String, description: String, compartment: String, units: String, initialAmount: Double) {
        self.id = id; self.description = description; self.compartment = compartment
        self.units = units; self.initialAmount = initialAmount
    }
}

/// A constant of a network with its provenance.
public struct Parameter: Sendable, Equatable {
    public var id: String
    public var description: String
    /// Default value, in ``units``.
    public var value: Double
    public var units: String
    /// DOI, drug label or paper the value comes from; `"assumption: ..."` when it is a modelling choice.
    public var source: String

    public init(id: String, description: String, value: Double, units: String, source: String) {
        self.id = id; self.description = description; self.value = value; self.units = units; self.source = source
    }
}

/// One term of a reaction's stoichiometry: `coefficient` units of species `species` are produced
/// (positive) or consumed (negative) per unit of reaction flux.
public struct StoichiometryTerm: Sendable, Equatable {
    public var species: String
    public var coefficient: Double
    public init(_ species: String, _ coefficient: Double) { self.species = species; self.coefficient = coefficient }
}

/// A reaction: a flux (given by the network's rate law, in species units per day) and its stoichiometry.
public struct Reaction: Sendable, Equatable {
    public var id: String
    public var description: String
    public var stoichiometry: [StoichiometryTerm]
    public init(id: String, description: String, stoichiometry: [StoichiometryTerm]) {
        self.id = id; self.description = description; self.stoichiometry = stoichiometry
    }
}

/// A derived quantity computed from state and parameters (tumour diameter, receptor occupancy, ...).
public struct Observable: Sendable, Equatable {
    public var id: String
    public var description: String
    public var units: String
    public init(id: String, description: String, units: String) {
        self.id = id; self.description = description; self.units = units
    }
}

/// A reaction network defined once: declarations as data, rate laws as generic code.
///
/// The rate laws are written over ``ModelScalar`` so the same definition compiles to the fast
/// `Double` right-hand side, the automatic Jacobian (``Dual``) and the SBML / Markdown export
/// (``Symbolic``). Time is in days. Index order of `x`, `p`, `v` and `o` follows ``species``,
/// ``parameters``, ``reactions`` and ``observables``.
public protocol ReactionNetwork: Sendable {
    var compartments: [Compartment] { get }
    var species: [Species] { get }
    var parameters: [Parameter] { get }
    var reactions: [Reaction] { get }
    var observables: [Observable] { get }

    /// Writes the flux of every reaction (species units per day).
    /// - Parameters:
    ///   - x: species amounts; `p`: parameter values; `time`: days since start.
    func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                               into v: UnsafeMutableBufferPointer<T>)

    /// Writes every observable.
    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                 into o: UnsafeMutableBufferPointer<T>)
}
