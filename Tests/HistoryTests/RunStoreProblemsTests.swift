import Foundation
import Testing
@testable import History

/// A fresh folder per test, removed afterwards.
private final class Scratch {
    let path: String
    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("blockade-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A store whose writes number `failing` fail (0: the start of a run, 1: its finish), as a damaged,
/// locked or full store would.
private final class FailingStore: RunStore, @unchecked Sendable {
    struct Failure: Error {}
    let failing: Set<Int>
    var writes = 0
    var recorded: [RunRecord] = []
    init(failing: Set<Int>) { self.failing = failing }
    func record(_ run: RunRecord) throws {
        defer { writes += 1 }
        if failing.contains(writes) { throw Failure() }
        recorded.append(run)
    }
    func list(limit: Int) throws -> [RunSummary] { recorded.map(\.summaryRow) }
    func run(id: String) throws -> RunRecord? { recorded.last { $0.id == id } }
    func ids(startingWith prefix: String, limit: Int) throws -> [String] { [] }
}

@Suite("Run history problems and id prefixes")
struct RunStoreProblemsTests {
    @Test("a file that is not an SQLite database is refused, naming the file and what to do")
    func notADatabase() throws {
        let scratch = try Scratch()
        let path = scratch.file("runs.sqlite")
        try Data("this is not a database, just some text that fills a page".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: RunStoreError.self) { try SQLiteRunStore(path: path) }
        guard case let .unusableDatabase(file, reason) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(file == path)
        #expect(reason.hasPrefix("not an SQLite database"))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("move it aside") == true)
        #expect(error?.description.contains("SQLite error 26") == false)
    }

    @Test("a data directory that is a file, or a database path that is a folder, is named in the error")
    func wrongKinds() throws {
        let scratch = try Scratch()
        let file = scratch.file("data")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let error = #expect(throws: RunStoreError.self) { try SQLiteRunStore(path: (file as NSString).appendingPathComponent("runs.sqlite")) }
        #expect(error?.description.hasPrefix("cannot create the run-history folder \(file): it is a file, not a folder") == true,
                "\(String(describing: error))")
        let folder = scratch.file("runs.sqlite")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let second = #expect(throws: RunStoreError.self) { try SQLiteRunStore(path: folder) }
        #expect(second?.description.hasPrefix("run history \(folder): cannot be opened") == true, "\(String(describing: second))")
    }

    static let ids = ["AAAA1111-0000-4000-8000-000000000001", "AAAA2222-0000-4000-8000-000000000002",
                      "BBBB1111-0000-4000-8000-000000000003"]

    @Test("runs show takes a unique beginning of the id, in either case, and names the matches of an ambiguous one")
    func prefixes() throws {
        let scratch = try Scratch()
        let store = try SQLiteRunStore(path: scratch.file("runs.sqlite"))
        for (k, id) in Self.ids.enumerated() {
            try store.record(RunRecord(id: id, started: "2026-01-0\(k + 1)T00:00:00.000Z", command: "run \(k)", version: "v"))
        }
        #expect(try store.run(idOrPrefix: "aaaa1")?.id == Self.ids[0])
        #expect(try store.run(idOrPrefix: "B")?.id == Self.ids[2])
        #expect(try store.run(idOrPrefix: Self.ids[1].lowercased())?.id == Self.ids[1])
        #expect(try store.run(idOrPrefix: "C") == nil)
        #expect(throws: RunStoreError.ambiguousID(prefix: "AAAA", matches: Array(Self.ids.prefix(2)))) {
            try store.run(idOrPrefix: "AAAA")
        }
        #expect(RunStoreError.ambiguousID(prefix: "AAAA", matches: Array(Self.ids.prefix(2))).description
                == "'AAAA' is ambiguous: 2 runs start with it: \(Self.ids[0]), \(Self.ids[1]); give more characters")
        for text in ["", "zz", "AAAA%", "AAAA_", String(repeating: "A", count: 37)] {
            #expect(throws: RunStoreError.invalidID(text)) { try store.run(idOrPrefix: text) }
        }
    }

    @Test("an ambiguous prefix shared by many runs lists a few and says there are more")
    func manyMatches() throws {
        let scratch = try Scratch()
        let store = try SQLiteRunStore(path: scratch.file("runs.sqlite"))
        for k in 0..<8 {
            try store.record(RunRecord(id: "CCCC000\(k)-0000-4000-8000-000000000000", started: "t\(k)", command: "c", version: "v"))
        }
        let error = #expect(throws: RunStoreError.self) { try store.run(idOrPrefix: "cccc") }
        #expect(error?.description.hasPrefix("'cccc' is ambiguous: more than 5 runs start with it, e.g. CCCC0000-") == true,
                "\(String(describing: error))")
    }

    @Test("a store that cannot record never stops the work: its errors are reported and the body's result kept",
          arguments: [([], 0, [RunStatus.running, .completed]), ([0], 1, []), ([1], 1, [.running])] as [(Set<Int>, Int, [RunStatus])])
    func recordingIfPossible(failing: Set<Int>, reports: Int, statuses: [RunStatus]) async throws {
        let store = FailingStore(failing: failing)
        var reported = 0
        let summary = try await store.recordingIfPossible(command: "c", version: "v", onStoreError: { _ in reported += 1 }) { #"{"n":1}"# }
        #expect(summary == #"{"n":1}"#)
        #expect(reported == reports)
        #expect(store.recorded.map(\.status) == statuses)
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            _ = try await FailingStore(failing: failing).recordingIfPossible(command: "c", version: "v", onStoreError: { _ in }) { throw Boom() }
        }
    }
}
