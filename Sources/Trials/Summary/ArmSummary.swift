import TumorImmune

/// The per-arm results of a virtual trial — the `arms[]` object of `blockade trial --format json`
/// (DESIGN.md, "Interfaces"). Rates are fractions 0–1 of the arm's n; times are months
/// (days / 30.4375).
///
/// Methods: ORR with the exact Clopper–Pearson 95 % CI (`BinomialInterval.clopperPearson`); PFS
/// and OS medians from `KaplanMeier` with the Brookmeyer–Crowley (log-log) 95 % CI.
public struct ArmSummary: Sendable, Equatable {
    /// The regimen exactly as given to `--arm`.
    public var regimen: String
    /// Patients in the arm.
    public var n: Int
    /// Patients per best overall response (RECIST 1.1).
    public var completeResponses: Int, partialResponses: Int, stableDiseases: Int, progressiveDiseases: Int
    /// Patients not evaluable for response (RECIST 1.1 "NE"): no post-baseline assessment, e.g. they
    /// died or stopped before the first scan. With it the categories add up:
    /// CR + PR + SD + PD + NE = n, and NE counts as non-response in the ORR and DCR.
    public var notEvaluable: Int
    /// Objective response rate, (CR + PR) / n.
    public var orr: Double { Double(completeResponses + partialResponses) / Double(n) }
    /// Exact 95 % CI of the ORR.
    public var orrCI95: BinomialInterval
    /// Disease-control rate, (CR + PR + SD) / n.
    public var dcr: Double { Double(completeResponses + partialResponses + stableDiseases) / Double(n) }
    /// Kaplan–Meier estimate of progression-free survival (days).
    public var pfs: KaplanMeier
    /// Kaplan–Meier estimate of overall survival (days).
    public var os: KaplanMeier
    /// Patients with any grade ≥ 3 treatment-related adverse event.
    public var grade3PlusCount: Int
    /// Patients who stopped treatment for toxicity.
    public var discontinuedCount: Int
    /// Primary resistance attribution: mechanism → number of primary-resistance patients whose
    /// `drivingMechanisms` contain it (a patient with two mechanisms counts under both).
    public var primaryResistanceByMechanism: [Mechanism: Int]
    /// Primary-resistance patients with no driving mechanism.
    public var primaryResistanceUnattributed: Int
    /// Primary-resistance patients in total.
    public var primaryResistanceCount: Int
    /// Acquired resistance attribution, as for primary resistance.
    public var acquiredResistanceByMechanism: [Mechanism: Int]
    /// Acquired-resistance patients with no driving mechanism.
    public var acquiredResistanceUnattributed: Int
    /// Acquired-resistance patients in total.
    public var acquiredResistanceCount: Int
    /// 90 % prediction interval from parameter uncertainty (nil: not computed).
    public var predictionInterval: ArmPredictionInterval?

    /// Summarises one arm.
    /// - Throws: `TrialStatisticsError.emptyArm` for an arm without patients, `.invalidOutcome` for
    ///   a non-finite or negative PFS/OS time.
    public init(outcomes arm: ArmOutcomes) throws(TrialStatisticsError) {
        guard !arm.outcomes.isEmpty else { throw .emptyArm(regimen: arm.regimen) }
        regimen = arm.regimen
        n = arm.outcomes.count
        let responses = arm.outcomes.map(\.bestResponse)
        completeResponses = responses.count { $0 == .completeResponse }
        partialResponses = responses.count { $0 == .partialResponse }
        stableDiseases = responses.count { $0 == .stableDisease }
        progressiveDiseases = responses.count { $0 == .progressiveDisease }
        notEvaluable = responses.count { $0 == .notEvaluable }
        orrCI95 = BinomialInterval.clopperPearson(successes: completeResponses + partialResponses, n: n)
            ?? BinomialInterval(lower: 0, upper: 1)
        do {
            pfs = try KaplanMeier(arm.pfsObservations())
            os = try KaplanMeier(arm.osObservations())
        } catch let error as TrialStatisticsError {
            throw error
        } catch {
            throw .invalidOutcome(regimen: arm.regimen, patient: -1, problem: "\(error)")
        }
        grade3PlusCount = arm.outcomes.count { $0.grade3PlusAdverseEvent }
        discontinuedCount = arm.outcomes.count { $0.discontinuedForToxicity }
        (primaryResistanceByMechanism, primaryResistanceUnattributed, primaryResistanceCount) =
            Self.attribution(arm.outcomes, kind: .primary)
        (acquiredResistanceByMechanism, acquiredResistanceUnattributed, acquiredResistanceCount) =
            Self.attribution(arm.outcomes, kind: .acquired)
    }

