import Foundation

import Trials
import TumorImmune

/// `trial --format table`: the arms side by side.
public enum TrialTable {
    public static func render(_ s: TrialSummary) -> String {
        var out = "Virtual trial — \(s.tumor)\(s.selection.map { ", selection \($0)" } ?? "")\(s.line.map { ", \($0.rawValue)" } ?? ""), seed \(s.seed)\n\n"
        func cell(_ x: String) -> String { x.padding(toLength: 28, withPad: " ", startingAt: 0) }
        // Arm columns widen for long arm names (a scenario's names are often longer than a regimen).
        let width = max(28, (s.arms.map(\.regimen.count).max() ?? 0) + 2)
        func armCell(_ x: String) -> String { x.padding(toLength: width, withPad: " ", startingAt: 0) }
        out += cell("") + s.arms.map { armCell($0.regimen) }.joined() + "\n"
        func row(_ name: String, _ f: (ArmSummary) -> String) { out += cell(name) + s.arms.map { armCell(f($0)) }.joined() + "\n" }
        row("patients") { "\($0.n)" }
        row("ORR (95% CI)") { String(format: "%.1f%% (%.1f–%.1f)", 100 * $0.orr, 100 * $0.orrCI95.lower, 100 * $0.orrCI95.upper) }
        row("CR / PR / SD / PD / NE") { "\($0.completeResponses) / \($0.partialResponses) / \($0.stableDiseases) / \($0.progressiveDiseases) / \($0.notEvaluable)" }
        row("DCR") { String(format: "%.1f%%", 100 * $0.dcr) }
        row("median PFS, months") { months($0.pfs.median.median) }
        row("median OS, months") { months($0.os.median.median) }
        row("grade ≥3 TRAE") { String(format: "%.1f%%", 100 * Double($0.grade3PlusCount) / Double($0.n)) }
        row("discontinued for TRAE") { String(format: "%.1f%%", 100 * Double($0.discontinuedCount) / Double($0.n)) }
        row("primary resistance") { String(format: "%.1f%%", 100 * Double($0.primaryResistanceCount) / Double($0.n)) }
        row("acquired resistance") { String(format: "%.1f%%", 100 * Double($0.acquiredResistanceCount) / Double($0.n)) }
        if s.arms.contains(where: { $0.predictionInterval != nil }) {
            row("ORR 90% PI (parameters)") { a in a.predictionInterval?.orr.map { String(format: "%.1f–%.1f%%", 100 * $0.lowerBound, 100 * $0.upperBound) } ?? "–" }
            row("mPFS 90% PI, months") { a in interval(a.predictionInterval?.medianPFSMonths) }
            row("mOS 90% PI, months") { a in interval(a.predictionInterval?.medianOSMonths) }
        }
        for c in s.comparisons {
            let hr = c.pfsHazardRatio.estimate.map { String(format: "%.2f", $0.hazardRatio) } ?? "n/a"
            let p = c.pfsLogRank.pValue.map { String(format: "%.3g", $0) } ?? "n/a"
            out += "\n\(c.b) vs \(c.a): PFS hazard ratio \(hr), log-rank p = \(p)"
        }
        for ida in s.independentDrugAction {
            out += String(format: "\nIndependent drug action (Palmer & Sorger 2017) for %@: expected ORR %.1f%%, mPFS %@ mo; simulated combination ORR %.1f%%, mPFS %@ mo",
                          ida.combination, 100 * ida.expected.orr, months(ida.expected.pfs.median.median), 100 * ida.observed.orr, months(ida.observed.pfs.median.median))
        }
        out += "\n\nModel-based predictions; see docs/CALIBRATION.md for how well monotherapy arms are reproduced"
        out += " and docs/VALIDATION.md for how well held-out trials are predicted.\n"
        if s.arms.contains(where: { $0.predictionInterval != nil }) {
            out += "The 90% prediction intervals (PI) come from parameter uncertainty and model error, not from the sampling of these patients (95% CI).\n"
        }
        return out
    }

    /// A months interval, or "–" (not computed, or not reached in most parameter sets).
    static func interval(_ r: ClosedRange<Double>?) -> String { r.map { String(format: "%.1f–%.1f", $0.lowerBound, $0.upperBound) } ?? "–" }

    public static func months(_ days: Double?) -> String {
        days.map { String(format: "%.1f", $0 / TrialSummary.daysPerMonth) } ?? "not reached"
    }
}

