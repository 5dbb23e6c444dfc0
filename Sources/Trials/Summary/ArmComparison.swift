/// Arm B against arm A: the `comparisons[]` object of the trial JSON.
///
/// PFS (and OS) hazard ratio of B relative to A from `CoxHazardRatio` (Efron ties, Wald CI and p)
/// and the two-sided log-rank p from `LogRankTest`. HR < 1 favours B.
///
/// The virtual design is paired — the same patients are treated in every arm — but these tests
/// treat the arms as independent samples, the analysis a real parallel-group trial would run. The
/// within-patient correlation is ignored, which makes the p-values conservative, not anticonservative.
public struct ArmComparison: Sendable, Equatable {
    /// Regimen of the reference arm (A, the control).
    public var a: String
    /// Regimen of the compared arm (B).
    public var b: String
    /// Hazard ratio of progression-or-death, B vs A.
    public var pfsHazardRatio: CoxHazardRatio
    /// Log-rank test of PFS, A vs B.
    public var pfsLogRank: LogRankTest
    /// Hazard ratio of death, B vs A.
    public var osHazardRatio: CoxHazardRatio
    /// Log-rank test of OS, A vs B.
    public var osLogRank: LogRankTest

    /// Compares arm `b` with the reference arm `a`.
    /// - Throws: `TrialStatisticsError.invalidOutcome` for a non-finite or negative time.
    public init(a: ArmOutcomes, b: ArmOutcomes) throws(TrialStatisticsError) {
        self.a = a.regimen
        self.b = b.regimen
        let pfsA = try a.pfsObservations(), pfsB = try b.pfsObservations()
        let osA = try a.osObservations(), osB = try b.osObservations()
        do {
            pfsHazardRatio = try CoxHazardRatio(reference: pfsA, compared: pfsB)
            pfsLogRank = try LogRankTest(pfsA, pfsB)
            osHazardRatio = try CoxHazardRatio(reference: osA, compared: osB)
            osLogRank = try LogRankTest(osA, osB)
        } catch {
            // Unreachable: the observations were validated above.
            throw .invalidOutcome(regimen: b.regimen, patient: -1, problem: "\(error)")
        }
    }

    /// The `comparisons[]` object: `a`, `b`, `pfs_hazard_ratio` and `logrank_p` (the DESIGN.md
    /// contract) plus `pfs_hazard_ratio_ci95`, `pfs_hazard_ratio_p` (Wald), `pfs_hazard_ratio_note`
    /// (why the HR is null, else null), and the same for OS. Null where not estimable.
    public var json: CanonicalJSON {
        var members: [String: CanonicalJSON] = ["a": .string(a), "b": .string(b)]
        Self.add(prefix: "pfs", pfsHazardRatio, pfsLogRank, logRankKey: "logrank_p", to: &members)
        Self.add(prefix: "os", osHazardRatio, osLogRank, logRankKey: "os_logrank_p", to: &members)
        return .object(members)
    }

    private static func add(prefix: String, _ hr: CoxHazardRatio, _ logRank: LogRankTest, logRankKey: String,
                            to members: inout [String: CanonicalJSON]) {
        let e = hr.estimate
        members["\(prefix)_hazard_ratio"] = .number(e?.hazardRatio)
        members["\(prefix)_hazard_ratio_ci95"] = .array([.number(e?.lower95), .number(e?.upper95)])
        members["\(prefix)_hazard_ratio_p"] = .number(e?.pValue)
        members["\(prefix)_hazard_ratio_note"] = .string(hr.notEstimable?.description)
        members[logRankKey] = .number(logRank.pValue)
    }
}
