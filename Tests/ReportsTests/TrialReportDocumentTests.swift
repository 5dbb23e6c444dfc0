import Foundation
import Testing
@testable import Reports

@Suite("Trial report document")
struct TrialReportDocumentTests {
    private func arm(_ name: String, patients: Int) -> TrialReportDocument.Arm {
        let km = KaplanMeierChart.Estimate(steps: [.init(time: 3, survival: 0.7), .init(time: 8, survival: 0.4)],
                                           censorTimes: [5], atRisk: [patients, patients / 2, patients / 4])
        let people = cohort(patients, seed: UInt64(name.count))
        return .init(name: name, pfs: km, os: km,
                     waterfall: people.map { .init(patient: $0.label, percentChange: $0.change, response: $0.response) },
                     spider: people.map { .init(patient: $0.label, days: [42, 84], percentChange: [$0.change / 2, $0.change], response: $0.response) },
                     swimmer: people.map { .init(patient: $0.label, treatmentEndDay: $0.end, response: $0.response) },
                     mechanismFractions: ["low-antigenicity": 0.3, "treg-suppression": 0.1])
    }

    private func document(patients: Int) -> TrialReportDocument {
        TrialReportDocument(
            title: "Trial <melanoma>", notes: ["seed 7 & selection pdl1_tps>=50"],
            summary: HTMLTable(header: ["arm", "n", "ORR"], rows: [["nivolumab", "\(patients)", "40 %"], ["placebo", "\(patients)", "5 %"]]),
            arms: [arm("nivolumab", patients: patients), arm("placebo", patients: patients)],
            atRiskTimes: [0, 6, 12],
            toxicity: HTMLTable(header: ["organ", "nivolumab", "placebo"], rows: [["colitis", "2 %", "0 %"]]))
    }

    @Test("the page is self-contained, escaped and holds every section")
    func page() {
        let html = document(patients: 20).render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\"http"))
        #expect(html.contains("<title>Trial &lt;melanoma&gt;</title>"))
        #expect(html.contains("seed 7 &amp; selection pdl1_tps&gt;=50"))
        #expect(occurrences("<svg", in: html) == 2 + 3 * 2 + 1, "PFS, OS, three per-patient plots per arm, mechanisms")
        for section in ["Summary", "Survival", "Response", "Resistance mechanisms", "Toxicity"] {
            #expect(html.contains("<h2>\(section)</h2>"))
        }
        #expect(hasNoNonFinite(html))
    }

    @Test("per-patient plots are capped at 200 patients per arm and say so")
    func cap() {
        let html = document(patients: 250).render()
        #expect(occurrences("Showing the first 200 of 250 patients.", in: html) == 3 * 2)
        #expect(occurrences("class=\"bar ", in: html) == 2 * 200)
        #expect(occurrences("class=\"lane ", in: html) == 2 * 200)
    }

    @Test("mechanisms are ordered by their largest fraction, then by name")
    func mechanismOrder() {
        var doc = document(patients: 4)
        doc.arms[1].mechanismFractions = ["b": 0.5, "a": 0.5, "c": 0.9]
        #expect(doc.mechanisms == ["c", "a", "b", "low-antigenicity", "treg-suppression"])
    }
}
