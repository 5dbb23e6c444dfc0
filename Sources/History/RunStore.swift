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
    /// Ids of runs that start with `prefix` (case-insensitive), in id order, at most `limit`.
    /// `prefix` holds only hexadecimal digits and hyphens (``run(idOrPrefix:)`` checks it).
    func ids(startingWith prefix: String, limit: Int) throws -> [String]
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
    /// The run whose id is `text` or starts with it (case-insensitive), as `blockade runs show` takes
    /// it: `3F2504E0` finds `3F2504E0-4F89-11D3-9A0C-0305E82C3301` when no other run starts so.
    /// - Returns: the run, or nil when no id starts with `text`.
    /// - Throws: ``RunStoreError/invalidID(_:)`` for text that cannot begin a UUID,
    ///   ``RunStoreError/ambiguousID(prefix:matches:)`` when several runs start with it.
    public func run(idOrPrefix text: String) throws -> RunRecord? {
        guard !text.isEmpty, text.count <= 36, text.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw RunStoreError.invalidID(text)
        }
        if UUID(uuidString: text) != nil { return try run(id: text) }
        let shown = RunStoreError.ambiguousMatchesShown
        let matches = try ids(startingWith: text, limit: shown + 1)
        switch matches.count {
        case 0: return nil
        case 1: return try run(id: matches[0])
        default: throw RunStoreError.ambiguousID(prefix: text, matches: matches)
        }
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
            _ = try? finish(run, status: .failed, summary: Self.failureSummary(error))
            throw error
        }
    }

    /// Runs `body` as a recorded run, like ``recording(command:configuration:version:seed:_:)``,
    /// except that the history never stops the work: an error of the store (a damaged file, a full
    /// disk, a lock held too long) goes to `onStoreError` and `body` runs, and its result is kept,
    /// all the same. Errors of `body` are rethrown.
    /// - Parameters:
    ///   - command: the command line as typed.
    ///   - configuration: the resolved configuration, JSON.
    ///   - version: the program version.
    ///   - seed: the random seed, if any.
    ///   - onStoreError: called with each error of the store.
    /// - Returns: what `body` returned.
    public func recordingIfPossible(command: String, configuration: String = "{}", version: String, seed: UInt64? = nil,
                                    onStoreError: (any Error) -> Void,
                                    _ body: () async throws -> String?) async throws -> String? {
        var run: RunRecord?
        do {
            run = try start(command: command, configuration: configuration, version: version, seed: seed)
        } catch {
            onStoreError(error)
        }
        do {
            let summary = try await body()
            if let run {
                do { try finish(run, status: .completed, summary: summary) } catch { onStoreError(error) }
            }
            return summary
        } catch {
            if let run {
                do { try finish(run, status: .failed, summary: Self.failureSummary(error)) } catch let storeError { onStoreError(storeError) }
            }
            throw error
        }
    }

    /// The summary of a failed run: `{"error": "<what the error says>"}`.
    static func failureSummary(_ error: any Error) -> String {
        "{\"error\": \(RunListing.quoted(String(describing: error)))}"
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
    /// The database file cannot be opened, read or written (damaged, not a database, no permission,
    /// locked, disk full); `reason` says which, in words.
    case unusableDatabase(path: String, reason: String)
    /// Several runs start with the id prefix given; `matches` holds some of them, in id order.
    case ambiguousID(prefix: String, matches: [String])

    /// Most matching ids an ``ambiguousID(prefix:matches:)`` message lists.
    public static let ambiguousMatchesShown = 5

    /// A message a user can act on.
    public var description: String {
        switch self {
        case let .invalidJSON(field, id): "run \(id): \(field) is not valid JSON"
        case let .invalidID(id):
            "'\(id)' is not a run id (expected a UUID such as 3F2504E0-4F89-11D3-9A0C-0305E82C3301, or its first characters)"
        case let .corruptRow(id, reason): "run \(id) cannot be read: \(reason)"
        case let .cannotCreateDirectory(path, reason): "cannot create the run-history folder \(path): \(reason)"
        case let .unusableDatabase(path, reason): "run history \(path): \(reason)"
        case let .ambiguousID(prefix, matches):
            "'\(prefix)' is ambiguous: "
                + (matches.count > Self.ambiguousMatchesShown ? "more than \(Self.ambiguousMatchesShown) runs start with it, e.g. " : "\(matches.count) runs start with it: ")
                + matches.prefix(Self.ambiguousMatchesShown).joined(separator: ", ") + "; give more characters"
        }
    }
}
