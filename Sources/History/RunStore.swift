import Foundation

/// Where runs are kept. Implementations are safe to share between tasks.
///
/// A caller records a run twice: once at start with status `running`, once at the end with
/// `completed` or `failed` (`start` / `finish` below do both). Each call is atomic, so a crash leaves
/// either the previous or the new version of the run, never a mix.
public protocol RunStore: Sendable {
    /// Inserts `run`, or replaces the run with the same id.
    func record(_ run: RunRecord) throws
    /// The most recent runs first (by start time, then id), at most `limit`.
    func list(limit: Int) throws -> [RunSummary]
    /// The run with this id, nil if there is none.
    func run(id: String) throws -> RunRecord?
}

extension RunStore {
    /// Records a new run as `running` and returns it (pass it to `finish`).
    /// - Parameters:
    ///   - command: the command line as typed.
    ///   - configuration: the resolved configuration, JSON.
    ///   - version: the program version.
    ///   - seed: the random seed, if any.
    ///   - date: the start time.
    @discardableResult
    public func start(command: String, configuration: String = "{}", version: String, seed: UInt64? = nil,
                      at date: Date = Date()) throws -> RunRecord {
        let run = RunRecord(started: RunRecord.timestamp(date), command: command, configuration: configuration,
                            version: version, seed: seed, status: .running)
        try record(run)
        return run
    }

    /// Marks `run` finished with `status` and its result `summary` (JSON).
    @discardableResult
    public func finish(_ run: RunRecord, status: RunStatus, summary: String? = nil, at date: Date = Date()) throws -> RunRecord {
        var done = run
        done.status = status
        done.summary = summary
        done.finished = RunRecord.timestamp(date)
        try record(done)
        return done
    }
}

extension RunStore {
    /// Runs `body` as a recorded run: `running` before, `completed` with the summary `body` returns
    /// (JSON, or nil) after, `failed` with `{"error": ...}` if it throws — then rethrows.
    /// - Parameters:
    ///   - command: the command line as typed.
    ///   - configuration: the resolved configuration, JSON.
    ///   - version: the program version.
    ///   - seed: the random seed, if any.
    /// - Returns: what `body` returned, and the finished record.
    public func recording(command: String, configuration: String = "{}", version: String, seed: UInt64? = nil,
                          _ body: () async throws -> String?) async throws -> (summary: String?, run: RunRecord) {
        let run = try start(command: command, configuration: configuration, version: version, seed: seed)
        do {
            let summary = try await body()
            return (summary, try finish(run, status: .completed, summary: summary))
        } catch {
            _ = try? finish(run, status: .failed, summary: "{\"error\": \(RunListing.quoted(String(describing: error)))}")
            throw error
        }
    }
}

/// Why a run could not be stored or read.
public enum RunStoreError: Error, Equatable, CustomStringConvertible {
    /// A field that must hold JSON does not parse.
    case invalidJSON(field: String, runID: String)
    /// An id that is not a UUID.
    case invalidID(String)
    /// A stored row that cannot be read back (written by a newer or damaged program).
    case corruptRow(id: String, reason: String)
    /// The database file's folder cannot be created.
    case cannotCreateDirectory(path: String, reason: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case let .invalidJSON(field, id): "run \(id): \(field) is not valid JSON"
        case let .invalidID(id): "'\(id)' is not a run id (expected a UUID such as 3F2504E0-4F89-11D3-9A0C-0305E82C3301)"
        case let .corruptRow(id, reason): "run \(id) cannot be read: \(reason)"
        case let .cannotCreateDirectory(path, reason): "cannot create \(path): \(reason)"
        }
    }
}
