import Foundation
import Trials
import TumorImmune

/// The small, per-tumour parameter set `blockade calibrate` fits, as an unconstrained vector for
/// the optimiser (logs of positive scales, offsets from the standard population otherwise), mapped
/// onto a ``PopulationModel``. The zero vector is the standard population.
///
/// - `resistance-offset` (logit units): added to the logit of every mechanism median — one global
///   shift of how resistant the tumour type is, keeping the mechanisms' relative ordering from the
///   tumour catalogue. Bounded to ±4.
/// - `mechanism-logit-sd`: multiplier of `mechanismLogitSD` (population heterogeneity), 0.2–3.
/// - `doubling-time-scale`: multiplier of the median doubling time, 0.25–4.
/// - `doubling-time-log-sd`: log-scale SD of the doubling time between patients, 0.2–1.2 (growth
///   rates of untreated lesions vary several-fold between patients of one tumour type; this spread
///   sets how many non-responders are still stable at the first scan).
/// - where the tumour type has arms of both lines of therapy: `pretreated-resistance-shift` (logit,
///   0 to 3) and `pretreated-growth-scale` (0.5–3).
/// - where it has arms selected on PD-L1: `inflammation-loading` (0–0.95), how strongly the shared
///   inflammation factor lowers the inflammation-linked resistance knobs, and
///   `pdl1-adaptive-weight` (0–0.95), the share of the IFN-γ-induced part in the measured PD-L1
///   score (``PDL1Assay``).
/// - `sensitivity:<drug>` for each non-immune drug with a kill or growth-inhibition channel that
///   has an arm in this tumour type: `drugSensitivity[drug]`, 0.02–20.
///
/// Each coordinate has a prior SD (``priorSD``): the fit adds Σ (xᵢ/σᵢ)² to the loss, so a
/// parameter the arms do not constrain stays near the standard population instead of drifting.
public struct TumorParameterization: Sendable, Equatable {
    /// A population-level parameter.
    public enum Knob: String, Sendable, CaseIterable {
        case resistanceOffset = "resistance-offset", sdScale = "mechanism-logit-sd", doublingScale = "doubling-time-scale"
        case doublingLogSD = "doubling-time-log-sd", pretreatedShift = "pretreated-resistance-shift"
        case pretreatedGrowth = "pretreated-growth-scale", inflammationLoading = "inflammation-loading"
        case pdl1Weight = "pdl1-adaptive-weight"

        /// Initial simplex edge and prior SD in the unconstrained coordinate.
        var step: Double {
            switch self {
            case .resistanceOffset: 0.6
            case .sdScale, .doublingLogSD: 0.3
            case .doublingScale: 0.35
            case .pretreatedShift: 0.5
            case .pretreatedGrowth: 0.25
            case .inflammationLoading: 0.2
            case .pdl1Weight: 0.15
            }
        }
        var priorSD: Double {
            switch self {
            case .resistanceOffset, .pretreatedShift: 1
            case .sdScale, .doublingLogSD, .pretreatedGrowth: 0.5
            case .doublingScale: 0.7
            case .inflammationLoading: 0.3
            case .pdl1Weight: 0.2
            }
        }
    }

    /// Range of a fitted drug sensitivity.
    public static let sensitivityBounds: ClosedRange<Double> = 0.02...20
    /// Range of the fitted pretreated resistance shift, logit units. Not below 0: tumours that
    /// progressed on a prior line are selected for resistance, not for sensitivity (therapy selects resistant
    /// clones: review ref. 9, Sharma 2017 doi:10.1016/j.cell.2017.01.017). With −1 allowed, TNBC reached the bound in data v9, fitted
    /// from one pretreated arm against first-line arms of another drug.
    public static let pretreatedShiftRange: ClosedRange<Double> = 0...3

    public var tumor: String
    /// Drugs with a sensitivity parameter, in vector order after the population parameters.
    public var drugs: [String]
    public var base: PopulationModel
    /// Whether the two line-of-therapy parameters are fitted (arms of both lines present).
    public var fitsLine: Bool
    /// Whether the inflammation loading is fitted (arms selected on PD-L1 present).
    public var fitsInflammation: Bool

    public init(base: PopulationModel, drugs: [String], fitsLine: Bool = false, fitsInflammation: Bool = false) {
        self.tumor = base.tumor; self.base = base; self.drugs = drugs
        self.fitsLine = fitsLine; self.fitsInflammation = fitsInflammation
    }

