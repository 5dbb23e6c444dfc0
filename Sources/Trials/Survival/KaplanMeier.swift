import Foundation

/// The Kaplan–Meier product-limit estimate of a survival function, with Greenwood variance,
/// pointwise log-log 95 % confidence intervals and the median with its Brookmeyer–Crowley interval.
///
/// Sources: Kaplan & Meier, *JASA* 53:457 (1958), doi:10.1080/01621459.1958.10501452; Greenwood,
/// *Reports on Public Health and Medical Subjects* 33 (1926); the log-log ("exponential Greenwood")
/// interval of Kalbfleisch & Prentice, *The Statistical Analysis of Failure Time Data* (2002) §1.4;
/// Brookmeyer & Crowley, *Biometrics* 38:29 (1982), doi:10.2307/2530286.
///
/// Conventions — chosen to match lifelines 0.30 (`KaplanMeierFitter`, its `confidence_interval_`
/// and `median_survival_times`) exactly, and R survival's `survfit(conf.type = "log-log")` except
/// where noted:
/// - An observation censored at an event time is still at risk for that event (events first).
/// - Median: the first time with S(t) ≤ 0.5 (within 1e-10, so that products that are exactly ½ in
///   exact arithmetic count); nil if S stays above 0.5. (R instead reports the midpoint of a plateau
///   where S is exactly 0.5; lifelines compares its exp-of-log-sum estimate with 0.5 exactly, so on an
///   exact-½ plateau it may report the next event time.)
/// - Median 95 % CI: the first times the lower and the upper log-log bands reach ≤ 0.5 — the
///   Brookmeyer–Crowley set {t : the log-log CI of S(t) contains 0.5} read off the bands, as
///   `median_survival_times(kmf.confidence_interval_)` does; an end that is never reached is nil.
/// - Where S = 1 the interval is [1, 1]; where S = 0 it is [0, 0] and the Greenwood term of a step
///   with d = n (infinite) is left out of the sum, as lifelines does (R reports NA there).
public struct KaplanMeier: Sendable, Equatable {
    /// The estimate at one distinct event time; S is constant until the next step.
    public struct Step: Sendable, Equatable {
        /// Event time, days.
        public var time: Double
        /// Subjects with time ≥ `time`.
        public var atRisk: Int
        /// Events at `time`.
        public var events: Int
        /// S(time), the product-limit estimate just after the events at `time`.
        public var survival: Double
        /// Greenwood's variance of S(time): S² Σ d/(n(n−d)) over steps up to `time`.
        public var greenwoodVariance: Double
        /// Lower limit of the pointwise log-log 95 % CI of S(time).
        public var lower95: Double
        /// Upper limit of the pointwise log-log 95 % CI of S(time).
        public var upper95: Double

        /// Greenwood standard error of S(time).
        public var standardError: Double { greenwoodVariance.squareRoot() }
    }

    /// The median survival time with its 95 % confidence interval, days; nil where not reached.
    public struct Median: Sendable, Equatable {
        /// First time with S(t) ≤ 0.5, days; nil if never reached.
        public var median: Double?
        /// First time the lower log-log band is ≤ 0.5, days.
        public var lower95: Double?
        /// First time the upper log-log band is ≤ 0.5, days; nil (unbounded) if never reached.
        public var upper95: Double?
    }

    /// One step per distinct event time, ascending.
    public let steps: [Step]
    /// All observation times (events and censorings), ascending — for the number at risk.
    let sortedTimes: [Double]

    /// Number of subjects.
    public var count: Int { sortedTimes.count }
    /// Number of observed events.
    public var eventCount: Int { steps.reduce(0) { $0 + $1.events } }

    /// Estimates S(t) from observations.
    /// - Parameter observations: times in days (finite, ≥ 0) with event flags; may be empty.
    public init(_ observations: [SurvivalObservation]) throws(SurvivalDataError) {
        for (i, o) in observations.enumerated() where !(o.time.isFinite && o.time >= 0) {
            throw .invalidTime(index: i, time: o.time)
        }
        sortedTimes = observations.map(\.time).sorted()
        steps = Self.productLimit(riskSetTimes(observations))
    }

