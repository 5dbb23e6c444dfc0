import Integrators
import Reactions

/// CAR-T cells: blood, tumour and memory pools. CAR signalling bypasses MHC-I, so CAR-T killing
/// does not fall with antigen-presentation loss; it is limited by ECM contact, suppression,
/// corticosteroids and (at most halved) by PD-1.
struct CellTherapy: TherapyUnit {
    let layout: TherapyLayout

    init(slot: DrugSlot, layout: TherapyLayout) { self.layout = layout }

    static func speciesCount(for slot: DrugSlot) -> Int { 3 }
    static func kineticParameterCount(for slot: DrugSlot) -> Int { 0 }

    var blood: Int { layout.speciesStart }
    var tumour: Int { layout.speciesStart + 1 }
    var memory: Int { layout.speciesStart + 2 }

    func species(_ slot: DrugSlot) -> [Species] {
        let s = slot.sid
        return [
            Species(id: "\(s)_blood", description: "CAR-T cells in blood", compartment: "central", units: "cell", initialAmount: 0),
            Species(id: "\(s)_tumour", description: "CAR-T cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 0),
            Species(id: "\(s)_memory", description: "memory CAR-T cells", compartment: "central", units: "cell", initialAmount: 0),
        ]
    }

    func kineticParameters(_ slot: DrugSlot) -> [Parameter] { [] }

    @inline(__always)
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink) {
        let inBlood = c.x[blood], inTumour = c.x[tumour], cp = c.X(.cancerPositive)
        let engaged = cp / (cp + inTumour / c.K(.stimHalfRatio) + 1)
        sink.reaction("\(slot().sid)_infiltration", "CAR-T entry into the tumour (ECM- and chemokine-limited)", [("\(slot().sid)_blood", -1), ("\(slot().sid)_tumour", 1)],
                      rate: c.K(.carInfiltration) * inBlood * c.derived.chemokine * c.access)
        sink.reaction("\(slot().sid)_blood_contraction", "CAR-T contraction in blood", [("\(slot().sid)_blood", -1)],
                      rate: c.K(.carContraction) * inBlood)
        // CAR signalling bypasses MHC and most co-stimulation needs; PD-1 still halves it at most
        // (assumption). Killing (``directKilling``) remains limited by ECM contact and suppression.
        sink.reaction("\(slot().sid)_expansion", "antigen-driven CAR-T expansion", [("\(slot().sid)_tumour", 1)],
                      rate: c.K(.carExpansion) * engaged * (1 - 0.5 * c.derived.pd1Inhibition) * c.derived.steroidFactor * inTumour)
        sink.reaction("\(slot().sid)_contraction", "CAR-T contraction", [("\(slot().sid)_tumour", -1)],
                      rate: c.K(.carContraction) * inTumour)
        sink.reaction("\(slot().sid)_memory_formation", "a fraction of contracting CAR-T becomes memory", [("\(slot().sid)_memory", 1)],
                      rate: c.K(.carMemoryFraction) * c.K(.carContraction) * inTumour)
        sink.reaction("\(slot().sid)_exhaustion", "CAR-T exhaustion", [("\(slot().sid)_tumour", -1)],
                      rate: c.K(.carExhaustion) * engaged * inTumour)
        sink.reaction("\(slot().sid)_memory_decay", "memory CAR-T decay", [("\(slot().sid)_memory", -1)],
                      rate: c.K(.carMemoryDecay) * c.x[memory])
    }

    @inline(__always)
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T { 0 }

    @inline(__always)
    func lesionLymphocytes<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? { x[tumour] }

    @inline(__always)
    func directKilling<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, _ k: KillingContext<T>) -> T? {
        func K(_ q: P) -> T { p[q.rawValue] }
        let carRatio = x[tumour] / (k.cancer + 1)
        return K(.carKill) * k.contact * (1 - k.pd1Inhibition) * k.suppression * k.steroidFactor * carRatio / (carRatio + K(.killHalfRatio))
    }

    /// The infusion adds its cells to blood.
    func addDoseEvents(_ slot: DrugSlot, days: Double, parameters p: ContiguousArray<Double>, to byDay: inout [Double: [StateChange]]) {
        for dose in slot.schedule.administrations(horizon: days) {
            byDay[dose.day, default: []].append(StateChange(index: blood, .add(dose.doseMg)))
        }
    }
}
