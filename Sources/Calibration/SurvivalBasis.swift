import Foundation
import Trials

/// What overall survival of a simulated arm depends on besides the post-progression median: per
/// patient, the day of progression, the drawn survival after it, and an earlier death. The median
/// OS under another post-progression median is then a rescaling, with no new simulation (survival
/// after progression never changes a course).
public struct SurvivalBasis: Sendable, Equatable, Codable {
    public struct Patient: Sendable, Equatable, Codable {
        /// Day of progression (nil: none within follow-up).
        public var progressionDay: Double?
        /// Survival after progression drawn under the simulated population, days.
        public var afterProgressionDays: Double?
        /// Day of a death from an adverse event or lethal burden, if any.
        public var otherDeathDay: Double?
    }
    public var patients: [Patient]
    /// Follow-up from the first dose, days (OS is censored there).
    public var horizonDays: Double

    public init(outcomes: [PatientOutcome], horizonDays: Double) {
        patients = outcomes.map { o in
            Patient(progressionDay: o.postProgressionDays == nil ? nil : o.pfsDays,
                    afterProgressionDays: o.postProgressionDays, otherDeathDay: o.otherDeathDay)
        }
        self.horizonDays = horizonDays
    }

    /// Kaplan–Meier estimate of OS (days) with survival after progression multiplied by `scale`.
    public func overallSurvival(scale: Double = 1) -> KaplanMeier? {
        let observations = patients.map { p -> (Double, Bool) in
            var death = p.otherDeathDay ?? .infinity
            if let t = p.progressionDay, let after = p.afterProgressionDays { death = min(death, t + after * scale) }
            return (min(death, horizonDays), death <= horizonDays)
        }
        return try? KaplanMeier(times: observations.map(\.0), events: observations.map(\.1))
    }

    /// Median OS, months (interpolated between events), under `scale`; nil when not reached.
    public func medianOS(scale: Double = 1) -> Double? {
        overallSurvival(scale: scale)?.interpolatedMedian.map { $0 / TrialSummary.daysPerMonth }
    }

    /// OS at `months`, %, under `scale`.
    public func survival(atMonths months: Double, scale: Double = 1) -> Double {
        100 * (overallSurvival(scale: scale)?.survival(at: months * TrialSummary.daysPerMonth) ?? 1)
    }
}
