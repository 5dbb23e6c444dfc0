import Foundation

/// The hazard ratio of one group against a reference group from a Cox proportional-hazards model
/// with a single binary covariate (x = 1 for the compared group), fitted by Newton–Raphson on the
/// partial likelihood with Efron's handling of tied event times.
///
/// Sources: Cox, *JRSS B* 34:187 (1972), doi:10.1111/j.2517-6161.1972.tb00899.x; Efron, *JASA*
/// 72:557 (1977), doi:10.1080/01621459.1977.10480613. Efron ties are the default of lifelines
/// `CoxPHFitter` and of R `coxph`, and the result matches both. CI and p are Wald: exp(β ± z·SE) with
/// SE = 1/√I(β̂) from the observed information, and p = P(|Z| > |β̂|/SE).
///
/// With one binary covariate the partial likelihood at each event time depends only on the numbers
/// at risk and the events per group, so each Newton iteration costs O(distinct event times).
///
/// Degenerate data: the log partial likelihood is concave, and for a binary covariate its maximum is
/// finite exactly when the score U(β) changes sign; its limits are
/// U(+∞) = Σ (d₁ⱼ − dⱼ·[n₁ⱼ > 0]) and U(−∞) = Σ (d₁ⱼ − dⱼ·[n₀ⱼ = 0]). When U(+∞) ≥ 0 (no reference
/// event ever happens while a compared patient is at risk — e.g. no events in the reference arm) the
/// MLE is HR = ∞; when U(−∞) ≤ 0 it is HR = 0. Those cases, and data without events, give no
/// estimate and a `NotEstimable` reason instead of a NaN or a huge number from a diverging fit.
///
/// Numerical contract: Newton steps are halved until the likelihood does not decrease, and the fit
/// stops when a step changes β by less than 1e-12·max(1, |β|); β is then accurate to ~1e-12.
public struct CoxHazardRatio: Sendable, Equatable {
    /// A fitted hazard ratio.
    public struct Estimate: Sendable, Equatable {
        /// β̂ = log hazard ratio (compared vs reference).
        public var logHazardRatio: Double
        /// Wald standard error of β̂.
        public var standardError: Double
        /// exp(β̂): hazard of the compared group relative to the reference group.
        public var hazardRatio: Double { exp(logHazardRatio) }
        /// Lower limit of the Wald 95 % CI of the hazard ratio.
        public var lower95: Double { exp(logHazardRatio - NormalDistribution.z975 * standardError) }
        /// Upper limit of the Wald 95 % CI of the hazard ratio.
        public var upper95: Double { exp(logHazardRatio + NormalDistribution.z975 * standardError) }
        /// Wald z = β̂ / SE.
        public var z: Double { logHazardRatio / standardError }
        /// Two-sided Wald p-value, in [0, 1].
        public var pValue: Double { NormalDistribution.twoSidedP(z: z) }
        /// Newton iterations used.
        public var iterations: Int
    }

    /// Why no finite, positive hazard ratio exists for the data.
    public enum NotEstimable: Error, Sendable, Equatable, CustomStringConvertible {
        /// One of the groups has no subjects.
        case emptyGroup
        /// No events in either group.
        case noEvents
        /// The MLE is HR = ∞ (monotone likelihood, e.g. no events in the reference group).
        case infinite
        /// The MLE is HR = 0 (monotone likelihood, e.g. no events in the compared group).
        case zero
        /// Newton–Raphson did not converge in the allowed iterations (not expected for valid data).
        case notConverged

        public var description: String {
            switch self {
            case .emptyGroup: "a group has no patients"
            case .noEvents: "no events in either group"
            case .infinite: "hazard ratio is infinite: no reference-arm event occurs while compared-arm patients are at risk (e.g. no events in the reference arm)"
            case .zero: "hazard ratio is zero: no compared-arm event occurs while reference-arm patients are at risk (e.g. no events in the compared arm)"
            case .notConverged: "Cox partial-likelihood fit did not converge"
            }
        }
    }

