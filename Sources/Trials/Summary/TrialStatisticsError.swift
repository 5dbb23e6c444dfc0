/// Invalid input to a trial summary, with a message naming the arm or patient at fault.
public enum TrialStatisticsError: Error, Equatable, CustomStringConvertible {
    /// An arm without patients (nothing to summarise).
    case emptyArm(regimen: String)
    /// A patient outcome with an invalid time.
    case invalidOutcome(regimen: String, patient: Int, problem: String)
    /// A trial without arms.
    case noArms
    /// Arms that should hold the same patients (paired design) do not.
    case unpairedArms(regimen: String, reference: String)

    public var description: String {
        switch self {
        case let .emptyArm(regimen): "arm \"\(regimen)\" has no patients"
        case let .invalidOutcome(regimen, patient, problem): "arm \"\(regimen)\", patient \(patient): \(problem)"
        case .noArms: "a trial needs at least one arm"
        case let .unpairedArms(regimen, reference):
            "arm \"\(regimen)\" does not hold the same patients as arm \"\(reference)\" (the design is paired)"
        }
    }
}

extension ArmOutcomes {
    /// Progression-free survival of every patient, days; throws on a non-finite or negative time.
    func pfsObservations() throws(TrialStatisticsError) -> [SurvivalObservation] {
        try observations(\.pfsDays, \.progressed, name: "pfsDays")
    }

    /// Overall survival of every patient, days; throws on a non-finite or negative time.
    func osObservations() throws(TrialStatisticsError) -> [SurvivalObservation] {
        try observations(\.osDays, \.died, name: "osDays")
    }

    private func observations(_ time: KeyPath<PatientOutcome, Double>, _ event: KeyPath<PatientOutcome, Bool>,
                              name: String) throws(TrialStatisticsError) -> [SurvivalObservation] {
        try outcomes.map { o throws(TrialStatisticsError) in
            let t = o[keyPath: time]
            guard t.isFinite, t >= 0 else {
                throw .invalidOutcome(regimen: regimen, patient: o.patient, problem: "\(name) is \(t); must be finite and ≥ 0")
            }
            return SurvivalObservation(time: t, event: o[keyPath: event])
        }
    }
}

extension TrialSummary {
    /// Days per month used for every reported month: the mean Julian-year month, 365.25 / 12.
    public static let daysPerMonth = 30.4375
}

/// Converts days to months (days / 30.4375).
func months(_ days: Double?) -> Double? { days.map { $0 / TrialSummary.daysPerMonth } }