    /// Estimates S(t) from parallel arrays of times (days) and event flags.
    public init(times: [Double], events: [Bool]) throws(SurvivalDataError) {
        try self.init(.validated(times: times, events: events))
    }

    static func productLimit(_ risk: [RiskSetTime]) -> [Step] {
        var s = 1.0, greenwoodSum = 0.0
        var steps: [Step] = []
        for r in risk where r.events > 0 {
            let n = Double(r.atRisk), d = Double(r.events)
            s *= 1 - d / n
            if r.events < r.atRisk { greenwoodSum += d / (n * (n - d)) }
            let band = logLogBand(survival: s, greenwoodSum: greenwoodSum)
            steps.append(Step(time: r.time, atRisk: r.atRisk, events: r.events, survival: s,
                              greenwoodVariance: s * s * greenwoodSum, lower95: band.lower, upper95: band.upper))
        }
        return steps
    }

    /// The log-log interval exp(−exp(log(−log S) ± z·√Σ / log S)) (lifelines `_bounds`,
    /// R `conf.type = "log-log"`), with [1, 1] at S = 1 and [0, 0] at S = 0.
    static func logLogBand(survival s: Double, greenwoodSum: Double) -> (lower: Double, upper: Double) {
        if s >= 1 { return (1, 1) }
        if s <= 0 { return (0, 0) }
        let v = log(s), centre = log(-v), halfWidth = NormalDistribution.z975 * greenwoodSum.squareRoot() / v
        // v < 0, so −halfWidth > 0 gives the lower limit.
        return (exp(-exp(centre - halfWidth)), exp(-exp(centre + halfWidth)))
    }

    /// S(t): the estimate at the last event time ≤ t (1 before the first event).
    /// - Parameter t: days.
    public func survival(at t: Double) -> Double { step(at: t)?.survival ?? 1 }

    /// S at each of `times` (days), for tables and plots.
    public func survival(at times: [Double]) -> [Double] { times.map { survival(at: $0) } }

    /// Number at risk at t: subjects whose time is ≥ t (the risk table under a KM plot).
    /// - Parameter t: days.
    public func atRisk(at t: Double) -> Int {
        // First index with time ≥ t, by binary search.
        var lo = 0, hi = sortedTimes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedTimes[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return sortedTimes.count - lo
    }

    /// Numbers at risk at each of `times` (days).
    public func atRisk(at times: [Double]) -> [Int] { times.map { atRisk(at: $0) } }

    /// The step in force at t (the last with time ≤ t), nil before the first event.
    public func step(at t: Double) -> Step? {
        var lo = 0, hi = steps.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if steps[mid].time <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : steps[lo - 1]
    }

    /// Median survival with its Brookmeyer–Crowley 95 % interval (see the type's conventions).
    public var median: Median {
        Median(median: steps.first { Self.reachesHalf($0.survival) }?.time,
               lower95: steps.first { Self.reachesHalf($0.lower95) }?.time,
               upper95: steps.first { Self.reachesHalf($0.upper95) }?.time)
    }

    /// The time at which the KM curve, joined by straight lines between consecutive steps, falls to
    /// ½ (nil if it never does); the first step's time if the curve is already at or below ½ there.
    /// For calibration only: simulated scans fall on a fixed grid (every 8 weeks), so the step median
    /// can only take a few values, while published medians come from trials whose scans spread over
    /// visit windows. Progression found at the first scan stays at that scan: trials date it there.
    public var interpolatedMedian: Double? {
        var previous: Step?
        for step in steps {
            if Self.reachesHalf(step.survival) {
                guard let p = previous, p.survival > step.survival else { return step.time }
                return p.time + (step.time - p.time) * (p.survival - 0.5) / (p.survival - step.survival)
            }
            previous = step
        }
        return nil
    }

    /// Tolerance for "S(t) ≤ 0.5": a product such as 0.8·(7/8)·(6/7)·(5/6) is exactly ½ but rounds to
    /// 0.5000000000000001. Genuine KM values that close to ½ need more than 10⁵ subjects. (R's
    /// `quantile.survfit` uses √ε ≈ 1.5e-8 for the same reason.)
    static let halfTolerance = 1e-10

    static func reachesHalf(_ s: Double) -> Bool { s <= 0.5 + halfTolerance
    }
}
