import Testing
import Foundation
import ArgumentParser
@testable import BlockadeCLI

/// Every `--help` example runs as written from the package root: the input files it names exist
/// there (the cohorts and calibration table in `../shared`), or an earlier example of the same help
/// text writes them.
@Suite("Help examples")
struct HelpExamplesTests {
    /// Every command and subcommand, with its help text.
    static func commands(_ type: any ParsableCommand.Type = BlockadeCommand.self, path: [String] = []) -> [(name: String, discussion: String)] {
        let configuration = type.configuration
        let name = (path + [configuration.commandName ?? "blockade"]).joined(separator: " ")
        return [(name, configuration.discussion)] + configuration.subcommands.flatMap { commands($0, path: path + [configuration.commandName ?? "blockade"]) }
    }

    /// The example command lines of a help text: lines that run `blockade` (after any environment
    /// assignments), with `\` continuations joined and `#` comments removed.
    static func examples(in discussion: String) -> [String] {
        var lines: [String] = []
        var pending = ""
        for raw in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") {
                line.removeLast()
                pending += line + " "
                continue
            }
            line = pending + line
            pending = ""
            if let comment = line.range(of: " #") { line = String(line[..<comment.lowerBound]) }
            let words = line.split(separator: " ").drop { $0.contains("=") && !$0.hasPrefix("-") }
            if words.first == "blockade" { lines.append(words.joined(separator: " ")) }
        }
        return lines
    }

    /// Shell words of a command line (single and double quotes), up to a pipe.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", quote: Character?
        for c in line {
            if let q = quote { if c == q { quote = nil } else { current.append(c) }; continue }
            if c == "'" || c == "\"" { quote = c; continue }
            if c == "|" { break }
            if c == " " { if !current.isEmpty { words.append(current); current = "" }; continue }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static let outputOptions: Set<String> = ["--output", "-o", "--report", ">"]
    static let fileExtensions = [".tsv", ".gz", ".json", ".csv", ".gmt", ".xml", ".html", ".md"]

    /// The package root, from this file's path (Tests/BlockadeCLITests/<file>).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the input files of every help example exist from the package root, or an earlier example writes them")
    func inputsExist() {
        var checked = 0
        for (name, discussion) in Self.commands() {
            var written: Set<String> = []
            for example in Self.examples(in: discussion) {
                let words = Self.words(example)
                for (k, word) in words.enumerated() {
                    let option = k > 0 ? words[k - 1] : ""
                    if Self.outputOptions.contains(option) { written.insert(word); continue }
                    guard !word.hasPrefix("-"), !word.contains("="), option != "--shard",
                          word.contains("/") || Self.fileExtensions.contains(where: word.hasSuffix) else { continue }
                    checked += 1
                    let exists = FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(word).path)
                    #expect(exists || written.contains(word), "`blockade \(name) --help`: \(word) in `\(example)` does not exist from the package root")
                }
            }
        }
        #expect(checked > 20, "the examples were not found (\(checked) files checked)")
    }

    @Test("no example refers to the cohorts as data/icb/… (they are in ../shared/data/icb)")
    func sharedDataPaths() {
        for (name, discussion) in Self.commands() {
            for example in Self.examples(in: discussion) {
                for word in Self.words(example) where word.hasPrefix("data/") {
                    Issue.record("`blockade \(name) --help`: \(word) should start with ../shared/")
                }
            }
        }
    }
}
