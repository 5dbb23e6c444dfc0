import Foundation

/// What the reader did to an expression file, for the user to see.
public struct ExpressionReadReport: Sendable, Equatable, Codable {
    /// The file that was read.
    public var file: String
    /// The detected scale of the values in the file.
    public var detectedScale: ExpressionScale
    /// Number of gene rows in the file.
    public var genesInFile: Int
    /// Number of rows dropped because their symbol repeated (the row with the highest mean was kept).
    public var duplicatedGenesDropped: Int
    /// Outdated symbols renamed to their current HGNC symbol, `old → new`.
    public var aliasesMapped: [String]
    /// Sentence stating the scale and what was done with it.
    public var scaleStatement: String { detectedScale.statement }
}

/// Reads genes × samples expression TSV (optionally gzip-compressed) into a log2 `ExpressionMatrix`.
///
/// Format: first row is a header whose first cell names the gene column (any text, may be empty) and
/// whose other cells are sample ids; each further row is an HGNC symbol followed by one number per
/// sample. Values may be log2, linear TPM/FPKM or raw counts (see `ScaleDetector`); the returned matrix
/// is always log2. Rows are parsed on all cores.
public enum ExpressionReader {
    /// Reads and validates `path`.
    /// - Throws: `OmicsError` naming file, line and problem for unreadable, empty, ragged, non-numeric
    ///   or duplicated-sample input.
    public static func read(path: String, aliases: GeneAliasTable = .hgnc) throws(OmicsError) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        let bytes = try TextSource.read(path)
        return try parse(bytes: bytes, file: path, aliases: aliases)
    }

    /// Parses TSV text already in memory; `file` is only used in messages.
    public static func parse(text: String, file: String, aliases: GeneAliasTable = .hgnc) throws(OmicsError) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        try parse(bytes: Array(text.utf8), file: file, aliases: aliases)
    }

    static func parse(bytes: [UInt8], file: String, aliases: GeneAliasTable) throws(OmicsError) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        let allLines = TextSource.lineRanges(bytes)
        // Line numbers are 1-based positions in the file; blank lines are skipped but still counted.
        let lines = allLines.enumerated().filter { !$0.element.isEmpty }.map { (range: $0.element, number: $0.offset + 1) }
        guard let header = lines.first else { throw .emptyFile(file: file) }
        let headerCells = splitCells(bytes, header.range)
        // R's write.table() without col.names = NA omits the gene column's header cell: then the header
        // has one cell fewer than the data rows and every header cell is a sample id.
        let firstRowCells = lines.count > 1 ? bytes[lines[1].range].reduce(1) { $0 + ($1 == 9 ? 1 : 0) } : 0
        let samples = firstRowCells == headerCells.count + 1 ? headerCells : Array(headerCells.dropFirst())
        guard !samples.isEmpty, lines.count > 1 else { throw .emptyFile(file: file) }
        var seen = Set<String>()
        for s in samples where !seen.insert(s).inserted { throw .duplicatedSample(file: file, sample: s) }

        let body = Array(lines.dropFirst())
        let nSamples = samples.count
        // Parsed straight into the sample-major layout the scorer wants, so no transpose pass is needed.
        var values = ContiguousArray<Double>(repeating: 0, count: body.count * nSamples)
        var symbols = [String](repeating: "", count: body.count)
        let failure = parseRows(bytes: bytes, body: body, nSamples: nSamples, file: file, values: &values, symbols: &symbols)
        if let failure { throw failure }

        return assemble(symbols: symbols, values: values, samples: samples, file: file, aliases: aliases)
    }

    /// Parses data rows in parallel chunks; returns the error of the earliest bad line, if any.
    private static func parseRows(bytes: [UInt8], body: [(range: Range<Int>, number: Int)], nSamples: Int, file: String,
                                  values: inout ContiguousArray<Double>, symbols: inout [String]) -> OmicsError? {
        let chunkCount = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, body.count / 256))
        let chunkSize = (body.count + chunkCount - 1) / chunkCount
        var errors = [OmicsError?](repeating: nil, count: chunkCount)
        bytes.withUnsafeBufferPointer { textBuffer in
            nonisolated(unsafe) let text = textBuffer
            values.withUnsafeMutableBufferPointer { valueBuffer in
                symbols.withUnsafeMutableBufferPointer { symbolBuffer in
                    errors.withUnsafeMutableBufferPointer { errorBuffer in
                        // Each chunk writes only its own rows and its own error slot.
                        nonisolated(unsafe) let out = valueBuffer
                        nonisolated(unsafe) let names = symbolBuffer
                        nonisolated(unsafe) let errs = errorBuffer
                        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                            let lo = chunk * chunkSize
                            let hi = min(body.count, lo + chunkSize)
                            guard lo < hi else { return }
                            for r in lo..<hi {
                                if let e = parseRow(text, body[r], r, body.count, nSamples, file, out, names) { errs[chunk] = e; return }
                            }
                        }
                    }
                }
            }
        }
        return errors.compactMap { $0 }.first
    }

    private static func parseRow(_ text: UnsafeBufferPointer<UInt8>, _ line: (range: Range<Int>, number: Int), _ r: Int,
                                 _ nRows: Int, _ nSamples: Int, _ file: String,
                                 _ out: UnsafeMutableBufferPointer<Double>, _ names: UnsafeMutableBufferPointer<String>) -> OmicsError? {
        var cellStart = line.range.lowerBound
        var column = 0
        var i = line.range.lowerBound
        let end = line.range.upperBound
        while true {
            if i == end || text[i] == 9 {
                if column == 0 {
                    names[r] = unquoted(String(decoding: UnsafeBufferPointer(rebasing: text[cellStart..<i]), as: UTF8.self))
                } else {
                    if column > nSamples { break }
                    guard let v = NumberParser.parse(text, cellStart, i) else {
                        let cell = String(decoding: UnsafeBufferPointer(rebasing: text[cellStart..<i]), as: UTF8.self)
                        return .nonNumeric(file: file, line: line.number, column: column + 1, value: cell)
                    }
                    out[(column - 1) * nRows + r] = v
                }
                column += 1
                if i == end { break }
                cellStart = i + 1
            }
            i += 1
        }
        if column != nSamples + 1 {
            let found = text[line.range].reduce(1) { $0 + ($1 == 9 ? 1 : 0) }
            return .raggedRow(file: file, line: line.number, expected: nSamples + 1, found: found)
        }
        return nil
    }

    private static func splitCells(_ bytes: [UInt8], _ range: Range<Int>) -> [String] {
        bytes[range].split(separator: 9, omittingEmptySubsequences: false).map { Self.unquoted(String(decoding: $0, as: UTF8.self)) }
    }

    /// The text without surrounding double quotes (R's write.table quotes names by default).
    static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }

    /// Maps aliases, drops duplicated symbols (keeping the highest-mean row), detects the scale and
    /// converts to log2. `values` is sample-major over all parsed rows.
    private static func assemble(symbols: [String], values: ContiguousArray<Double>, samples: [String], file: String,
                                 aliases: GeneAliasTable) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        let nSamples = samples.count
        let nRows = symbols.count
        let present = Set(symbols)
        var mapped: [String] = []
        let names = symbols.map { symbol -> String in
            // Rename only when the current symbol is not already a row, so real data is never overwritten.
            if let current = aliases.current(for: symbol), current != symbol, !present.contains(current) {
                mapped.append("\(symbol) → \(current)")
                return current
            }
            return symbol
        }
        var firstRow: [String: Int] = [:]
        var order: [Int] = []
        var duplicated = false
        for (r, name) in names.enumerated() {
            if firstRow[name] == nil { firstRow[name] = r; order.append(r) } else { duplicated = true }
        }
        var raw = values
        var rows = order
        if duplicated {
            // Means are only needed to choose among duplicates.
            func mean(_ r: Int) -> Double {
                var sum = 0.0
                for s in 0..<nSamples { sum += values[s * nRows + r] }
                return sum / Double(nSamples)
            }
            var best: [String: (row: Int, mean: Double)] = [:]
            for (r, name) in names.enumerated() {
                let m = mean(r)
                if let b = best[name], b.mean >= m { continue }
                best[name] = (r, m)
            }
            rows = order.compactMap { best[names[$0]]?.row }
            raw = ContiguousArray<Double>(repeating: 0, count: rows.count * nSamples)
            for s in 0..<nSamples {
                for (g, r) in rows.enumerated() { raw[s * rows.count + g] = values[s * nRows + r] }
            }
        }
        let nGenes = rows.count
        let scale = ScaleDetector.detect(raw)
        let log2Values = ScaleDetector.toLog2(raw, scale: scale, geneCount: nGenes)
        let matrix = ExpressionMatrix(genes: rows.map { names[$0] }, samples: samples, values: log2Values, sourceScale: scale)
        let report = ExpressionReadReport(file: file, detectedScale: scale, genesInFile: names.count,
                                          duplicatedGenesDropped: nRows - nGenes, aliasesMapped: mapped)
        return (matrix, report)
    }
}
