/// A place in a scenario file: the file as the user named it, and a line and column counted from 1
/// (columns in Unicode scalars, as libyaml counts them).
public struct ScenarioLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Line, from 1; nil when the problem concerns the whole file.
    public var line: Int?
    /// Column, from 1.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file; self.line = line; self.column = column
    }

    /// `file:line:column`, as compilers write it (editors jump there).
    public var description: String {
        guard let line else { return file }
        return "\(file):\(line)" + (column.map { ":\($0)" } ?? "")
    }
}

/// A problem in a scenario file, found before any simulation starts: where it is and what to do.
///
/// The message names the allowed values (drugs, keys, mechanisms) or the accepted range, so the
/// fix can be made without opening the documentation.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is.
    public var location: ScenarioLocation
    /// What is wrong and what would be accepted.
    public var message: String

    public init(_ message: String, at location: ScenarioLocation) {
        self.location = location; self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(location): \(message)" }
}
