/// Errors a user can act on: what was wrong, and what was expected.
public enum BlockadeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A name (tumour, drug, mechanism, ...) that Blockade does not know.
    case unknownName(kind: String, name: String, valid: [String])
    /// A value outside its physical or allowed range.
    case invalidValue(name: String, value: Double, expected: String)
    /// A malformed argument (regimen, assignment, ...).
    case invalidArgument(String)
    /// The ODE solver stopped before the end; the message names the return code and the time.
    case solverFailure(code: String, time: Double)

    public var description: String {
        switch self {
        case let .unknownName(kind, name, valid):
            return "unknown \(kind) '\(name)'. Valid \(kind)s: \(valid.joined(separator: ", "))"
        case let .invalidValue(name, value, expected):
            return "invalid value \(value) for \(name): expected \(expected)"
        case let .invalidArgument(message):
            return message
        case let .solverFailure(code, time):
            return "the ODE solver stopped with return code '\(code)' at day \(time)"
        }
    }
}
