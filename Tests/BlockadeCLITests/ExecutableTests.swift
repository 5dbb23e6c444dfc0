import Testing
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import BlockadeTestSupport
@testable import BlockadeCLI
import TumorImmune
import Trials

/// The built `blockade` executable, run as a user runs it.
@Suite("blockade executable (end to end)")
struct ExecutableTests {
    @Test("simulate --format json prints one JSON object with series and response")
    func simulateJSON() throws {
        let run = try CommandLineRun.blockade(["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.isEmpty)
        // The whole of standard output is a single JSON value, and it is an object.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any],
                                  "stdout is not one JSON object: \(run.standardOutput.prefix(200))")
        #expect(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{"))
        let series = try #require(object["series"] as? [String: Any])
        let days = try #require(series["day"] as? [Double])
        #expect(days.first == 0 && days.count > 10)
        for key in ["tumour_diameter_mm", "effector_cd8_tumour"] {
            #expect((series[key] as? [Double])?.count == days.count, "series.\(key)")
        }
        let plasma = try #require(series["drug_plasma_ug_per_ml"] as? [String: [Double]])
        #expect(plasma["nivolumab"]?.count == days.count)
        let response = try #require(object["response"] as? [String: Any])
        #expect(["CR", "PR", "SD", "PD"].contains(response["best_overall_response"] as? String ?? ""))
        #expect(response["mechanism_attribution"] is [Any])
        // Absent values are written as null: every key is always present.
        for key in ["progression_day", "response_onset_day", "duration_of_response_days", "resistance", "scans", "driving_mechanisms"] {
            #expect(response.keys.contains(key), "response.\(key) missing")
        }
    }

    /// A carried drug end to end: the plasma series is keyed by the slot label, doses by label,
    /// and the encapsulated pools are columns of the csv.
    @Test("simulate --regimen doxorubicin@liposome runs end to end")
    func simulateCarriedDrug() throws {
        let run = try CommandLineRun.blockade(["simulate", "--tumor", "tnbc", "--regimen", "doxorubicin@liposome", "--days", "126",
                                               "--no-attribution", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardError.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let series = try #require(object["series"] as? [String: Any])
        let days = try #require(series["day"] as? [Double])
        #expect(days.last == 126)
        let plasma = try #require(series["drug_plasma_ug_per_ml"] as? [String: [Double]])
        #expect(plasma.keys.sorted() == ["doxorubicin@liposome"])
        let levels = try #require(plasma["doxorubicin@liposome"])
        #expect(levels.count == days.count && levels.allSatisfy { $0.isFinite && $0 > -1e-9 })
        #expect(levels.max()! > 0)
        // Doxorubicin label: 6 cycles q3w.
        #expect((object["doses"] as? [String: [Double]])?["doxorubicin@liposome"] == [0, 21, 42, 63, 84, 105])
        let csv = try CommandLineRun.blockade(["simulate", "--regimen", "doxorubicin@liposome", "--days", "30", "--no-attribution", "--format", "csv"])
        #expect(csv.status == 0, "stderr: \(csv.standardError)")
        let header = csv.standardOutput.prefix { $0 != "\n" }.split(separator: ",").map(String.init)
        for id in ["doxorubicin_liposome_C", "doxorubicin_liposome_enc_C", "doxorubicin_liposome_enc_T", "doxorubicin_liposome_anti_carrier"] {
            #expect(header.contains(id), "csv lacks \(id)")
        }
    }

    @Test("bad carrier regimens fail with a message a user can act on",
          arguments: [(["simulate", "--regimen", "doxorubicin@micelle"], ["unknown carrier 'micelle'", "liposome", "carbon"]),
                      (["simulate", "--regimen", "nivolumab@liposome"], ["cannot be loaded", "carriable drugs"]),
                      (["simulate", "--regimen", "doxorubicin&entinostat"], ["needs a carrier"])])
    func badCarrierRegimens(_ arguments: [String], _ mentions: [String]) throws {
        let run = try CommandLineRun.blockade(arguments)
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        for m in mentions { #expect(run.standardError.contains(m), "stderr: \(run.standardError)") }
    }

    @Test("simulate explains a primary non-responder through the attribution")
    func simulateAttribution() throws {
        let run = try CommandLineRun.blockade(["simulate", "--mechanism", "antigen-presentation-loss=1",
                                               "--mechanism", "acquired-antigen-loss=0", "--format", "json"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let response = try #require(object["response"] as? [String: Any])
        #expect(response["resistance"] as? String == "primary")
        #expect(response["driving_mechanisms"] as? [String] == ["antigen-presentation-loss"])
    }

    @Test("an unknown tumour fails with the valid names on stderr")
    func unknownTumour() throws {
        let run = try CommandLineRun.blockade(["simulate", "--tumor", "glioma", "--format", "json"])
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("unknown tumour type 'glioma'"))
        for t in TumorType.catalogue { #expect(run.standardError.contains(t.id), "\(t.id) not listed") }
    }

    @Test("bad options fail with a non-zero exit and say what is wrong",
          arguments: [(["simulate", "--regimen", "nivolumab+"], "empty component"),
                      (["simulate", "--mechanism", "stromal-barrier=x"], "'x' is not a number"),
                      (["simulate", "--days", "0"], "--days"),
                      (["simulate", "--regimen", "aspirin"], "unknown drug 'aspirin'")])
    func badOptions(_ arguments: [String], _ mention: String) throws {
        let run = try CommandLineRun.blockade(arguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains(mention), "stderr: \(run.standardError)")
    }

    @Test("list prints what ListCommand.render produces", arguments: ListCommand.Topic.allCases)
    func list(_ topic: ListCommand.Topic) throws {
        let run = try CommandLineRun.blockade(["list", topic.rawValue])
        #expect(run.status == 0)
        #expect(run.standardOutput == ListCommand.render(topic))
    }

    /// With relatlimab, nivolumab follows the Opdualag label (480 mg q4w, both drugs on the same
    /// 14 days), not its own q2w label. A carried drug adds one event a week after each dose, when
    /// anti-carrier immunity rises (6 doses → 12 events). With ipilimumab in melanoma, nivolumab
    /// 1 mg/kg + ipilimumab q3w × 4 (days 0–63), then nivolumab 240 mg q2w from day 84: 25 dose days.
    @Test("export sbml is well-formed XML with one event per dose day",
          arguments: [("nivolumab", 27), ("nivolumab+relatlimab", 14), ("placebo", 0), ("doxorubicin@liposome", 12),
                      ("nivolumab+ipilimumab", 25)])
    func exportSBML(_ text: String, _ doseDays: Int) throws {
        let run = try CommandLineRun.blockade(["export", "sbml", "--tumor", "melanoma", "--regimen", text])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let regimen = try Regimen(parsing: text, tumor: "melanoma")
        let model = try Simulator().compile(patient: Patient(typical: try TumorType.named("melanoma")), regimen: regimen)
        let doseTimes = Simulator().doseEvents(model: model, days: 365).map(\.time)
        #expect(doseTimes.count == doseDays)
        let counter = SBMLEventReader()
        let parser = XMLParser(data: Data(run.standardOutput.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        #expect(counter.root == "sbml")
        #expect(counter.counts["event", default: 0] == doseDays)
        #expect(counter.triggerTimes == doseTimes, "event triggers are not the dose days")
        // Four PK species per drug (plasma, peripheral, tumour, lymph node), three more per carrier.
        let perSlot = regimen.slots.map { 4 + ($0.carrier == nil ? 0 : 3) }.reduce(0, +)
        #expect(counter.counts["species", default: 0] == CoreSpecies.allCases.count + perSlot)
    }

    @Test("export sbml -o writes the file and nothing to stdout")
    func exportToFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("blockade-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = try CommandLineRun.blockade(["export", "sbml", "-o", url.path])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("<sbml"))
    }

    /// The report's toxicity table lists the organs with events in some arm: vaccine reactions
    /// appear when an arm gives a vaccine and not otherwise.
    @Test("trial --report lists vaccine reactions only when an arm gives a vaccine")
    func reportOrgans() throws {
        func report(_ arms: [String]) throws -> String {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("blockade-\(UUID().uuidString).html")
            defer { try? FileManager.default.removeItem(at: url) }
            let run = try CommandLineRun.blockade(["trial", "--no-intervals", "--tumor", "melanoma", "--patients", "40", "--no-attribution", "--no-history",
                                                   "--quiet", "--report", url.path] + arms.flatMap { ["--arm", $0] })
            #expect(run.status == 0, "stderr: \(run.standardError)")
            return try String(contentsOf: url, encoding: .utf8)
        }
        let withVaccine = try report(["nivolumab", "gp100"])
        #expect(withVaccine.contains("vaccine-reaction"))
        #expect(withVaccine.contains("Adverse events by organ"))
        let without = try report(["nivolumab"])
        #expect(!without.contains("vaccine-reaction"))
    }

    @Test("export model-doc prints the model document")
    func exportModelDoc() throws {
        let run = try CommandLineRun.blockade(["export", "model-doc"])
        #expect(run.status == 0)
        #expect(run.standardOutput == ModelDocumentation.markdown())
    }
}

/// Counts XML elements by name, records the root, and reads the number in each event trigger
/// (`time ≥ t`).
final class SBMLEventReader: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var root: String?
    var triggerTimes: [Double] = []
    private var inTrigger = false, inNumber = false, text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
        if name == "trigger" { inTrigger = true }
        if inTrigger && name == "cn" { inNumber = true; text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inNumber { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "trigger" { inTrigger = false }
        if name == "cn" && inNumber {
            inNumber = false
            if let t = Double(text.trimmingCharacters(in: .whitespaces)) { triggerTimes.append(t) }
        }
    }
}

@Suite("--populations FILE")
struct PopulationsOptionTests {
    @Test("a broken or missing populations file stops trial and simulate before any work, naming the file (exit 65)")
    func badFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("populations-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"format":"blockade-populations"}"#.utf8).write(to: url)
        for args in [["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "2", "--no-history", "--populations", url.path],
                     ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--populations", url.path],
                     ["simulate", "--tumor", "melanoma", "--regimen", "nivolumab", "--populations", url.path + ".missing"]] {
            let run = try CommandLineRun.blockade(args)
            #expect(run.status == 65, "\(args): exit \(run.status)")
            #expect(run.standardError.contains(url.path), "\(args): \(run.standardError)")
            #expect(run.standardOutput.isEmpty, "\(args) printed a result: \(run.standardOutput.prefix(200))")
        }
    }

    @Test("the shipped data file written out and given back gives the same trial")
    func roundTrip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("populations-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try CalibratedPopulations.write(try CalibratedPopulations.shipped(), to: url)
        let base = ["trial", "--no-intervals", "--tumor", "rcc", "--arm", "sunitinib", "--patients", "3", "--seed", "4", "--no-history", "--quiet",
                    "--no-attribution", "--format", "json"]
        let shipped = try CommandLineRun.blockade(base), given = try CommandLineRun.blockade(base + ["--populations", url.path])
        #expect(shipped.status == 0 && given.status == 0)
        #expect(shipped.standardOutput == given.standardOutput && !shipped.standardOutput.isEmpty)
    }
}
