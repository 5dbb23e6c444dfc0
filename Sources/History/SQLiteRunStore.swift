import Foundation
import GRDB

/// A `RunStore` in one SQLite file, through GRDB.
///
/// Crash safety: the database is in WAL mode (`DatabasePool`) with `synchronous = FULL`, and every
/// write is a single transaction, so a process killed at any point — even mid-transaction — leaves
/// the last committed state; SQLite rolls the rest back when the file is next opened. Several
/// processes may write at once: a writer waits up to `busyTimeout` for another's lock.
/// The schema is versioned by a `DatabaseMigrator`; a newer program migrates an older file in place.
public struct SQLiteRunStore: RunStore {
    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// How long a writer waits for another process's write lock, seconds.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating if needed, with its folder) the database at `path` and migrates it.
    /// - Parameter path: database file; by default `RunStoreLocation.defaultPath()`.
    /// - Throws: ``RunStoreError/cannotCreateDirectory(path:reason:)`` when the folder cannot be
    ///   made (a file of that name is in the way, no permission), ``RunStoreError/unusableDatabase(path:reason:)``
    ///   when the file is not a sound SQLite database or cannot be opened.
    public init(path: String = RunStoreLocation.defaultPath()) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw RunStoreError.cannotCreateDirectory(path: directory, reason:
                    "it is a file, not a folder (point BLOCKADE_DATA_DIR at a folder, or move the file)")
            }
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw RunStoreError.cannotCreateDirectory(path: directory, reason: error.localizedDescription)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.prepareDatabase { db in
            // FULL: a committed run survives power loss too, not only a killed process; runs are few.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try Self.naming(path) {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            return pool
        }
        self.path = path
    }

    /// Runs `body`, turning an SQLite error into ``RunStoreError/unusableDatabase(path:reason:)``,
    /// which names the file and says what is wrong in words instead of a result code.
    private static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw RunStoreError.unusableDatabase(path: path, reason: reason(error))
        }
    }

    /// The words for an SQLite failure, with what to do about it.
    static func reason(_ error: DatabaseError) -> String {
        let startOver = "move it aside and Blockade starts a new history"
        switch error.resultCode {
        case .SQLITE_NOTADB: return "not an SQLite database (damaged, or another kind of file); \(startOver)"
        case .SQLITE_CORRUPT: return "the database is damaged; \(startOver)"
        case .SQLITE_CANTOPEN: return "cannot be opened (a folder of that name, or no permission in its folder)"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return "no permission to write it"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "locked by another process for more than \(Int(busyTimeout)) s"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "input/output error (\(error.message ?? "no detail"))"
        default: return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "no detail")"
        }
    }

    /// Schema versions, oldest first. Append new migrations; never edit a released one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-run") { db in
            try db.create(table: "run") { t in
                t.primaryKey("id", .text)
                t.column("started", .text).notNull()
                t.column("finished", .text)
                t.column("command", .text).notNull()
                t.column("configuration", .text).notNull()
                t.column("version", .text).notNull()
                // Text, because a UInt64 seed may exceed SQLite's signed 64-bit integers.
                t.column("seed", .text)
                t.column("summary", .text)
                t.column("status", .text).notNull().check(sql: "status IN ('running', 'completed', 'failed')")
            }
            try db.create(index: "run_on_started", on: "run", columns: ["started"])
        }
        return migrator
    }

    /// Names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try Self.naming(path) { try pool.read { try Self.migrator.appliedIdentifiers($0) }.sorted() }
    }

    /// Inserts or replaces `run` in one transaction, after checking its id and JSON fields.
    public func record(_ run: RunRecord) throws {
        try Self.validate(run)
        try Self.naming(path) { try pool.write { db in
            try db.execute(sql: """
                INSERT INTO run (id, started, finished, command, configuration, version, seed, summary, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET started = excluded.started, finished = excluded.finished,
                  command = excluded.command, configuration = excluded.configuration, version = excluded.version,
                  seed = excluded.seed, summary = excluded.summary, status = excluded.status
                """, arguments: [run.id, run.started, run.finished, run.command, run.configuration, run.version,
                                 run.seed.map(String.init), run.summary, run.status.rawValue])
        } }
    }

    /// The `limit` most recent runs, newest first.
    public func list(limit: Int) throws -> [RunSummary] {
        try Self.naming(path) { try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, started, finished, command, version, seed, status FROM run
                ORDER BY started DESC, id DESC LIMIT ?
                """, arguments: [max(limit, 0)])
        } }.map { try Self.summary(from: $0) }
    }

    /// The run with this id (case-insensitive), nil if none.
    public func run(id: String) throws -> RunRecord? {
        guard let row = try Self.naming(path, { try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ? COLLATE NOCASE", arguments: [id])
        } }) else { return nil }
        let head = try Self.summary(from: row)
        return RunRecord(id: head.id, started: head.started, finished: head.finished, command: head.command,
                         configuration: row["configuration"] ?? "{}", version: head.version, seed: head.seed,
                         summary: row["summary"], status: head.status)
    }

    /// Ids starting with `prefix`, case-insensitive (SQLite's `LIKE` folds ASCII case; the prefix
    /// has no `%` or `_` to escape, as it holds only hexadecimal digits and hyphens).
    public func ids(startingWith prefix: String, limit: Int) throws -> [String] {
        try Self.naming(path) { try pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM run WHERE id LIKE ? ORDER BY id LIMIT ?",
                                arguments: [prefix + "%", max(limit, 0)])
        } }
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise the problems found.
    public func integrityCheck() throws -> [String] {
        try pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    /// The journal mode in force (`wal`).
    public func journalMode() throws -> String {
        try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }

    private static func validate(_ run: RunRecord) throws {
        guard UUID(uuidString: run.id) != nil else { throw RunStoreError.invalidID(run.id) }
        func isJSON(_ text: String) -> Bool {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
        }
        guard isJSON(run.configuration) else { throw RunStoreError.invalidJSON(field: "configuration", runID: run.id) }
        if let summary = run.summary, !isJSON(summary) { throw RunStoreError.invalidJSON(field: "summary", runID: run.id) }
    }

    private static func summary(from row: Row) throws -> RunSummary {
        let id: String = row["id"] ?? ""
        let statusText: String = row["status"] ?? ""
        guard let status = RunStatus(rawValue: statusText) else {
            throw RunStoreError.corruptRow(id: id, reason: "unknown status '\(statusText)'")
        }
        let seedText: String? = row["seed"]
        var seed: UInt64?
        if let seedText {
            guard let value = UInt64(seedText) else { throw RunStoreError.corruptRow(id: id, reason: "seed '\(seedText)' is not a number") }
            seed = value
        }
        return RunSummary(id: id, started: row["started"] ?? "", finished: row["finished"], command: row["command"] ?? "",
                          version: row["version"] ?? "", seed: seed, status: status)
    }
}
