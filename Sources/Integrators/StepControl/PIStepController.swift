import Foundation

/// Proportional–integral step-size control (Gustafsson 1991; in the form of Hairer & Wanner's
/// DOPRI5 code, Solving ODEs I, 2nd ed., §IV.2): the new step reacts to the current error and,
/// more weakly, to the previous one, which damps the step-size oscillation of a pure
/// error-per-step controller on mildly stiff problems.
@usableFromInline
struct PIStepController {
    /// Exponent of the current error, 1/q − 0.75·β with q the embedded order + 1.
    @usableFromInline let currentExponent: Double
    /// Exponent of the previous accepted error (β = 0.04, Hairer's DOPRI5 default).
    @usableFromInline let previousExponent: Double
    @usableFromInline var previousError: Double = 1e-4
    @usableFromInline var lastWasRejected = false

    @usableFromInline static let safety = 0.9
    @usableFromInline static let minFactor = 0.2
    @usableFromInline static let maxFactor = 10.0

    /// - Parameter errorOrder: q, the order of the local error estimate plus one (5 for a 5(4) pair).
    @inlinable
    init(errorOrder: Int) {
        previousExponent = 0.04
        currentExponent = 1.0 / Double(errorOrder) - 0.75 * 0.04
    }

    /// Forgets the history; called after an event, where the past error says nothing useful.
    @inlinable
    mutating func reset() {
        previousError = 1e-4
        lastWasRejected = false
    }

    /// Next step after an accepted step of size `h` with scaled error `error ≤ 1`.
    @inlinable
    mutating func afterAcceptance(step h: Double, error: Double) -> Double {
        let e = max(error, 1e-10)
        var factor = Self.safety * pow(e, -currentExponent) * pow(previousError, previousExponent)
        factor = min(Self.maxFactor, max(Self.minFactor, factor))
        // Growing right after a rejection tends to provoke another one.
        if lastWasRejected { factor = min(factor, 1) }
        previousError = max(error, 1e-4)
        lastWasRejected = false
        return h * factor
    }

    /// Next trial after a rejected step; a non-finite error (overflow in a stage) shrinks maximally.
    @inlinable
    mutating func afterRejection(step h: Double, error: Double) -> Double {
        lastWasRejected = true
        guard error.isFinite else { return h * Self.minFactor }
        return h * max(Self.minFactor, Self.safety * pow(error, -currentExponent))
    }
}
