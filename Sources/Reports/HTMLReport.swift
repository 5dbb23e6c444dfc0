/// A self-contained HTML report: headings, paragraphs, tables and inline SVG, no external assets.
public struct HTMLReport: Sendable {
    /// Page title and first heading (escaped).
    public var title: String
    private var body: [String] = []

    /// An empty report.
    public init(title: String) { self.title = title }

    /// A section heading (`<h2>` by default).
    public mutating func heading(_ text: String, level: Int = 2) {
        body.append("<h\(level)>\(escape(text))</h\(level)>")
    }

    /// A paragraph of plain text (escaped).
    public mutating func paragraph(_ text: String) {
        body.append("<p>\(escape(text))</p>")
    }

    /// A table; cells are plain text (escaped).
    public mutating func table(header: [String], rows: [[String]]) {
        var t = "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { t += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        body.append(t + "</tbody></table>")
    }

    /// A line chart as a figure.
    public mutating func chart(_ chart: SVGLineChart) {
        body.append("<figure>\(chart.render())</figure>")
    }

    /// A table with a caption and right-aligned numeric cells.
    public mutating func table(_ table: HTMLTable) {
        body.append(table.render())
    }

    /// A figure from an SVG element produced by one of this module's charts (inserted as is: pass
    /// only SVG rendered here, never user text), with an optional escaped caption.
    public mutating func figure(svg: String, caption: String? = nil) {
        body.append("<figure>\(svg)" + (caption.map { "<figcaption>\(escape($0))</figcaption>" } ?? "") + "</figure>")
    }

    /// The whole document.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
        th{background:#f4f4f4}td.num{text-align:right}caption{text-align:left;font-weight:bold;padding:4px 0}
        figure{margin:1em 0}figcaption{color:#555;font-size:90%}</style></head><body>
        <h1>\(escape(title))</h1>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }
}
