import Foundation
import TumorImmune

/// The JSON document of `simulate --format json`.
public struct SimulationJSON: Encodable {
    struct Series: Encodable {
        var day: [Double]
        var tumour_diameter_mm: [Double]
        var cancer_cells: [Double]
        var effector_cd8_tumour: [Double]
        var exhausted_cd8_tumour: [Double]
        var tregs_tumour: [Double]
        var mdsc_tumour: [Double]
        var m2_macrophages_tumour: [Double]
        var alternative_checkpoints: [Double]
        var drug_plasma_ug_per_ml: [String: [Double]]
    }
    struct Attribution: Encodable {
        var mechanism: String
        var level: Double
        var counterfactual_best_response: String
        var counterfactual_progression_day: Double?
        var drives_resistance: Bool

        enum CodingKeys: String, CodingKey {
            case mechanism, level, counterfactual_best_response, counterfactual_progression_day, drives_resistance
        }
        // Absent values are written as null so every key is always present.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(mechanism, forKey: .mechanism)
            try c.encode(level, forKey: .level)
            try c.encode(counterfactual_best_response, forKey: .counterfactual_best_response)
            try c.encode(counterfactual_progression_day, forKey: .counterfactual_progression_day)
            try c.encode(drives_resistance, forKey: .drives_resistance)
        }
    }
    struct Response: Encodable {
        var best_overall_response: String
        var progression_day: Double?
        var response_onset_day: Double?
        var duration_of_response_days: Double?
        var resistance: String
        var scans: [Scan]
        var mechanism_attribution: [Attribution]
        var driving_mechanisms: [String]

        enum CodingKeys: String, CodingKey {
            case best_overall_response, progression_day, response_onset_day, duration_of_response_days, resistance,
                 scans, mechanism_attribution, driving_mechanisms
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(best_overall_response, forKey: .best_overall_response)
            try c.encode(progression_day, forKey: .progression_day)
            try c.encode(response_onset_day, forKey: .response_onset_day)
            try c.encode(duration_of_response_days, forKey: .duration_of_response_days)
            try c.encode(resistance, forKey: .resistance)
            try c.encode(scans, forKey: .scans)
            try c.encode(mechanism_attribution, forKey: .mechanism_attribution)
            try c.encode(driving_mechanisms, forKey: .driving_mechanisms)
        }
    }
    struct Scan: Encodable { var day: Double; var diameter_mm: Double; var call: String }
    struct Solver: Encodable { var return_code: String; var accepted_steps: Int; var rejected_steps: Int; var rhs_evaluations: Int }

    var tumor: String
    var regimen: String
    var days: Double
    var patient: [String: Double]
    var mechanisms: [String: Double]
    var doses: [String: [Double]]
    var series: Series
    var response: Response
    var solver: Solver
    /// Unmanaged expected probability of adverse events per organ over the course.
    var adverse_event_risk: [String: [String: Double]]

    public init(result r: SimulationResult, attribution: [MechanismAttribution], risk: [AdverseEventRisk]) {
        adverse_event_risk = Dictionary(uniqueKeysWithValues: risk.map { ($0.organ.rawValue, ["any_grade": $0.anyGrade, "grade3_plus": $0.grade3Plus]) })
        tumor = r.patient.tumor.id
        regimen = r.regimen.name
        days = r.days.last ?? 0
        patient = ["baseline_diameter_mm": r.patient.baselineDiameterMM, "doubling_time_days": r.patient.doublingTimeDays,
                   "tmb": r.patient.tmb, "pdl1": r.patient.pdl1]
        mechanisms = Dictionary(uniqueKeysWithValues: Mechanism.allCases.map { ($0.rawValue, r.patient.mechanisms[$0]) })
        doses = Dictionary(uniqueKeysWithValues: r.doseDays.map { ($0.drug, $0.days) })
        series = Series(day: r.days, tumour_diameter_mm: r.diameterMM, cancer_cells: r.cancerCells,
                        effector_cd8_tumour: r.effectorCD8, exhausted_cd8_tumour: r.exhaustedCD8, tregs_tumour: r.tregs,
                        mdsc_tumour: r.mdscs, m2_macrophages_tumour: r.m2Macrophages,
                        alternative_checkpoints: r.alternativeCheckpoints,
                        drug_plasma_ug_per_ml: Dictionary(uniqueKeysWithValues: r.plasmaConcentration.map { ($0.drug, $0.values) }))
        let rc = r.recist
        let scans = zip(rc.scanDays.dropFirst(), rc.perScan).map { day, call in
            Scan(day: day, diameter_mm: r.diameterMM[r.days.firstIndex(of: day) ?? 0], call: call.rawValue)
        }
        response = Response(
            best_overall_response: rc.bestOverallResponse.rawValue, progression_day: rc.progressionDay,
            response_onset_day: rc.responseOnsetDay, duration_of_response_days: rc.durationOfResponseDays,
            resistance: rc.bestOverallResponse == .notEvaluable ? "not-evaluable" : (rc.isPrimaryResistance ? "primary" : (rc.isAcquiredResistance ? "acquired" : "none")),
            scans: [Scan(day: 0, diameter_mm: r.diameterMM.first ?? 0, call: "baseline")] + scans,
            mechanism_attribution: attribution.map {
                Attribution(mechanism: $0.mechanism.rawValue, level: $0.level,
                            counterfactual_best_response: $0.counterfactualResponse.rawValue,
                            counterfactual_progression_day: $0.counterfactualProgressionDay, drives_resistance: $0.drivesResistance)
            },
            driving_mechanisms: attribution.filter(\.drivesResistance).map(\.mechanism.rawValue))
        solver = Solver(return_code: r.returnCode.rawValue, accepted_steps: r.statistics.acceptedSteps,
                        rejected_steps: r.statistics.rejectedSteps, rhs_evaluations: r.statistics.rhsEvaluations)
    }

    public func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// `simulate --format csv`: one row per saved day, every species (SBML ids) and the observables.
