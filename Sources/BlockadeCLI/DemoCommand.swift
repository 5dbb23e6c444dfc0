import ArgumentParser
import Foundation
import Reports
import TumorImmune

/// `blockade demo`: a responder and a non-responder under nivolumab in melanoma, explained.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate a responder and a non-responder under nivolumab in melanoma and explain why.",
        discussion: """
        The responder is the typical melanoma patient of the model. The non-responder is the same \
        patient with a strong stromal barrier and silenced CXCL9/10 (a T-cell-excluded tumour). Both \
        are read by RECIST 1.1 on scans every 8 weeks; each active resistance mechanism is switched \
        off in turn to find what holds the non-responder back. Writes a self-contained HTML report.
        """)

    @Option(name: .long, help: "Path of the HTML report.")
    var report: String = "blockade-demo.html"

    @Option(name: .long, parsing: .unconditional, help: "Days simulated.")
    var days: Double = 365

    func validate() throws {
        guard days.isFinite, days > 0, days <= 3650 else { throw ValidationError("--days \(days): expected 1–3650 days") }
        try OutputPath.checkWritable(report, option: "--report")
    }

    func run() throws {
        var settings = SimulationSettings()
        settings.days = days
        let simulator = Simulator(settings: settings)
        let regimen = try Regimen(parsing: "nivolumab", tumor: "melanoma")
        let responder = Patient(typical: try TumorType.named("melanoma"))
        var excluded = responder
        excluded.mechanisms[.stromalBarrier] = 0.9
        excluded.mechanisms[.chemokineSilencing] = 0.7
        var cases: [(label: String, result: SimulationResult, attribution: [MechanismAttribution])] = []
        for (label, patient) in [("Patient A (typical melanoma)", responder), ("Patient B (T-cell-excluded melanoma)", excluded)] {
            let result = try simulator.run(patient: patient, regimen: regimen)
            let attribution = try simulator.attribute(patient: patient, regimen: regimen, factual: result)
            cases.append((label, result, attribution))
            print("\(label): best response \(result.recist.bestOverallResponse.rawValue)")
            print("  " + SimulationReport.explanation(result: result, attribution: attribution))
            let d = result.diameterMM
            print(String(format: "  diameter %.0f mm at baseline → %.0f mm at nadir → %.0f mm at day %.0f",
                         d.first ?? 0, d.min() ?? 0, d.last ?? 0, result.days.last ?? 0))
        }
        let html = SimulationReport.render(
            title: "Blockade demo: nivolumab in melanoma",
            intro: "Two virtual patients with the same melanoma receive nivolumab 240 mg every 2 weeks. Patient B's tumour has a dense stroma and silenced CXCL9/10.",
            cases: cases)
        try writeOutput(html, to: report)
        print("Report written to \(report)")
    }
}
