import Testing
import Foundation
import BlockadeTestSupport

/// What `blockade trial` prints: the response categories add up to the arm's n (NE included).
@Suite("Trial output (end to end)")
struct TrialOutputTests {
    static let trial = ["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "12", "--days", "112",
                        "--no-attribution", "--no-history", "--quiet"]

    @Test("the table's CR / PR / SD / PD / NE add up to the patients, and the report has the column")
    func tableAndReport() throws {
        let scratch = try ScratchFolder()
        let report = scratch.file("trial.html")
        let run = try CommandLineRun.blockade(Self.trial + ["--report", report])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let line = try #require(run.standardOutput.split(separator: "\n").first { $0.hasPrefix("CR / PR / SD / PD / NE") })
        let counts = line.dropFirst("CR / PR / SD / PD / NE".count).split(separator: "/")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        #expect(counts.count == 5 && counts.reduce(0, +) == 12, "\(line)")
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("CR/PR/SD/PD/NE"))
    }

    @Test("trial --format json gives each arm an 'ne' fraction; cr + pr + sd + pd + ne = 1")
    func json() throws {
        let run = try CommandLineRun.blockade(Self.trial + ["--format", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let arm = try #require((object["arms"] as? [[String: Any]])?.first)
        let fractions = ["cr", "pr", "sd", "pd", "ne"].compactMap { arm[$0] as? Double }
        #expect(fractions.count == 5)
        #expect(abs(fractions.reduce(0, +) - 1) < 1e-9)
    }
}
