import BlockadeTestSupport
import Testing
@testable import Trials

/// Properties over seeded random datasets (whole days, so ties are common; 0–60 % censoring).
@Suite struct SurvivalPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    static func groups(seed: UInt64) -> ([SurvivalObservation], [SurvivalObservation]) {
        var rng = SeededGenerator(seed: seed)
        let n1 = Int.random(in: 1...60, using: &rng), n2 = Int.random(in: 1...60, using: &rng)
        let censoring = Double.random(in: 0..<0.6, using: &rng)
        return (Fixtures.randomObservations(count: n1, meanDays: 120, censoring: censoring, using: &rng),
                Fixtures.randomObservations(count: n2, meanDays: Double.random(in: 60...240, using: &rng),
                                            censoring: censoring, using: &rng))
    }

    @Test(arguments: seeds)
    func kaplanMeierIsNonIncreasingWithinBands(seed: UInt64) throws {
        let (g, _) = Self.groups(seed: seed)
        let km = try KaplanMeier(g)
        var previous = 1.0
        for step in km.steps {
            #expect(step.survival <= previous && step.survival >= 0)
            #expect(step.lower95 <= step.survival && step.survival <= step.upper95)
            #expect(step.lower95 >= 0 && step.upper95 <= 1 && step.greenwoodVariance >= 0)
            previous = step.survival
        }
        let m = km.median
        if let median = m.median, let lower = m.lower95 { #expect(lower <= median) }
        if let median = m.median, let upper = m.upper95 { #expect(median <= upper) }
    }

    @Test(arguments: seeds)
    func hazardRatioInvertsAndPValuesAreProbabilities(seed: UInt64) throws {
        let (a, b) = Self.groups(seed: seed)
        let ab = try CoxHazardRatio(reference: a, compared: b), ba = try CoxHazardRatio(reference: b, compared: a)
        if let e1 = ab.estimate, let e2 = ba.estimate {
            #expect(close(e1.hazardRatio, 1 / e2.hazardRatio, 1e-10))
            #expect((0...1).contains(e1.pValue) && e1.lower95 <= e1.hazardRatio && e1.hazardRatio <= e1.upper95)
        } else {
            #expect(ab.estimate == nil && ba.estimate == nil)
            #expect(ab.notEstimable == .infinite ? ba.notEstimable == .zero : true)
        }
        let test = try LogRankTest(a, b)
        if let p = test.pValue { #expect((0...1).contains(p)) }
        #expect(test.observed1 + test.observed2 == (a + b).filter(\.event).count)
        #expect(close(Double(test.observed1 + test.observed2), test.expected1 + test.expected2, 1e-9))
        // The log-rank test is symmetric in the groups.
        #expect(close(try LogRankTest(b, a).chiSquare, test.chiSquare, 1e-12))
    }
}
