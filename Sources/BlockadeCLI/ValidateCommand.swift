import ArgumentParser
import Calibration
import Foundation
import Trials
import TumorImmune

/// `blockade validate`: leave-one-trial-out prediction of the calibration arms.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Measure prediction: refit without each trial, predict its arms, report per arm and in total.",
        discussion: """
        For every tumour type and every trial in it, the tumour type's population parameters and its \
        survival after progression are refitted without that trial's arms (one Gauss–Newton step from \
        the shipped fit on a linearised loss; docs/VALIDATION.md says what that does and does not \
        capture), and the trial's arms are predicted on new virtual patients with 90 % prediction \
        intervals from parameter uncertainty. Pass criteria: ORR within ±10 points, CR within ±5, \
        G≥3 TRAE within ±10 (toxicity parameters are not refitted: not a held-out figure), median PFS \
        and median OS within ±30 %, PFS at 12 months within ±10 points (landmark table). \
        This held-out score is the adoption rule for model and data changes.

        Examples:
          blockade validate --tumor melanoma
          blockade validate --tumor melanoma --format json --output melanoma.json
          blockade validate --tumor nsclc --format json --output nsclc.json
          blockade validate merge melanoma.json nsclc.json --output validation.json
          blockade validate --replace
        """,
        subcommands: [ValidateRunCommand.self, ValidateMergeCommand.self],
        defaultSubcommand: ValidateRunCommand.self)
}

/// Options shared by a validation run.
struct ValidateRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the leave-one-trial-out validation (the default).")

    @Option(name: .long, help: "Validate only this tumour type (repeat for several; default: every tumour type with calibration arms).")
    var tumor: [String] = []

    @Option(name: .long, help: "Calibration CSV (default: ../shared/calibration/monotherapy_arms.csv from the package root).")
    var calibration: String?

    @Option(name: .long, help: "Landmark table of 12-month PFS and 24-month OS (default: calibration/landmarks.csv in the package).")
    var landmarks: String?

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per arm of the Jacobian simulations.")
    var fitPatients: Int = 150

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per held-out arm of the prediction.")
    var patients: Int = 400

    @Option(name: .long, parsing: .unconditional, help: "Parameter draws of the 90 % prediction intervals (0: no intervals).")
    var intervalDraws: Int = 12

    @Option(name: .long, parsing: .unconditional, help: "Population seed of the fit simulations; predictions use the next seeds.", transform: NumericArgument.seed)
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Refit each fold with the calibration's own search (a warm-started coordinate search) instead of one Gauss–Newton step: about 10× slower; checks the linear approximation (not with --replace).")
    var exactRefit = false

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: String = "text"

    @Option(name: .long, help: "Write the output here instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Rewrite docs/VALIDATION.md from this run and store the parameter sets of the trial prediction intervals in the shipped populations file (needs every tumour type; rebuild to ship).")
    var replace = false

    @Option(name: .long, help: ArgumentHelp("Write a copy of the populations data file with this run's prediction-interval parameter sets (for trial --populations).", valueName: "file"))
    var ensembleOutput: String?

    @OptionGroup var populationData: PopulationDataOptions

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format \(format): expected text or json") }
        for (option, value) in [("--fit-patients", fitPatients), ("--patients", patients)] where value <= 0 {
            throw ValidationError("\(option) \(value): expected a positive number of patients")
        }
        guard intervalDraws >= 0 else { throw ValidationError("--interval-draws \(intervalDraws): expected a number ≥ 0") }
        for t in tumor {
            do { _ = try TumorType.named(t) } catch { throw ValidationError("--tumor: \(error)") }
        }
        guard !(replace && !tumor.isEmpty) else { throw ValidationError("--replace writes the page for every tumour type: leave out --tumor") }
        guard !(replace && exactRefit) else { throw ValidationError("--replace records the standard (linear) validation: leave out --exact-refit") }
        guard !replace || CalibrateCommand.packageRoot() != nil else {
            throw ValidationError("--replace needs to run inside the package (no Package.swift found above the current directory)")
        }
        guard !(replace && populationData.populations != nil) else { throw ValidationError("--replace validates the shipped populations: leave out --populations") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let root = CalibrateCommand.packageRoot()
        let arms = try CalibrationInputs.arms(calibration: calibration, landmarks: landmarks, root: root)
        let plan = CalibrationPlan(arms: arms, tumors: tumor.isEmpty ? nil : Set(tumor))
        let file = try populationData.file()
        var models: [String: PopulationModel] = [:]
        for t in plan.tumorsByArmCount { models[t] = try file.model(for: t) }
        let missing = plan.tumorsByArmCount.filter { models[$0] == nil }
        guard missing.isEmpty else { throw ValidationError("no calibrated population for \(missing.joined(separator: ", ")); calibrate them first") }
        var options = LeaveOneTrialOut.Options()
        options.fitPatients = fitPatients; options.predictPatients = patients; options.intervalDraws = intervalDraws; options.seed = seed
        options.exactRefit = exactRefit
        var validation = LeaveOneTrialOut(plan: plan, models: models, toxicity: file.toxicity ?? ToxicityParameterization.identity, options: options)
        validation.log = { note($0) }
        let began = Date()
        var rows: [ValidationRow] = []
        var ensembles: [String: ParameterEnsemble] = [:]
        let tumors = plan.tumorsByArmCount
        for (k, t) in tumors.enumerated() {
            let start = Date()
            let result = try validation.validate(t)
            rows += result.rows
            ensembles[t] = result.ensemble
            let elapsed = Date().timeIntervalSince(began)
            let left = elapsed / Double(k + 1) * Double(tumors.count - k - 1)
            note("\(t): \(plan.armCount(t)) arms in \(Int(Date().timeIntervalSince(start))) s (\(k + 1)/\(tumors.count), about \(Int(left)) s left)")
        }
        let report = ValidationReport(rows: rows.sorted { $0.arm.line < $1.arm.line }, tumors: tumors, seed: seed,
                                      fitPatients: fitPatients, predictPatients: patients, intervalDraws: intervalDraws,
                                      dataVersion: file.version, runtimeSeconds: Date().timeIntervalSince(began))
        try ValidationOutput(format: format, output: output, replace: replace).emit(report, root: root)
        if let ensembleOutput { try writeEnsembles(ensembles, into: file, path: ensembleOutput) }
        if replace, let root {
            try writeEnsembles(ensembles, into: file, path: root.appendingPathComponent("Sources/Trials/Resources/populations.json").path)
        }
    }

    /// Writes `file` with the prediction-interval ensembles of this run (the populations unchanged).
    func writeEnsembles(_ ensembles: [String: ParameterEnsemble], into file: CalibratedPopulations.File, path: String) throws {
        var updated = file
        updated.ensembles = (file.ensembles ?? [:]).merging(ensembles) { _, new in new }
        try OutputPath.writing(path) { try CalibratedPopulations.write(updated, to: URL(fileURLWithPath: path)) }
        note("wrote the prediction-interval parameter sets of \(ensembles.keys.sorted().joined(separator: ", ")) into \(path); rebuild to ship them")
    }

}