public enum SimulationCSV {
    public static func render(simulator: Simulator, result r: SimulationResult) throws -> String {
        var out = "day,tumour_diameter_mm,cancer_cells," + r.speciesIDs.joined(separator: ",") + "\n"
        for i in r.days.indices {
            let row = [r.days[i], r.diameterMM[i], r.cancerCells[i]] + Array(r.solution.state(at: i))
            out += row.map { String($0) }.joined(separator: ",") + "\n"
        }
        return out
    }
}

/// `simulate --format table`: what happened and why, for a reader.
public enum SimulationTable {
    public static func render(result r: SimulationResult, attribution: [MechanismAttribution], risk: [AdverseEventRisk] = []) -> String {
        let rc = r.recist
        var out = "Blockade simulation — \(r.patient.tumor.name), regimen \(r.regimen.name), \(Int(r.days.last ?? 0)) days\n"
        out += String(format: "Patient: baseline %.0f mm, doubling time %.0f d, TMB %.1f mut/Mb, PD-L1 %.2f×\n",
                      r.patient.baselineDiameterMM, r.patient.doublingTimeDays, r.patient.tmb, r.patient.pdl1)
        out += "Mechanisms: " + Mechanism.allCases.map { String(format: "%@=%.2f", $0.rawValue, r.patient.mechanisms[$0]) }.joined(separator: " ") + "\n\n"
        out += "  day   diameter   change   RECIST\n"
        let baseline = r.diameterMM.first ?? 0
        out += String(format: "%5.0f  %7.1f mm            baseline\n", 0.0, baseline)
        for (day, call) in zip(rc.scanDays.dropFirst(), rc.perScan) {
            let d = r.diameterMM[r.days.firstIndex(of: day) ?? 0]
            out += String(format: "%5.0f  %7.1f mm  %+6.0f %%  %@\n", day, d, (d / baseline - 1) * 100, call.rawValue)
        }
        out += "\nBest overall response: \(rc.bestOverallResponse.rawValue)"
        if let pd = rc.progressionDay { out += String(format: "; progression at day %.0f", pd) }
        out += "\n"
        if rc.bestOverallResponse == .notEvaluable { out += "Response not evaluable: no scan late enough to qualify (lengthen --days)\n" }
        else if rc.isPrimaryResistance { out += "Resistance: primary (never responded)\n" }
        else if rc.isAcquiredResistance { out += "Resistance: acquired (responded, then progressed)\n" }
        else { out += "Resistance: none within the horizon\n" }
        let risky = risk.filter { $0.anyGrade >= 0.005 }
        if !risky.isEmpty {
            out += "\nExpected adverse-event risk over the course (unmanaged): "
            out += risky.map { String(format: "%@ %.0f%% (grade ≥3 %.0f%%)", $0.organ.rawValue, 100 * $0.anyGrade, 100 * $0.grade3Plus) }.joined(separator: ", ") + "\n"
        }
        if !attribution.isEmpty {
            out += "\nCounterfactuals (mechanism switched off at baseline):\n"
            for a in attribution {
                let pd = a.counterfactualProgressionDay.map { String(format: "PD day %.0f", $0) } ?? "no PD"
                out += String(format: "  %@ level %.2f → %@, %@%@\n", a.mechanism.rawValue.padding(toLength: 27, withPad: " ", startingAt: 0), a.level,
                              a.counterfactualResponse.rawValue, pd, a.drivesResistance ? "   ← drives resistance" : "")
            }
        }
        return out
    }
}