    /// The fitted population parameters, in vector order.
    public var knobs: [Knob] {
        [.resistanceOffset, .sdScale, .doublingScale, .doublingLogSD]
            + (fitsLine ? [.pretreatedShift, .pretreatedGrowth] : []) + (fitsInflammation ? [.inflammationLoading, .pdl1Weight] : [])
    }
    /// Number of population parameters (before the drug sensitivities).
    public var populationCount: Int { knobs.count }
    public var count: Int { populationCount + drugs.count }
    public var names: [String] { knobs.map(\.rawValue) + drugs.map { "sensitivity:\($0)" } }
    /// Vector index of drug `k`'s sensitivity.
    public func drugIndex(_ k: Int) -> Int { populationCount + k }
    /// Prior SD of every coordinate (drug sensitivities: a factor of 10).
    public var priorSD: [Double] { knobs.map(\.priorSD) + drugs.map { _ in Foundation.log(10.0) } }
    /// Σ (xᵢ/σᵢ)²: the pull towards the standard population.
    public func prior(_ x: [Double]) -> Double { zip(x, priorSD).reduce(0) { $0 + ($1.0 / $1.1) * ($1.0 / $1.1) } }
    /// The unconstrained start (the standard population) and initial simplex edges (sensitivities
    /// first probe downwards: uncalibrated kill rates are generic assumptions, and a factor-of-3
    /// probe lets few evaluations cover the plausible range).
    public var start: [Double] { [Double](repeating: 0, count: count) }
    public var step: [Double] { knobs.map(\.step) + drugs.map { _ in -1.1 } }

    /// The range of `knob`'s natural-scale value.
    public func naturalBounds(of knob: Knob) -> ClosedRange<Double> {
        switch knob {
        case .resistanceOffset: -4...4
        case .sdScale: (0.2 * base.mechanismLogitSD)...(3 * base.mechanismLogitSD)
        case .doublingScale: 0.25...4
        case .doublingLogSD: 0.2...1.2
        case .pretreatedShift: Self.pretreatedShiftRange
        case .pretreatedGrowth: 0.5...3
        case .inflammationLoading, .pdl1Weight: 0...0.95
        }
    }

    /// Natural value of `knob` at unconstrained coordinate `u` (before clamping to its bounds).
    private func naturalValue(of knob: Knob, at u: Double) -> Double {
        switch knob {
        case .resistanceOffset: u
        case .sdScale: base.mechanismLogitSD * exp(u)
        case .doublingScale: exp(u)
        case .doublingLogSD: base.doublingTimeLogSD * exp(u)
        case .pretreatedShift: base.pretreatedResistanceShift + u
        case .pretreatedGrowth: base.pretreatedGrowthScale * exp(u)
        case .inflammationLoading: base.inflammationLoading + u
        case .pdl1Weight: base.pdl1AdaptiveWeight + u
        }
    }

    /// Unconstrained coordinate of `knob` at natural value `v` (inverse of ``naturalValue(of:at:)``).
    private func coordinate(of knob: Knob, at v: Double) -> Double {
        switch knob {
        case .resistanceOffset: v
        case .sdScale: log(v / base.mechanismLogitSD)
        case .doublingScale: log(v)
        case .doublingLogSD: log(v / base.doublingTimeLogSD)
        case .pretreatedShift: v - base.pretreatedResistanceShift
        case .pretreatedGrowth: log(v / base.pretreatedGrowthScale)
        case .inflammationLoading: v - base.inflammationLoading
        case .pdl1Weight: v - base.pdl1AdaptiveWeight
        }
    }

    /// The unconstrained interval that spans `knob`'s natural bounds (the range a full 1-D search covers).
    public func unconstrainedRange(of knob: Knob) -> ClosedRange<Double> {
        let bounds = naturalBounds(of: knob)
        return coordinate(of: knob, at: bounds.lowerBound)...coordinate(of: knob, at: bounds.upperBound)
    }

    /// Natural-scale values, in vector order.
    public func natural(_ x: [Double]) -> [Double] {
        var v = knobs.enumerated().map { i, knob -> Double in
            let bounds = naturalBounds(of: knob)
            return min(bounds.upperBound, max(bounds.lowerBound, naturalValue(of: knob, at: x[i])))
        }
        let bounds = Self.sensitivityBounds
        for k in drugs.indices { v.append(min(bounds.upperBound, max(bounds.lowerBound, exp(x[drugIndex(k)])))) }
        return v
    }

    /// The unconstrained vector for natural-scale values (inverse of ``natural(_:)``).
    public func unconstrained(_ v: [Double]) -> [Double] {
        knobs.enumerated().map { i, knob in coordinate(of: knob, at: v[i]) } + v.dropFirst(populationCount).map { log($0) }
    }

