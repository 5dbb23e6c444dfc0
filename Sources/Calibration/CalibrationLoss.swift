import Foundation
import Trials

/// A simulated calibration arm: the same quantities as the published targets. Rates %, months.
public struct SimulatedArm: Sendable, Equatable, Codable {
    public var orr: Double
    public var cr: Double
    /// Median PFS, months; nil when not reached within the follow-up.
    public var medianPFS: Double?
    /// Grade ≥ 3 treatment-related adverse events.
    public var g3: Double
    /// Grade ≥ 3 adverse events of any attribution (treatment-related or background;
    /// ``CalibratedPopulations/ToxicityCalibration/backgroundGrade3PerYear``).
    public var g3AnyCause: Double
    /// Progression-free at 12 months, % (Kaplan–Meier).
    public var pfs12: Double?
    /// Median overall survival, months; nil when not reached within the follow-up.
    public var medianOS: Double?
    /// Overall survival at 24 months, % (Kaplan–Meier).
    public var os24: Double?
    /// What OS depends on besides the post-progression median (nil when not recorded).
    public var survival: SurvivalBasis?
    public init(orr: Double, cr: Double, medianPFS: Double?, g3: Double, g3AnyCause: Double? = nil,
                pfs12: Double? = nil, medianOS: Double? = nil, os24: Double? = nil, survival: SurvivalBasis? = nil) {
        self.orr = orr; self.cr = cr; self.medianPFS = medianPFS; self.g3 = g3; self.g3AnyCause = g3AnyCause ?? g3
        self.pfs12 = pfs12; self.medianOS = medianOS; self.os24 = os24; self.survival = survival
    }

    /// The G≥3 rate comparable with `arm`'s published one: any-cause where the CSV flags it so.
    public func g3(comparableWith arm: CalibrationArm) -> Double { arm.g3IsAnyCause ? g3AnyCause : g3 }
}

/// The calibration objective: a weighted sum of robust penalties of threshold-scaled errors over arms.
///
/// Per arm:  w_n · [ w_orr ρ(ΔORR/5) + w_cr ρ(ΔCR/5) + w_pfs ρ(ΔmPFS/mPFS / 0.3) + w_g3 ρ(ΔG3/5) ]
/// with Δ in percentage points for rates and ρ(r) = ln(1 + r²/c²) / ln(1 + 1/c²) (a Cauchy/Lorentzian
/// penalty, c = `robustScale`): ρ ≈ r² near 0 and ρ(1) = 1 exactly at the acceptance threshold of
/// the issue (ORR ±5 points, G≥3 ±5 points, mPFS ±30 %), but it grows only logarithmically far
/// beyond it. Published arms of one regimen disagree by more than the threshold (sunitinib ORR
/// 27–52 %, docetaxel G≥3 35–55 %, nab-paclitaxel G≥3 42–67 %: different populations, attribution
/// and follow-up), and a squared error lets such an outlier pull the fit to a compromise that
/// passes none of them; the Cauchy penalty lets the fit follow the arms that agree (robust
/// regression; Black & Rangarajan 1996 doi:10.1007/BF00131148 for the penalty family). With
/// per-regimen constants fitted to the published G≥3 rates, c = 2 passes 62 of 85 arms against 54
/// for squared errors (best constant per regimen under each penalty, computed from the published G≥3
/// rates, weights and flags of the calibration CSV's arms). `robustScale = nil`
/// restores squared errors. CR uses the ORR scale at half
/// weight (CR is rare, noisy in 150–300 virtual patients and often recalled rather than checked),
/// and median PFS has half weight too: ORR is the primary target, and the model's PFS is limited by
/// structure (8-weekly scans, stable disease rarer than in trials), so a full-weight PFS term pulled
/// the response rates away from their targets.
/// w_n = n / (n + 100) gives small (phase-1, subgroup) arms less pull; a missing n counts as 100.
/// G≥3 rates flagged `g3=allcause` (any attribution) are compared with the simulated any-cause rate
/// (treatment-related events plus a fitted background; ``SimulatedArm/g3AnyCause``); rates counted
/// over a wider population than the arm's get half weight. A median PFS not reached in the
/// simulation counts as the follow-up (`horizonMonths`), a lower bound. Terms whose target is
/// absent are left out. The loss is 0 exactly when every present target is matched.
public struct CalibrationLoss: Sendable {
    public var orrWeight = 1.0
    public var crWeight = 0.5
    public var pfsWeight = 0.5
    public var g3Weight = 1.0
    /// Weight multiplier of G≥3 targets counted over a wider population than the arm's.
    public var flaggedG3Weight = 0.5
    /// Scales: the pass thresholds.
    public static let orrTolerance = 5.0, g3Tolerance = 5.0, pfsRelativeTolerance = 0.3
    /// Scale c of the Cauchy penalty, in threshold units (nil: squared errors).
    public var robustScale: Double? = 2
    /// Follow-up used for a median PFS that is not reached, months.
    public var horizonMonths = 730 / TrialSummary.daysPerMonth

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

