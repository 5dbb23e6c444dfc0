/// A self-contained HTML report: headings, paragraphs, tables and inline SVG, no external assets.
public struct HTMLReport: Sendable {
    public var title: String
    private var body: [String] = []

    public init(title: String) { self.title = title }

    public mutating func heading(_ text: String, level: Int = 2) {
        body.append("<h\(level)>\(escape(text))</h\(level)>")
    }

    public mutating func paragraph(_ text: String) {
        body.append("<p>\(escape(text))</p>")
    }

    /// A table; cells are plain text (escaped).
    public mutating func table(header: [String], rows: [[String]]) {
        var t = "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows { t += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        body.append(t + "</tbody></table>")
    }

    public mutating func chart(_ chart: SVGLineChart) {
        body.append("<figure>\(chart.render())</figure>")
    }

    /// The whole document.
    public func render() -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
        th{background:#f4f4f4}figure{margin:1em 0}</style></head><body>
        <h1>\(escape(title))</h1>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }
}
