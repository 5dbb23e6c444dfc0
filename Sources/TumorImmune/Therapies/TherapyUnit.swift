import Integrators
import Reactions

/// Where one therapy's species and parameters sit in ``TumorImmuneNetwork`` (computed once).
public struct TherapyLayout: Sendable, Equatable {
    /// Index of the therapy's first species.
    public let speciesStart: Int
    /// Index of the therapy's first parameter (its kinetic parameters come first).
    public let parameterStart: Int
    /// Index of the first effect parameter: emax, EC50 and Hill coefficient of each of the drug's
    /// effects follow, three per effect, in the drug's order.
    public let effectStart: Int
    /// Index of the first parameter after the effects (a carrier's parameters, if any).
    public let afterEffects: Int
    /// One past the therapy's last species.
    public let speciesEnd: Int
    /// One past the therapy's last parameter.
    public let parameterEnd: Int
}

/// The shared state a therapy's rate laws read: the host model's species, parameters and the
/// quantities derived from them once per evaluation.
struct TherapyContext<T: ModelScalar> {
    let x: UnsafeBufferPointer<T>
    let p: UnsafeBufferPointer<T>
    let derived: TumorImmuneNetwork.Derived<T>
    /// T-cell access to the tumour: ECM exclusion, raised by vessel normalisation.
    let access: T
    /// Drug penetration into the tumour: ECM exclusion, raised by vessel normalisation.
    let penetration: T
    /// IFN-γ effect, IFNg / (IFNg + 1).
    let ifnEffect: T

    func X(_ s: S) -> T { x[s.rawValue] }
    func K(_ q: P) -> T { p[q.rawValue] }
}

/// What one kind of therapy brings to the tumour–immune model: its species, parameters, reactions
/// with their rate laws, how much of it acts at each site, its dose events and its part in shared
/// quantities (lesion cells, antigen release, killing). A new kind of therapy is one type
/// conforming to this protocol, one case of ``Therapy`` with its line in each forwarding method and
/// in the class-to-unit mapping, and the ``DrugClass`` that selects it (CONTRIBUTING.md walks
/// through it); nothing else in the model names therapy kinds. Generic methods are specialised
/// through ``Therapy``'s concrete cases. Toxicity follows the drug's effect channels
/// (``ToxicityModel/channel(of:in:)``), not the unit.
///
/// A unit holds only indices and flags (a trivially copyable value): the right-hand side copies
/// units freely, and a unit holding the ``DrugSlot`` (strings, arrays) would pay reference counting
/// at every evaluation. What it needs of the slot for declarations is passed in.
protocol TherapyUnit: Sendable {
    /// Where its species and parameters sit.
    var layout: TherapyLayout { get }
    init(slot: DrugSlot, layout: TherapyLayout)

    /// Number of species a slot of this kind adds.
    static func speciesCount(for slot: DrugSlot) -> Int
    /// Number of kinetic parameters before the drug's effect parameters.
    static func kineticParameterCount(for slot: DrugSlot) -> Int
    /// Number of parameters after the effect parameters (a carrier's).
    static func trailingParameterCount(for slot: DrugSlot) -> Int
    /// Units of the concentration its effects read (EC50 units).
    static var concentrationUnits: String { get }

    func species(_ slot: DrugSlot) -> [Species]
    /// Kinetic parameters (before the effect parameters).
    func kineticParameters(_ slot: DrugSlot) -> [Parameter]
    /// Parameters after the effect parameters.
    func trailingParameters(_ slot: DrugSlot) -> [Parameter]
    /// The therapy's reactions with their rate laws, in order (`slot` is read only to declare them).
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink)
    /// Concentration (nM, or infected cells for a virus) acting at `site`.
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T
    /// Dose events over `[0, days)`, added to `byDay` (state changes per day, in slot order).
    func addDoseEvents(_ slot: DrugSlot, days: Double, parameters p: ContiguousArray<Double>, to byDay: inout [Double: [StateChange]])
    func observables(_ slot: DrugSlot) -> [Observable]
    /// Whether its first observable is its total plasma concentration (µg/mL).
    var observesPlasma: Bool { get }
    /// Writes its observables from index `j`; returns the next free index.
    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T,
                                 into o: UnsafeMutableBufferPointer<T>, from j: Int) -> Int

    /// Cancer cells it holds in the lesion (infected cells), counted in volume and viable cells.
    func lesionCancerCells<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T?
    /// Lymphocytes it holds in the lesion (CAR-T), counted in the tumour volume.
    func lesionLymphocytes<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T?
    /// Adds its antigen release to the APC drive: virus lysis and the radiation danger signal.
    func addAntigenRelease<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, lysis: inout T, radiation: inout T)
    /// Its per-capita killing rate of antigen-positive cells that bypasses MHC-I (CAR-T).
    func directKilling<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, _ k: KillingContext<T>) -> T?

    /// A patient's or tumour type's sensitivity to this therapy beyond its drug effects (which
    /// ``CompiledNetwork/scaleDirectEffects(factor:)`` scales): multiplies what this kind's own
    /// kinetics make patient-specific.
    func scaleSensitivity(by factor: Double, parameters: inout ContiguousArray<Double>)
    /// Whether ``scaleSensitivity(by:parameters:)`` scales something of the unit's own.
    static var hasOwnSensitivity: Bool { get }
    /// Plasma concentration (nM) at `state`, for drugs with plasma PK (toxicity exposure).
    func plasmaConcentration(state: [Double], parameters p: ContiguousArray<Double>) -> Double?
    /// Encapsulated plasma pool and anti-carrier immunity of a carried drug.
    var carrierPools: (encapsulated: Int, immunity: Int)? { get }
    /// The oral input-rate species of an oral drug (switched off when the drug is held).
    var oralInput: Int? { get }
}

