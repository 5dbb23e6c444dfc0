import Testing
import Foundation
import ArgumentParser
import BlockadeTestSupport
@testable import BlockadeCLI
import History
import Omics
import Trials
import TumorImmune

/// Swift Testing has an `ExitStatus` of its own.
typealias ExitStatus = BlockadeCLI.ExitStatus

/// One exit-status convention for every command (see ``BlockadeCLI/ExitStatus``).
@Suite("Exit status")
struct ExitStatusTests {
    struct Unexpected: Error {}

    @Test("errors map to 64 (usage), 65 (bad input data), 74 (output I/O) or 1, in one place")
    func mapping() {
        let cases: [(any Error, ExitStatus?)] = [
            (BlockadeError.unknownName(kind: "tumour type", name: "glioma", valid: []), .usage),
            (BlockadeError.invalidArgument("bad regimen"), .usage),
            (BlockadeError.solverFailure(code: "maxIters", time: 3), .failure),
            (RunNotFound(id: "abc"), .usage),
            (RunStoreError.ambiguousID(prefix: "a", matches: ["a1", "a2"]), .usage),
            (RunStoreError.unusableDatabase(path: "runs.sqlite", reason: "damaged"), .dataError),
            (RunStoreError.cannotCreateDirectory(path: "d", reason: "a file"), .ioError),
            (OmicsError.emptyFile(file: "x.tsv"), .dataError),
            (TrialShardError.missingShards(indices: [1], count: 3), .dataError),
            (OutputWriteError(path: "out.json", reason: "disk full"), .ioError),
            (ValidationError("bad option"), nil),
            (ExitCode(3), nil),
            (Unexpected(), .failure),
        ]
        for (error, status) in cases {
            #expect(ExitStatus.status(for: error) == status, "\(error)")
        }
    }

    @Test("the top-level help documents the exit statuses")
    func documented() throws {
        let run = try CommandLineRun.blockade(["--help"])
        #expect(run.status == 0)
        for line in ["0   success", "64  usage error", "65  bad input data", "74  I/O error", "1   anything else"] {
            #expect(run.standardOutput.contains(line), "--help lacks '\(line)'")
        }
    }

    @Test("commands exit with the documented status", arguments: [
        (["list", "tumors"], ExitStatus.success),
        (["simulate", "--tumor", "glioma"], .usage),
        (["calibrate", "--tumor", "glioma"], .usage),
        (["simulate", "--regimen", "aspirin"], .usage),
        (["simulate", "--days", "-1"], .usage),
        (["no-such-command"], .usage),
        (["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--select", "pdl1_tps>>5", "--no-history"], .usage),
        (["merge", "{junk}"], .dataError),
        (["profile", "{missing}"], .dataError),
        (["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--populations", "{junk}", "--no-history"], .dataError),
        (["calibrate", "--calibration", "{junk}"], .dataError),
        (["runs", "list", "--database", "{junk}"], .dataError),
        (["runs", "list", "--database", "{junk}/runs.sqlite"], .ioError),
        (["runs", "show", "abc", "--database", "{fresh}"], .usage),
    ])
    func statuses(_ arguments: [String], _ status: ExitStatus) throws {
        let scratch = try ScratchFolder()
        let junk = scratch.file("junk.txt")
        try Data("this is not what any command reads, as text long enough to fill a header".utf8).write(to: URL(fileURLWithPath: junk))
        let resolved = arguments.map {
            $0.replacingOccurrences(of: "{junk}", with: junk).replacingOccurrences(of: "{missing}", with: scratch.file("missing.tsv"))
                .replacingOccurrences(of: "{fresh}", with: scratch.file("runs.sqlite"))
        }
        let run = try CommandLineRun.blockade(resolved)
        #expect(run.status == status.rawValue, "stderr: \(run.standardError)")
        if status != .success {
            #expect(run.standardError.contains("Error:"), "stderr: \(run.standardError)")
            #expect(!run.standardError.contains("CommandError"), "stderr: \(run.standardError)")
        }
    }
}
