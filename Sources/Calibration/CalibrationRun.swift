import Foundation
import Trials
import TumorImmune

/// One calibration from start to finish, as `blockade calibrate` runs it (and a server or script
/// can): the population fit per tumour type within a time budget, the toxicity fit, the
/// identifiability scans, the residuals on the fit patients and on held-out patients, and the new
/// data file and calibration page. Printing and writing files are left to the caller.
public struct CalibrationRun {
    /// What to fit and how hard to try.
    public struct Options: Sendable {
        /// Virtual patients per arm in each evaluation of the population fit.
        public var patients = 150
        /// Virtual patients per arm in each evaluation of the toxicity fit.
        public var toxicityPatients = 100
        /// Virtual patients per arm of the final residual table.
        public var finalPatients = 300
        /// Population seed of the fit (held-out seeds follow it).
        public var seed: UInt64 = 1
        /// Population-parameter evaluations per tumour type (0: evaluate only).
        public var iterations = 40
        /// Rounds alternating drug sensitivities and population parameters.
        public var rounds = 2
        public var populationSearch: PopulationCalibrator.PopulationSearch = .simplex
        /// Objective evaluations of the global toxicity scales (0: keep them).
        public var toxicityIterations = 30
        /// Time budget, minutes: 75 % for the tumour fits when toxicity is also fitted.
        public var maxMinutes = 25.0
        /// Start from the current populations and scales instead of the standard ones.
        public var warmStart = false
        /// Keep the populations; refit only the toxicity parameters.
        public var toxicityOnly = false
        /// With `toxicityOnly`: refit only these drugs' factors.
        public var toxicityDrugs: [String] = []
        /// Population seeds after `seed` on which the result is also evaluated.
        public var holdoutSeeds = 3
        /// Run the ±20 % identifiability scans.
        public var identifiability = true
        /// Keep the populations and toxicity parameters; refit only survival after progression.
        public var survivalOnly = false
        /// Virtual patients per arm of the survival fit (simulated once per tumour type).
        public var survivalPatients = 400

        public init() {}

        /// Whether population parameters are fitted.
        public var fitsPopulations: Bool { iterations > 0 && !toxicityOnly }
        /// Whether toxicity parameters are fitted.
        public var fitsToxicity: Bool { (fitsPopulations || toxicityOnly) && (toxicityIterations > 0 || !toxicityDrugs.isEmpty) && !survivalOnly }
        /// Whether survival after progression is fitted (after any population fit, or alone).
        public var fitsSurvival: Bool { survivalOnly || fitsPopulations }
    }

    /// What a run produced.
    public struct Outcome {
        public var fits: [TumorFit]
        /// Populations kept from the data file (not refitted), with their parameters.
        public var kept: [TumorFit]
        /// Tumour types neither fitted nor in the data file.
        public var notFitted: [String]
        public var toxicityFit: ToxicityFit?
        /// Survival after progression, per tumour type with OS targets (empty when not fitted).
        public var survivalFits: [SurvivalFit] = []
        /// The toxicity scales in force after the run.
        public var scales: CalibratedPopulations.ToxicityCalibration
        /// The population of every tumour type of the plan after the run.
        public var models: [String: PopulationModel]
        /// Residuals on the fit patients.
        public var report: CalibrationReport
        /// Residuals on held-out patients, per seed.
        public var holdouts: [(seed: UInt64, report: CalibrationReport)]
        public var began: Date
        public var runtimeSeconds: Double
        /// Nothing was refitted (the data file stays as it is).
        public var evaluationOnly: Bool { fits.isEmpty && toxicityFit == nil && survivalFits.isEmpty }
    }

    public var plan: CalibrationPlan
    public var options: Options
    /// The data file the run starts from and keeps what it does not refit.
    public var existing: CalibratedPopulations.File
    /// Progress messages (one line each).
    public var log: (String) -> Void = { _ in }
    /// One call per objective evaluation.
    public var onEvaluation: (CalibrationEvaluation) -> Void = { _ in }

    public init(plan: CalibrationPlan, options: Options, existing: CalibratedPopulations.File) {
        self.plan = plan; self.options = options; self.existing = existing
    }

    /// Checks the options against the plan before any simulation.
    /// - Throws: ``CalibrationRunError`` naming a drug whose toxicity factor no arm fits.
    public func validate() throws {
        guard !options.toxicityDrugs.isEmpty else { return }
        let fitted = calibrator().drugToxicityArms().map(\.drug)
        for d in options.toxicityDrugs where !fitted.contains(d) {
            throw CalibrationRunError("--toxicity-drug \(d): no arm in the calibration CSV fits its factor; drugs with one: \(fitted.joined(separator: ", "))")
        }
    }

