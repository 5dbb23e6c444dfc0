import ArgumentParser

/// Numeric option values a user may type negative (`--days -10`, `--seed -1`).
///
/// Such options parse with `parsing: .unconditional`: by default ArgumentParser takes `-10` for an
/// option and answers "Missing value", where the user needs the option's range. A seed has no
/// negative values, so its parser says what it accepts.
enum NumericArgument {
    /// A population seed: a whole number from 0 to 2⁶⁴ − 1.
    /// - Throws: a ``ValidationError`` stating the accepted range (ArgumentParser prefixes the value and option).
    @Sendable static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw ValidationError("expected a whole number from 0 to \(UInt64.max)")
        }
        return value
    }
}
