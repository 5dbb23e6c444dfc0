import Foundation
import Testing
@testable import History

/// A fresh folder per test, removed afterwards.
private final class TemporaryDirectory {
    let path: String
    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("blockade-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    var database: String { (path as NSString).appendingPathComponent("runs.sqlite") }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

private func date(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + seconds) }

@Suite("Run history in SQLite")
struct RunStoreTests {
    @Test("a run recorded at start and finished at the end reads back whole, newest first in the list")
    func recordListShow() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteRunStore(path: dir.database)
        let first = try store.start(command: "blockade trial --seed 1", configuration: #"{"tumor":"melanoma"}"#,
                                    version: "0.1.0", seed: 1, at: date(0))
        let second = try store.start(command: "blockade trial --seed 2", version: "0.1.0", seed: .max, at: date(60))
        #expect(try store.run(id: first.id)?.status == .running)
        let done = try store.finish(first, status: .completed, summary: #"{"orr":0.4}"#, at: date(30))
        let shown = try #require(try store.run(id: first.id))
        #expect(shown == done)
        #expect(shown.summary == #"{"orr":0.4}"#)
        #expect(shown.finished == RunRecord.timestamp(date(30)))
        #expect(try store.run(id: first.id.lowercased())?.id == first.id, "ids are matched case-insensitively")
        #expect(try store.run(id: UUID().uuidString) == nil)
        let list = try store.list(limit: 10)
        #expect(list.map(\.id) == [second.id, first.id])
        #expect(list[0].seed == .max, "a seed above Int64.max survives the round trip")
        #expect(try store.list(limit: 1).count == 1)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.journalMode() == "wal")
        #expect(try store.appliedMigrations() == ["v1-run"])
    }

    @Test("a run survives reopening the file; migrating again is a no-op")
    func reopen() throws {
        let dir = try TemporaryDirectory()
        let run = try SQLiteRunStore(path: dir.database).start(command: "blockade demo", version: "v", at: date(0))
        let reopened = try SQLiteRunStore(path: dir.database)
        #expect(try reopened.run(id: run.id) == run)
        #expect(try reopened.appliedMigrations() == ["v1-run"])
    }

    @Test("invalid input is refused with a typed error and leaves nothing behind",
          arguments: [
            (RunRecord(id: "not-a-uuid", started: "t", command: "c", version: "v"), RunStoreError.invalidID("not-a-uuid")),
            (RunRecord(id: "3F2504E0-4F89-11D3-9A0C-0305E82C3301", started: "t", command: "c", configuration: "{oops", version: "v"),
             RunStoreError.invalidJSON(field: "configuration", runID: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")),
            (RunRecord(id: "3F2504E0-4F89-11D3-9A0C-0305E82C3301", started: "t", command: "c", version: "v", summary: "[1,"),
             RunStoreError.invalidJSON(field: "summary", runID: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")),
          ])
    func invalid(run: RunRecord, error: RunStoreError) throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteRunStore(path: dir.database)
        #expect(throws: error) { try store.record(run) }
        #expect(try store.list(limit: 10).isEmpty)
    }

    @Test("two stores on one file written from two tasks at once keep every run")
    func concurrentWriters() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.database
        _ = try SQLiteRunStore(path: path)
        let perTask = 40
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    // A store per task, as two processes would have: separate connections and locks.
                    let store = try SQLiteRunStore(path: path)
                    for k in 0..<perTask {
                        let run = try store.start(command: "writer \(writer) run \(k)", version: "v", seed: UInt64(k),
                                                  at: date(Double(k)))
                        try store.finish(run, status: k % 2 == 0 ? .completed : .failed, summary: "{}", at: date(Double(k) + 1))
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try SQLiteRunStore(path: path)
        let all = try store.list(limit: 1000)
        #expect(all.count == 2 * perTask)
        #expect(all.allSatisfy { $0.status != .running })
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test("a transaction that fails half-way is rolled back and the file stays sound")
    func abortedTransaction() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteRunStore(path: dir.database)
        let kept = try store.start(command: "kept", version: "v", at: date(0))
        struct Abort: Error {}
        // Write through a second GRDB connection in the same schema and throw mid-transaction.
        let queue = try GRDBTestAccess.queue(path: dir.database)
        #expect(throws: Abort.self) {
            try queue.write { db in
                try db.execute(sql: "UPDATE run SET status = 'failed' WHERE id = ?", arguments: [kept.id])
                try db.execute(sql: "DELETE FROM run")
                throw Abort()
            }
        }
        let reopened = try SQLiteRunStore(path: dir.database)
        #expect(try reopened.run(id: kept.id) == kept)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test("a writer killed with SIGKILL inside a transaction loses only its uncommitted rows",
          .enabled(if: KilledWriter.python != nil, "needs python3 for the child writer"))
    func killedWriter() throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteRunStore(path: dir.database)
        let kept = try store.start(command: "kept", version: "v", at: date(0))
        try KilledWriter.runAndKill(database: dir.database)
        let wal = try FileManager.default.attributesOfItem(atPath: dir.database + "-wal")[.size] as? Int ?? 0
        #expect(wal > 1_000_000, "the uncommitted rows had reached the WAL file before the kill (\(wal) bytes)")
        let reopened = try SQLiteRunStore(path: dir.database)
        let runs = try reopened.list(limit: 100_000)
        #expect(runs.map(\.id) == [kept.id], "the killed writer's rows were never committed")
        #expect(try reopened.integrityCheck() == ["ok"])
        let after = try reopened.start(command: "after the crash", version: "v", at: date(10))
        #expect(try reopened.run(id: after.id) == after)
    }

    @Test("a recorded body ends completed with its summary, or failed with its error")
    func recording() async throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteRunStore(path: dir.database)
        let (summary, done) = try await store.recording(command: "ok", version: "v", seed: 3) { #"{"n":1}"# }
        #expect(summary == #"{"n":1}"#)
        #expect(try store.run(id: done.id)?.status == .completed)
        struct Boom: Error, CustomStringConvertible { var description: String { "boom \"quoted\"" } }
        await #expect(throws: Boom.self) {
            _ = try await store.recording(command: "bad", version: "v") { throw Boom() }
        }
        let failed = try #require(try store.list(limit: 10).first { $0.command == "bad" })
        #expect(failed.status == .failed)
        #expect(try store.run(id: failed.id)?.summary == #"{"error": "boom \"quoted\""}"#)
    }

    @Test("the default location follows BLOCKADE_DATA_DIR, then XDG_DATA_HOME, then ~/.local/share")
    func location() {
        #expect(RunStoreLocation.defaultPath(environment: ["BLOCKADE_DATA_DIR": "/d", "XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/d/runs.sqlite")
        #expect(RunStoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/blockade/runs.sqlite")
        #expect(RunStoreLocation.defaultPath(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/blockade/runs.sqlite")
    }

    @Test("the database folder is created when missing")
    func createsFolder() throws {
        let dir = try TemporaryDirectory()
        let nested = (dir.path as NSString).appendingPathComponent("a/b/runs.sqlite")
        _ = try SQLiteRunStore(path: nested)
        #expect(FileManager.default.fileExists(atPath: nested))
    }
}