    func calibrator() -> PopulationCalibrator {
        var c = PopulationCalibrator(plan: plan, simulator: CalibrationSimulator(patients: options.patients, seed: options.seed),
                                     tumorEvaluations: options.iterations, toxicityEvaluations: options.toxicityIterations, seed: options.seed)
        c.toxicitySimulator = CalibrationSimulator(patients: options.toxicityPatients, seed: options.seed)
        c.rounds = options.rounds
        c.populationSearch = options.populationSearch
        c.log = log
        c.onEvaluation = onEvaluation
        if !options.toxicityDrugs.isEmpty { c.toxicityDrugs = Set(options.toxicityDrugs) }
        return c
    }

    /// Runs the fit and the residual tables.
    public func run() throws -> Outcome {
        let began = Date()
        let tumors = plan.tumorsByArmCount
        // The toxicity fit starts from the shipped global scales (a starting point only; without
        // warm start the per-drug factors start at 1).
        var scales = existing.toxicity ?? ToxicityParameterization.identity
        if options.fitsToxicity && !options.warmStart && !options.toxicityOnly { scales.drugScales = nil }
        var calibrator = calibrator()
        calibrator.deadline = began.addingTimeInterval(options.maxMinutes * 60)
        var models = try existingModels()
        var fits: [TumorFit] = []
        var notFitted: [String] = []
        if options.fitsPopulations && !options.survivalOnly {
            (fits, notFitted) = try fitTumors(tumors, calibrator: &calibrator, scales: scales, began: began, models: &models)
        } else {
            notFitted = tumors
        }
        var toxicityFit: ToxicityFit?
        calibrator.deadline = began.addingTimeInterval(options.maxMinutes * 60)
        if options.fitsToxicity {
            var fit = try calibrator.fitToxicity(models: models, start: scales)
            scales = fit.scales
            if options.identifiability {
                log("identifiability: toxicity scales")
                calibrator.deadline = nil
                fit.identifiability = try calibrator.identifiability(of: fit, models: models)
            }
            toxicityFit = fit
        }
        calibrator.deadline = nil
        var survivalFits: [SurvivalFit] = []
        if options.fitsSurvival {
            let survival = SurvivalCalibrator(patients: options.survivalPatients, seed: options.seed)
            for t in tumors {
                guard let model = models[t], let r = try survival.fit(t, arms: plan.arms[t] ?? [], model: model, toxicity: scales) else { continue }
                models[t] = r.model
                survivalFits.append(r.fit)
                log("survival after progression, \(t): median \(fmt(r.fit.months)) months\(r.fit.pretreatedScale.map { ", pretreated ×\(fmt($0))" } ?? ""), OS loss \(fmt(r.fit.startLoss)) → \(fmt(r.fit.loss)) on \(r.fit.arms.count) arms")
            }
        }
        if options.identifiability {
            for i in fits.indices {
                log("identifiability: \(fits[i].tumor)")
                fits[i].identifiability = try calibrator.identifiability(of: fits[i], toxicity: scales)
            }
        }
        log("final residuals with \(options.finalPatients) patients per arm")
        let report = try residuals(seed: options.seed, models: models, toxicity: scales)
        // The same populations on patients the fit never saw: the pass rates a new run can expect.
        var holdouts: [(seed: UInt64, report: CalibrationReport)] = []
        for k in 0..<UInt64(options.holdoutSeeds) {
            let s = options.seed &+ 1 &+ k
            log("residuals on held-out patients (seed \(s))")
            holdouts.append((s, try residuals(seed: s, models: models, toxicity: scales)))
        }
        let kept = try notFitted.compactMap { t in try existing.model(for: t).map { try calibrator.keptFit(t, model: models[t] ?? $0) } }
        let keptTumors = Set(kept.map(\.tumor))
        return Outcome(fits: fits, kept: kept, notFitted: notFitted.filter { !keptTumors.contains($0) }, toxicityFit: toxicityFit,
                       survivalFits: survivalFits, scales: scales, models: models, report: report, holdouts: holdouts, began: began,
                       runtimeSeconds: Date().timeIntervalSince(began))
    }