    /// The unconstrained vector that reproduces a previously fitted `model` of this tumour type
    /// (a warm start); mechanisms at the median clamps (0.02, 0.98) carry no offset information.
    public func vector(matching model: PopulationModel) -> [Double] {
        func logit(_ p: Double) -> Double { let q = min(0.98, max(0.02, p)); return log(q / (1 - q)) }
        // In key order: a dictionary's own order changes from run to run, and so would the sum's last bit.
        let offsets = base.mechanismMedians.sorted { $0.key < $1.key }.compactMap { key, median -> Double? in
            guard let fitted = model.mechanismMedians[key], fitted > 0.0201, fitted < 0.9799 else { return nil }
            return logit(fitted) - logit(median)
        }
        let offset = offsets.isEmpty ? 0 : offsets.reduce(0, +) / Double(offsets.count)
        let values = knobs.map { knob -> Double in
            switch knob {
            case .resistanceOffset: offset
            case .sdScale: model.mechanismLogitSD
            case .doublingScale: model.doublingTimeDays / base.doublingTimeDays
            case .doublingLogSD: model.doublingTimeLogSD
            case .pretreatedShift: model.pretreatedResistanceShift
            case .pretreatedGrowth: model.pretreatedGrowthScale
            case .inflammationLoading: model.inflammationLoading
            case .pdl1Weight: model.pdl1AdaptiveWeight
            }
        }
        return unconstrained(values + drugs.map { model.drugSensitivity[$0] ?? 1 })
    }

    /// The population model for a parameter vector.
    public func model(_ x: [Double]) -> PopulationModel {
        let v = natural(x)
        var m = base
        for (i, knob) in knobs.enumerated() {
            switch knob {
            case .resistanceOffset: m.mechanismMedians = base.mechanismMedians(shiftedBy: v[i])
            case .sdScale: m.mechanismLogitSD = v[i]
            case .doublingScale: m.doublingTimeDays = base.doublingTimeDays * v[i]
            case .doublingLogSD: m.doublingTimeLogSD = v[i]
            case .pretreatedShift: m.pretreatedResistanceShift = v[i]
            case .pretreatedGrowth: m.pretreatedGrowthScale = v[i]
            case .inflammationLoading: m.inflammationLoading = v[i]
            case .pdl1Weight: m.pdl1AdaptiveWeight = v[i]
            }
        }
        for (k, drug) in drugs.enumerated() { m.drugSensitivity[drug] = v[drugIndex(k)] }
        return m
    }

    /// Non-immune drugs of `regimens` whose direct anti-tumour effect `drugSensitivity` scales
    /// (an oncolytic virus's: its infection rate).
    public static func sensitiveDrugs(in regimens: [String], tumor: String) -> [String] {
        var found: [String] = []
        for regimen in regimens {
            guard let parsed = try? Regimen(parsing: regimen, tumor: tumor) else { continue }
            for slot in parsed.slots where slot.drug.drugClass != .checkpointAntibody {
                if slot.hasDirectSensitivity && !found.contains(slot.drug.id) { found.append(slot.drug.id) }
            }
        }
        return found
    }
}

/// The global toxicity parameters: logs of the four ``CalibratedPopulations/ToxicityCalibration``
/// scales (each bounded 0.05–20) and of the immune frailty log-SD (bounded 0.05–4; a calibration
/// without frailty starts from ``frailtyStart``).
public enum ToxicityParameterization {
    public static let names = ["immune-scale", "pd-weight-scale", "ctla4-weight-scale", "haematologic-scale", "immune-frailty-log-sd"]
    /// Range of each of the four scales.
    static let scaleBounds: ClosedRange<Double> = 0.05...20
    /// Starting frailty log-SD where none is fitted yet (an exploratory toxicity-only fit on data
    /// file 8 reached 1.5 from 1).
    static let frailtyStart = 1.5
    /// `base` with the scales and frailty of vector `y`; its other parameters (per-drug factors,
    /// background rate) carried through unchanged.
    public static func scales(_ y: [Double], over base: CalibratedPopulations.ToxicityCalibration = identity) -> CalibratedPopulations.ToxicityCalibration {
        precondition(y.count == names.count, "a toxicity vector has \(names.count) coordinates")
        let v = y.prefix(4).map { min(scaleBounds.upperBound, max(scaleBounds.lowerBound, exp($0))) }
        var s = base
        s.immuneScale = v[0]; s.pdWeightScale = v[1]; s.ctla4WeightScale = v[2]; s.haematologicScale = v[3]
        s.immuneFrailtyLogSD = min(4, max(0.05, exp(y[4])))
        return s
    }
    public static func vector(_ s: CalibratedPopulations.ToxicityCalibration) -> [Double] {
        [s.immuneScale, s.pdWeightScale, s.ctla4WeightScale, s.haematologicScale, s.immuneFrailtyLogSD ?? frailtyStart].map { log($0) }
    }
    public static let identity = CalibratedPopulations.ToxicityCalibration(immuneScale: 1, pdWeightScale: 1, ctla4WeightScale: 1, haematologicScale: 1)
}
