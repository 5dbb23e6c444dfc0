import Foundation
import Trials

/// Reader of `calibration/monotherapy_arms.csv` (RFC 4180: comma-separated, fields optionally in
/// double quotes, `""` an escaped quote; quoted fields may contain commas but not line breaks).
public enum CalibrationCSV {
    /// Columns the reader needs (others are ignored).
    public static let requiredColumns = ["trial", "tumor_id", "blockade_regimen", "selection_rule", "arm", "n",
                                         "orr_pct", "cr_pct", "mpfs_mo", "g3plus_trae_pct", "confidence"]

    /// Reads and parses a calibration file.
    /// - Throws: ``CalibrationFileError`` if the file cannot be read or a line is malformed.
    public static func read(path: String) throws(CalibrationFileError) -> [CalibrationArm] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CalibrationFileError(file: path, line: 0, problem: "cannot read the file; give the calibration CSV with --calibration PATH")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses calibration CSV text; `file` names the source in errors.
    /// - Throws: ``CalibrationFileError`` naming the line: missing columns, a wrong number of
    ///   fields, an unterminated quote, or a value that is not a number (empty and `NR` mean "not given").
    public static func parse(_ text: String, file: String) throws(CalibrationFileError) -> [CalibrationArm] {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CalibrationFileError(file: file, line: 1, problem: "empty file: expected a header line")
        }
        let header = try fields(of: String(headerLine), file: file, line: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        var column: [String: Int] = [:]
        for (i, name) in header.enumerated() { column[name] = i }
        let missing = requiredColumns.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw CalibrationFileError(file: file, line: 1, problem: "missing column(s) \(missing.joined(separator: ", "))")
        }
        var arms: [CalibrationArm] = []
        for (offset, raw) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            let text = String(raw)
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let values = try fields(of: text, file: file, line: lineNumber)
            guard values.count == header.count else {
                throw CalibrationFileError(file: file, line: lineNumber,
                                           problem: "\(values.count) fields, expected \(header.count) as in the header")
            }
            func value(_ name: String) -> String { column[name].map { values[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            func number(_ name: String) throws(CalibrationFileError) -> Double? {
                let v = value(name)
                if v.isEmpty || v.uppercased() == "NR" || v.uppercased() == "NA" { return nil }
                guard let d = Double(v), d.isFinite, d >= 0 else {
                    throw CalibrationFileError(file: file, line: lineNumber, problem: "column \(name): '\(v)' is not a non-negative number")
                }
                return d
            }
            let selection = simulatedSelection(rule: value("selection_rule"),
                                               description: column["selection"].map { _ in value("selection") } ?? "")
            let confidence = value("confidence")
            let nValue = try number("n")
            var cr = try number("cr_pct")
            if confidence.lowercased().contains("cr=pathologic") { cr = nil }
            var arm = CalibrationArm(
                line: lineNumber, trial: value("trial"), tumor: value("tumor_id"), regimen: value("blockade_regimen"),
                selection: selection.rule, armLabel: value("arm"), n: nValue.map { Int($0) }, orr: try number("orr_pct"), cr: cr,
                medianPFS: try number("mpfs_mo"), g3: try number("g3plus_trae_pct"), confidence: confidence,
                therapyLine: column["setting"].flatMap { _ in TherapyLine(setting: value("setting")) })
            arm.selectionReconciled = selection.reconciled
            if column["mos_mo"] != nil { arm.medianOS = try number("mos_mo") }
            arms.append(arm)
        }
        return inheritingLines(arms)
    }

    /// The selection an arm is simulated with (nil: all-comers, for an empty or `all` rule). A row
    /// whose free-text `selection` column calls its patients unselected while `selection_rule` names
    /// a biomarker rule contradicts itself; the text, the arm size and the published rate then
    /// describe the intention-to-treat arm (in the shipped CSV: IMvigor211 atezolizumab, n = 467 of
    /// 931 randomised, ORR 13.4 % in the ITT population, Powles 2018 doi:10.1016/S0140-6736(17)33297-X;
    /// KEYNOTE-119 pembrolizumab, n = 312 of 622, ORR 9.6 % in the ITT population, Winer 2021
    /// doi:10.1016/S1470-2045(20)30754-3), so the arm is simulated as all-comers and the reason
    /// returned for the report.
    static func simulatedSelection(rule: String, description: String) -> (rule: String?, reconciled: String?) {
        guard !rule.isEmpty, rule.lowercased() != "all" else { return (nil, nil) }
        guard description.lowercased().hasPrefix("unselected") else { return (rule, nil) }
        return (nil, "selection_rule '\(rule)' contradicts the selection column '\(description)': simulated as all-comers")
    }

    /// An arm whose setting names no line (e.g. "All patients" of a trial whose cohorts are each
    /// pretreated) takes the line of the other arms of the same trial and tumour type when they
    /// all agree: it pools those patients.
    static func inheritingLines(_ arms: [CalibrationArm]) -> [CalibrationArm] {
        arms.map { arm in
            guard arm.therapyLine == nil else { return arm }
            let lines = Set(arms.filter { $0.trial == arm.trial && $0.tumor == arm.tumor }.compactMap(\.therapyLine))
            var inherited = arm
            if lines.count == 1 { inherited.therapyLine = lines.first }
            return inherited
        }
    }

    /// Splits one CSV line into fields.
    static func fields(of line: String, file: String, line number: Int) throws(CalibrationFileError) -> [String] {
        var result: [String] = []
        var current = ""
        var inQuotes = false
        var chars = Array(line)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { current.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                result.append(current); current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        guard !inQuotes else { throw CalibrationFileError(file: file, line: number, problem: "unterminated quoted field") }
        result.append(current)
        return result
    }
}

/// The project's landmark table (`calibration/landmarks.csv`): published 12-month PFS and 24-month
/// OS of calibration arms, one source per value, joined on the arm's line in the calibration CSV.
public enum LandmarkTable {
    /// `arms` with `pfs12`/`os24` from the table at `path`.
    /// - Throws: ``CalibrationFileError`` naming the line whose join or value is wrong.
    public static func apply(path: String, to arms: [CalibrationArm]) throws(CalibrationFileError) -> [CalibrationArm] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CalibrationFileError(file: path, line: 0, problem: "cannot read the landmark table")
        }
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first else { throw CalibrationFileError(file: path, line: 1, problem: "empty file") }
        let names = try CalibrationCSV.fields(of: String(header), file: path, line: 1)
        guard let lineColumn = names.firstIndex(of: "csv_line"), let trialColumn = names.firstIndex(of: "trial"),
              let pfsColumn = names.firstIndex(of: "pfs12_pct"), let osColumn = names.firstIndex(of: "os24_pct") else {
            throw CalibrationFileError(file: path, line: 1, problem: "expected columns csv_line, trial, pfs12_pct, os24_pct")
        }
        var byLine = Dictionary(arms.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
        for (offset, raw) in lines.enumerated().dropFirst() where !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            let values = try CalibrationCSV.fields(of: String(raw), file: path, line: offset + 1)
            guard values.count == names.count, let line = Int(values[lineColumn]) else {
                throw CalibrationFileError(file: path, line: offset + 1, problem: "expected \(names.count) fields with a csv_line number")
            }
            guard var arm = byLine[line] else { continue }
            guard arm.trial == values[trialColumn] else {
                throw CalibrationFileError(file: path, line: offset + 1, problem: "csv_line \(line) is '\(arm.trial)' in the calibration CSV, not '\(values[trialColumn])'")
            }
            func percent(_ column: Int) throws(CalibrationFileError) -> Double? {
                let v = values[column].trimmingCharacters(in: .whitespaces)
                if v.isEmpty { return nil }
                guard let d = Double(v), (0...100).contains(d) else {
                    throw CalibrationFileError(file: path, line: offset + 1, problem: "'\(v)' is not a percentage")
                }
                return d
            }
            arm.pfs12 = try percent(pfsColumn)
            arm.os24 = try percent(osColumn)
            byLine[line] = arm
        }
        return arms.map { byLine[$0.line] ?? $0 }
    }
}
