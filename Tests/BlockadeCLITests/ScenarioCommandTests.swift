import Foundation
import Testing
import BlockadeTestSupport
import Scenarios

/// `--scenario` on `simulate` and `trial`, and `export scenario`, end to end.
@Suite("Scenarios (end to end)")
struct ScenarioCommandTests {
    /// The package root (Tests/BlockadeCLITests/<file> → root).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Writes `blockade export scenario` of `regimens` into `folder`, returning the file.
    static func export(tumor: String, regimens: [String], into folder: ScratchFolder) throws -> String {
        let file = folder.file("exported.yaml")
        let run = try CommandLineRun.blockade(["export", "scenario", "--tumor", tumor] + regimens.flatMap { ["--regimen", $0] } + ["--output", file])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        return file
    }

    struct Label: Sendable, CustomTestStringConvertible {
        var tumor: String
        var regimen: String
        var testDescription: String { "\(tumor) \(regimen)" }
    }

    /// Antibodies with a tumour- and partner-dependent label, a multi-phase label, oral drugs,
    /// radiotherapy, a carrier with co-delivery and ligand targeting, a virus, a vaccine and CAR-T.
    static let labels: [Label] = [
        Label(tumor: "melanoma", regimen: "nivolumab+ipilimumab"),
        Label(tumor: "endometrial", regimen: "dostarlimab"),
        Label(tumor: "rcc", regimen: "pembrolizumab+axitinib"),
        Label(tumor: "nsclc", regimen: "radiotherapy+durvalumab"),
        Label(tumor: "tnbc", regimen: "doxorubicin&entinostat@liposome:targeted+nivolumab"),
        Label(tumor: "melanoma", regimen: "t-vec+gp100+gm-csf+ipilimumab"),
        Label(tumor: "urothelial", regimen: "enfortumab-vedotin+car-t+tazemetostat"),
    ]

    @Test("an exported label regimen simulates byte for byte as --regimen", arguments: labels)
    func simulateIdentical(_ label: Label) throws {
        let folder = try ScratchFolder()
        let file = try Self.export(tumor: label.tumor, regimens: [label.regimen], into: folder)
        let options = ["--days", "365", "--format", "json", "--no-attribution"]
        let direct = try CommandLineRun.blockade(["simulate", "--tumor", label.tumor, "--regimen", label.regimen] + options)
        let scenario = try CommandLineRun.blockade(["simulate", "--scenario", file] + options)
        #expect(direct.status == 0 && scenario.status == 0, "stderr: \(direct.standardError) \(scenario.standardError)")
        #expect(!direct.standardOutput.isEmpty)
        #expect(scenario.standardOutput == direct.standardOutput)
    }

    @Test("with counterfactual attribution too")
    func simulateIdenticalWithAttribution() throws {
        let folder = try ScratchFolder()
        let file = try Self.export(tumor: "melanoma", regimens: ["nivolumab"], into: folder)
        let options = ["--days", "336", "--format", "json", "--mechanism", "antigen-presentation-loss=1"]
        let direct = try CommandLineRun.blockade(["simulate", "--tumor", "melanoma", "--regimen", "nivolumab"] + options)
        let scenario = try CommandLineRun.blockade(["simulate", "--scenario", file] + options)
        #expect(direct.status == 0 && scenario.status == 0)
        #expect(direct.standardOutput.contains("\"drives_resistance\":true"))
        #expect(scenario.standardOutput == direct.standardOutput)
    }

    struct TrialCase: Sendable, CustomTestStringConvertible {
        var tumor: String
        var arms: [String]
        var options: [String]
        var testDescription: String { "\(tumor) \(arms.joined(separator: " vs "))" }
    }

    static let trials: [TrialCase] = [
        TrialCase(tumor: "melanoma", arms: ["nivolumab", "ipilimumab", "nivolumab+ipilimumab"], options: ["--patients", "2", "--seed", "7"]),
        TrialCase(tumor: "nsclc", arms: ["docetaxel", "radiotherapy+durvalumab", "pembrolizumab+platinum-doublet"],
                  options: ["--patients", "3", "--seed", "3", "--line", "pretreated", "--no-attribution"]),
        TrialCase(tumor: "tnbc", arms: ["doxorubicin&entinostat@liposome:targeted+nivolumab", "atezolizumab+nab-paclitaxel"],
                  options: ["--patients", "3", "--seed", "5", "--no-attribution"]),
        TrialCase(tumor: "endometrial", arms: ["dostarlimab", "lenvatinib+pembrolizumab"], options: ["--patients", "3", "--seed", "2", "--no-attribution"]),
    ]

