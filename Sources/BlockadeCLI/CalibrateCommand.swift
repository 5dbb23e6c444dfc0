import ArgumentParser
import Foundation
import Calibration
import Trials
import TumorImmune

/// `blockade calibrate`: fit the virtual populations to the published monotherapy arms.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit virtual populations and toxicity scales to calibration/monotherapy_arms.csv.",
        discussion: """
        Per tumour type: a coarse scan of resistance offset × doubling-time scale, then rounds that \
        alternate a 1-D search of the sensitivity to each non-immune drug with arms in that tumour \
        type (on that drug's arms) and Nelder–Mead over the population parameters (resistance offset \
        on all mechanism logits, mechanism logit SD, doubling-time scale and spread); with \
        --population-search coordinate, a bounded 1-D search of each population parameter in turn \
        replaces Nelder–Mead (suited to --warm-start refinements, where the simplex has few \
        evaluations per parameter). Then four \
        global toxicity scales and the immune frailty on the G≥3 TRAE of ICI and chemotherapy arms, and \
        a toxicity factor per drug on its single-drug arms across tumour types (a drug never given alone, \
        such as bevacizumab, on the backbone arms where it is the only drug without a factor; never one \
        per combination). Arms that report grade ≥ 3 events of any attribution (CSV flag g3=allcause) \
        are compared with treatment-related events plus a background rate of events that treatment \
        does not cause, fitted on those arms; it never enters a trial's output. \
        The loss is a robust (Cauchy) penalty of errors in threshold units. Progress goes to standard \
        error, one line per evaluation: tumour type (or toxicity), evaluation k/n of the stage's budget \
        n (a search may stop earlier), its loss, and the time since the stage began. \
        Prints published vs fitted ORR, CR, median PFS and G≥3 TRAE for every arm with pass/fail \
        (ORR ±5 points, G≥3 ±5 points, mPFS ±30 %). With --write, writes the fitted populations as a \
        new versioned data file (--output, default ./populations-v<N>.json), usable at once with \
        `blockade trial --populations FILE`; the shipped file is never touched. With --replace, the \
        pass counts of the shipped and the new populations are printed side by side and the new file \
        replaces Sources/Trials/Resources/populations.json, with docs/CALIBRATION.md rewritten (rebuild \
        to ship it). --iterations 0 only evaluates the current populations; with --replace it \
        rewrites docs/CALIBRATION.md for them and leaves the data file as it is.

        Examples:
          blockade calibrate --tumor melanoma --iterations 40
          blockade calibrate --patients 150 --iterations 40 --write --output populations-new.json
          blockade trial --populations populations-new.json --tumor melanoma --arm nivolumab --patients 500
          blockade calibrate --iterations 0 --final-patients 400 --replace
          blockade calibrate --tumor melanoma --warm-start --patients 1000 --rounds 1 --population-search coordinate --toxicity-iterations 0
          blockade calibrate --toxicity-only --toxicity-drug pembrolizumab --toxicity-patients 1000 --rounds 1
        """)

    @Option(name: .long, help: "Calibration CSV (default: ../shared/calibration/monotherapy_arms.csv from the package root).")
    var calibration: String?

    @Option(name: .long, help: "Landmark table of 12-month PFS and 24-month OS, fitted with the other targets (default: calibration/landmarks.csv in the package).")
    var landmarks: String?

    @Option(name: .long, help: "Fit only this tumour type (repeat for several; default: all in the CSV, most arms first).")
    var tumor: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per arm in each evaluation.")
    var patients: Int = 150

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per arm in each evaluation of the toxicity fit. The standard error of a 15 % G≥3 rate is 3.6 points with 100 patients and 1.1 with 1,000; fits on a few hundred patients tune the factors to that seed's noise (the shipped factors of the checkpoint antibodies and of eight multi-arm drugs were fitted on 1,000; docs/TRIALS-ACCEPTANCE.md).")
    var toxicityPatients: Int = 100

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per arm for the final residual table.")
    var finalPatients: Int = 300

    @Option(name: .long, parsing: .unconditional, help: "Population seed, the same in every evaluation; 0 to 2⁶⁴ − 1 (default: 1).", transform: NumericArgument.seed)
    var seed: UInt64 = 1

    @Option(name: .long, parsing: .unconditional, help: "Nelder–Mead evaluations of the population parameters per tumour type, split over the rounds (0: evaluate the current populations only).")
    var iterations: Int = 40

    @Option(name: .long, parsing: .unconditional, help: "Rounds alternating drug sensitivities and population parameters.")
    var rounds: Int = 2

    @Option(name: .long, help: ArgumentHelp("How each round searches the population parameters: simplex (Nelder–Mead, --iterations split over the rounds) or coordinate (a bounded 1-D search of each parameter in turn, 8 evaluations each; suits --warm-start refinement).", valueName: "simplex|coordinate"))
    var populationSearch: PopulationCalibrator.PopulationSearch = .simplex

    @Option(name: .long, parsing: .unconditional, help: "Objective evaluations for the global toxicity scales (0: keep the current scales).")
    var toxicityIterations: Int = 30

    @Option(name: .long, parsing: .unconditional, help: "Stop optimising after this many minutes (best parameters so far are kept).")
    var maxMinutes: Double = 25

    @Flag(name: .long, help: "Start from the current calibrated populations and toxicity scales (refinement) instead of the standard ones.")
    var warmStart = false

    @Flag(name: .long, help: "Keep the current calibrated populations and refit only the toxicity parameters, starting from the current ones.")
    var toxicityOnly = false

    @Flag(name: .long, help: "Keep the current populations and toxicity parameters; refit only survival after progression (its median per tumour type, and the pretreated multiplier) on the median OS of the arms. Cheap: the courses are simulated once per tumour type.")
    var survivalOnly = false

    @Option(name: .long, parsing: .unconditional, help: "Virtual patients per arm of the survival-after-progression fit.")
    var survivalPatients: Int = 400

    @Option(name: .long, help: ArgumentHelp("With --toxicity-only: refit only this drug's toxicity factor on its arms (repeat for several); the global toxicity scales, frailty and background rate stay. Cheap enough for many --toxicity-patients.", valueName: "drug"))
    var toxicityDrug: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "Population seeds after --seed on which the final populations are also evaluated (held-out patients).")
    var holdoutSeeds: Int = 3

    @Flag(name: .long, help: "Skip the ±20 % identifiability scan.")
    var noIdentifiability = false

    @OptionGroup var populationData: PopulationDataOptions

    @Flag(name: .long, help: "Write the fitted populations to a new data file (--output); the shipped one is never touched.")
    var write = false

    @Option(name: .long, help: ArgumentHelp("With --write: the data file to write (default: ./populations-v<N>.json, N the new version).", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Print the shipped and the new pass counts side by side, then replace the shipped data file Sources/Trials/Resources/populations.json and rewrite docs/CALIBRATION.md (only the page when nothing is refitted; rebuild to ship it).")
    var replace = false

    func validate() throws {
        for (option, value) in [("--patients", patients), ("--toxicity-patients", toxicityPatients), ("--final-patients", finalPatients), ("--survival-patients", survivalPatients)] {
            guard value > 0 else { throw ValidationError("\(option) \(value): expected a positive number of patients") }
        }
        for (option, value) in [("--iterations", iterations), ("--toxicity-iterations", toxicityIterations), ("--holdout-seeds", holdoutSeeds)] {
            guard value >= 0 else { throw ValidationError("\(option) \(value): expected a number ≥ 0") }
        }
        guard rounds >= 1 else { throw ValidationError("--rounds \(rounds): expected a number ≥ 1") }
        guard maxMinutes.isFinite, maxMinutes > 0 else { throw ValidationError("--max-minutes \(maxMinutes): expected a positive number of minutes") }
        for t in tumor {
            do { _ = try TumorType.named(t) } catch { throw ValidationError("--tumor: \(error)") }
        }
        guard toxicityDrug.isEmpty || toxicityOnly else { throw ValidationError("--toxicity-drug needs --toxicity-only") }
        guard !(survivalOnly && toxicityOnly) else { throw ValidationError("--survival-only and --toxicity-only refit different parameters: give one") }
        guard output == nil || write else { throw ValidationError("--output needs --write") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let root = Self.packageRoot()
        if replace && root == nil {
            throw ValidationError("--replace needs to run inside the package (no Package.swift found above the current directory)")
        }
        let arms = try CalibrationInputs.arms(calibration: calibration, landmarks: landmarks, root: root)
        let plan = CalibrationPlan(arms: arms, tumors: tumor.isEmpty ? nil : Set(tumor))
        for s in plan.skipped { note("skip line \(s.arm.line) (\(s.arm.trial), \(s.arm.tumor), \(s.arm.regimen)): \(s.reason)") }
        for a in arms { if let reason = a.selectionReconciled { note("line \(a.line) (\(a.trial), \(a.tumor), \(a.regimen)): \(reason)") } }
        let tumors = plan.tumorsByArmCount
        note("\(plan.arms.values.reduce(0) { $0 + $1.count }) usable arms in \(tumors.count) tumour types: \(tumors.map { "\($0) (\(plan.armCount($0)))" }.joined(separator: ", "))")

        var calibration = CalibrationRun(plan: plan, options: options, existing: try populationData.file())
        calibration.log = { note($0) }
        calibration.onEvaluation = { note(CalibrationProgressLine.text($0)) }
        do { try calibration.validate() } catch let error as CalibrationRunError { throw ValidationError(error.description) }
        let outcome = try calibration.run()
        print(outcome.report.textTable)
        print(outcome.report.summary)
        for (seed, report) in outcome.holdouts { print("held-out patients (seed \(seed)):\n" + report.summary) }
        print("runtime \(Int(outcome.runtimeSeconds)) s")

        guard write || replace else { return }
        let command = (["blockade"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let file = calibration.dataFile(outcome, command: command)
        if write && !outcome.evaluationOnly {
            let path = output ?? "populations-v\(file.version).json"
            try OutputPath.writing(path) { try CalibratedPopulations.write(file, to: URL(fileURLWithPath: path)) }
            note("wrote \(path) (version \(file.version)); use it with --populations \(path)")
        }
        guard replace, let root else { return }
        let dataPath = root.appendingPathComponent("Sources/Trials/Resources/populations.json")
        if !outcome.evaluationOnly {
            note("the shipped populations (version \(calibration.existing.version)) on the same patients, for comparison")
            print("shipped version \(calibration.existing.version):\n" + (try calibration.existingResiduals()).summary)
            print("new version \(file.version):\n" + outcome.report.summary)
            try OutputPath.writing(dataPath.path) { try CalibratedPopulations.write(file, to: dataPath) }
        }
        let docPath = root.appendingPathComponent("docs/CALIBRATION.md")
        // The page covers every tumour type; a run restricted with --tumor would write a partial one.
        guard tumor.isEmpty else {
            note("replaced \(dataPath.path) (version \(file.version)); docs/CALIBRATION.md left as it is because --tumor restricted the run: "
                 + "rewrite it with `blockade calibrate --iterations 0 --final-patients \(finalPatients) --replace` after rebuilding")
            return
        }
        try OutputPath.write(Data(calibration.document(outcome, command: command).markdown.utf8), to: docPath.path)
        note(outcome.evaluationOnly ? "nothing refitted: wrote \(docPath.path) for data file version \(file.version) (unchanged)"
                                    : "replaced \(dataPath.path) (version \(file.version)) and wrote \(docPath.path); rebuild to ship the new populations")
    }

    /// The options as the library takes them.
    var options: CalibrationRun.Options {
        var o = CalibrationRun.Options()
        o.patients = patients; o.toxicityPatients = toxicityPatients; o.finalPatients = finalPatients
        o.seed = seed; o.iterations = iterations; o.rounds = rounds; o.populationSearch = populationSearch
        o.toxicityIterations = toxicityIterations; o.maxMinutes = maxMinutes; o.warmStart = warmStart
        o.toxicityOnly = toxicityOnly; o.toxicityDrugs = toxicityDrug; o.holdoutSeeds = holdoutSeeds
        o.survivalOnly = survivalOnly; o.survivalPatients = survivalPatients
        o.identifiability = !noIdentifiability
        return o
    }

    /// The nearest directory at or above the current one holding Package.swift.
    static func packageRoot() -> URL? {
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}

/// A progress line on standard error.
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

extension PopulationCalibrator.PopulationSearch: ExpressibleByArgument {}
