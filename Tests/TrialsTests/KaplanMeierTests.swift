import Testing
@testable import Trials

@Suite struct KaplanMeierTests {
    /// Eight patients (days): events at 1, 2, 2, 4, 5; censored at 3, 4, 6. Hand computation:
    /// S(1) = 7/8, S(2) = 7/8·5/7 = 5/8, S(4) = 5/8·3/4 = 15/32 (the patient censored at 4 is at risk
    /// for the event at 4: events first), S(5) = 15/32·1/2 = 15/64.
    /// Greenwood sums Σ d/(n(n−d)): 1/56, +2/35, +1/12, +1/2.
    static let small: [SurvivalObservation] = zip([1, 2, 2, 3, 4, 4, 5, 6] as [Double],
                                                  [true, true, true, false, true, false, true, false]).map {
        SurvivalObservation(time: $0, event: $1)
    }

    @Test func productLimitAndGreenwoodByHand() throws {
        let km = try KaplanMeier(Self.small)
        #expect(km.steps.map(\.time) == [1, 2, 4, 5])
        #expect(km.steps.map(\.atRisk) == [8, 7, 4, 2])
        #expect(km.steps.map(\.events) == [1, 2, 1, 1])
        let expectedS = [7.0 / 8, 5.0 / 8, 15.0 / 32, 15.0 / 64]
        var sum = 0.0
        for (i, d) in [1.0 / 56, 2.0 / 35, 1.0 / 12, 1.0 / 2].enumerated() {
            sum += d
            #expect(close(km.steps[i].survival, expectedS[i], 1e-15))
            #expect(close(km.steps[i].greenwoodVariance, expectedS[i] * expectedS[i] * sum, 1e-14))
        }
        // Greenwood SE at day 2: (5/8)·√(1/56 + 2/35) = 0.625·√0.075.
        #expect(close(km.steps[1].standardError, 0.625 * 0.075.squareRoot(), 1e-14))
        #expect(km.median.median == 4)
    }

    /// Log-log bands and median CI from lifelines 0.30.3 (`KaplanMeierFitter().fit(...)`,
    /// `confidence_interval_`, `median_survival_times(confidence_interval_)`) on the same data.
    @Test func logLogBandsMatchLifelines() throws {
        let km = try KaplanMeier(Self.small)
        let lifelines: [(Double, Double)] = [(0.387000014032025, 0.981392965878966), (0.229333322429132, 0.860698276913539),
                                             (0.119928622240907, 0.76285566787176), (0.0130154860454199, 0.615806035741405)]
        for (step, (lo, hi)) in zip(km.steps, lifelines) {
            #expect(close(step.lower95, lo, 1e-12))
            #expect(close(step.upper95, hi, 1e-12))
        }
        #expect(km.median == KaplanMeier.Median(median: 4, lower95: 1, upper95: nil))
    }

    /// Gehan's 6-MP arm: the textbook estimates (Klein & Moeschberger 2003, Table 4.1A) and the
    /// lifelines 0.30.3 median CI (13, ∞).
    @Test func gehanSixMP() throws {
        let km = try KaplanMeier(Fixtures.sixMP)
        #expect(km.steps.map(\.time) == [6, 7, 10, 13, 16, 22, 23])
        let textbook = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448]
        let textbookSE = [0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346]
        for (i, step) in km.steps.enumerated() {
            #expect(abs(step.survival - textbook[i]) < 5e-4)
            #expect(abs(step.standardError - textbookSE[i]) < 5e-5)
        }
        #expect(close(km.steps[6].lower95, 0.188052, 1e-5) && close(km.steps[6].upper95, 0.680143, 1e-5))
        #expect(km.median == KaplanMeier.Median(median: 23, lower95: 13, upper95: nil))
        let placebo = try KaplanMeier(Fixtures.placebo)
        #expect(placebo.median == KaplanMeier.Median(median: 8, lower95: 4, upper95: 11))
    }

    @Test func censoredAtEventTimeStaysAtRisk() throws {
        // Event and censoring at day 10: n = 2 at day 10, so S(10) = 1/2, not 0.
        let km = try KaplanMeier([SurvivalObservation(time: 10, event: false), SurvivalObservation(time: 10, event: true)])
        #expect(km.steps.count == 1)
        #expect(km.steps[0].atRisk == 2 && km.steps[0].survival == 0.5)
    }

    @Test func medianNotReachedIsNil() throws {
        let km = try KaplanMeier(times: [5, 10, 20, 30], events: [true, false, false, false])
        #expect(km.median.median == nil && km.median.upper95 == nil)
        #expect(km.survival(at: 100) == 0.75)
    }

    @Test func survivalAndNumberAtRiskAtTimes() throws {
        let km = try KaplanMeier(Self.small)
        let times: [Double] = [0, 0.99, 1, 1.5, 2, 3.9, 4, 5, 100]
        let expected: [Double] = [1, 1, 0.875, 0.875, 0.625, 0.625, 0.46875, 0.234375, 0.234375]
        #expect(km.survival(at: times) == expected)
        #expect(km.atRisk(at: [0, 1, 2, 2.5, 4, 6, 7]) == [8, 8, 7, 5, 4, 1, 0])
    }

    @Test func allDieGivesZeroWithoutNaN() throws {
        let km = try KaplanMeier(times: [1, 2, 3], events: [true, true, true])
        let last = try #require(km.steps.last)
        #expect(last.survival == 0 && last.lower95 == 0 && last.upper95 == 0 && last.greenwoodVariance == 0)
        #expect(km.median.median == 2)
    }

    @Test func emptyAndInvalidInput() throws {
        let empty = try KaplanMeier([])
        #expect(empty.steps.isEmpty && empty.median.median == nil && empty.survival(at: 5) == 1)
        #expect(throws: SurvivalDataError.invalidTime(index: 1, time: -1)) { try KaplanMeier(times: [1, -1], events: [true, true]) }
        #expect(throws: SurvivalDataError.lengthMismatch(times: 1, events: 2)) { try KaplanMeier(times: [1], events: [true, true]) }
        #expect(throws: SurvivalDataError.self) { try KaplanMeier(times: [.nan], events: [true]) }
    }
}
