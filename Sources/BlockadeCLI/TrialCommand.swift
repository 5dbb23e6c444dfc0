import ArgumentParser
import Foundation
import Reports
import History
import Scenarios
import Trials
import TumorImmune

/// `blockade trial`: a virtual randomised trial with the same patients in every arm.
struct TrialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial",
        abstract: "Run a virtual clinical trial: ORR, PFS, OS, toxicity and resistance mechanisms per arm.",
        discussion: """
        Every selected virtual patient receives every arm (paired design). Courses are simulated \
        cycle by cycle: label doses, adverse events with graded management, RECIST scans, treatment \
        stopped at progression, follow-up for survival. Patient i of seed S is always the same patient. \
        Patients enter with growing disease: a drawn patient whose untreated tumour would shrink over the \
        8 weeks after baseline is replaced by the next draw of the same index, so a placebo arm does not respond.

        Custom doses and schedules come from a scenario file, --scenario FILE (format: \
        docs/SCENARIOS.md; `blockade export scenario` writes label regimens as one): its arms replace \
        --arm (the two cannot be combined), and its trial settings (patients, seed, selection, line) and \
        days apply unless the same option is given on the command line, which overrides the file.

        Examples:
          blockade trial --tumor melanoma --arm nivolumab --arm nivolumab+ipilimumab --patients 500 --seed 1
          blockade trial --scenario examples/ipilimumab-1-vs-3-mg-per-kg.yaml --patients 200
          blockade trial --scenario examples/sbrt-before-vs-after-pembrolizumab.yaml --seed 2 --report sbrt.html
          blockade trial --tumor nsclc --select 'pdl1_tps>=50' --arm platinum-doublet --arm pembrolizumab --patients 1000 --seed 7 --report trial.html
          blockade trial --tumor melanoma --arm nivolumab --patients 2000 --seed 1 --shard 1/2 --output shard1.json
          blockade trial --tumor melanoma --arm nivolumab --patients 2000 --seed 1 --shard 2/2 --output shard2.json
          blockade merge shard1.json shard2.json --output trial.json

        Selection attributes: pdl1_tps, pdl1_cps, pdl1_ic, tmb, msi (high|stable); combine with 'and'/'or'.
        PD-L1 is measured on each candidate's simulated tumour at baseline (constitutive expression plus the
        part induced by IFN-γ of a pre-existing T-cell response), so a PD-L1 selection costs one untreated
        run-in per screened patient.
        Each run is recorded in the run history (see `blockade runs`).
        """)

    /// Defaults of the options a scenario may also set.
    static let defaultPatients = 200, defaultSeed: UInt64 = 1, defaultDays = 730.0, defaultLine = TherapyLine.first

    @Option(name: .long, help: "Tumour type (see `blockade list tumors`); required unless --scenario gives it.")
    var tumor: String?

    @Option(name: .long, help: ArgumentHelp("Biomarker selection, e.g. 'pdl1_tps>=50', 'msi=high' or 'tmb >= 10 and pdl1_tps < 1' ('and' binds before 'or'). Attributes: \(Selection.attributes.joined(separator: ", ")).", valueName: "expr"))
    var select: String?

    @Option(name: .long, help: ArgumentHelp("A regimen (repeat for each arm; the first is the control). Not with --scenario.", valueName: "regimen"))
    var arm: [String] = []

    @Option(name: .long, help: ArgumentHelp("A scenario file (YAML, docs/SCENARIOS.md) whose arms have their own doses and schedules. Command-line options override its values.", valueName: "file"))
    var scenario: String?

    @Option(name: .long, parsing: .unconditional, help: "Number of selected patients (default: 200, or the scenario's).")
    var patients: Int?

    @Option(name: .long, parsing: .unconditional, help: "Population seed, 0 to 2⁶⁴ − 1 (default: 1, or the scenario's).", transform: NumericArgument.seed)
    var seed: UInt64?

    @Option(name: .long, parsing: .unconditional, help: "Follow-up from the first dose, days (default: 730, or the scenario's).")
    var days: Double?

    @Option(name: .long, help: ArgumentHelp("Run only shard I of N (1-based), e.g. 2/8; needs --output.", valueName: "I/N"))
    var shard: String?

    @Option(name: .long, help: "Write the result (shard file, or trial JSON) to this file (atomically).")
    var output: String?

    @Option(name: .long, help: "Output format on standard output.")
    var format: TrialFormat = .table

    @Option(name: .long, help: "Also write a self-contained HTML report (waterfall, spider, swimmer, Kaplan–Meier, toxicity, mechanisms).")
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Virtual population: 'calibrated' (fitted to the monotherapy arms, data file in the repository) or 'standard' (the tumour type's catalogue defaults, unfitted).", valueName: "kind"))
    var population: PopulationChoice = .calibrated

    enum PopulationChoice: String, ExpressibleByArgument { case calibrated, standard }

    @OptionGroup var populationData: PopulationDataOptions

    @Option(name: .long, help: ArgumentHelp("Line of therapy: 'first' (no prior systemic therapy for advanced disease; the default) or 'pretreated' (≥ 1 prior line: more resistant, faster-growing tumours, as fitted per tumour type where the calibration arms cover both lines).", valueName: "line"))
    var line: TherapyLine?

    @Flag(name: .long, help: "Skip counterfactual mechanism attribution (much faster; resistance is then unattributed).")
    var noAttribution = false

    @Flag(name: .long, help: "Skip the 90 % prediction intervals from parameter uncertainty (orr_pi90 and the median intervals become null). They rerun the trial on 200 patients under each of the tumour type's parameter sets written by `blockade validate --replace`.")
    var noIntervals = false

    @Flag(name: .long, help: "Do not simulate adverse events.")
    var noToxicity = false

    @Flag(name: .long, help: "Do not record this run in the run history.")
    var noHistory = false

    @Flag(name: .long, help: "No progress bar on standard error.")
    var quiet = false

    enum TrialFormat: String, ExpressibleByArgument { case table, json }

    func validate() throws {
        if scenario == nil {
            guard tumor != nil else { throw ValidationError("give the tumour type with --tumor T (or a --scenario FILE that names it)") }
            guard !arm.isEmpty else { throw ValidationError("give at least one --arm, e.g. --arm nivolumab") }
        } else if !arm.isEmpty {
            throw ValidationError("--arm cannot be combined with --scenario: the scenario's arms are the trial's arms; add '- regimen: \(arm[0])' to the file's arms, or leave out --scenario")
        }
        if let patients { guard patients > 0, patients <= 10_000_000 else { throw ValidationError("--patients \(patients): expected 1–10,000,000") } }
        if let days { guard days >= 56, days <= 3650 else { throw ValidationError("--days \(days): expected 56–3650") } }
        if shard != nil && output == nil { throw ValidationError("--shard needs --output FILE for the shard") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
        if let report { try OutputPath.checkWritable(report, option: "--report") }
    }

    /// What the trial runs: the command line, or the scenario with the command line's overrides.
    struct Plan {
        var configuration: TrialConfiguration
        /// The scenario's regimens (nil: the configuration's arms are regimen strings).
        var regimens: [Regimen]?
        var scenario: Scenario?
    }

    func plan() throws -> Plan {
        guard let path = scenario else {
            var config = TrialConfiguration(tumor: tumor ?? "", selection: select, arms: arm,
                                            patients: patients ?? Self.defaultPatients, seed: seed ?? Self.defaultSeed)
            config.horizonDays = days ?? Self.defaultDays
            config.therapyLine = line ?? Self.defaultLine
            return Plan(configuration: config)
        }
        if let tumor { _ = try TumorType.named(tumor) }
        let file = try Scenario(contentsOf: path, tumor: tumor)
        if let where_ = file.patientLocation {
            throw ScenarioError("'patient:' describes the one patient of `blockade simulate`; a trial draws its patients from the \(file.tumor.id) population. Remove it (or move it to a scenario for simulate)", at: where_)
        }
        if days == nil { try file.checkFileDays(minimum: 56, command: "trial") }
        let horizon = days ?? file.days ?? Self.defaultDays
        try file.checkDoses(within: horizon)
        let regimens = file.arms.map(\.regimen)
        var config = TrialConfiguration(tumor: file.tumor.id, selection: select ?? file.trial.selection, arms: regimens.map(\.name),
                                        patients: patients ?? file.trial.patients ?? Self.defaultPatients,
                                        seed: seed ?? file.trial.seed ?? Self.defaultSeed)
        config.horizonDays = horizon
        config.therapyLine = line ?? file.trial.line ?? Self.defaultLine
        return Plan(configuration: config, regimens: regimens, scenario: file)
    }

    func run() async throws {
        let plan = try plan()
        var config = plan.configuration
        config.attribution = !noAttribution
        config.toxicity = !noToxicity
        let (tumor, select, seed, patients, armCount) = (config.tumor, config.selection, config.seed, config.patients, config.arms.count)
        let source: PopulationSource = population == .calibrated ? .calibrated(try populationData.file()) : .standard
        let runner = try TrialRunner(configuration: config, populations: source, regimens: plan.regimens)
        let range: Range<Int>
        var position: TrialShard.Position?
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
                throw ValidationError("--shard '\(shard)': expected I/N with 1 ≤ I ≤ N, e.g. 2/8")
            }
            range = TrialShard.patientRange(index: parts[0] - 1, count: parts[1], total: patients)
            position = TrialShard.Position(index: parts[0] - 1, count: parts[1])
        } else {
            range = 0..<patients
        }
        let work = { () throws -> [ArmOutcomes] in
            let bar = quiet ? nil : ProgressBar(total: range.count, label: "\(tumor) × \(armCount) arm(s)")
            let progress: (@Sendable (Int) -> Void)? = bar.map { b in { @Sendable done in b.update(done) } }
            // PD-L1 selections simulate each candidate's baseline, which takes noticeable time in large trials.
            let screening: ((Int, Int) -> Void)? = runner.assay == nil ? nil : bar.map { b in { b.screening(screened: $0, selected: $1) } }
            let arms = try runner.run(patients: range, progress: progress, screening: screening)
            bar?.finish()
            return arms
        }
        let recorded = RecordedConfiguration(configuration: config, scenarioFile: scenario, scenario: plan.scenario?.text)
        let configJSON = (try? String(decoding: JSONEncoder().encode(recorded), as: UTF8.self)) ?? "{}"
        let commandLine = (["blockade"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let history = RunHistory(enabled: !noHistory)
        var text = ""
        let body: () async throws -> String? = {
            let arms = try work()
            // Prediction intervals depend on the trial, not on the shard: every shard computes and
            // keeps the same, so that merged shards equal the unsharded run.
            var intervals: [ArmPredictionInterval]?
            if !noIntervals, let ensemble = source.ensemble(for: tumor) {
                if !quiet { FileHandle.standardError.write(Data("prediction intervals: \(ensemble.members.count) parameter sets × \(ParameterEnsemble.patientsPerMember) patients per arm\n".utf8)) }
                intervals = try ensemble.intervals(configuration: config, regimens: plan.regimens)
            }
            if let position, let output {
                var file = TrialShard(tumor: tumor, selection: select, seed: seed, line: config.therapyLine, patients: patients, shard: position, arms: arms)
                file.intervals = intervals
                try OutputPath.write(try file.encoded(), to: output)
                text = "wrote shard \(position.index + 1)/\(position.count) (\(range.count) patients) to \(output)\n"
                return "{\"shard\": \"\(position.index + 1)/\(position.count)\"}"
            }
            var summary = try TrialSummary(tumor: tumor, selection: select, seed: seed, line: config.therapyLine, arms: arms)
            if let intervals { for k in summary.arms.indices { summary.arms[k].predictionInterval = intervals[k] } }
            let json = summary.jsonString()
            if let output { try writeOutput(json, to: output) }
            if let report { try writeOutput(TrialReportBuilder.html(summary: summary, arms: arms, producer: "Blockade \(BlockadeCommand.version)"), to: report) }
            text = format == .json ? json : TrialTable.render(summary)
            return summary.json.serialized(pretty: false)
        }
        try await history.recording(command: commandLine, configuration: configJSON, version: BlockadeCommand.version, seed: seed, body)
        print(text, terminator: "")
    }
}

/// `blockade merge`: shards of one trial → the trial JSON, identical to an unsharded run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge trial shards into the trial result (byte-identical to the unsharded run).",
        discussion: """
        Example (two shards, run as separate processes, then merged):
          blockade trial --tumor melanoma --arm nivolumab --patients 2000 --seed 1 --shard 1/2 --output shard1.json
          blockade trial --tumor melanoma --arm nivolumab --patients 2000 --seed 1 --shard 2/2 --output shard2.json
          blockade merge shard1.json shard2.json --output trial.json --report trial.html
        """)

    @Argument(help: "Shard files written by `blockade trial --shard I/N --output FILE`.")
    var shards: [String]

    @Option(name: .long, help: "Write the trial JSON here (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Also write the HTML report.")
    var report: String?

    func validate() throws {
        guard !shards.isEmpty else { throw ValidationError("give the shard files to merge") }
        // Writing over a shard would destroy an input of the merge (and of any later re-merge).
        let inputs = Set(shards.map(OutputPath.resolved))
        for (option, path) in [("--output", output), ("--report", report)] {
            guard let path else { continue }
            if inputs.contains(OutputPath.resolved(path)) {
                throw ValidationError("\(option) \(path) is one of the shards being merged; choose another file so no input is overwritten")
            }
            try OutputPath.checkWritable(path, option: option)
        }
    }

    func run() throws {
        let named = try shards.map { path -> TrialShard.Named in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TrialShardError.invalid(file: path, problem: "cannot be read (no such file, a directory, or no read permission)")
            }
            return (path, try TrialShard.decode(data, file: path))
        }
        let merged = try TrialShard.merge(shards: named)
        let summary = try merged.summary()
        let json = summary.jsonString()
        try writeOutput(json, to: output)
        if let report { try writeOutput(TrialReportBuilder.html(summary: summary, arms: merged.arms, producer: "Blockade \(BlockadeCommand.version)"), to: report) }
    }
}

extension TherapyLine: ExpressibleByArgument {}

/// The configuration a trial records in the run history: the trial's, and for a scenario run the
/// file's name and text (the arms' doses and schedules live only there).
struct RecordedConfiguration: Encodable {
    var configuration: TrialConfiguration
    var scenarioFile: String?
    var scenario: String?

    enum CodingKeys: String, CodingKey { case scenarioFile = "scenario_file", scenario }

    /// The configuration's keys, then the scenario's (absent for a run without one, so those runs
    /// record exactly the configuration).
    func encode(to encoder: Encoder) throws {
        try configuration.encode(to: encoder)
        guard let scenario else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenarioFile, forKey: .scenarioFile)
        try c.encode(scenario, forKey: .scenario)
    }
}