    @Test("an exported scenario gives byte-identical trial JSON to the same --arm regimens", arguments: trials)
    func trialIdentical(_ c: TrialCase) throws {
        let folder = try ScratchFolder()
        let file = try Self.export(tumor: c.tumor, regimens: c.arms, into: folder)
        let common = c.options + ["--format", "json", "--no-history", "--quiet"]
        let direct = try CommandLineRun.blockade(["trial", "--no-intervals", "--tumor", c.tumor] + c.arms.flatMap { ["--arm", $0] } + common)
        let scenario = try CommandLineRun.blockade(["trial", "--no-intervals", "--scenario", file] + common)
        #expect(direct.status == 0 && scenario.status == 0, "stderr: \(direct.standardError) \(scenario.standardError)")
        #expect(direct.standardOutput.contains("\"regimen\": \"\(c.arms[0])\""))
        #expect(scenario.standardOutput == direct.standardOutput)
    }

    /// Every example of `examples/` parses, and each of its arms simulates; its trial runs (a few
    /// patients, short) unless it describes one patient, which a trial refuses.
    static let examples: [String] = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    @Test("there are worked examples")
    func examplesExist() {
        #expect(Self.examples.count >= 5, "\(Self.examples)")
    }

    @Test("every example parses and runs", arguments: examples)
    func example(_ name: String) throws {
        let path = "examples/" + name
        let scenario = try Scenario(contentsOf: Self.root.appendingPathComponent(path).path)
        for k in scenario.arms.indices {
            let run = try CommandLineRun.blockade(["simulate", "--scenario", path, "--arm", String(k + 1), "--days", "120", "--no-attribution"], directory: Self.root)
            #expect(run.status == 0, "\(name) arm \(k + 1): \(run.standardError)")
            #expect(run.standardOutput.contains("regimen \(scenario.arms[k].regimen.name)"))
        }
        let trial = try CommandLineRun.blockade(["trial", "--no-intervals", "--scenario", path, "--patients", "2", "--days", "112", "--no-attribution", "--no-history", "--quiet"],
                                                directory: Self.root)
        if scenario.patient != nil {
            #expect(trial.status == 65)
            #expect(trial.standardError.contains("\(path):") && trial.standardError.contains("'patient:'"), "\(trial.standardError)")
        } else {
            #expect(trial.status == 0, "\(name): \(trial.standardError)")
            for arm in scenario.arms { #expect(trial.standardOutput.contains(arm.regimen.name)) }
        }
    }

    @Test("command-line options override the file: tumour, days, patients, seed, patient values, one mechanism")
    func overrides() throws {
        let folder = try ScratchFolder()
        let file = try Self.export(tumor: "melanoma", regimens: ["nivolumab+ipilimumab"], into: folder)
        // --tumor: the label schedules follow the new tumour (nivolumab 3 mg/kg + ipilimumab 1 mg/kg in RCC).
        let options = ["--days", "200", "--format", "json", "--no-attribution"]
        let rcc = try CommandLineRun.blockade(["simulate", "--scenario", file, "--tumor", "rcc"] + options)
        let direct = try CommandLineRun.blockade(["simulate", "--tumor", "rcc", "--regimen", "nivolumab+ipilimumab"] + options)
        #expect(rcc.status == 0 && rcc.standardOutput.contains("\"tumor\":\"rcc\""))
        // The file's explicit schedules (melanoma's) stay; only labels left to the file would follow.
        #expect(rcc.standardOutput != direct.standardOutput)
        // Patient values and one mechanism over the file's patient; the file's other levels stay.
        let patientFile = Self.root.appendingPathComponent("examples/patient-own-parameters.yaml").path
        let patient = try CommandLineRun.blockade(["simulate", "--scenario", patientFile, "--arm", "1", "--mechanism", "stromal-barrier=0.2",
                                                   "--tmb", "3"] + options)
        #expect(patient.status == 0, "\(patient.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(patient.standardOutput.utf8)) as? [String: Any])
        let mechanisms = try #require(json["mechanisms"] as? [String: Double])
        let values = try #require(json["patient"] as? [String: Double])
        #expect(mechanisms["stromal-barrier"] == 0.2 && mechanisms["chemokine-silencing"] == 0.6)
        #expect(values["tmb"] == 3 && values["baseline_diameter_mm"] == 85)
        #expect(json["days"] as? Double == 200)
        // Trial settings: the file says 200 patients and seed 1; the command line wins.
        let trial = try CommandLineRun.blockade(["trial", "--no-intervals", "--scenario", Self.root.appendingPathComponent("examples/nivolumab-q2w-vs-q4w.yaml").path,
                                                 "--patients", "2", "--seed", "9", "--days", "60", "--no-attribution", "--no-history", "--quiet", "--format", "json"])
        #expect(trial.status == 0, "\(trial.standardError)")
        #expect(trial.standardOutput.contains("\"n\": 2") && trial.standardOutput.contains("\"seed\": 9"))
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let twoArms = "examples/nivolumab-q2w-vs-q4w.yaml"

    static let refusals: [Refusal] = [
        Refusal(arguments: ["simulate", "--scenario", twoArms, "--regimen", "nivolumab"], status: 64, mentions: ["--regimen", "--scenario", "--arm"]),
        Refusal(arguments: ["trial", "--no-intervals", "--scenario", twoArms, "--arm", "nivolumab"], status: 64, mentions: ["--arm cannot be combined with --scenario", "- regimen: nivolumab"]),
        Refusal(arguments: ["simulate", "--scenario", twoArms], status: 64, mentions: ["2 arms", "'nivolumab 240 mg q2w'", "--arm"]),
        Refusal(arguments: ["simulate", "--scenario", twoArms, "--arm", "q3w"], status: 64, mentions: ["--arm 'q3w'", "'nivolumab 480 mg q4w'"]),
        Refusal(arguments: ["simulate", "--regimen", "nivolumab", "--arm", "1"], status: 64, mentions: ["--arm", "--scenario"]),
        Refusal(arguments: ["trial", "--no-intervals", "--arm", "nivolumab"], status: 64, mentions: ["--tumor"]),
        Refusal(arguments: ["simulate", "--scenario", "examples/no-such-file.yaml"], status: 65, mentions: ["examples/no-such-file.yaml: cannot read"]),
        Refusal(arguments: ["trial", "--no-intervals", "--scenario", twoArms, "--tumor", "melanom"], status: 64, mentions: ["unknown tumour type 'melanom'", "melanoma, nsclc"]),
        Refusal(arguments: ["simulate", "--scenario", twoArms, "--tumor", "melanom", "--arm", "1"], status: 64, mentions: ["unknown tumour type 'melanom'"]),
        Refusal(arguments: ["trial", "--no-intervals", "--scenario", twoArms, "--days", "30"], status: 64, mentions: ["--days 30.0: expected 56–3650"]),
    ]

    @Test("combinations that cannot work are refused with what to do", arguments: refusals)
    func refused(_ r: Refusal) throws {
        let run = try CommandLineRun.blockade(r.arguments + (r.arguments[0] == "trial" ? ["--no-history", "--quiet"] : []), directory: Self.root)
        #expect(run.status == r.status, "stderr: \(run.standardError)")
        #expect(run.standardOutput.isEmpty)
        for fragment in r.mentions { #expect(run.standardError.contains(fragment), "'\(fragment)' not in: \(run.standardError)") }
    }

    @Test("a mistake in the file is reported with file, line and column before any simulation; exit 65")
    func fileError() throws {
        let folder = try ScratchFolder()
        let file = folder.file("bad.yaml")
        try Data("tumor: melanoma\ndays: 30\narms:\n  - drugs:\n      - drug: ipilimumab\n        dose_mg_per_kg: -1\n".utf8).write(to: URL(fileURLWithPath: file))
        let simulate = try CommandLineRun.blockade(["simulate", "--scenario", file])
        #expect(simulate.status == 65)
        #expect(simulate.standardError.contains("\(file):6:25: dose_mg_per_kg: -1 is out of range; expected more than 0 and at most 100 mg/kg"), "\(simulate.standardError)")
        // The file's days are too short for a trial: the message points at them.
        try Data("tumor: melanoma\ndays: 30\narms:\n  - regimen: nivolumab\n".utf8).write(to: URL(fileURLWithPath: file))
        let trial = try CommandLineRun.blockade(["trial", "--no-intervals", "--scenario", file, "--no-history", "--quiet"])
        #expect(trial.status == 65)
        #expect(trial.standardError.contains("\(file):2:7: days 30: trial needs 56–3650 days"), "\(trial.standardError)")
    }

    @Test("a trial run records the scenario's file and text in the run history")
    func history() throws {
        let folder = try ScratchFolder()
        let environment = ["BLOCKADE_DATA_DIR": folder.path]
        let path = "examples/nivolumab-q2w-vs-q4w.yaml"
        let trial = try CommandLineRun.blockade(["trial", "--no-intervals", "--scenario", path, "--patients", "2", "--days", "60", "--no-attribution", "--quiet"],
                                                environment: environment, directory: Self.root)
        #expect(trial.status == 0, "\(trial.standardError)")
        let list = try CommandLineRun.blockade(["runs", "list", "--format", "json"], environment: environment)
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]])
        let id = try #require(runs.first?["id"] as? String)
        let show = try CommandLineRun.blockade(["runs", "show", id, "--format", "json"], environment: environment)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any])
        let configuration = try #require(record["configuration"] as? [String: Any])
        #expect(configuration["scenario_file"] as? String == path)
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        #expect(configuration["scenario"] as? String == text)
        #expect(configuration["arms"] as? [String] == ["nivolumab 240 mg q2w", "nivolumab 480 mg q4w"])
    }
}
