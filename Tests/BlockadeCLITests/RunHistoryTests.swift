import Testing
import Foundation
import BlockadeTestSupport
import History

/// The run history from the command line: problems are named, never silent, never fatal to a run.
@Suite("Run history (end to end)")
struct RunHistoryTests {
    static let quickTrial = ["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "2", "--days", "56",
                             "--no-attribution", "--quiet"]

    @Test("a damaged runs.sqlite, or a data directory that is a file, gives one warning naming it; the trial still runs",
          arguments: ["damaged", "file"])
    func trialWarnsOnce(_ problem: String) throws {
        let scratch = try ScratchFolder()
        let dataDirectory: String, named: String
        if problem == "damaged" {
            dataDirectory = scratch.path
            named = scratch.file("runs.sqlite")
            try Data("not a database, only text long enough to fill a header".utf8).write(to: URL(fileURLWithPath: named))
        } else {
            dataDirectory = scratch.file("data")
            named = dataDirectory
            try Data("x".utf8).write(to: URL(fileURLWithPath: dataDirectory))
        }
        let run = try CommandLineRun.blockade(Self.quickTrial, environment: ["BLOCKADE_DATA_DIR": dataDirectory])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.contains("Virtual trial — melanoma"))
        let warnings = run.standardError.split(separator: "\n").filter { $0.contains("warning") }
        #expect(warnings.count == 1, "stderr: \(run.standardError)")
        #expect(warnings.first?.contains(named) == true, "stderr: \(run.standardError)")
    }

    @Test("runs list on a damaged database names the file, not an SQLite code")
    func listDamaged() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("runs.sqlite")
        try Data("not a database, only text long enough to fill a header".utf8).write(to: URL(fileURLWithPath: path))
        let run = try CommandLineRun.blockade(["runs", "list", "--database", path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("run history \(path): not an SQLite database"), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("SQLite error"))
    }

    @Test("runs show takes a unique id prefix and explains an ambiguous one")
    func showPrefix() throws {
        let scratch = try ScratchFolder()
        let path = scratch.file("runs.sqlite")
        let store = try SQLiteRunStore(path: path)
        let ids = ["0123ABCD-0000-4000-8000-000000000001", "0123EF01-0000-4000-8000-000000000002"]
        for (k, id) in ids.enumerated() {
            try store.record(RunRecord(id: id, started: "2026-01-0\(k + 1)T00:00:00.000Z", command: "blockade trial \(k)", version: "v"))
        }
        let unique = try CommandLineRun.blockade(["runs", "show", "0123ab", "--database", path])
        #expect(unique.status == 0, "stderr: \(unique.standardError)")
        #expect(unique.standardOutput.contains("id:       \(ids[0])"))
        let ambiguous = try CommandLineRun.blockade(["runs", "show", "0123", "--database", path])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.standardError.contains("'0123' is ambiguous: 2 runs start with it: \(ids[0]), \(ids[1])"),
                "stderr: \(ambiguous.standardError)")
        let none = try CommandLineRun.blockade(["runs", "show", "fff", "--database", path])
        #expect(none.status != 0)
        #expect(none.standardError.contains("no run with an id starting with fff"))
    }

    @Test("a trial with a working history records itself, and runs show finds it by prefix")
    func recorded() throws {
        let scratch = try ScratchFolder()
        let run = try CommandLineRun.blockade(Self.quickTrial, environment: ["BLOCKADE_DATA_DIR": scratch.path])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.isEmpty)
        let store = try SQLiteRunStore(path: scratch.file("runs.sqlite"))
        let id = try #require(try store.list(limit: 1).first?.id)
        let shown = try CommandLineRun.blockade(["runs", "show", String(id.prefix(8)), "--format", "json"],
                                                environment: ["BLOCKADE_DATA_DIR": scratch.path])
        #expect(shown.status == 0, "stderr: \(shown.standardError)")
        #expect(shown.standardOutput.contains("\"status\": \"completed\""))
    }
}
