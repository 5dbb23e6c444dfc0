import Foundation

/// Text and JSON renderings of runs for `blockade runs`.
public enum RunListing {
    /// Longest command shown in a table row before it is cut with "…" (`show` prints it whole).
    public static let commandWidth = 60

    /// A fixed-width table, one run per line, newest first as given.
    public static func table(_ runs: [RunSummary]) -> String {
        guard !runs.isEmpty else { return "No runs recorded yet.\n" }
        let header = ["id", "started", "status", "seed", "command"]
        let rows = runs.map { run in
            [run.id, run.started, run.status.rawValue, run.seed.map(String.init) ?? "-",
             run.command.count > commandWidth ? String(run.command.prefix(commandWidth - 1)) + "…" : run.command]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c == cells.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// The full record as readable text; configuration and summary pretty-printed.
    public static func text(_ run: RunRecord) -> String {
        var out = """
            id:       \(run.id)
            command:  \(run.command)
            status:   \(run.status.rawValue)
            started:  \(run.started)
            finished: \(run.finished ?? "-")
            version:  \(run.version)
            seed:     \(run.seed.map(String.init) ?? "-")

            """
        out += "configuration:\n\(pretty(run.configuration))\n"
        out += "summary:\n\(run.summary.map(pretty) ?? "-")\n"
        return out
    }

    /// JSON array of run summaries, keys sorted, nulls written (stable for scripts and tests).
    public static func json(_ runs: [RunSummary]) -> String {
        "[" + runs.map { object(summary: $0, extra: [:]) }.joined(separator: ",\n ") + "]\n"
    }

    /// One JSON object for the whole record; `configuration` and `summary` are embedded as JSON values, not strings.
    public static func json(_ run: RunRecord) -> String {
        object(summary: run.summaryRow, extra: ["configuration": run.configuration, "summary": run.summary ?? "null"]) + "\n"
    }

    /// Builds the object by hand so embedded JSON texts go in verbatim (already validated on record)
    /// and a `UInt64` seed is written exactly.
    private static func object(summary run: RunSummary, extra: [String: String]) -> String {
        var fields: [String: String] = [
            "id": quoted(run.id), "started": quoted(run.started), "finished": run.finished.map(quoted) ?? "null",
            "command": quoted(run.command), "version": quoted(run.version), "seed": run.seed.map(String.init) ?? "null",
            "status": quoted(run.status.rawValue),
        ]
        fields.merge(extra) { $1 }
        return "{" + fields.keys.sorted().map { "\(quoted($0)): \(fields[$0] ?? "null")" }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal (Foundation's encoder does the escaping; slashes are left as they are).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        // Encoding a String cannot fail; the fallback only keeps the function total.
        return (try? encoder.encode(text)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
    }

    private static func pretty(_ json: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed]) else {
            return json
        }
        return String(decoding: data, as: UTF8.self)
    }
}
