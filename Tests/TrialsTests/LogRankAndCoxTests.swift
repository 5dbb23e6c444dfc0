import Foundation
import Testing
@testable import Trials

@Suite struct LogRankTests {
    /// Gehan's 6-MP vs placebo: χ² = 16.79 (R `survdiff`; Klein & Moeschberger 2003 §7.3 give 16.79);
    /// lifelines 0.30.3 `logrank_test`: 16.7929409892165, p = 4.16880910933451e-05.
    @Test func gehanTextbookValue() throws {
        let test = try LogRankTest(Fixtures.sixMP, Fixtures.placebo)
        #expect(test.observed1 == 9 && test.observed2 == 21)
        #expect(close(test.chiSquare, 16.7929409892165, 1e-12))
        #expect(close(test.pValue, 4.16880910933451e-05, 1e-9))
    }

    /// Two groups of two, hand computation. Day 1: n = 4 (2 + 2), d = 1 in group 1, E₁ = 1/2,
    /// V = 1·(1/2)(1/2)(3/3) = 1/4. Day 2: n = 3 (1 + 2), d = 1 in group 2, E₁ = 1/3, V = 2/9.
    /// Day 3: n = 2 (1 + 1), d = 1 in group 1, E₁ = 1/2, V = 1/4.
    /// O₁ − E₁ = 2 − 4/3 = 2/3; V = 13/18; χ² = (4/9)/(13/18) = 8/13.
    @Test func handComputed() throws {
        let g1 = [SurvivalObservation(time: 1, event: true), SurvivalObservation(time: 3, event: true)]
        let g2 = [SurvivalObservation(time: 2, event: true), SurvivalObservation(time: 4, event: false)]
        let test = try LogRankTest(g1, g2)
        #expect(close(test.expected1, 4.0 / 3, 1e-15))
        #expect(close(test.variance, 13.0 / 18, 1e-15))
        #expect(close(test.chiSquare, 8.0 / 13, 1e-14))
        #expect(close(test.pValue, NormalDistribution.chiSquare1UpperTail(8.0 / 13), 1e-14))
    }

    @Test func noEventsIsUndefinedNotNaN() throws {
        let g = [SurvivalObservation(time: 5, event: false)]
        let test = try LogRankTest(g, g)
        #expect(test.chiSquare == nil && test.pValue == nil)
    }
}

@Suite struct CoxHazardRatioTests {
    /// Gehan's data, placebo vs 6-MP, Efron ties (R `coxph` prints coef 1.572, se 0.412 — Therneau
    /// & Grambsch 2000). References from lifelines 0.30.3, `CoxPHFitter().fit(df, "T", "E", ...)` with
    /// x = 1 for placebo on exactly this data:
    /// - converged tightly (`fit_options={"precision": 1e-14, "r_precision": 0}`): coef 1.5721251488290533,
    ///   se 0.41239671770945441, HR 4.8168738982793347 (95 % CI 2.1465082127254367–10.809310681585821),
    ///   p 0.00013775376198677726 — agreement to ~1e-13;
    /// - with lifelines' default stopping rule (relative log-likelihood change < 1e-9, as R), which
    ///   stops where the score is still 1.6e-6: coef 1.57212487788838, HR 4.81687259319247 — 2e-7 away.
    @Test func gehanMatchesLifelines() throws {
        let cox = try CoxHazardRatio(reference: Fixtures.sixMP, compared: Fixtures.placebo)
        let e = try #require(cox.estimate)
        #expect(close(e.logHazardRatio, 1.5721251488290533, 1e-12))
        #expect(close(e.standardError, 0.41239671770945441, 1e-12))
        #expect(close(e.hazardRatio, 4.8168738982793347, 1e-12))
        #expect(close(e.lower95, 2.1465082127254367, 1e-12))
        #expect(close(e.upper95, 10.809310681585821, 1e-12))
        #expect(close(e.pValue, 0.00013775376198677726, 1e-10))
        #expect(close(e.hazardRatio, 4.81687259319247, 1e-6))
    }

