/// The two-sample log-rank test of equal hazards (Mantel, *Cancer Chemother Rep* 50:163 (1966);
/// Peto & Peto, *JRSS A* 135:185 (1972), doi:10.2307/2344317), as in lifelines `logrank_test` and
/// R `survdiff(rho = 0)`.
///
/// At each distinct event time of the pooled sample, with nⱼ at risk and dⱼ events of which d₁ⱼ in
/// group 1 (n₁ⱼ at risk there): O₁ = Σ d₁ⱼ, E₁ = Σ dⱼ n₁ⱼ/nⱼ and the hypergeometric variance
/// V = Σ dⱼ (n₁ⱼ/nⱼ)(1 − n₁ⱼ/nⱼ)(nⱼ − dⱼ)/(nⱼ − 1). χ² = (O₁ − E₁)²/V on 1 df; the p-value is
/// two-sided. Censorings at an event time count as at risk for it.
public struct LogRankTest: Sendable, Equatable {
    /// Observed events in group 1.
    public let observed1: Int
    /// Expected events in group 1 under equal hazards.
    public let expected1: Double
    /// Observed events in group 2.
    public let observed2: Int
    /// Expected events in group 2 under equal hazards.
    public let expected2: Double
    /// Variance of O₁ − E₁ under the null hypothesis.
    public let variance: Double
    /// χ² statistic on 1 df; nil when the variance is 0 (no events, or never both groups at risk),
    /// where the test is undefined.
    public let chiSquare: Double?
    /// Two-sided p-value P(χ²₁ > statistic), in [0, 1]; nil when `chiSquare` is nil.
    public let pValue: Double?

    /// Compares the survival of two groups.
    /// - Parameters:
    ///   - group1: observations of the first group (days).
    ///   - group2: observations of the second group (days).
    public init(_ group1: [SurvivalObservation], _ group2: [SurvivalObservation]) throws(SurvivalDataError) {
        let pooled = group1.map { ($0, 1) } + group2.map { ($0, 2) }
        for (i, (o, _)) in pooled.enumerated() where !(o.time.isFinite && o.time >= 0) {
            throw .invalidTime(index: i, time: o.time)
        }
        let times = TwoGroupRiskSets(group1: group1, group2: group2)
        var o1 = 0, o2 = 0, e1 = 0.0, e2 = 0.0, v = 0.0
        for t in times.eventTimes {
            let n = Double(t.atRisk1 + t.atRisk2), d = Double(t.events1 + t.events2)
            let share1 = Double(t.atRisk1) / n
            o1 += t.events1; o2 += t.events2
            e1 += d * share1; e2 += d * (1 - share1)
            if n > 1 { v += d * share1 * (1 - share1) * (n - d) / (n - 1) }
        }
        observed1 = o1; observed2 = o2; expected1 = e1; expected2 = e2; variance = v
        if v > 0 {
            let chi = (Double(o1) - e1) * (Double(o1) - e1) / v
            chiSquare = chi
            pValue = NormalDistribution.chiSquare1UpperTail(chi)
        } else {
            chiSquare = nil
            pValue = nil
        }
    }
}

/// Numbers at risk and events per group at each distinct event time of a pooled two-group sample
/// (group 1 = reference, group 2 = compared), shared by the log-rank test and the Cox model.
struct TwoGroupRiskSets {
    struct EventTime {
        var time: Double
        var atRisk1: Int, atRisk2: Int
        var events1: Int, events2: Int
    }
    var eventTimes: [EventTime] = []

    init(group1: [SurvivalObservation], group2: [SurvivalObservation]) {
        let r1 = riskSetTimes(group1), r2 = riskSetTimes(group2)
        var i = 0, j = 0
        var atRisk1 = group1.count, atRisk2 = group2.count
        while i < r1.count || j < r2.count {
            let t = min(i < r1.count ? r1[i].time : .infinity, j < r2.count ? r2[j].time : .infinity)
            var d1 = 0, d2 = 0, leaving1 = 0, leaving2 = 0
            if i < r1.count, r1[i].time == t { d1 = r1[i].events; leaving1 = r1[i].events + r1[i].censored; i += 1 }
            if j < r2.count, r2[j].time == t { d2 = r2[j].events; leaving2 = r2[j].events + r2[j].censored; j += 1 }
            if d1 + d2 > 0 {
                eventTimes.append(EventTime(time: t, atRisk1: atRisk1, atRisk2: atRisk2, events1: d1, events2: d2))
            }
            atRisk1 -= leaving1; atRisk2 -= leaving2
        }
    }
}
