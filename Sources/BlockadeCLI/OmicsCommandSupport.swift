import ArgumentParser
import Foundation
import Omics

/// Helpers shared by `profile`, `evaluate` and `train`: loading inputs with progress on stderr and
/// writing JSON. An `OmicsError` names the file and exits with status 65 (``ExitStatus``).
enum OmicsCommandSupport {
    /// Writes a line to stderr (progress and timing never mix with the data on stdout).
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Reads an expression file, reporting size, scale and timing on stderr.
    static func loadExpression(_ path: String, quiet: Bool = false) throws(OmicsError) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        let start = Date()
        let result = try ExpressionReader.read(path: path)
        if !quiet {
            let r = result.report
            note("blockade: read \(path): \(result.matrix.genes.count) genes × \(result.matrix.samples.count) samples in \(seconds(since: start)) s; \(r.scaleStatement)"
                 + (r.duplicatedGenesDropped > 0 ? "; \(r.duplicatedGenesDropped) duplicated gene rows dropped (kept highest mean)" : "")
                 + (r.aliasesMapped.isEmpty ? "" : "; aliases mapped: \(r.aliasesMapped.joined(separator: ", "))"))
        }
        return result
    }

    /// A cohort name from a file path: the parent folder for `…/cohort/expr.tsv.gz`, else the file stem.
    static func cohortName(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.lastPathComponent.components(separatedBy: ".").first ?? url.lastPathComponent
        if stem.hasPrefix("expr") || stem.hasPrefix("counts") {
            return url.deletingLastPathComponent().lastPathComponent
        }
        return stem
    }

    /// Elapsed seconds as text with 2 decimals.
    static func seconds(since start: Date) -> String {
        String(format: "%.2f", Date().timeIntervalSince(start))
    }

    /// Pretty JSON of an `Encodable`, keys sorted for stable golden output.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }

    /// A number for TSV/table output with a fixed number of decimals (default 4).
    static func format(_ x: Double, digits: Int = 4) -> String {
        String(format: "%.\(digits)f", x)
    }

    /// Rounds for JSON so that output is readable and stable across platforms.
    static func rounded(_ x: Double, _ digits: Int = 6) -> Double {
        let scale = pow(10.0, Double(digits))
        return (x * scale).rounded() / scale
    }
}