/// Quantities a direct-killing therapy reads (computed once per evaluation).
struct KillingContext<T: ModelScalar> {
    var cancer: T, contact: T, pd1Inhibition: T, suppression: T, steroidFactor: T
    /// Tumour volume (L), for a unit that reads its own concentration in the tumour.
    var volume: T
}

extension TherapyUnit {
    static func trailingParameterCount(for slot: DrugSlot) -> Int { 0 }
    static var concentrationUnits: String { "nM" }
    func trailingParameters(_ slot: DrugSlot) -> [Parameter] { [] }
    func observables(_ slot: DrugSlot) -> [Observable] { [] }
    var observesPlasma: Bool { false }
    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T,
                                 into o: UnsafeMutableBufferPointer<T>, from j: Int) -> Int { j }
    @inline(__always)
    func lesionCancerCells<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? { nil }
    @inline(__always)
    func lesionLymphocytes<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? { nil }
    @inline(__always)
    func addAntigenRelease<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, lysis: inout T, radiation: inout T) {}
    @inline(__always)
    func directKilling<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, _ k: KillingContext<T>) -> T? { nil }
    func plasmaConcentration(state: [Double], parameters p: ContiguousArray<Double>) -> Double? { nil }
    func scaleSensitivity(by factor: Double, parameters: inout ContiguousArray<Double>) {}
    static var hasOwnSensitivity: Bool { false }
    var carrierPools: (encapsulated: Int, immunity: Int)? { nil }
    var oralInput: Int? { nil }
}

/// A therapy in the network: the one place that maps a drug class to the unit that models it and
/// forwards to that unit with its concrete type (so generic rate laws are specialised, never
/// dispatched through an existential in the right-hand side).
enum Therapy: Sendable {
    case drug(PharmacokineticDrug)
    case virus(OncolyticVirus)
    case cells(CellTherapy)
    case radiation(Radiotherapy)

    /// The unit for `slot`, laid out from `speciesStart` and `parameterStart`.
    init(slot: DrugSlot, speciesStart: Int, parameterStart: Int) {
        func layout<U: TherapyUnit>(_: U.Type) -> TherapyLayout {
            let effectStart = parameterStart + U.kineticParameterCount(for: slot)
            let afterEffects = effectStart + 3 * slot.drug.effects.count
            return TherapyLayout(speciesStart: speciesStart, parameterStart: parameterStart, effectStart: effectStart,
                                 afterEffects: afterEffects, speciesEnd: speciesStart + U.speciesCount(for: slot),
                                 parameterEnd: afterEffects + U.trailingParameterCount(for: slot))
        }
        switch slot.drug.drugClass {
        case .oncolyticVirus: self = .virus(OncolyticVirus(slot: slot, layout: layout(OncolyticVirus.self)))
        case .cellTherapy: self = .cells(CellTherapy(slot: slot, layout: layout(CellTherapy.self)))
        case .radiotherapy: self = .radiation(Radiotherapy(slot: slot, layout: layout(Radiotherapy.self)))
        default: self = .drug(PharmacokineticDrug(slot: slot, layout: layout(PharmacokineticDrug.self)))
        }
    }

    /// The unit, for declarations and events (no generic arithmetic).
    var unit: any TherapyUnit {
        switch self {
        case .drug(let u): u
        case .virus(let u): u
        case .cells(let u): u
        case .radiation(let u): u
        }
    }

