/// Why the arguments of a solve cannot be used, with a message a user can act on.
///
/// ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)`` reports these only as
/// ``ReturnCode/invalidInput`` (it must not throw in the middle of a virtual trial); call
/// ``validateSolverInput(dimension:initialState:from:to:saveAt:events:options:)`` first where a
/// message is wanted, for example when checking a user's configuration file.
public enum SolverInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system has no state variables.
    case emptySystem
    /// The initial state has `actual` values but the system has `expected`.
    case stateSizeMismatch(expected: Int, actual: Int)
    /// Component `index` of the initial state is NaN or infinite.
    case nonFiniteInitialState(index: Int)
    /// The span is not finite or ends before it starts.
    case invalidTimeSpan(t0: Double, t1: Double)
    /// `saveAt[index]` is not finite, precedes the previous entry or lies outside the span.
    case invalidSaveTime(index: Int, time: Double)
    /// A tolerance is NaN, infinite or negative, or both are zero.
    case invalidTolerances(relative: Double, absolute: Double)
    /// A step limit is unusable (negative, NaN, or a non-positive initial or maximum step).
    case invalidStepLimits(String)
    /// `tstops[index]` is NaN.
    case invalidStop(index: Int)
    /// `events[index]` has a non-finite time, an index outside the state, or a non-finite amount.
    case invalidEvent(index: Int, reason: String)

    /// A sentence naming the offending argument and what would be accepted.
    public var description: String {
        switch self {
        case .emptySystem:
            "The system has no state variables."
        case .stateSizeMismatch(let expected, let actual):
            "The initial state has \(actual) values but the system has \(expected) state variables."
        case .nonFiniteInitialState(let index):
            "Initial state component \(index) is NaN or infinite; every initial value must be finite."
        case .invalidTimeSpan(let t0, let t1):
            "The time span [\(t0), \(t1)] is invalid: both ends must be finite and t1 >= t0."
        case .invalidSaveTime(let index, let time):
            "saveAt[\(index)] = \(time) is invalid: output times must be finite, sorted and inside the span."
        case .invalidTolerances(let relative, let absolute):
            "Tolerances rtol = \(relative), atol = \(absolute) are invalid: both must be finite and >= 0, not both 0."
        case .invalidStepLimits(let detail):
            "Invalid step limits: \(detail)."
        case .invalidStop(let index):
            "tstops[\(index)] is NaN."
        case .invalidEvent(let index, let reason):
            "events[\(index)] is invalid: \(reason)."
        }
    }
}
