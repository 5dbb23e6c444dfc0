import Foundation
import Testing
@testable import History

@Suite("Run listings")
struct RunListingTests {
    let run = RunRecord(id: "3F2504E0-4F89-11D3-9A0C-0305E82C3301", started: "2026-11-29T14:00:00.000Z",
                        finished: "2026-11-29T14:01:00.000Z", command: "blockade trial --tumor \"mel\"\tx",
                        configuration: #"{"arms":["nivolumab","placebo"],"patients":40}"#, version: "0.1.0",
                        seed: .max, summary: #"{"orr":0.25}"#, status: .completed)

    @Test("show --format json embeds configuration and summary as JSON and writes the seed exactly")
    func showJSON() throws {
        let text = RunListing.json(run)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["command"] as? String == run.command)
        #expect((object["configuration"] as? [String: Any])?["patients"] as? Int == 40)
        #expect((object["summary"] as? [String: Any])?["orr"] as? Double == 0.25)
        #expect(text.contains("\"seed\": 18446744073709551615"))
        #expect(text.hasPrefix("{\"command\": "), "keys are sorted")
    }

    @Test("string fields round-trip through JSON: quotes, backslashes, control characters, slashes, non-ASCII")
    func quotingRoundTrips() throws {
        let awkward = "a\"b\\c\u{01}d\ne/f – ε 🧬"
        let quoted = RunListing.quoted(awkward)
        let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed]) as? String
        #expect(back == awkward)
        #expect(quoted.contains("e/f"), "slashes stay unescaped: \(quoted)")
    }

    @Test("list --format json is an array with nulls for a running run")
    func listJSON() throws {
        var running = run
        running.finished = nil; running.summary = nil; running.seed = nil; running.status = .running
        let text = RunListing.json([running.summaryRow, run.summaryRow])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["finished"] is NSNull && array[0]["seed"] is NSNull)
        #expect(RunListing.json([]) == "[]\n")
    }

    @Test("the table aligns columns and cuts long commands")
    func table() {
        var long = run
        long.command = String(repeating: "x", count: 100)
        let text = RunListing.table([run.summaryRow, long.summaryRow])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("id                                    started"))
        #expect(lines[2].hasSuffix(String(repeating: "x", count: RunListing.commandWidth - 1) + "…"))
        #expect(RunListing.table([]) == "No runs recorded yet.\n")
    }

    @Test("the text view shows every field and pretty-prints the JSON")
    func text() {
        let text = RunListing.text(run)
        #expect(text.contains("status:   completed"))
        #expect(text.contains("\"patients\" : 40"))
        #expect(text.contains("18446744073709551615"))
    }
}
