import ArgumentParser
import Foundation
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
        for (option, value) in [("--patients", patients), ("--toxicity-patients", toxicityPatients), ("--final-patients", finalPatients)] {
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
        guard output == nil || write else { throw ValidationError("--output needs --write") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let began = Date()
        let root = Self.packageRoot()
        let csvPath: String
        if let calibration { csvPath = calibration } else if let root,
            FileManager.default.fileExists(atPath: root.appendingPathComponent("../shared/calibration/monotherapy_arms.csv").path) {
            csvPath = root.appendingPathComponent("../shared/calibration/monotherapy_arms.csv").standardizedFileURL.path
        } else {
            throw ValidationError("no calibration file found next to the package; give --calibration PATH")
        }
        let arms = try CalibrationCSV.read(path: csvPath)
        let plan = CalibrationPlan(arms: arms, tumors: tumor.isEmpty ? nil : Set(tumor))
        for s in plan.skipped { note("skip line \(s.arm.line) (\(s.arm.trial), \(s.arm.tumor), \(s.arm.regimen)): \(s.reason)") }
        for a in arms { if let reason = a.selectionReconciled { note("line \(a.line) (\(a.trial), \(a.tumor), \(a.regimen)): \(reason)") } }
        let tumors = plan.tumorsByArmCount
        note("\(plan.arms.values.reduce(0) { $0 + $1.count }) usable arms in \(tumors.count) tumour types: \(tumors.map { "\($0) (\(plan.armCount($0)))" }.joined(separator: ", "))")

        let existing = try populationData.file()
        if replace && Self.packageRoot() == nil {
            throw ValidationError("--replace needs to run inside the package (no Package.swift found above the current directory)")
        }
        let fitting = iterations > 0 && !toxicityOnly
        let fitToxicity = (fitting || toxicityOnly) && (toxicityIterations > 0 || !toxicityDrug.isEmpty)
        // The toxicity fit starts from the shipped global scales (a starting point only; without
        // --warm-start the per-drug factors start at 1).
        var scales = existing.toxicity ?? ToxicityParameterization.identity
        if fitToxicity && !warmStart && !toxicityOnly { scales.drugScales = nil }
        var calibrator = PopulationCalibrator(plan: plan, simulator: CalibrationSimulator(patients: patients, seed: seed),
                                              tumorEvaluations: iterations, toxicityEvaluations: toxicityIterations, seed: seed)
        calibrator.toxicitySimulator = CalibrationSimulator(patients: toxicityPatients, seed: seed)
        calibrator.rounds = rounds
        calibrator.populationSearch = populationSearch
        calibrator.deadline = began.addingTimeInterval(maxMinutes * 60)
        calibrator.log = { note($0) }
        calibrator.onEvaluation = { note(CalibrationProgressLine.text($0)) }
        if !toxicityDrug.isEmpty {
            let fitted = calibrator.drugToxicityArms().map(\.drug)
            for d in toxicityDrug where !fitted.contains(d) {
                throw ValidationError("--toxicity-drug \(d): no arm in the calibration CSV fits its factor; drugs with one: \(fitted.joined(separator: ", "))")
            }
            calibrator.toxicityDrugs = Set(toxicityDrug)
        }

        var fits: [TumorFit] = []
        var models: [String: PopulationModel] = [:]
        for t in tumors {
            let standard = PopulationModel.standard(for: try TumorType.named(t))
            models[t] = existing.model(for: t) ?? standard
        }
        var notFitted: [String] = []
        if fitting {
            // Time budget: 75 % of --max-minutes for the tumour fits (25 % left for toxicity), shared
            // between tumour types in proportion to their arms, unused time passing on to the next.
            let tumourPhaseEnd = began.addingTimeInterval(maxMinutes * 60 * (fitToxicity ? 0.75 : 1))
            var remainingArms = tumors.reduce(0) { $0 + plan.armCount($1) }
            for t in tumors {
                let share = Double(plan.armCount(t)) / Double(max(remainingArms, 1))
                remainingArms -= plan.armCount(t)
                let left = tumourPhaseEnd.timeIntervalSinceNow
                if left <= 0 { notFitted.append(t); continue }
                calibrator.deadline = Date().addingTimeInterval(left * share)
                let fit = try calibrator.fitTumor(t, toxicity: scales, warmStart: warmStart ? existing.model(for: t) : nil)
                fits.append(fit)
                models[t] = fit.model
            }
            if !notFitted.isEmpty { note("time budget reached; not fitted: \(notFitted.joined(separator: ", "))") }
        } else {
            notFitted = tumors
        }
        var toxicityFit: ToxicityFit?
        calibrator.deadline = began.addingTimeInterval(maxMinutes * 60)
        if fitToxicity {
            var fit = try calibrator.fitToxicity(models: models, start: scales)
            scales = fit.scales
            if !noIdentifiability {
                note("identifiability: toxicity scales")
                calibrator.deadline = nil
                fit.identifiability = try calibrator.identifiability(of: fit, models: models)
            }
            toxicityFit = fit
        }
        calibrator.deadline = nil
        if !noIdentifiability {
            for i in fits.indices {
                note("identifiability: \(fits[i].tumor)")
                fits[i].identifiability = try calibrator.identifiability(of: fits[i], toxicity: scales)
            }
        }

        // Residuals of the final populations on `finalPatients` patients of population seed `s`.
        func residuals(seed s: UInt64, models: [String: PopulationModel], toxicity: CalibratedPopulations.ToxicityCalibration) throws -> CalibrationReport {
            let simulator = CalibrationSimulator(patients: finalPatients, seed: s)
            var rows: [CalibrationReport.Row] = []
            for t in tumors.sorted() {
                guard let group = plan.arms[t], let model = models[t] else { continue }
                rows += zip(group, try simulator.simulate(group, model: model, toxicity: toxicity)).map { CalibrationReport.Row(arm: $0, fitted: $1) }
            }
            rows.sort { $0.arm.line < $1.arm.line }
            return CalibrationReport(rows: rows, skipped: plan.skipped, simulatedPatients: finalPatients)
        }
        note("final residuals with \(finalPatients) patients per arm")
        let report = try residuals(seed: seed, models: models, toxicity: scales)
        print(report.textTable)
        print(report.summary)
        // The same populations on patients the fit never saw: the pass rates a new run can expect.
        var holdouts: [(seed: UInt64, report: CalibrationReport)] = []
        for k in 0..<UInt64(holdoutSeeds) {
            let s = seed &+ 1 &+ k
            note("residuals on held-out patients (seed \(s))")
            let report = try residuals(seed: s, models: models, toxicity: scales)
            print("held-out patients (seed \(s)):\n" + report.summary)
            holdouts.append((s, report))
        }
        let runtime = Date().timeIntervalSince(began)
        print("runtime \(Int(runtime)) s")

        guard write || replace else { return }
        // Nothing refitted: the data file stays as it is (same version); only the page is rewritten.
        let evaluationOnly = fits.isEmpty && toxicityFit == nil
        let version = existing.version + (evaluationOnly ? 0 : 1)
        let stamp = ISO8601DateFormatter().string(from: began)
        let command = (["blockade"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        let refitted = Set(fits.map(\.tumor))
        let file = CalibratedPopulations.File(
            version: version, createdBy: "\(command) (seed \(seed), \(toxicityOnly ? toxicityPatients : patients) patients per evaluation, \(stamp))",
            populations: (existing.populations.filter { !refitted.contains($0.tumor) } + fits.map(\.model)).sorted { $0.tumor < $1.tumor },
            toxicity: scales)
        if write && !evaluationOnly {
            let path = output ?? "populations-v\(version).json"
            try OutputPath.writing(path) { try CalibratedPopulations.write(file, to: URL(fileURLWithPath: path)) }
            note("wrote \(path) (version \(version)); use it with --populations \(path)")
        }
        guard replace, let root = Self.packageRoot() else { return }
        let dataPath = root.appendingPathComponent("Sources/Trials/Resources/populations.json")
        if !evaluationOnly {
            note("the shipped populations (version \(existing.version)) on the same patients, for comparison")
            let shippedModels = Dictionary(uniqueKeysWithValues: tumors.map { t in
                (t, existing.model(for: t) ?? PopulationModel.standard(for: (try? TumorType.named(t)) ?? TumorType.catalogue[0])) })
            let shippedReport = try residuals(seed: seed, models: shippedModels, toxicity: existing.toxicity ?? ToxicityParameterization.identity)
            print("shipped version \(existing.version):\n" + shippedReport.summary)
            print("new version \(version):\n" + report.summary)
            try OutputPath.writing(dataPath.path) { try CalibratedPopulations.write(file, to: dataPath) }
        }
        // Populations kept from the data file are listed with their parameters too.
        let kept = try notFitted.compactMap { t in try existing.model(for: t).map { try calibrator.keptFit(t, model: $0) } }
        let keptTumors = Set(kept.map(\.tumor))
        var doc = CalibrationDocument(command: command, date: stamp, csvPath: "calibration/monotherapy_arms.csv", seed: seed,
                                      fitPatients: patients, finalPatients: finalPatients, version: version, fits: fits + kept,
                                      notFitted: notFitted.filter { !keptTumors.contains($0) }, toxicity: toxicityFit,
                                      toxicityScales: scales, report: report, runtimeSeconds: runtime)
        doc.keptVersion = existing.version
        doc.holdouts = holdouts
        if warmStart { doc.warmStartVersion = existing.version }
        if evaluationOnly { doc.evaluatedFileCreatedBy = existing.createdBy }
        let docPath = root.appendingPathComponent("docs/CALIBRATION.md")
        try OutputPath.write(Data(doc.markdown.utf8), to: docPath.path)
        note(evaluationOnly ? "nothing refitted: wrote \(docPath.path) for data file version \(version) (unchanged)"
                            : "replaced \(dataPath.path) (version \(version)) and wrote \(docPath.path); rebuild to ship the new populations")
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
private func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

extension PopulationCalibrator.PopulationSearch: ExpressibleByArgument {}