    /// The penalty of an error of `r` threshold units: 0 at 0, 1 at ±1, logarithmic far out.
    public func penalty(_ r: Double) -> Double {
        guard let c = robustScale else { return r * r }
        return Foundation.log1p(r * r / (c * c)) / Foundation.log1p(1 / (c * c))
    }

    /// Contribution of one arm; `includeEfficacy`/`includeToxicity` select the terms.
    public func armLoss(_ arm: CalibrationArm, _ sim: SimulatedArm, includeEfficacy: Bool = true, includeToxicity: Bool = true) -> Double {
        var sum = 0.0
        if includeEfficacy {
            for term in efficacyTerms(arm, sim) where term.weight > 0 { sum += term.weight * penalty(term.error) }
        }
        if includeToxicity, let t = arm.g3 {
            let w = arm.g3IsOtherPopulation ? flaggedG3Weight : 1
            sum += g3Weight * w * penalty((sim.g3(comparableWith: arm) - t) / Self.g3Tolerance)
        }
        return sizeWeight(arm) * sum
    }

    /// The efficacy terms of one arm as (error in threshold units, weight): ORR, CR, median PFS and
    /// PFS at 12 months, weight 0 where the arm has no target; ``sizeWeight(_:)`` times
    /// Σ weight · ρ(error) is the efficacy part of ``armLoss(_:_:includeEfficacy:includeToxicity:)``.
    public func efficacyTerms(_ arm: CalibrationArm, _ sim: SimulatedArm) -> [(error: Double, weight: Double)] {
        func term(_ target: Double?, _ error: (Double) -> Double, _ weight: Double) -> (error: Double, weight: Double) {
            target.map { (error($0), weight) } ?? (0, 0)
        }
        return [
            term(arm.orr, { (sim.orr - $0) / Self.orrTolerance }, orrWeight),
            term(arm.cr, { (sim.cr - $0) / Self.orrTolerance }, crWeight),
            term(arm.medianPFS, { pfsRelativeError(target: $0, fitted: sim.medianPFS) / Self.pfsRelativeTolerance }, pfsWeight),
            term(arm.pfs12, { ((sim.pfs12 ?? 0) - $0) / Self.landmarkTolerance }, pfsWeight),
        ]
    }

    /// Weight ω(r) = ρ′(r) / 2r of iteratively reweighted least squares: ω r² matches the penalty's
    /// local curvature at error r (1 / ln(1 + 1/c²) / (c² + r²) for the Cauchy penalty, 1 for squares).
    public func irlsWeight(_ r: Double) -> Double {
        guard let c = robustScale else { return 1 }
        return 1 / ((c * c + r * r) * Foundation.log1p(1 / (c * c)))
    }

    /// Total loss over paired arms and simulations.
    public func total(_ arms: [CalibrationArm], _ sims: [SimulatedArm], includeEfficacy: Bool = true, includeToxicity: Bool = true) -> Double {
        zip(arms, sims).reduce(0) { $0 + armLoss($1.0, $1.1, includeEfficacy: includeEfficacy, includeToxicity: includeToxicity) }
    }
}
