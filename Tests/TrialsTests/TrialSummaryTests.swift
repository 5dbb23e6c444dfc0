import BlockadeTestSupport
import Testing
import TumorImmune
@testable import Trials

@Suite struct TrialSummaryTests {
    static func arm(_ regimen: String, _ rows: [(ResponseCategory, Double, Bool)]) -> ArmOutcomes {
        ArmOutcomes(regimen: regimen, outcomes: rows.enumerated().map { i, r in
            Fixtures.outcome(patient: i, response: r.0, pfs: r.1, progressed: r.2)
        })
    }

    /// Four patients. Per patient the IDA outcome is the better single agent: best responses
    /// (PR, SD, PD, PD) ∨ (SD, CR, PD, SD) = (PR, CR, PD, SD) → ORR 0.5; PFS max(100, 50) = 100 event,
    /// max(60, 300) = 300 censored (nivo censored), max(30, 40) = 40 event, max(200, 90) = 200 event.
    @Test func independentDrugActionByHand() throws {
        let nivo = Self.arm("nivolumab", [(.partialResponse, 100, true), (.stableDisease, 60, true), (.progressiveDisease, 30, true), (.progressiveDisease, 200, true)])
        let ipi = Self.arm("ipilimumab", [(.stableDisease, 50, true), (.completeResponse, 300, false), (.progressiveDisease, 40, true), (.stableDisease, 90, true)])
        let combo = Self.arm("nivolumab+ipilimumab", [(.completeResponse, 400, false), (.partialResponse, 350, false), (.partialResponse, 150, true), (.stableDisease, 210, true)])
        let all = try IndependentDrugAction.all(in: [nivo, ipi, combo])
        #expect(all.count == 1)
        let ida = try #require(all.first)
        #expect(ida.combination == "nivolumab+ipilimumab" && ida.components == ["nivolumab", "ipilimumab"])
        #expect(ida.expected.orr == 0.5 && ida.observed.orr == 0.75)
        #expect(ida.expected.pfs.steps.map(\.time) == [40, 100, 200])
        // S: 3/4 at 40, 1/2 at 100 → median 100 days.
        #expect(ida.expected.pfs.median.median == 100)
        // A combination whose component has no arm gets no entry.
        #expect(try IndependentDrugAction.all(in: [nivo, combo]).isEmpty)
        #expect(try IndependentDrugAction.all(in: [nivo, ipi, combo, Self.arm("nivolumab+relatlimab", [])]).count == 1)
    }