    /// Fits the tumour types in turn within 75 % of the budget (all of it without a toxicity fit),
    /// shared in proportion to their arms, unused time passing on to the next.
    private func fitTumors(_ tumors: [String], calibrator: inout PopulationCalibrator, scales: CalibratedPopulations.ToxicityCalibration,
                           began: Date, models: inout [String: PopulationModel]) throws -> (fits: [TumorFit], notFitted: [String]) {
        let phaseEnd = began.addingTimeInterval(options.maxMinutes * 60 * (options.fitsToxicity ? 0.75 : 1))
        var remainingArms = tumors.reduce(0) { $0 + plan.armCount($1) }
        var fits: [TumorFit] = [], notFitted: [String] = []
        for t in tumors {
            let share = Double(plan.armCount(t)) / Double(max(remainingArms, 1))
            remainingArms -= plan.armCount(t)
            let left = phaseEnd.timeIntervalSinceNow
            if left <= 0 { notFitted.append(t); continue }
            calibrator.deadline = Date().addingTimeInterval(left * share)
            let fit = try calibrator.fitTumor(t, toxicity: scales, warmStart: options.warmStart ? existing.model(for: t) : nil)
            fits.append(fit)
            models[t] = fit.model
        }
        if !notFitted.isEmpty { log("time budget reached; not fitted: \(notFitted.joined(separator: ", "))") }
        return (fits, notFitted)
    }

    /// Residuals of `models` on `finalPatients` patients of population seed `seed`.
    public func residuals(seed: UInt64, models: [String: PopulationModel],
                          toxicity: CalibratedPopulations.ToxicityCalibration) throws -> CalibrationReport {
        var simulator = CalibrationSimulator(patients: options.finalPatients, seed: seed)
        // Five years of follow-up, so that median OS is reached where the published one is.
        simulator.horizonDays = SurvivalCalibrator.horizonDays
        var rows: [CalibrationReport.Row] = []
        for t in plan.tumorsByArmCount.sorted() {
            guard let group = plan.arms[t], let model = models[t] else { continue }
            rows += zip(group, try simulator.simulate(group, model: model, toxicity: toxicity)).map { CalibrationReport.Row(arm: $0, fitted: $1) }
        }
        rows.sort { $0.arm.line < $1.arm.line }
        return CalibrationReport(rows: rows, skipped: plan.skipped, simulatedPatients: options.finalPatients)
    }

    /// The residuals of the data file the run started from, on the fit patients (to compare with a
    /// new fit before replacing it).
    public func existingResiduals() throws -> CalibrationReport {
        try residuals(seed: options.seed, models: existingModels(), toxicity: existing.toxicity ?? ToxicityParameterization.identity)
    }

    /// The starting population of every tumour type of the plan: the data file's, else the standard one.
    private func existingModels() throws -> [String: PopulationModel] {
        var models: [String: PopulationModel] = [:]
        for t in plan.tumorsByArmCount { models[t] = try existing.model(for: t) ?? PopulationModel.standard(for: TumorType.named(t)) }
        return models
    }

    /// The data file of `outcome`: the existing populations with the refitted ones replaced, the
    /// new toxicity scales, the next version. `command` is recorded in it.
    public func dataFile(_ outcome: Outcome, command: String) -> CalibratedPopulations.File {
        let version = existing.version + (outcome.evaluationOnly ? 0 : 1)
        let stamp = ISO8601DateFormatter().string(from: outcome.began)
        let refitted = Set(outcome.fits.map(\.tumor) + outcome.survivalFits.map(\.tumor))
        let perEvaluation = options.survivalOnly ? options.survivalPatients : (options.toxicityOnly ? options.toxicityPatients : options.patients)
        return CalibratedPopulations.File(
            version: version, createdBy: "\(command) (seed \(options.seed), \(perEvaluation) patients per evaluation, \(stamp))",
            populations: (existing.populations.filter { !refitted.contains($0.tumor) } + refitted.compactMap { outcome.models[$0] }).sorted { $0.tumor < $1.tumor },
            toxicity: outcome.scales)
    }

    /// The calibration page (`docs/CALIBRATION.md`) of `outcome`.
    public func document(_ outcome: Outcome, command: String) -> CalibrationDocument {
        var doc = CalibrationDocument(command: command, date: ISO8601DateFormatter().string(from: outcome.began),
                                      csvPath: "calibration/monotherapy_arms.csv", seed: options.seed,
                                      fitPatients: options.patients, finalPatients: options.finalPatients,
                                      version: existing.version + (outcome.evaluationOnly ? 0 : 1), fits: outcome.fits + outcome.kept,
                                      notFitted: outcome.notFitted, toxicity: outcome.toxicityFit,
                                      toxicityScales: outcome.scales, report: outcome.report, runtimeSeconds: outcome.runtimeSeconds)
        doc.keptVersion = existing.version
        doc.holdouts = outcome.holdouts
        doc.survivalFits = outcome.survivalFits
        if options.warmStart { doc.warmStartVersion = existing.version }
        if outcome.evaluationOnly { doc.evaluatedFileCreatedBy = existing.createdBy }
        return doc
    }
}

/// An option that cannot work with the calibration data, with what would.
public struct CalibrationRunError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
