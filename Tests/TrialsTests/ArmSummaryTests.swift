import Testing
import TumorImmune
import BlockadeTestSupport
@testable import Trials

@Suite struct ArmSummaryTests {
    /// Ten hand-made patients: 1 CR, 3 PR, 2 SD, 4 PD; 2 with grade ≥ 3 events, 1 discontinued.
    static let arm: ArmOutcomes = {
        typealias F = Fixtures
        let outcomes = [
            F.outcome(patient: 0, response: .completeResponse, pfs: 700, progressed: false, grade3: true),
            F.outcome(patient: 1, response: .partialResponse, pfs: 400, progressed: true, resistance: .acquired,
                      mechanisms: [.acquiredAntigenLoss]),
            F.outcome(patient: 2, response: .partialResponse, pfs: 500, progressed: true, resistance: .acquired),
            F.outcome(patient: 3, response: .partialResponse, pfs: 600, progressed: false),
            F.outcome(patient: 4, response: .stableDisease, pfs: 200, resistance: .primary, mechanisms: [.stromalBarrier]),
            F.outcome(patient: 5, response: .stableDisease, pfs: 180, resistance: .primary,
                      mechanisms: [.stromalBarrier, .tregSuppression], discontinued: true),
            F.outcome(patient: 6, response: .progressiveDisease, pfs: 56, resistance: .primary, mechanisms: [.lowAntigenicity]),
            F.outcome(patient: 7, response: .progressiveDisease, pfs: 56, resistance: .primary),
            F.outcome(patient: 8, response: .progressiveDisease, pfs: 60, resistance: .primary, grade3: true),
            F.outcome(patient: 9, response: .progressiveDisease, pfs: 84, resistance: .primary, mechanisms: [.stromalBarrier]),
        ]
        return ArmOutcomes(regimen: "nivolumab", outcomes: outcomes)
    }()

    @Test func countsAndRates() throws {
        let s = try ArmSummary(outcomes: Self.arm)
        #expect(s.n == 10)
        #expect([s.completeResponses, s.partialResponses, s.stableDiseases, s.progressiveDiseases, s.notEvaluable] == [1, 3, 2, 4, 0])
        #expect(s.orr == 0.4 && s.dcr == 0.6)
        #expect(s.grade3PlusCount == 2 && s.discontinuedCount == 1)
        #expect(s.primaryResistanceCount == 6 && s.primaryResistanceUnattributed == 2)
        #expect(s.primaryResistanceByMechanism == [.stromalBarrier: 3, .tregSuppression: 1, .lowAntigenicity: 1])
        #expect(s.acquiredResistanceCount == 2 && s.acquiredResistanceUnattributed == 1)
        #expect(s.acquiredResistanceByMechanism == [.acquiredAntigenLoss: 1])
        // PFS events at 56 (×2), 60, 84, 180, 200 of 10: S(180) = 0.8·(7/8)·(6/7)·(5/6) = ½ exactly
        // (0.5000000000000001 in floating point) → median 180 days.
        #expect(s.pfs.median.median == 180)
        let ci = try #require(BinomialInterval.clopperPearson(successes: 4, n: 10))
        #expect(s.orrCI95 == ci)
    }

    @Test func jsonObject() throws {
        guard case let .object(o) = try ArmSummary(outcomes: Self.arm).json else { Issue.record("not an object"); return }
        #expect(o["regimen"] == .string("nivolumab") && o["n"] == .int(10))
        #expect(o["cr"] == .number(0.1) && o["pr"] == .number(0.3) && o["sd"] == .number(0.2) && o["pd"] == .number(0.4))
        #expect(o["ne"] == .number(0))
        #expect(o["g3plus_trae"] == .number(0.2) && o["discontinuation_trae"] == .number(0.1))
        #expect(o["median_pfs_months"] == .number(180 / 30.4375))
        #expect(o["median_os_months"] == .null)  // nobody died
        #expect(o["primary_resistance"] == .object(["stromal-barrier": .number(0.3), "treg-suppression": .number(0.1),
                                                     "low-antigenicity": .number(0.1), "unattributed": .number(0.2)]))
        #expect(o["acquired_resistance"] == .object(["acquired-antigen-loss": .number(0.1), "unattributed": .number(0.1)]))
        #expect(o["primary_resistance_total"] == .number(0.6))
        for key in ["regimen", "n", "orr", "orr_ci95", "cr", "pr", "sd", "pd", "ne", "dcr", "median_pfs_months", "median_os_months",
                    "g3plus_trae", "discontinuation_trae", "primary_resistance", "acquired_resistance"] {
            #expect(o[key] != nil, "missing \(key)")
        }
    }

    /// RECIST 1.1 (Eisenhauer 2009, doi:10.1016/j.ejca.2008.10.026): a patient without a
    /// post-baseline assessment is not evaluable (NE) and counts as a non-responder.
    @Test("patients without a post-baseline scan are NE, and CR + PR + SD + PD + NE = n")
    func notEvaluable() throws {
        typealias F = Fixtures
        let arm = ArmOutcomes(regimen: "nivolumab", outcomes: [
            F.outcome(patient: 0, response: .partialResponse, pfs: 400, progressed: false),
            F.outcome(patient: 1, response: .progressiveDisease, pfs: 56),
            F.outcome(patient: 2, response: .notEvaluable, pfs: 20, os: 20, died: true),
            F.outcome(patient: 3, response: .notEvaluable, pfs: 30, progressed: false),
        ])
        let s = try ArmSummary(outcomes: arm)
        #expect(s.notEvaluable == 2)
        #expect(s.completeResponses + s.partialResponses + s.stableDiseases + s.progressiveDiseases + s.notEvaluable == s.n)
        #expect(s.orr == 0.25 && s.dcr == 0.25)
        guard case let .object(o) = s.json else { Issue.record("not an object"); return }
        #expect(o["ne"] == .number(0.5))
        let fractions = ["cr", "pr", "sd", "pd", "ne"].compactMap { key -> Double? in
            if case let .number(x)? = o[key] { return x } else { return nil }
        }
        #expect(fractions.count == 5 && abs(fractions.reduce(0, +) - 1) < 1e-12)
    }

    @Test func emptyArmAndInvalidTimesThrow() {
        #expect(throws: TrialStatisticsError.emptyArm(regimen: "x")) { try ArmSummary(outcomes: ArmOutcomes(regimen: "x", outcomes: [])) }
        let bad = ArmOutcomes(regimen: "x", outcomes: [Fixtures.outcome(patient: 3, pfs: .nan)])
        #expect(throws: TrialStatisticsError.self) { try ArmSummary(outcomes: bad) }
    }
}