    /// The fit, nil when not estimable.
    public let estimate: Estimate?
    /// Why `estimate` is nil; nil when there is an estimate.
    public let notEstimable: NotEstimable?

    static let maxIterations = 100

    /// Fits the hazard ratio of `compared` relative to `reference`.
    /// - Parameters:
    ///   - reference: observations of the reference (control) group, days.
    ///   - compared: observations of the compared group, days.
    public init(reference: [SurvivalObservation], compared: [SurvivalObservation]) throws(SurvivalDataError) {
        for (i, o) in (reference + compared).enumerated() where !(o.time.isFinite && o.time >= 0) {
            throw .invalidTime(index: i, time: o.time)
        }
        let times = TwoGroupRiskSets(group1: reference, group2: compared).eventTimes
        switch Self.fit(times, emptyGroup: reference.isEmpty || compared.isEmpty) {
        case let .success(e): estimate = e; notEstimable = nil
        case let .failure(reason): estimate = nil; notEstimable = reason
        }
    }

    static func fit(_ times: [TwoGroupRiskSets.EventTime], emptyGroup: Bool) -> Result<Estimate, NotEstimable> {
        if emptyGroup { return .failure(.emptyGroup) }
        if times.isEmpty { return .failure(.noEvents) }
        var scoreAtPlusInfinity = 0, scoreAtMinusInfinity = 0
        for t in times {
            let d = t.events1 + t.events2
            scoreAtPlusInfinity += t.events2 - (t.atRisk2 > 0 ? d : 0)
            scoreAtMinusInfinity += t.events2 - (t.atRisk1 == 0 ? d : 0)
        }
        if scoreAtPlusInfinity >= 0 { return .failure(.infinite) }
        if scoreAtMinusInfinity <= 0 { return .failure(.zero) }

        var beta = 0.0
        var current = efron(times, beta: beta)
        for iteration in 1...maxIterations {
            guard current.information > 0 else { return .failure(.notConverged) }
            var step = current.score / current.information
            var next = efron(times, beta: beta + step)
            // Halve until the concave log-likelihood does not decrease (guards against overshoot).
            var halvings = 0
            while !(next.logLikelihood >= current.logLikelihood - 1e-12 * abs(current.logLikelihood)), halvings < 60 {
                step /= 2; halvings += 1
                next = efron(times, beta: beta + step)
            }
            beta += step
            current = next
            if abs(step) < 1e-12 * max(1, abs(beta)) {
                guard current.information > 0 else { return .failure(.notConverged) }
                return .success(Estimate(logHazardRatio: beta, standardError: 1 / current.information.squareRoot(),
                                         iterations: iteration))
            }
        }
        return .failure(.notConverged)
    }

    /// Efron log partial likelihood, score and observed information at β for a binary covariate.
    /// At an event time with dⱼ tied events the l-th (l = 0…dⱼ−1) term uses the risk set with a
    /// fraction l/dⱼ of the tied subjects' weight removed.
    static func efron(_ times: [TwoGroupRiskSets.EventTime], beta: Double)
        -> (logLikelihood: Double, score: Double, information: Double) {
        let w = exp(beta)
        var ll = 0.0, score = 0.0, info = 0.0
        for t in times {
            let d = t.events1 + t.events2
            let s0 = Double(t.atRisk1) + Double(t.atRisk2) * w, s1 = Double(t.atRisk2) * w
            let t0 = Double(t.events1) + Double(t.events2) * w, t1 = Double(t.events2) * w
            ll += beta * Double(t.events2)
            score += Double(t.events2)
            for l in 0..<d {
                let f = Double(l) / Double(d)
                let denominator = s0 - f * t0
                let mean = (s1 - f * t1) / denominator
                ll -= log(denominator)
                score -= mean
                info += mean * (1 - mean)
            }
        }
        return (ll, score, info)
    }
}
