import Foundation
import TumorImmune

/// The small, per-tumour parameter set `blockade calibrate` fits, as an unconstrained vector for
/// the optimiser (logs of positive scales), mapped onto a ``PopulationModel``.
///
/// - `resistanceOffset` (logit units): added to the logit of every mechanism median — one global
///   shift of how resistant the tumour type is, keeping the mechanisms' relative ordering from the
///   tumour catalogue. Bounded to ±4.
/// - `log(sdScale)`: multiplier of `mechanismLogitSD` (population heterogeneity), bounded 0.2–3.
/// - `log(doublingScale)`: multiplier of the median doubling time, bounded 0.25–4.
/// - `log(sensitivity[d])` for each non-immune drug `d` with a kill or growth-inhibition channel
///   that has an arm in this tumour type: `drugSensitivity[d]`, bounded 0.02–20.
public struct TumorParameterization: Sendable, Equatable {
    public var tumor: String
    /// Drugs with a sensitivity parameter, in vector order after the three population parameters.
    public var drugs: [String]
    public var base: PopulationModel

    public init(base: PopulationModel, drugs: [String]) {
        self.tumor = base.tumor; self.base = base; self.drugs = drugs
    }

    public var count: Int { 3 + drugs.count }
    public var names: [String] { ["resistance-offset", "mechanism-logit-sd", "doubling-time-scale"] + drugs.map { "sensitivity:\($0)" } }
    /// The unconstrained start (the standard population) and initial simplex edges (sensitivities
    /// first probe downwards: uncalibrated kill rates are generic assumptions, and a factor-of-3
    /// probe lets few evaluations cover the plausible range).
    public var start: [Double] { [Double](repeating: 0, count: count) }
    public var step: [Double] { [0.6, 0.3, 0.35] + drugs.map { _ in -1.1 } }

    /// Natural-scale values (offset; SD; doubling-time multiplier; sensitivities).
    public func natural(_ x: [Double]) -> [Double] {
        var v = [min(4, max(-4, x[0])), base.mechanismLogitSD * min(3, max(0.2, exp(x[1]))), min(4, max(0.25, exp(x[2])))]
        for k in drugs.indices { v.append(min(20, max(0.02, exp(x[3 + k])))) }
        return v
    }

    /// The unconstrained vector for natural-scale values (inverse of ``natural(_:)``).
    public func unconstrained(_ v: [Double]) -> [Double] {
        [v[0], log(v[1] / base.mechanismLogitSD), log(v[2])] + v.dropFirst(3).map { log($0) }
    }

    /// The unconstrained vector that reproduces a previously fitted `model` of this tumour type
    /// (a warm start); mechanisms at the median clamps (0.02, 0.98) carry no offset information.
    public func vector(matching model: PopulationModel) -> [Double] {
        func logit(_ p: Double) -> Double { let q = min(0.98, max(0.02, p)); return log(q / (1 - q)) }
        let offsets = base.mechanismMedians.compactMap { key, median -> Double? in
            guard let fitted = model.mechanismMedians[key], fitted > 0.0201, fitted < 0.9799 else { return nil }
            return logit(fitted) - logit(median)
        }
        let offset = offsets.isEmpty ? 0 : offsets.reduce(0, +) / Double(offsets.count)
        return unconstrained([offset, model.mechanismLogitSD, model.doublingTimeDays / base.doublingTimeDays]
                             + drugs.map { model.drugSensitivity[$0] ?? 1 })
    }

    /// The population model for a parameter vector.
    public func model(_ x: [Double]) -> PopulationModel {
        let v = natural(x)
        var m = base
        for (key, median) in base.mechanismMedians {
            let p = min(0.98, max(0.02, median))
            m.mechanismMedians[key] = 1 / (1 + exp(-(log(p / (1 - p)) + v[0])))
        }
        m.mechanismLogitSD = v[1]
        m.doublingTimeDays = base.doublingTimeDays * v[2]
        for (k, drug) in drugs.enumerated() { m.drugSensitivity[drug] = v[3 + k] }
        return m
    }

    /// Non-immune drugs of `regimens` whose direct anti-tumour effect `drugSensitivity` scales.
    public static func sensitiveDrugs(in regimens: [String], tumor: String) -> [String] {
        var found: [String] = []
        for regimen in regimens {
            guard let parsed = try? Regimen(parsing: regimen, tumor: tumor) else { continue }
            for slot in parsed.slots where slot.drug.drugClass != .checkpointAntibody {
                let scaled = slot.drug.effects.contains { [.cytotoxicKill, .targetedKill, .growthInhibition].contains($0.channel) }
                if scaled && !found.contains(slot.drug.id) { found.append(slot.drug.id) }
            }
        }
        return found
    }
}

/// The global toxicity parameters: logs of the four ``CalibratedPopulations/ToxicityCalibration``
/// scales (each bounded 0.05–20).
public enum ToxicityParameterization {
    public static let names = ["immune-scale", "pd-weight-scale", "ctla4-weight-scale", "haematologic-scale"]
    public static func scales(_ y: [Double]) -> CalibratedPopulations.ToxicityCalibration {
        let v = y.map { min(20, max(0.05, exp($0))) }
        return .init(immuneScale: v[0], pdWeightScale: v[1], ctla4WeightScale: v[2], haematologicScale: v[3])
    }
    public static func vector(_ s: CalibratedPopulations.ToxicityCalibration) -> [Double] {
        [s.immuneScale, s.pdWeightScale, s.ctla4WeightScale, s.haematologicScale].map { log($0) }
    }
    public static let identity = CalibratedPopulations.ToxicityCalibration(immuneScale: 1, pdWeightScale: 1, ctla4WeightScale: 1, haematologicScale: 1)
}
