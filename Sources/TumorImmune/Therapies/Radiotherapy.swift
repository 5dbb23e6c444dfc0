import Foundation
import Integrators
import Reactions

/// External-beam radiotherapy: each fraction multiplies cancer cells by the linear–quadratic
/// surviving fraction exp(−αd − βd²) (lymphocytes in the field likewise, with their own α and
/// β = α/10) and adds its dose to a decaying radiation signal that drives APC maturation
/// (immunogenic cell death).
struct Radiotherapy: TherapyUnit {
    let layout: TherapyLayout

    init(slot: DrugSlot, layout: TherapyLayout) { self.layout = layout }

    static func speciesCount(for slot: DrugSlot) -> Int { 1 }
    static func kineticParameterCount(for slot: DrugSlot) -> Int { 0 }

    var signal: Int { layout.speciesStart }

    func species(_ slot: DrugSlot) -> [Species] {
        [Species(id: "\(slot.sid)_signal", description: "radiation-induced antigen-release signal", compartment: "tumour", units: "Gy", initialAmount: 0)]
    }

    func kineticParameters(_ slot: DrugSlot) -> [Parameter] { [] }

    @inline(__always)
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink) {
        sink.reaction("\(slot().sid)_signal_decay", "decay of the radiation ICD signal", [("\(slot().sid)_signal", -1)],
                      rate: c.K(.rtSignalDecay) * c.x[signal])
    }

    @inline(__always)
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T { 0 }

    @inline(__always)
    func addAntigenRelease<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, lysis: inout T, radiation: inout T) {
        radiation = radiation + x[signal]
    }

    func addDoseEvents(_ slot: DrugSlot, days: Double, parameters p: ContiguousArray<Double>, to byDay: inout [Double: [StateChange]]) {
        let alpha = p[P.rtAlpha.rawValue], beta = p[P.rtBeta.rawValue], alphaL = p[P.rtAlphaLymph.rawValue]
        for fraction in slot.schedule.administrations(horizon: days) {
            let gy = fraction.doseMg
            let survival = exp(-alpha * gy - beta * gy * gy)
            let lymphSurvival = exp(-alphaL * gy - alphaL / 10 * gy * gy)
            byDay[fraction.day, default: []] += [
                StateChange(index: S.cancerPositive.rawValue, .multiply(survival)),
                StateChange(index: S.cancerLoss.rawValue, .multiply(survival)),
                StateChange(index: S.effector.rawValue, .multiply(lymphSurvival)),
                StateChange(index: S.exhausted.rawValue, .multiply(lymphSurvival)),
                StateChange(index: signal, .add(gy)),
            ]
        }
    }
}