    @Test func unpairedComponentArmsThrow() {
        let nivo = Self.arm("nivolumab", [(.partialResponse, 100, true)])
        let ipi = ArmOutcomes(regimen: "ipilimumab", outcomes: [Fixtures.outcome(patient: 7)])
        let combo = Self.arm("nivolumab+ipilimumab", [(.partialResponse, 100, true)])
        #expect(throws: TrialStatisticsError.unpairedArms(regimen: "ipilimumab", reference: "nivolumab+ipilimumab")) {
            try IndependentDrugAction.all(in: [nivo, ipi, combo])
        }
    }

    @Test func jsonShapeAndDeterminism() throws {
        var rng = SeededGenerator(seed: 7)
        let arms = ["nivolumab", "ipilimumab", "nivolumab+ipilimumab"].map { Fixtures.randomArm(regimen: $0, count: 40, using: &rng) }
        let summary = try TrialSummary(tumor: "melanoma", selection: nil, seed: 7, arms: arms)
        let text = summary.jsonString()
        #expect(text == (try TrialSummary(tumor: "melanoma", selection: nil, seed: 7, arms: arms)).jsonString())
        #expect(!text.contains("nan") && !text.contains("inf"))
        guard case let .object(o) = summary.json else { Issue.record("not an object"); return }
        #expect(Set(o.keys) == ["tumor", "selection", "seed", "arms", "comparisons", "independent_drug_action"])
        #expect(o["selection"] == .null && o["seed"] == .unsigned(7))
        guard case let .array(comparisons) = o["comparisons"], case let .array(ida) = o["independent_drug_action"] else {
            Issue.record("missing arrays"); return
        }
        #expect(comparisons.count == 2)  // every arm vs the first
        guard case let .object(c) = comparisons[1] else { Issue.record("comparison not an object"); return }
        #expect(c["a"] == .string("nivolumab") && c["b"] == .string("nivolumab+ipilimumab"))
        #expect(c["pfs_hazard_ratio"] != nil && c["logrank_p"] != nil)
        guard case let .object(i) = ida.first else { Issue.record("no IDA entry"); return }
        #expect(Set(i.keys) == ["combination", "components", "orr", "median_pfs_months", "combination_orr", "combination_median_pfs_months"])
        // Sorted keys: "arms" first, "tumor" last.
        #expect(text.hasPrefix("{\n  \"arms\": [") && text.hasSuffix("  \"tumor\": \"melanoma\"\n}\n"))
    }

    @Test func canonicalNumberFormatting() {
        #expect(CanonicalJSON.number(0.1 + 0.2).serialized() == "0.3")
        #expect(CanonicalJSON.number(.nan).serialized() == "null")
        #expect(CanonicalJSON.number(-.infinity).serialized() == "null")
        #expect(CanonicalJSON.number(-0.0).serialized() == "0.0")
        #expect(CanonicalJSON.number(1e-12).serialized() == "1e-12")
        #expect(CanonicalJSON.object(["b": .int(1), "a": .array([]), "é": .string("q\"\n\u{1}")]).serialized(pretty: false)
            == "{\"a\":[],\"b\":1,\"é\":\"q\\\"\\n\\u0001\"}")
    }

    @Test func noArmsThrows() {
        #expect(throws: TrialStatisticsError.noArms) { try TrialSummary(tumor: "melanoma", selection: nil, seed: 1, arms: []) }
    }
}

@Suite struct ArmComparisonTests {
    @Test func noProgressionInControlGivesNullHazardRatioWithNote() throws {
        let control = ArmOutcomes(regimen: "placebo", outcomes: (0..<4).map { Fixtures.outcome(patient: $0, pfs: 365, progressed: false) })
        let treated = ArmOutcomes(regimen: "nivolumab", outcomes: (0..<4).map { Fixtures.outcome(patient: $0, pfs: Double(50 * ($0 + 1))) })
        let c = try ArmComparison(a: control, b: treated)
        #expect(c.pfsHazardRatio.notEstimable == .infinite)
        guard case let .object(o) = c.json else { Issue.record("not an object"); return }
        #expect(o["pfs_hazard_ratio"] == .null)
        #expect(o["pfs_hazard_ratio_ci95"] == .array([.null, .null]))
        if case let .string(note)? = o["pfs_hazard_ratio_note"] { #expect(note.contains("infinite")) } else { Issue.record("no note") }
        if case let .number(p)? = o["logrank_p"] { #expect((0...1).contains(p)) } else { Issue.record("no log-rank p") }
        #expect(!TrialSummaryTests.serialize(c.json).contains("nan"))
    }

    @Test func largeTrialSummarises() throws {
        var rng = SeededGenerator(seed: 11)
        let arms = ["chemo", "nivolumab", "ipilimumab", "nivolumab+ipilimumab"].map { Fixtures.randomArm(regimen: $0, count: 3000, using: &rng) }
        let summary = try TrialSummary(tumor: "melanoma", selection: "msi=high", seed: 11, arms: arms)
        #expect(summary.comparisons.count == 3 && summary.independentDrugAction.count == 1)
        #expect(summary.comparisons.allSatisfy { $0.pfsHazardRatio.estimate != nil })
    }
}

extension TrialSummaryTests {
    static func serialize(_ json: CanonicalJSON) -> String { json.serialized(pretty: false) }
}
