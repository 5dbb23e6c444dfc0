import Foundation
import TumorImmune

/// Parameter sets of one tumour type consistent with its calibration, and the model's own error
/// beyond sampling: what a trial's prediction intervals are made of. Written by
/// `blockade validate --replace` into the populations data file (a recalibration drops them: they
/// belong to the fit they were drawn around). Members are draws from the Laplace approximation of
/// the calibration loss at the shipped fit (`docs/VALIDATION.md`).
public struct ParameterEnsemble: Codable, Sendable, Equatable {
    public var members: [PopulationModel]
    public var discrepancy: PredictionDiscrepancy

    public init(members: [PopulationModel], discrepancy: PredictionDiscrepancy) {
        self.members = members; self.discrepancy = discrepancy
    }

    /// Patients per arm and member when a trial computes its intervals.
    public static let patientsPerMember = 200

    /// 90 % prediction intervals of every arm of `configuration`: each member is run as the same
    /// trial (same seed and selection, ``patientsPerMember`` patients whatever the trial's size, so
    /// that the interval reflects the parameters rather than a small sample; no attribution), and
    /// each member's result gets four draws of the model discrepancy; the 5th–95th percentiles are
    /// the interval. Parameter uncertainty and model error only: the trial's own sampling interval
    /// is reported separately (`orr_ci95`).
    public func intervals(configuration: TrialConfiguration, regimens: [Regimen]? = nil) throws -> [ArmPredictionInterval] {
        var config = configuration
        config.patients = Self.patientsPerMember
        config.attribution = false
        var orr = [[Double]](repeating: [], count: config.arms.count)
        var pfs = orr, os = orr
        var random = CourseRandom(seed: configuration.seed ^ 0x5EED_0F_1A7E_2A15)
        func normal() -> Double { random.standardNormal() }
        for member in members {
            let runner = try TrialRunner(configuration: config, regimens: regimens, populationModel: member)
            let arms = try runner.run(patients: 0..<config.patients)
            for (k, arm) in arms.enumerated() {
                let s = try ArmSummary(outcomes: arm)
                for _ in 0..<4 {
                    orr[k].append(min(1, max(0, s.orr + discrepancy.orr / 100 * normal())))
                    if let m = s.pfs.interpolatedMedian { pfs[k].append(m / TrialSummary.daysPerMonth * exp(discrepancy.logMedianPFS * normal())) }
                    if let m = s.os.interpolatedMedian { os[k].append(m / TrialSummary.daysPerMonth * exp(discrepancy.logMedianOS * normal())) }
                }
            }
        }
        return orr.indices.map { k in
            ArmPredictionInterval(orr: Self.percentiles90(orr[k]), medianPFSMonths: Self.percentiles90(pfs[k], of: orr[k].count),
                                  medianOSMonths: Self.percentiles90(os[k], of: orr[k].count))
        }
    }

    /// 5th and 95th percentiles (nearest rank); with `of` given, nil when fewer than half of that
    /// many values exist (a median not reached in most members).
    public static func percentiles90(_ values: [Double], of total: Int? = nil) -> ClosedRange<Double>? {
        guard !values.isEmpty, values.count * 2 >= (total ?? 0) else { return nil }
        let s = values.sorted()
        func q(_ f: Double) -> Double { s[min(s.count - 1, max(0, Int((f * Double(s.count - 1)).rounded())))] }
        return q(0.05)...q(0.95)
    }
}

/// The model's error beyond sampling, from the calibration residuals: SD of ORR (points) and of the
/// log medians.
public struct PredictionDiscrepancy: Codable, Sendable, Equatable {
    public var orr: Double
    public var logMedianPFS: Double
    public var logMedianOS: Double

    public init(orr: Double, logMedianPFS: Double, logMedianOS: Double) {
        self.orr = orr; self.logMedianPFS = logMedianPFS; self.logMedianOS = logMedianOS
    }
}

/// A trial arm's 90 % prediction interval from parameter uncertainty and model error (ORR as a
/// fraction, medians in months; nil: not computed, or the median not reached in most members).
public struct ArmPredictionInterval: Codable, Sendable, Equatable {
    public var orr: ClosedRange<Double>?
    public var medianPFSMonths: ClosedRange<Double>?
    public var medianOSMonths: ClosedRange<Double>?

    public init(orr: ClosedRange<Double>?, medianPFSMonths: ClosedRange<Double>?, medianOSMonths: ClosedRange<Double>?) {
        self.orr = orr; self.medianPFSMonths = medianPFSMonths; self.medianOSMonths = medianOSMonths
    }
}