/// Builds the HTML trial report from the summary and the per-patient outcomes.
public enum TrialReportBuilder {
    /// The self-contained HTML report of a trial; `producer` names the program and version that ran it.
    public static func html(summary s: TrialSummary, arms: [ArmOutcomes], producer: String) -> String {
        let month = TrialSummary.daysPerMonth
        let atRiskTimes = stride(from: 0.0, through: 24, by: 3).map { $0 }
        func estimate(_ km: KaplanMeier, times: [Double], events: [Bool]) -> KaplanMeierChart.Estimate {
            let steps = km.steps.map { KaplanMeierChart.Step(time: $0.time / month, survival: $0.survival) }
            let censored = zip(times, events).filter { !$0.1 }.map { $0.0 / month }
            let atRisk = atRiskTimes.map { t in times.filter { $0 >= t * month }.count }
            return KaplanMeierChart.Estimate(steps: steps, censorTimes: censored, atRisk: atRisk)
        }
        var docArms: [TrialReportDocument.Arm] = []
        for (summary, arm) in zip(s.arms, arms) {
            let outcomes = arm.outcomes.sorted { $0.patient < $1.patient }
            let response = { (o: PatientOutcome) in RecistResponse(rawValue: o.bestResponse.rawValue) ?? .notEvaluable }
            var fractions: [String: Double] = [:]
            for (m, count) in summary.primaryResistanceByMechanism { fractions[m.rawValue, default: 0] += Double(count) / Double(summary.n) }
            for (m, count) in summary.acquiredResistanceByMechanism { fractions[m.rawValue, default: 0] += Double(count) / Double(summary.n) }
            docArms.append(TrialReportDocument.Arm(
                name: arm.regimen,
                pfs: estimate(summary.pfs, times: outcomes.map(\.pfsDays), events: outcomes.map(\.progressed)),
                os: estimate(summary.os, times: outcomes.map(\.osDays), events: outcomes.map(\.died)),
                waterfall: outcomes.map { .init(patient: String($0.patient), percentChange: $0.bestPercentChange, response: response($0)) },
                spider: outcomes.map { .init(patient: String($0.patient), days: $0.scanDays, percentChange: $0.scanPercentChange, response: response($0)) },
                swimmer: outcomes.map { o in
                    .init(patient: String(o.patient), treatmentEndDay: o.treatmentEndDay, responseOnsetDay: o.responseOnsetDay,
                          progressionDay: o.progressed ? o.pfsDays : nil, response: response(o), ongoing: !o.progressed)
                },
                mechanismFractions: fractions))
        }
        let intervals = s.arms.contains { $0.predictionInterval != nil }
        let header = ["arm", "n", "ORR (95% CI)", "CR/PR/SD/PD/NE", "DCR", "mPFS (mo)", "mOS (mo)", "G≥3 TRAE", "discontinued"]
            + (intervals ? ["ORR 90% PI", "mPFS 90% PI (mo)", "mOS 90% PI (mo)"] : [])
        let rows = s.arms.map { a in
            let pi = intervals ? [a.predictionInterval?.orr.map { String(format: "%.1f–%.1f%%", 100 * $0.lowerBound, 100 * $0.upperBound) } ?? "–",
                                  TrialTable.interval(a.predictionInterval?.medianPFSMonths), TrialTable.interval(a.predictionInterval?.medianOSMonths)] : []
            return [a.regimen, "\(a.n)", String(format: "%.1f%% (%.1f–%.1f)", 100 * a.orr, 100 * a.orrCI95.lower, 100 * a.orrCI95.upper),
             "\(a.completeResponses)/\(a.partialResponses)/\(a.stableDiseases)/\(a.progressiveDiseases)/\(a.notEvaluable)", String(format: "%.1f%%", 100 * a.dcr),
             TrialTable.months(a.pfs.median.median), TrialTable.months(a.os.median.median),
             String(format: "%.1f%%", 100 * Double(a.grade3PlusCount) / Double(a.n)), String(format: "%.1f%%", 100 * Double(a.discontinuedCount) / Double(a.n))] + pi
        }
        // Organs with at least one event in some arm (a vaccine-reaction row is noise in a trial without a vaccine).
        let organs = AdverseEventOrgan.allCases.map(\.rawValue).filter { organ in
            arms.contains { $0.outcomes.contains { $0.adverseEvents.contains { $0.organ == organ } } }
        }
        let toxRows = organs.map { organ in
            [organ] + arms.map { arm in
                let n = Double(max(arm.outcomes.count, 1))
                let any = arm.outcomes.filter { $0.adverseEvents.contains { $0.organ == organ } }.count
                let severe = arm.outcomes.filter { $0.adverseEvents.contains { $0.organ == organ && $0.grade >= 3 } }.count
                return String(format: "%.1f%% / %.1f%%", 100 * Double(any) / n, 100 * Double(severe) / n)
            }
        }
        let comparisons = s.comparisons.map { c in
            [c.b + " vs " + c.a, c.pfsHazardRatio.estimate.map { String(format: "%.2f", $0.hazardRatio) } ?? "n/a",
             c.pfsLogRank.pValue.map { String(format: "%.3g", $0) } ?? "n/a"]
        }
        let doc = TrialReportDocument(
            title: "Blockade virtual trial — \(s.tumor)",
            notes: ["Selection: \(s.selection ?? "all patients"). Seed \(s.seed). \(producer).",
                    "Paired design: every virtual patient received every arm. Model-based predictions, not trial results; combination arms are predictions from mechanism and pharmacology."],
            summary: HTMLTable(caption: "Response, survival and toxicity per arm", header: header, rows: rows),
            arms: docArms, survivalTimeUnit: "months", atRiskTimes: atRiskTimes,
            toxicity: toxRows.isEmpty ? nil : HTMLTable(caption: "Adverse events by organ: any grade / grade ≥ 3 (% of patients)", header: ["organ"] + arms.map(\.regimen), rows: toxRows),
            comparisons: s.comparisons.isEmpty ? nil : HTMLTable(caption: "Comparisons with the first arm", header: ["comparison", "PFS HR", "log-rank p"], rows: comparisons))
        return doc.render()
    }
}
