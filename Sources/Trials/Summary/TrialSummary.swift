import Foundation

/// The whole result of a virtual trial — the object `blockade trial --format json` prints
/// (DESIGN.md, "Interfaces"): `tumor`, `selection`, `seed`, `arms`, `comparisons` and
/// `independent_drug_action`.
///
/// Comparisons: every arm after the first against the first arm, which is the control (A); the
/// first arm is compared with nothing. IDA entries: see `IndependentDrugAction.all(in:)`.
///
/// Determinism: the JSON depends only on the inputs — arms in the order given, outcomes summarised
/// in patient order (the summary sorts each arm by patient index first, so shard order cannot
/// matter), keys sorted, numbers printed by `CanonicalJSON`.
public struct TrialSummary: Sendable, Equatable {
    /// Tumour type identifier, e.g. `melanoma`.
    public var tumor: String
    /// The biomarker selection expression, nil for all-comers.
    public var selection: String?
    /// The population seed.
    public var seed: UInt64
    /// Line of therapy; nil for first line (the key `line` then stays out of the JSON, so first-line
    /// output is unchanged from versions without lines).
    public var line: TherapyLine?
    /// One summary per arm, in the order of `--arm`.
    public var arms: [ArmSummary]
    /// Every arm after the first against the first (control) arm.
    public var comparisons: [ArmComparison]
    /// IDA expectations for the combination arms whose components all have arms.
    public var independentDrugAction: [IndependentDrugAction]

    /// Summarises a trial.
    /// - Throws: `TrialStatisticsError` for no arms, an empty arm, an invalid time, or component
    ///   arms that do not hold the same patients as their combination.
    public init(tumor: String, selection: String?, seed: UInt64, line: TherapyLine? = nil, arms: [ArmOutcomes]) throws(TrialStatisticsError) {
        guard !arms.isEmpty else { throw .noArms }
        let sortedArms = arms.map { ArmOutcomes(regimen: $0.regimen, outcomes: $0.outcomes.sorted { $0.patient < $1.patient }) }
        self.tumor = tumor
        self.selection = selection
        self.seed = seed
        self.line = line == .first ? nil : line
        self.arms = try sortedArms.map { arm throws(TrialStatisticsError) in try ArmSummary(outcomes: arm) }
        let sortedControl = sortedArms[0]
        comparisons = try sortedArms.dropFirst().map { arm throws(TrialStatisticsError) in
            try ArmComparison(a: sortedControl, b: arm)
        }
        independentDrugAction = try IndependentDrugAction.all(in: sortedArms)
    }

    /// The trial JSON object.
    public var json: CanonicalJSON {
        var fields: [String: CanonicalJSON] = [
            "tumor": .string(tumor),
            "selection": .string(selection),
            "seed": .unsigned(seed),
            "arms": .array(arms.map(\.json)),
            "comparisons": .array(comparisons.map(\.json)),
            "independent_drug_action": .array(independentDrugAction.map(\.json)),
        ]
        if let line { fields["line"] = .string(line.rawValue) }
        return .object(fields)
    }

    /// The trial JSON text (pretty-printed, sorted keys, trailing newline); byte-identical for
    /// identical inputs.
    public func jsonString() -> String { json.serialized(pretty: true) + "\n" }
}
