import Testing
import Foundation
import BlockadeTestSupport

/// Golden outputs of the CLI, one file each in `Tests/Golden/` (see ``GoldenFile``): what a reader
/// sees, byte for byte. They pin every model output a refactoring must not move — a table with
/// counterfactuals, the JSON of a simulation for every kind of therapy (antibodies, chemotherapy,
/// oral and VEGF drugs, carriers with co-delivery, virus, CAR-T, radiotherapy, vaccine, ADC) and
/// the SBML export. They change whenever the model's numbers change (e.g. after calibration): check
/// the new output is right, then rerun with `BLOCKADE_UPDATE_GOLDEN=1`.
@Suite("CLI output (golden files)")
struct SimulateGoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        var file: String
        var arguments: [String]
        var testDescription: String { "blockade " + arguments.joined(separator: " ") }
    }

    static let goldens: [Golden] = [
        Golden(file: "simulate-melanoma-nivolumab.txt",
               arguments: ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--days", "336", "--no-attribution"]),
        Golden(file: "simulate-melanoma-nivolumab-mhc-loss.txt",
               arguments: ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--days", "336",
                           "--mechanism", "antigen-presentation-loss=1", "--mechanism", "acquired-antigen-loss=0"]),
        Golden(file: "simulate-nsclc-chemo-bevacizumab.json",
               arguments: ["simulate", "--tumor", "nsclc", "--regimen", "atezolizumab+bevacizumab+carboplatin-paclitaxel", "--days", "365", "--format", "json"]),
        Golden(file: "simulate-rcc-axitinib.json",
               arguments: ["simulate", "--tumor", "rcc", "--regimen", "pembrolizumab+axitinib", "--days", "365", "--format", "json", "--no-attribution"]),
        Golden(file: "simulate-tnbc-carrier-codelivery.json",
               arguments: ["simulate", "--tumor", "tnbc", "--regimen", "doxorubicin&entinostat@liposome:targeted+nivolumab", "--days", "365", "--format", "json", "--no-attribution"]),
        Golden(file: "simulate-melanoma-virus-vaccine-gmcsf.json",
               arguments: ["simulate", "--tumor", "melanoma", "--regimen", "t-vec+gp100+gm-csf+ipilimumab", "--days", "365", "--format", "json", "--no-attribution"]),
        Golden(file: "simulate-nsclc-radiotherapy-durvalumab.json",
               arguments: ["simulate", "--tumor", "nsclc", "--regimen", "radiotherapy+durvalumab", "--days", "365", "--format", "json", "--no-attribution"]),
        Golden(file: "simulate-urothelial-adc-cart.json",
               arguments: ["simulate", "--tumor", "urothelial", "--regimen", "enfortumab-vedotin+car-t+tazemetostat", "--days", "365", "--format", "json", "--no-attribution"]),
        Golden(file: "export-sbml-melanoma-nivolumab-ipilimumab.xml",
               arguments: ["export", "sbml", "--tumor", "melanoma", "--regimen", "nivolumab+ipilimumab", "--days", "365"]),
        Golden(file: "export-sbml-tnbc-carrier-codelivery.xml",
               arguments: ["export", "sbml", "--tumor", "tnbc", "--regimen", "doxorubicin&entinostat@liposome:targeted+nivolumab", "--days", "365"]),
    ]

    @Test("output matches its golden file", arguments: goldens)
    func matchesGolden(_ g: Golden) throws {
        let run = try CommandLineRun.blockade(g.arguments)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        if let problem = try GoldenFile.mismatch(run.standardOutput, name: g.file) {
            Issue.record(Comment(rawValue: "`\(g.testDescription)`: " + problem))
        }
    }

    /// The demo's HTML report (the simulation report's assembly: charts, tables, notes).
    @Test("the demo report matches its golden file")
    func demoReport() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try CommandLineRun.blockade(["demo", "--report", url.path])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        if let problem = try GoldenFile.mismatch(try String(contentsOf: url, encoding: .utf8), name: "demo-report.html") {
            Issue.record(Comment(rawValue: "`blockade demo --report`: " + problem))
        }
    }

    /// A small trial's HTML report (the trial report's assembly: tables, charts, toxicity).
    @Test("a trial report matches its golden file")
    func trialReport() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trial-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try CommandLineRun.blockade(["trial", "--tumor", "melanoma", "--arm", "nivolumab", "--arm", "nivolumab+ipilimumab",
                                               "--patients", "6", "--seed", "3", "--no-attribution", "--no-intervals", "--no-history", "--quiet",
                                               "--report", url.path])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        if let problem = try GoldenFile.mismatch(try String(contentsOf: url, encoding: .utf8), name: "trial-report-melanoma-seed3.html") {
            Issue.record(Comment(rawValue: "`blockade trial --report`: " + problem))
        }
    }

    /// The counterfactual section names each active mechanism with its level and marks the driver.
    @Test("the table explains a primary non-responder")
    func counterfactualSection() throws {
        let run = try CommandLineRun.blockade(["simulate", "--tumor", "melanoma", "--regimen", "nivolumab",
                                               "--mechanism", "antigen-presentation-loss=1", "--mechanism", "acquired-antigen-loss=0"])
        #expect(run.status == 0)
        let text = run.standardOutput
        #expect(text.contains("Resistance: primary (never responded)"))
        #expect(text.contains("Counterfactuals (mechanism switched off at baseline):"))
        let lines = text.split(separator: "\n").filter { $0.contains(" level ") && $0.contains(" → ") }
        #expect(lines.count == 9, "one line per active mechanism (acquired-antigen-loss is off): \(lines)")
        let drivers = lines.filter { $0.contains("← drives resistance") }
        #expect(drivers.count == 1)
        let driver = try #require(drivers.first)
        #expect(driver.contains("antigen-presentation-loss") && driver.contains("level 1.00 → "))
        #expect(driver.contains("→ PR, no PD") || driver.contains("→ CR, no PD"), "the driver's counterfactual must be a durable response: \(driver)")
        // Mechanism names are padded so the levels line up.
        let columns = Set(lines.compactMap { line in line.range(of: " level ").map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        #expect(columns.count == 1, "levels not aligned: \(lines)")
    }
}

/// Fixed-seed trials, byte for byte: populations, enrolment, courses with adverse events and their
/// management, RECIST, survival statistics and attribution. In the slow suite (hundreds of courses).
@Suite("trial JSON (golden files)")
struct TrialGoldenTests {
    static let goldens: [SimulateGoldenTests.Golden] = [
        .init(file: "trial-melanoma-nivolumab-ipilimumab-seed7.json",
              arguments: ["trial", "--tumor", "melanoma", "--arm", "nivolumab", "--arm", "ipilimumab", "--arm", "nivolumab+ipilimumab",
                          "--patients", "40", "--seed", "7", "--format", "json"]),
        .init(file: "trial-nsclc-pretreated-seed3.json",
              arguments: ["trial", "--tumor", "nsclc", "--line", "pretreated", "--select", "pdl1_tps>=1",
                          "--arm", "docetaxel", "--arm", "pembrolizumab+platinum-doublet", "--arm", "radiotherapy+durvalumab",
                          "--patients", "20", "--seed", "3", "--format", "json"]),
    ]

    @Test("trial output matches its golden file", .tags(.slow), .enabled(if: SlowTests.enabled), arguments: goldens)
    func matchesGolden(_ g: SimulateGoldenTests.Golden) throws {
        let run = try CommandLineRun.blockade(g.arguments + ["--no-history"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        if let problem = try GoldenFile.mismatch(run.standardOutput, name: g.file) {
            Issue.record(Comment(rawValue: "`\(g.testDescription)`: " + problem))
        }
    }
}