    @inline(__always)
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink) {
        switch self {
        case .drug(let u): u.emitReactions(c, slot: slot(), into: &sink)
        case .virus(let u): u.emitReactions(c, slot: slot(), into: &sink)
        case .cells(let u): u.emitReactions(c, slot: slot(), into: &sink)
        case .radiation(let u): u.emitReactions(c, slot: slot(), into: &sink)
        }
    }

    @inline(__always)
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T {
        switch self {
        case .drug(let u): u.concentration(at: site, x: x, p: p, volume: volume)
        case .virus(let u): u.concentration(at: site, x: x, p: p, volume: volume)
        case .cells(let u): u.concentration(at: site, x: x, p: p, volume: volume)
        case .radiation(let u): u.concentration(at: site, x: x, p: p, volume: volume)
        }
    }

    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T,
                                 into o: UnsafeMutableBufferPointer<T>, from j: Int) -> Int {
        switch self {
        case .drug(let u): u.observe(x: x, p: p, volume: volume, into: o, from: j)
        case .virus(let u): u.observe(x: x, p: p, volume: volume, into: o, from: j)
        case .cells(let u): u.observe(x: x, p: p, volume: volume, into: o, from: j)
        case .radiation(let u): u.observe(x: x, p: p, volume: volume, into: o, from: j)
        }
    }

    @inline(__always)
    func lesionCancerCells<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? {
        switch self {
        case .drug(let u): u.lesionCancerCells(x: x)
        case .virus(let u): u.lesionCancerCells(x: x)
        case .cells(let u): u.lesionCancerCells(x: x)
        case .radiation(let u): u.lesionCancerCells(x: x)
        }
    }

    @inline(__always)
    func lesionLymphocytes<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? {
        switch self {
        case .drug(let u): u.lesionLymphocytes(x: x)
        case .virus(let u): u.lesionLymphocytes(x: x)
        case .cells(let u): u.lesionLymphocytes(x: x)
        case .radiation(let u): u.lesionLymphocytes(x: x)
        }
    }

    @inline(__always)
    func addAntigenRelease<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, lysis: inout T, radiation: inout T) {
        switch self {
        case .drug(let u): u.addAntigenRelease(x: x, p: p, lysis: &lysis, radiation: &radiation)
        case .virus(let u): u.addAntigenRelease(x: x, p: p, lysis: &lysis, radiation: &radiation)
        case .cells(let u): u.addAntigenRelease(x: x, p: p, lysis: &lysis, radiation: &radiation)
        case .radiation(let u): u.addAntigenRelease(x: x, p: p, lysis: &lysis, radiation: &radiation)
        }
    }

    @inline(__always)
    func directKilling<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, _ k: KillingContext<T>) -> T? {
        switch self {
        case .drug(let u): u.directKilling(x: x, p: p, k)
        case .virus(let u): u.directKilling(x: x, p: p, k)
        case .cells(let u): u.directKilling(x: x, p: p, k)
        case .radiation(let u): u.directKilling(x: x, p: p, k)
        }
    }
}

extension DrugSlot {
    /// Whether a patient's or tumour type's drug sensitivity changes this therapy: a direct-acting
    /// effect (``EffectChannel/isDirectActing``) or kinetics of its unit's own (an oncolytic
    /// virus's infection rate). Calibration fits a sensitivity for exactly these.
    public var hasDirectSensitivity: Bool {
        let unit = Therapy(slot: self, speciesStart: 0, parameterStart: 0).unit
        return type(of: unit).hasOwnSensitivity || drug.effects.contains { $0.channel.isDirectActing }
    }

    /// The effect parameters of the drug: emax, EC50 (in `concentrationUnits`) and Hill
    /// coefficient of each effect.
    func effectParameters(concentrationUnits units: String) -> [Parameter] {
        let s = sid, d = drug
        var list: [Parameter] = []
        for e in d.effects {
            let c = e.channel.rawValue.replacingOccurrences(of: "-", with: "_")
            let site = e.site.rawValue.replacingOccurrences(of: "-", with: "_")
            list += [
                Parameter(id: "\(s)_\(c)_\(site)_emax", description: "\(d.id) maximal \(e.channel.rawValue) at the \(e.site.rawValue)", value: e.emax, units: e.channel.isFractional ? "dimensionless" : "1/day", source: e.source),
                Parameter(id: "\(s)_\(c)_\(site)_ec50", description: "\(d.id) EC50 for \(e.channel.rawValue)", value: e.ec50, units: units, source: e.source),
                Parameter(id: "\(s)_\(c)_\(site)_hill", description: "\(d.id) Hill coefficient for \(e.channel.rawValue)", value: e.hill, units: "dimensionless", source: e.source),
            ]
        }
        return list
    }
}