    @Test func swappingGroupsInvertsTheRatio() throws {
        let ab = try #require(try CoxHazardRatio(reference: Fixtures.sixMP, compared: Fixtures.placebo).estimate)
        let ba = try #require(try CoxHazardRatio(reference: Fixtures.placebo, compared: Fixtures.sixMP).estimate)
        #expect(close(ab.hazardRatio * ba.hazardRatio, 1, 1e-12))
        #expect(close(ab.standardError, ba.standardError, 1e-12))
    }

    @Test func degenerateDataGiveReasonsNotNaN() throws {
        let events = [SurvivalObservation(time: 3, event: true), SurvivalObservation(time: 8, event: true)]
        let censored = [SurvivalObservation(time: 5, event: false), SurvivalObservation(time: 9, event: false)]
        #expect(try CoxHazardRatio(reference: censored, compared: events).notEstimable == .infinite)
        #expect(try CoxHazardRatio(reference: events, compared: censored).notEstimable == .zero)
        #expect(try CoxHazardRatio(reference: censored, compared: censored).notEstimable == .noEvents)
        #expect(try CoxHazardRatio(reference: [], compared: events).notEstimable == .emptyGroup)
        // Every compared-arm event happens after the last reference patient has left: HR → 0 even
        // though both arms have events.
        let early = [SurvivalObservation(time: 1, event: true), SurvivalObservation(time: 2, event: false)]
        let late = [SurvivalObservation(time: 5, event: true), SurvivalObservation(time: 6, event: true)]
        let split = try CoxHazardRatio(reference: early, compared: late)
        #expect(split.estimate == nil && split.notEstimable == .zero)
    }
}

@Suite struct BinomialIntervalTests {
    /// Clopper–Pearson limits: 0/10 → [0, 0.3085] (= 1 − 0.025^(1/10)); 5/10 → [0.1871, 0.8129]
    /// (R `binom.test(5, 10)`); digits from scipy 1.x `beta.ppf(0.025, x, n−x+1)` / `beta.ppf(0.975, x+1, n−x)`.
    @Test(arguments: [
        (0, 10, 0.0, 0.3084971078187607),
        (5, 10, 0.18708602844739855, 0.8129139715526015),
        (1, 20, 0.0012650894979498038, 0.24873276277202777),
        (20, 20, 0.8315665290169146, 1.0),
    ])
    func clopperPearsonKnownValues(x: Int, n: Int, lower: Double, upper: Double) throws {
        let ci = try #require(BinomialInterval.clopperPearson(successes: x, n: n))
        #expect(abs(ci.lower - lower) < 1e-9)
        #expect(abs(ci.upper - upper) < 1e-9)
    }

    @Test func clopperPearsonClosedForms() throws {
        // With x = 0 the upper limit solves (1 − p)^n = α/2; with x = n the lower solves p^n = α/2.
        for n in [1, 3, 17, 250] {
            let none = try #require(BinomialInterval.clopperPearson(successes: 0, n: n))
            #expect(close(none.upper, 1 - pow(0.025, 1 / Double(n)), 1e-12))
            let all = try #require(BinomialInterval.clopperPearson(successes: n, n: n))
            #expect(close(all.lower, pow(0.025, 1 / Double(n)), 1e-12))
        }
        #expect(BinomialInterval.clopperPearson(successes: 3, n: 0) == nil)
        #expect(BinomialInterval.clopperPearson(successes: 11, n: 10) == nil)
    }

    /// Wilson 95 % for 5/10 = [0.236593, 0.763407] (statsmodels `proportion_confint(method="wilson")`).
    @Test func wilson() throws {
        let ci = try #require(BinomialInterval.wilson(successes: 5, n: 10))
        #expect(abs(ci.lower - 0.2365930905) < 1e-9 && abs(ci.upper - 0.7634069095) < 1e-9)
    }

    @Test func incompleteBetaSymmetryAndSpecialCases() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(a, b) = 1 − I_{1−x}(b, a).
        for x in stride(from: 0.05, to: 1, by: 0.1) {
            #expect(close(IncompleteBeta.regularized(x: x, a: 1, b: 1), x, 1e-14))
            #expect(close(IncompleteBeta.regularized(x: x, a: 3.5, b: 1), pow(x, 3.5), 1e-13))
            #expect(close(IncompleteBeta.regularized(x: x, a: 7, b: 40),
                          1 - IncompleteBeta.regularized(x: 1 - x, a: 40, b: 7), 1e-13))
        }
    }
}
