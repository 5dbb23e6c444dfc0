import Foundation

import TumorImmune

/// HTML report of one or more simulations: diameter, immune cells and drug exposure as SVG
/// curves, the RECIST scan table and the counterfactual attribution of each patient.
public enum SimulationReport {
    public static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]

    public static func render(title: String, intro: String,
                       cases: [(label: String, result: SimulationResult, attribution: [MechanismAttribution])]) -> String {
        var report = HTMLReport(title: title)
        report.paragraph(intro)
        var diameter = SVGLineChart(title: "Tumour size (RECIST sum of diameters)", xLabel: "day", yLabel: "mm",
                                    series: cases.enumerated().map { k, c in
                                        .init(name: c.label, x: c.result.days, y: c.result.diameterMM, color: palette[k % palette.count])
                                    })
        if let base = cases.first?.result.diameterMM.first {
            diameter.referenceLines = [(base * 0.7, "PR: −30 %"), (base * 1.2, "+20 %")]
        }
        diameter.markers = cases.first?.result.doseDays.first?.days ?? []
        report.chart(diameter)
        // Two cell populations per case on a log scale: solid and dashed in the case's colour.
        func pairChart(_ title: String, _ solid: (String, KeyPath<SimulationResult, [Double]>),
                       _ dashed: (String, KeyPath<SimulationResult, [Double]>)) -> SVGLineChart {
            var series: [SVGLineChart.Series] = []
            for (k, c) in cases.enumerated() {
                let color = palette[k % palette.count]
                series.append(.init(name: "\(c.label): \(solid.0)", x: c.result.days, y: c.result[keyPath: solid.1], color: color))
                series.append(.init(name: "\(c.label): \(dashed.0)", x: c.result.days, y: c.result[keyPath: dashed.1], color: color, dashed: true))
            }
            var chart = SVGLineChart(title: title, xLabel: "day", yLabel: "cells", series: series)
            chart.logY = true
            return chart
        }
        report.chart(pairChart("CD8 T cells in the tumour", ("effector CD8", \.effectorCD8), ("exhausted CD8", \.exhaustedCD8)))
        report.chart(pairChart("Suppressive cells in the tumour", ("Tregs", \.tregs), ("MDSCs", \.mdscs)))
        if let first = cases.first, let drug = first.result.plasmaConcentration.first {
            var pk = SVGLineChart(title: "\(drug.drug) in plasma", xLabel: "day", yLabel: "µg/mL",
                                  series: [.init(name: drug.drug, x: first.result.days, y: drug.values, color: "#555")])
            pk.markers = first.result.doseDays.first?.days ?? []
            report.chart(pk)
        }
        for c in cases {
            let r = c.result.recist
            report.heading("\(c.label): best response \(r.bestOverallResponse.rawValue)")
            report.paragraph(explanation(result: c.result, attribution: c.attribution))
            let base = c.result.diameterMM.first ?? 1
            report.table(header: ["day", "diameter (mm)", "change from baseline", "RECIST"],
                         rows: [["0", String(format: "%.1f", base), "", "baseline"]] + zip(r.scanDays.dropFirst(), r.perScan).map { day, call in
                             let d = c.result.diameterMM[c.result.days.firstIndex(of: day) ?? 0]
                             return [String(format: "%.0f", day), String(format: "%.1f", d), String(format: "%+.0f %%", (d / base - 1) * 100), call.rawValue]
                         })
            if !c.attribution.isEmpty {
                report.table(header: ["mechanism switched off", "level", "counterfactual response", "progression", "drives resistance"],
                             rows: c.attribution.map {
                                 [$0.mechanism.rawValue, String(format: "%.2f", $0.level), $0.counterfactualResponse.rawValue,
                                  $0.counterfactualProgressionDay.map { String(format: "day %.0f", $0) } ?? "none", $0.drivesResistance ? "yes" : "no"]
                             })
            }
        }
        report.paragraph("Model: Blockade tumour–immune QSP model (docs/MODEL.md); parameters are literature values or stated assumptions, not yet calibrated against trial arms. One spherical lesion stands for the sum of target lesions.")
        return report.render()
    }

    /// A plain-language account of what happened and why.
    public static func explanation(result: SimulationResult, attribution: [MechanismAttribution]) -> String {
        let r = result.recist
        var text: String
        switch (r.bestOverallResponse.isResponse, r.progressionDay) {
        case (true, nil):
            text = "Responded (\(r.bestOverallResponse.rawValue)) from day \(Int(r.responseOnsetDay ?? 0)) and did not progress within \(Int(result.days.last ?? 0)) days."
        case (true, let pd?):
            text = "Responded (\(r.bestOverallResponse.rawValue)) from day \(Int(r.responseOnsetDay ?? 0)), then progressed at day \(Int(pd)): acquired resistance."
        case (false, let pd?):
            text = "Never responded (best \(r.bestOverallResponse.rawValue)); progression at day \(Int(pd)): primary resistance."
        case (false, nil):
            text = "Never responded (best \(r.bestOverallResponse.rawValue)) but did not progress: stable disease."
        }
        let drivers = attribution.filter(\.drivesResistance).map(\.mechanism.rawValue)
        if !drivers.isEmpty {
            text += " Switching off \(drivers.joined(separator: " or ")) alone changes the outcome, so \(drivers.count == 1 ? "it drives" : "each drives") the resistance."
        } else if !attribution.isEmpty {
            text += " No single mechanism explains the resistance: switching any one off does not change the outcome (resistance is multi-factorial here)."
        }
        return text
    }
}
