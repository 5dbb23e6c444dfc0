import Foundation

/// A simulated calibration arm: the same quantities as the published targets. Rates %, months.
public struct SimulatedArm: Sendable, Equatable, Codable {
    public var orr: Double
    public var cr: Double
    /// Median PFS, months; nil when not reached within the follow-up.
    public var medianPFS: Double?
    public var g3: Double
    public init(orr: Double, cr: Double, medianPFS: Double?, g3: Double) {
        self.orr = orr; self.cr = cr; self.medianPFS = medianPFS; self.g3 = g3
    }
}

/// The calibration objective: a weighted sum of squared, threshold-scaled errors over arms.
///
/// Per arm:  w_n · [ w_orr (ΔORR/5)² + w_cr (ΔCR/5)² + w_pfs (ΔmPFS/mPFS / 0.3)² + w_g3 (ΔG3/5)² ]
/// with Δ in percentage points for rates, so each unweighted term is 1 exactly at the acceptance
/// threshold of the issue (ORR ±5 points, G≥3 ±5 points, mPFS ±30 %); CR uses the ORR scale at half
/// weight (CR is rare, noisy in 150–300 virtual patients and often recalled rather than checked),
/// and median PFS has half weight too: ORR is the primary target, and the model's PFS is limited by
/// structure (8-weekly scans, stable disease rarer than in trials), so a full-weight PFS term pulled
/// the response rates away from their targets.
/// w_n = n / (n + 100) gives small (phase-1, subgroup) arms less pull; a missing n counts as 100.
/// G≥3 rates flagged `g3=allcause` (any attribution) or counted over a wider population get half
/// weight, since the model simulates treatment-related events only. A median PFS not reached in the
/// simulation counts as the follow-up (`horizonMonths`), a lower bound. Terms whose target is
/// absent are left out. The loss is 0 exactly when every present target is matched.
public struct CalibrationLoss: Sendable {
    public var orrWeight = 1.0
    public var crWeight = 0.5
    public var pfsWeight = 0.5
    public var g3Weight = 1.0
    /// Weight multiplier of flagged (any-cause / other-population) G≥3 targets.
    public var flaggedG3Weight = 0.5
    /// Scales: the pass thresholds.
    public static let orrTolerance = 5.0, g3Tolerance = 5.0, pfsRelativeTolerance = 0.3
    /// Follow-up used for a median PFS that is not reached, months.
    public var horizonMonths = 730 / 30.4375

    public init() {}

    /// Weight of an arm's size.
    public func sizeWeight(_ arm: CalibrationArm) -> Double {
        let n = Double(arm.n ?? 100)
        return n / (n + 100)
    }

    /// Relative error of the median PFS (fitted not reached → the follow-up).
    public func pfsRelativeError(target: Double, fitted: Double?) -> Double {
        ((fitted ?? horizonMonths) - target) / max(target, 0.1)
    }

    /// Contribution of one arm; `includeEfficacy`/`includeToxicity` select the terms.
    public func armLoss(_ arm: CalibrationArm, _ sim: SimulatedArm, includeEfficacy: Bool = true, includeToxicity: Bool = true) -> Double {
        var sum = 0.0
        if includeEfficacy {
            if let t = arm.orr { sum += orrWeight * pow((sim.orr - t) / Self.orrTolerance, 2) }
            if let t = arm.cr { sum += crWeight * pow((sim.cr - t) / Self.orrTolerance, 2) }
            if let t = arm.medianPFS { sum += pfsWeight * pow(pfsRelativeError(target: t, fitted: sim.medianPFS) / Self.pfsRelativeTolerance, 2) }
        }
        if includeToxicity, let t = arm.g3 {
            let w = (arm.g3IsAnyCause || arm.g3IsOtherPopulation) ? flaggedG3Weight : 1
            sum += g3Weight * w * pow((sim.g3 - t) / Self.g3Tolerance, 2)
        }
        return sizeWeight(arm) * sum
    }

    /// Total loss over paired arms and simulations.
    public func total(_ arms: [CalibrationArm], _ sims: [SimulatedArm], includeEfficacy: Bool = true, includeToxicity: Bool = true) -> Double {
        zip(arms, sims).reduce(0) { $0 + armLoss($1.0, $1.1, includeEfficacy: includeEfficacy, includeToxicity: includeToxicity) }
    }
}
