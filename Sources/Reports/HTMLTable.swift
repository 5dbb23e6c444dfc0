/// A plain-text table rendered as an HTML `<table>`: every cell is escaped, cells that read as numbers
/// (`12`, `-3.5`, `45 %`, `0.31 (0.22–0.41)`) are right-aligned, short rows are padded with empty cells.
public struct HTMLTable: Sendable, Equatable {
    /// Caption above the table.
    public var caption: String?
    /// Column titles (no header row when empty).
    public var header: [String]
    /// Cells as plain text.
    public var rows: [[String]]

    /// A table.
    public init(caption: String? = nil, header: [String], rows: [[String]]) {
        self.caption = caption; self.header = header; self.rows = rows
    }

    /// The `<table>` element.
    public func render() -> String {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var t = "<table>"
        if let caption { t += "<caption>\(escape(caption))</caption>" }
        if !header.isEmpty {
            t += "<thead><tr>" + (0..<columns).map { "<th>\(escape($0 < header.count ? header[$0] : ""))</th>" }.joined() + "</tr></thead>"
        }
        t += "<tbody>"
        for row in rows {
            t += "<tr>" + (0..<columns).map { c -> String in
                let cell = c < row.count ? row[c] : ""
                return HTMLTable.isNumeric(cell) ? "<td class=\"num\">\(escape(cell))</td>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>"
        }
        return t + "</tbody></table>"
    }

    /// Starts like a number (optionally signed) — used only for alignment.
    static func isNumeric(_ cell: String) -> Bool {
        let trimmed = cell.drop { $0 == "-" || $0 == "−" || $0 == "+" || $0 == " " }
        return trimmed.first?.isNumber ?? false
    }
}
