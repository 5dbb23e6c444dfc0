import TumorImmune

/// The independent-drug-action (IDA) expectation for a combination: Palmer & Sorger, *Cell*
/// 171:1678 (2017), doi:10.1016/j.cell.2017.11.009. Under independence without synergy or
/// additivity, each patient benefits from the single best drug of the combination, so a patient's
/// expected outcome is the best of their single-agent outcomes.
///
/// Per patient (the same patient index in every arm): PFS = the maximum of the single-agent PFS
/// times; it is an event only if every component's PFS is an event, otherwise it is censored at the
/// maximum (the true maximum is then only known to be at least that — exact when censoring is the
/// common administrative end of follow-up). Best response = the best of the single-agent best
/// responses (CR > PR > SD > PD).
///
/// Comparing the combination arm with this expectation shows whether the simulated mechanism
/// predicts more (synergy) or less (antagonism, or added toxicity) than independence.
public struct IndependentDrugAction: Sendable, Equatable {
    /// Regimen of the combination arm, e.g. `nivolumab+ipilimumab`.
    public var combination: String
    /// Its components, in the order written, e.g. `["nivolumab", "ipilimumab"]`.
    public var components: [String]
    /// The per-patient best-of-components outcomes, labelled with the combination's regimen.
    public var expected: ArmSummary
    /// The combination arm as simulated.
    public var observed: ArmSummary

    /// The IDA expectation for one combination arm from its component arms.
    /// - Parameters:
    ///   - combination: the combination arm.
    ///   - components: one arm per component, all with the same patients as `combination`.
    /// - Throws: `TrialStatisticsError.unpairedArms` if the arms do not hold the same patient
    ///   indices, `.emptyArm` / `.invalidOutcome` as `ArmSummary` does.
    public init(combination: ArmOutcomes, components: [ArmOutcomes]) throws(TrialStatisticsError) {
        guard !components.isEmpty else { throw .emptyArm(regimen: combination.regimen) }
        let patients = combination.outcomes.map(\.patient).sorted()
        var byPatient: [[PatientOutcome]] = []
        for arm in components {
            let sorted = arm.outcomes.sorted { $0.patient < $1.patient }
            guard sorted.map(\.patient) == patients else {
                throw .unpairedArms(regimen: arm.regimen, reference: combination.regimen)
            }
            byPatient.append(sorted)
        }
        let best = patients.indices.map { i in Self.bestOf(byPatient.map { $0[i] }) }
        self.combination = combination.regimen
        self.components = components.map(\.regimen)
        expected = try ArmSummary(outcomes: ArmOutcomes(regimen: combination.regimen, outcomes: best))
        observed = try ArmSummary(outcomes: combination)
    }

    /// One patient's best-of-components outcome; fields IDA says nothing about (toxicity,
    /// resistance, scans, OS) are taken from the component with the longest PFS.
    static func bestOf(_ outcomes: [PatientOutcome]) -> PatientOutcome {
        var result = outcomes[0]
        for o in outcomes.dropFirst() where o.pfsDays > result.pfsDays { result = o }
        result.pfsDays = outcomes.map(\.pfsDays).max() ?? result.pfsDays
        result.progressed = outcomes.allSatisfy(\.progressed)
        result.bestResponse = outcomes.map(\.bestResponse).min() ?? result.bestResponse
        return result
    }

    /// Every combination arm (regimen with `+`) whose components (split on `+`) all have arms of
    /// their own, with its IDA expectation; in the order of the combination arms. A component
    /// regimen matches an arm whose regimen string is exactly equal.
    /// - Throws: as `init(combination:components:)`.
    public static func all(in arms: [ArmOutcomes]) throws(TrialStatisticsError) -> [IndependentDrugAction] {
        var result: [IndependentDrugAction] = []
        for arm in arms where arm.regimen.contains("+") {
            let names = arm.regimen.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            let componentArms = names.compactMap { name in arms.first { $0.regimen == name } }
            guard names.count >= 2, componentArms.count == names.count else { continue }
            result.append(try IndependentDrugAction(combination: arm, components: componentArms))
        }
        return result
    }

    /// The `independent_drug_action[]` object: `combination`, `components`, the IDA `orr` and
    /// `median_pfs_months` (null if not reached), and the simulated `combination_orr` and
    /// `combination_median_pfs_months`.
    public var json: CanonicalJSON {
        .object([
            "combination": .string(combination),
            "components": .array(components.map { .string($0) }),
            "orr": .number(expected.orr),
            "median_pfs_months": .number(months(expected.pfs.median.median)),
            "combination_orr": .number(observed.orr),
            "combination_median_pfs_months": .number(months(observed.pfs.median.median)),
        ])
    }
}
