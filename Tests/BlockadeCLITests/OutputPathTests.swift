import Testing
import Foundation
import BlockadeTestSupport
@testable import BlockadeCLI

/// A fresh folder per test, removed afterwards.
final class ScratchFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blockade-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var path: String { url.path }
    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Output files are checked before any work starts, so a long run cannot end in a lost result.
@Suite("Output paths (end to end)")
struct OutputPathTests {
    /// Each command with its output option pointing at `{out}`; a trial of 100,000 patients would run
    /// for minutes, so a quick refusal shows the check comes first.
    static let commands: [[String]] = [
        ["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "100000", "--no-history", "--report", "{out}"],
        ["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "100000", "--no-history", "--output", "{out}"],
        ["demo", "--report", "{out}"],
        ["export", "sbml", "-o", "{out}"],
        ["export", "model-doc", "-o", "{out}"],
        ["train", "a.tsv.gz", "--clinical", "a.tsv", "--output", "{out}"],
        ["merge", "a.json", "b.json", "--output", "{out}"],
        ["merge", "a.json", "b.json", "--report", "{out}"],
        ["calibrate", "--write", "--output", "{out}"],
    ]

    @Test("an output path that is a directory is refused at once, naming the file", arguments: commands)
    func directory(_ arguments: [String]) throws {
        let scratch = try ScratchFolder()
        let run = try CommandLineRun.blockade(arguments.map { $0 == "{out}" ? scratch.path : $0 })
        #expect(run.status == 64, "stderr: \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("cannot write \(scratch.path): it is a directory"), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("NSCocoaErrorDomain"))
    }

    @Test("an output file in a folder that does not exist is refused, naming the folder", arguments: commands)
    func missingFolder(_ arguments: [String]) throws {
        let scratch = try ScratchFolder()
        let out = scratch.file("missing/result.out")
        let run = try CommandLineRun.blockade(arguments.map { $0 == "{out}" ? out : $0 })
        #expect(run.status == 64, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("cannot write \(out): the folder \(scratch.file("missing")) does not exist"),
                "stderr: \(run.standardError)")
    }

    @Test("merge refuses to write over one of its input shards, however the path is spelled",
          arguments: ["--output", "--report"])
    func mergeOverInput(_ option: String) throws {
        let scratch = try ScratchFolder()
        let a = scratch.file("a.json"), b = scratch.file("b.json")
        try Data("shard a".utf8).write(to: URL(fileURLWithPath: a))
        try Data("shard b".utf8).write(to: URL(fileURLWithPath: b))
        let sameAsA = scratch.path + "/./sub/../a.json"
        try FileManager.default.createDirectory(atPath: scratch.file("sub"), withIntermediateDirectories: true)
        let run = try CommandLineRun.blockade(["merge", a, b, option, sameAsA])
        #expect(run.status == 64, "stderr: \(run.standardError)")
        #expect(run.standardError.contains("is one of the shards being merged"), "stderr: \(run.standardError)")
        #expect(try String(contentsOfFile: a, encoding: .utf8) == "shard a", "the input shard was changed")
    }

    @Test("a file that cannot be written after the work is an OutputWriteError naming it")
    func writeFailure() throws {
        let scratch = try ScratchFolder()
        #expect(OutputPath.problem(writing: scratch.file("new.txt")) == nil)
        #expect(OutputPath.problem(writing: scratch.path) == "it is a directory")
        #expect(OutputPath.problem(writing: scratch.path + "/folder/") == "it names a folder (ends with '/'); give a file name")
        let error = #expect(throws: OutputWriteError.self) { try writeOutput("text", to: scratch.path) }
        #expect(error?.description == "cannot write \(scratch.path): it is a directory")
    }
}
