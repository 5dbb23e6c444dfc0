/// Response to immune checkpoint blockade as labelled in a clinical table.
public enum Response: String, Sendable, Codable {
    /// Responder (R): CR/PR, or durable SD, per the cohort's own definition.
    case responder = "R"
    /// Non-responder (NR).
    case nonResponder = "NR"
}

/// Per-sample response labels from a clinical TSV with `sample` and `response` columns.
public struct ClinicalTable: Sendable, Equatable {
    /// Response per sample id; samples labelled NA (or empty) are left out.
    public var response: [String: Response]
    /// Optional cohort id per sample (column `cohort`, if present).
    public var cohort: [String: String]

    /// Builds a table directly.
    public init(response: [String: Response], cohort: [String: String] = [:]) {
        self.response = response
        self.cohort = cohort
    }

    /// Reads a clinical TSV (gzip allowed). Columns other than `sample`, `response`, `cohort` are ignored.
    /// - Throws: `OmicsError` for a missing column, a ragged row or a label other than R/NR/NA.
    public static func read(path: String) throws(OmicsError) -> ClinicalTable {
        let bytes = try TextSource.read(path)
        return try parse(text: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses clinical TSV text; `file` is used in messages.
    public static func parse(text: String, file: String) throws(OmicsError) -> ClinicalTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let headerLine = lines.first, !headerLine.isEmpty else { throw .emptyFile(file: file) }
        let header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingQuotes() }
        guard let sampleColumn = header.firstIndex(of: "sample") else { throw .missingColumn(file: file, column: "sample") }
        guard let responseColumn = header.firstIndex(of: "response") else { throw .missingColumn(file: file, column: "response") }
        let cohortColumn = header.firstIndex(of: "cohort")
        var table = ClinicalTable(response: [:])
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingQuotes() }
            guard cells.count == header.count else {
                throw .raggedRow(file: file, line: offset + 1, expected: header.count, found: cells.count)
            }
            let label = cells[responseColumn].uppercased()
            switch label {
            case "R": table.response[cells[sampleColumn]] = .responder
            case "NR": table.response[cells[sampleColumn]] = .nonResponder
            case "NA", "": continue
            default: throw .badResponse(file: file, line: offset + 1, value: cells[responseColumn])
            }
            if let c = cohortColumn { table.cohort[cells[sampleColumn]] = cells[c] }
        }
        return table
    }
}

extension Substring {
    /// The text without surrounding double quotes (R's write.table quotes by default).
    func trimmingQuotes() -> String {
        if count >= 2, first == "\"", last == "\"" { return String(dropFirst().dropLast()) }
        return String(self)
    }
}
