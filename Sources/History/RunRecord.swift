import Foundation

/// Whether a run is still going, finished normally or stopped with an error.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    /// Recorded at start; a run left `running` after its process ended was killed or crashed.
    case running
    case completed
    case failed
}

/// One invocation of a Blockade command, with enough provenance to repeat it: the exact command
/// line, the configuration it resolved to, the program version and the random seed.
public struct RunRecord: Sendable, Equatable, Codable {
    /// A UUID string (`UUID().uuidString`), unique per run.
    public var id: String
    /// Start time, ISO 8601 in UTC (`RunRecord.timestamp(_:)`).
    public var started: String
    /// End time, ISO 8601 in UTC; nil while running.
    public var finished: String?
    /// The command line as typed, e.g. `blockade trial --tumor melanoma --arm nivolumab --patients 200 --seed 7`.
    public var command: String
    /// The resolved configuration, a JSON text.
    public var configuration: String
    /// The Blockade version (or git revision) that ran.
    public var version: String
    /// The random seed, if the command is stochastic.
    public var seed: UInt64?
    /// The result summary, a JSON text (nil while running or when the command has none).
    public var summary: String?
    /// Running, completed or failed.
    public var status: RunStatus

    /// A run; by default a new id and status `running`.
    public init(id: String = UUID().uuidString, started: String, finished: String? = nil, command: String,
                configuration: String = "{}", version: String, seed: UInt64? = nil, summary: String? = nil,
                status: RunStatus = .running) {
        self.id = id; self.started = started; self.finished = finished; self.command = command
        self.configuration = configuration; self.version = version; self.seed = seed; self.summary = summary
        self.status = status
    }

    /// `date` as ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T14:46:16.123Z` — sorts as text.
    public static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The listing view of this run.
    public var summaryRow: RunSummary {
        RunSummary(id: id, started: started, finished: finished, command: command, version: version, seed: seed, status: status)
    }
}

/// One line of `blockade runs list`: a run without its configuration and summary texts.
public struct RunSummary: Sendable, Equatable, Codable {
    /// The run id (UUID).
    public var id: String
    /// Start time, ISO 8601 UTC.
    public var started: String
    /// End time, ISO 8601 UTC; nil while running.
    public var finished: String?
    /// The command line.
    public var command: String
    /// The Blockade version.
    public var version: String
    /// The random seed, if any.
    public var seed: UInt64?
    /// Running, completed or failed.
    public var status: RunStatus

    /// A summary row.
    public init(id: String, started: String, finished: String?, command: String, version: String, seed: UInt64?, status: RunStatus) {
        self.id = id; self.started = started; self.finished = finished; self.command = command
        self.version = version; self.seed = seed; self.status = status
    }
}