/// Where a validation report goes: standard output or `--output`, and with `--replace` the page.
struct ValidationOutput {
    var format: String
    var output: String?
    var replace: Bool

    func emit(_ report: ValidationReport, root: URL?) throws {
        let text = format == "json" ? report.json : report.textTable + "\n" + report.summary + "\n"
        if let output { try OutputPath.write(Data(text.utf8), to: output) } else { print(text, terminator: "") }
        guard replace else { return }
        guard let root else { throw ValidationError("--replace needs to run inside the package (no Package.swift found above the current directory)") }
        let command = (["blockade"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let path = root.appendingPathComponent("docs/VALIDATION.md").path
        try OutputPath.write(Data(report.markdown(command: command).utf8), to: path)
        note("wrote \(path)")
    }
}

/// `blockade validate merge`: one report from per-tumour JSON files (the workflow's shards).
struct ValidateMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge per-tumour validation JSON files into one report.")

    @Argument(help: "JSON files written by `blockade validate --format json`.")
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json"))
    var format: String = "json"

    @Option(name: .long, help: "Write the output here instead of standard output.")
    var output: String?

    @Flag(name: .long, help: "Rewrite docs/VALIDATION.md from the merged report.")
    var replace = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give the JSON files to merge") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format \(format): expected text or json") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let reports = try files.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
            do { return try ValidationReport(json: data) } catch { throw ValidationError("\(path): \(error)") }
        }
        let merged = try ValidationReport.merging(reports)
        try ValidationOutput(format: format, output: output, replace: replace).emit(merged, root: CalibrateCommand.packageRoot())
    }
}

/// The calibration arms (`--calibration`, else the shared CSV next to the package) with the landmark
/// table applied (`--landmarks`, else `calibration/landmarks.csv` when the package has it).
enum CalibrationInputs {
    static func arms(calibration: String?, landmarks: String?, root: URL?) throws -> [CalibrationArm] {
        let csvPath: String
        if let calibration { csvPath = calibration } else if let root,
            FileManager.default.fileExists(atPath: root.appendingPathComponent("../shared/calibration/monotherapy_arms.csv").path) {
            csvPath = root.appendingPathComponent("../shared/calibration/monotherapy_arms.csv").standardizedFileURL.path
        } else {
            throw ValidationError("no calibration file found next to the package; give --calibration PATH")
        }
        var arms = try CalibrationCSV.read(path: csvPath)
        let landmarkPath = landmarks ?? root.map { $0.appendingPathComponent("calibration/landmarks.csv").path }
        if let landmarkPath, landmarks != nil || FileManager.default.fileExists(atPath: landmarkPath) {
            arms = try LandmarkTable.apply(path: landmarkPath, to: arms)
        }
        return arms
    }
}
