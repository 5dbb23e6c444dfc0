import Testing
import Foundation
import Reports
@testable import BlockadeCLI
@testable import TumorImmune

/// The typical melanoma under nivolumab with weekly output, as `simulate` runs it.
private let weekly: SimulationResult = {
    var settings = SimulationSettings()
    settings.outputIntervalDays = 7
    return try! Simulator(settings: settings).run(patient: Patient(typical: try! TumorType.named("melanoma")),
                                                  regimen: try! Regimen(parsing: "nivolumab"))
}()

@Suite("simulate output")
struct SimulationOutputTests {
    @Test("JSON has the series and the response, arrays aligned on the days")
    func json() throws {
        let text = try SimulationJSON(result: weekly, attribution: [], risk: []).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let series = try #require(object["series"] as? [String: Any])
        let days = try #require(series["day"] as? [Double])
        #expect(days == weekly.days)
        for key in ["tumour_diameter_mm", "cancer_cells", "effector_cd8_tumour", "exhausted_cd8_tumour", "tregs_tumour",
                    "mdsc_tumour", "m2_macrophages_tumour", "alternative_checkpoints"] {
            let values = try #require(series[key] as? [Double], "series.\(key) missing")
            #expect(values.count == days.count, "series.\(key)")
        }
        let plasma = try #require(series["drug_plasma_ug_per_ml"] as? [String: [Double]])
        #expect(plasma.keys.sorted() == ["nivolumab"])
        #expect(plasma["nivolumab"]?.count == days.count)
        let response = try #require(object["response"] as? [String: Any])
        #expect(response["best_overall_response"] as? String == weekly.recist.bestOverallResponse.rawValue)
        #expect((response["mechanism_attribution"] as? [Any])?.isEmpty == true)
        #expect(response["resistance"] as? String == "none")
        let scans = try #require(response["scans"] as? [[String: Any]])
        #expect(scans.count == weekly.recist.scanDays.count)
        #expect(scans.first?["call"] as? String == "baseline")
        #expect(scans.dropFirst().map { $0["call"] as? String } == weekly.recist.perScan.map(\.rawValue))
        #expect((object["doses"] as? [String: [Double]])?["nivolumab"] == weekly.doseDays.first?.days)
    }

    @Test("JSON carries the attribution, and the driving mechanisms are those marked")
    func jsonAttribution() throws {
        let attribution = [
            MechanismAttribution(mechanism: .stromalBarrier, level: 0.9, counterfactualResponse: .partialResponse,
                                 counterfactualProgressionDay: nil, drivesResistance: true),
            MechanismAttribution(mechanism: .tregSuppression, level: 0.3, counterfactualResponse: .stableDisease,
                                 counterfactualProgressionDay: 112, drivesResistance: false),
        ]
        let text = try SimulationJSON(result: weekly, attribution: attribution, risk: []).encoded()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let response = try #require(object["response"] as? [String: Any])
        #expect(response["driving_mechanisms"] as? [String] == ["stromal-barrier"])
        let entries = try #require(response["mechanism_attribution"] as? [[String: Any]])
        #expect(entries.map { $0["mechanism"] as? String } == ["stromal-barrier", "treg-suppression"])
        #expect(entries[1]["counterfactual_progression_day"] as? Double == 112)
        #expect(entries[0]["counterfactual_best_response"] as? String == "PR")
    }

    @Test("the table shows one line per scan and the best response")
    func table() {
        let text = SimulationTable.render(result: weekly, attribution: [])
        let rc = weekly.recist
        #expect(text.contains("Best overall response: \(rc.bestOverallResponse.rawValue)"))
        #expect(text.contains("Cutaneous melanoma, regimen nivolumab"))
        let scanLines = text.split(separator: "\n").filter { line in
            ResponseCategory.allCases.contains { line.hasSuffix("  \($0.rawValue)") }
        }
        #expect(scanLines.count == rc.perScan.count)
        #expect(text.contains("baseline"))
        #expect(!text.contains("Counterfactuals"), "no attribution, no counterfactual section")
    }
}

@Suite("simulate csv")
struct SimulationCSVTests {
    @Test("one header and one row per saved day, every species as a column")
    func csv() throws {
        let text = try SimulationCSV.render(simulator: Simulator(), result: weekly)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(text.hasSuffix("\n"))
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(header == ["day", "tumour_diameter_mm", "cancer_cells"] + weekly.speciesIDs)
        #expect(lines.count == weekly.days.count + 1)
        for (i, line) in lines.dropFirst().enumerated() {
            let values = line.split(separator: ",").compactMap { Double($0) }
            #expect(values.count == header.count, "row \(i)")
            #expect(values.first == weekly.days[i])
            #expect(values[1] == weekly.diameterMM[i])
        }
    }
}
