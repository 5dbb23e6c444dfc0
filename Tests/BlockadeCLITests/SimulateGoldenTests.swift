import Testing
import Foundation
import BlockadeTestSupport

/// Golden outputs of `blockade simulate` (table format): what a reader sees, character for
/// character. They change whenever the model's numbers change (e.g. after calibration); then
/// check the new output is right and paste it here — the failure message prints it whole.
///
/// Kept as string literals rather than files because files in a test target need a
/// `resources:`/`exclude:` entry in Package.swift.
@Suite("simulate table (golden)")
struct SimulateGoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var expected: String
        var testDescription: String { "blockade " + arguments.joined(separator: " ") }
    }

    static let goldens: [Golden] = [
        Golden(arguments: ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--days", "336", "--no-attribution"],
               expected: """
Blockade simulation — Cutaneous melanoma, regimen nivolumab, 336 days
Patient: baseline 60 mm, doubling time 60 d, TMB 13.5 mut/Mb, PD-L1 1.00×
Mechanisms: low-antigenicity=0.10 antigen-presentation-loss=0.30 chemokine-silencing=0.20 mdsc-suppression=0.30 treg-suppression=0.30 m2-macrophages=0.30 compensatory-checkpoints=0.30 stromal-barrier=0.20 t-cell-exhaustion=0.30 acquired-antigen-loss=0.30

  day   diameter   change   RECIST
    0     60.0 mm            baseline
   56     64.7 mm      +8 %  SD
  112     60.7 mm      +1 %  SD
  168     53.4 mm     -11 %  SD
  224     40.1 mm     -33 %  PR
  280     22.4 mm     -63 %  PR
  336     11.1 mm     -82 %  PR

Best overall response: PR
Resistance: none within the horizon

Expected adverse-event risk over the course (unmanaged): colitis 17% (grade ≥3 11%), skin 24% (grade ≥3 7%), hepatitis 14% (grade ≥3 9%), pneumonitis 13% (grade ≥3 6%), endocrine 19% (grade ≥3 6%), myocarditis 2% (grade ≥3 1%)
""" + "\n"),
        Golden(arguments: ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--days", "336", "--mechanism", "antigen-presentation-loss=1",
                           "--mechanism", "acquired-antigen-loss=0"],
               expected: """
Blockade simulation — Cutaneous melanoma, regimen nivolumab, 336 days
Patient: baseline 60 mm, doubling time 60 d, TMB 13.5 mut/Mb, PD-L1 1.00×
Mechanisms: low-antigenicity=0.10 antigen-presentation-loss=1.00 chemokine-silencing=0.20 mdsc-suppression=0.30 treg-suppression=0.30 m2-macrophages=0.30 compensatory-checkpoints=0.30 stromal-barrier=0.20 t-cell-exhaustion=0.30 acquired-antigen-loss=0.00

  day   diameter   change   RECIST
    0     60.0 mm            baseline
   56     74.3 mm     +24 %  PD

Best overall response: PD; progression at day 56
Resistance: primary (never responded)

Expected adverse-event risk over the course (unmanaged): colitis 17% (grade ≥3 11%), skin 24% (grade ≥3 7%), hepatitis 14% (grade ≥3 9%), pneumonitis 13% (grade ≥3 6%), endocrine 19% (grade ≥3 6%), myocarditis 2% (grade ≥3 1%)

Counterfactuals (mechanism switched off at baseline):
  low-antigenicity            level 0.10 → PD, PD day 56
  antigen-presentation-loss   level 1.00 → CR, no PD   ← drives resistance
  chemokine-silencing         level 0.20 → PD, PD day 56
  mdsc-suppression            level 0.30 → PD, PD day 56
  treg-suppression            level 0.30 → PD, PD day 56
  m2-macrophages              level 0.30 → PD, PD day 56
  compensatory-checkpoints    level 0.30 → PD, PD day 56
  stromal-barrier             level 0.20 → PD, PD day 56
  t-cell-exhaustion           level 0.30 → PD, PD day 56
""" + "\n"),
    ]

    @Test("output matches the golden text", arguments: goldens)
    func matchesGolden(_ g: Golden) throws {
        let run = try CommandLineRun.blockade(g.arguments)
        #expect(run.status == 0, "stderr: \(run.standardError)")
        if run.standardOutput != g.expected {
            Issue.record("""
                output of `\(g.testDescription)` differs from the golden text in SimulateGoldenTests.swift; \
                if the change is intended, replace the golden text with:
                \(run.standardOutput)
                """)
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