    static func attribution(_ outcomes: [PatientOutcome], kind: ResistanceKind)
        -> (byMechanism: [Mechanism: Int], unattributed: Int, total: Int) {
        var byMechanism: [Mechanism: Int] = [:]
        var unattributed = 0, total = 0
        for o in outcomes where o.resistance == kind {
            total += 1
            if o.drivingMechanisms.isEmpty { unattributed += 1 }
            // A mechanism listed twice for one patient still counts that patient once.
            for m in Set(o.drivingMechanisms) { byMechanism[m, default: 0] += 1 }
        }
        return (byMechanism, unattributed, total)
    }

    /// Fraction of the arm's patients, 0–1.
    func fraction(_ count: Int) -> Double { Double(count) / Double(n) }

    /// The `arms[]` object of the trial JSON.
    ///
    /// `primary_resistance` maps each mechanism (its kebab-case name) to the fraction **of the arm's
    /// n** with primary resistance whose driving mechanisms include it, plus `"unattributed"` for
    /// primary-resistance patients with none; only non-zero entries appear, and a patient with two
    /// mechanisms counts under both, so the entries can sum to more than `primary_resistance_total`
    /// (the fraction of the arm with primary resistance). `acquired_resistance` likewise.
    /// Medians are JSON null when not reached; a CI end that is not reached is null.
    public var json: CanonicalJSON {
        let pfsMedian = pfs.median, osMedian = os.median
        return .object([
            "regimen": .string(regimen),
            "n": .int(n),
            "orr": .number(orr),
            "orr_ci95": .array([.number(orrCI95.lower), .number(orrCI95.upper)]),
            "cr": .number(fraction(completeResponses)),
            "pr": .number(fraction(partialResponses)),
            "sd": .number(fraction(stableDiseases)),
            "pd": .number(fraction(progressiveDiseases)),
            "ne": .number(fraction(notEvaluable)),
            "dcr": .number(dcr),
            "median_pfs_months": .number(months(pfsMedian.median)),
            "median_pfs_months_ci95": .array([.number(months(pfsMedian.lower95)), .number(months(pfsMedian.upper95))]),
            "median_os_months": .number(months(osMedian.median)),
            "median_os_months_ci95": .array([.number(months(osMedian.lower95)), .number(months(osMedian.upper95))]),
            "orr_pi90": interval(predictionInterval?.orr),
            "median_pfs_months_pi90": interval(predictionInterval?.medianPFSMonths),
            "median_os_months_pi90": interval(predictionInterval?.medianOSMonths),
            "g3plus_trae": .number(fraction(grade3PlusCount)),
            "discontinuation_trae": .number(fraction(discontinuedCount)),
            "primary_resistance": resistanceJSON(primaryResistanceByMechanism, unattributed: primaryResistanceUnattributed),
            "primary_resistance_total": .number(fraction(primaryResistanceCount)),
            "acquired_resistance": resistanceJSON(acquiredResistanceByMechanism, unattributed: acquiredResistanceUnattributed),
            "acquired_resistance_total": .number(fraction(acquiredResistanceCount)),
        ])
    }

    /// A prediction interval as a two-element array, or null.
    private func interval(_ r: ClosedRange<Double>?) -> CanonicalJSON {
        r.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null
    }

    private func resistanceJSON(_ byMechanism: [Mechanism: Int], unattributed: Int) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = [:]
        for (mechanism, count) in byMechanism where count > 0 { members[mechanism.rawValue] = .number(fraction(count)) }
        if unattributed > 0 { members["unattributed"] = .number(fraction(unattributed)) }
        return .object(members)
    }
}
