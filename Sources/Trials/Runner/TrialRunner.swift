import Dispatch
import Foundation
import Reactions
import TumorImmune

/// What a virtual trial runs.
public struct TrialConfiguration: Sendable, Codable, Equatable {
    public var tumor: String
    public var selection: String?
    /// Regimens exactly as given to `--arm`.
    public var arms: [String]
    /// Number of selected patients (the same patients in every arm).
    public var patients: Int
    public var seed: UInt64
    /// Follow-up from the first dose, days.
    public var horizonDays: Double = 730
    /// Days between RECIST scans.
    public var scanIntervalDays: Double = 56
    /// Counterfactual mechanism attribution for every resistant patient (10 extra courses each).
    public var attribution: Bool = true
    /// Simulate adverse events and their management.
    public var toxicity: Bool = true
    /// Scales of the adverse-event model (nil: defaults, or the calibrated file's when run from the CLI).
    public var toxicityCalibration: CalibratedPopulations.ToxicityCalibration?
    /// Line of therapy of the patients (nil: first line, the population as fitted).
    public var therapyLine: TherapyLine?

    public init(tumor: String, selection: String?, arms: [String], patients: Int, seed: UInt64) {
        self.tumor = tumor; self.selection = selection; self.arms = arms; self.patients = patients; self.seed = seed
    }
}

/// Runs a virtual trial: a paired design (every selected patient in every arm), each patient's
/// course simulated cycle by cycle with RECIST scans, adverse events and their management, and
/// kept only as a ``PatientOutcome`` summary (memory grows with patients, not with time points).
///
/// Patients are independent, so they are simulated in parallel on all cores; results are stored by
/// patient position, so the output does not depend on scheduling.
public struct TrialRunner: Sendable {
    public var configuration: TrialConfiguration
    public var population: VirtualPopulation
    public var selection: Selection?
    /// Measures PD-L1 for a selection that reads it (nil otherwise).
    public let assay: PDL1Assay?
    let regimens: [Regimen]
    let tumor: TumorType
    let simulator: Simulator
    /// Trial entry (the untreated run-in and the growing-tumour check).
    public let enrollment: Enrollment
    /// Stop counterfactual courses once their verdict is decided (false: full courses; the result
    /// is the same, checked by a test).
    var counterfactualsStopEarly = true

    /// Prepares a trial; checks the tumour, selection and every arm's regimen.
    /// - Parameters:
    ///   - configuration: what the trial runs; its `arms` are parsed as regimen strings unless
    ///     `regimens` is given.
    ///   - regimens: arms already built (e.g. a scenario's custom doses and schedules, resolved for
    ///     the configuration's tumour type); they replace `configuration.arms`, which become their
    ///     names (what the output echoes).
    ///   - populationModel: the population patients are drawn from (nil: the tumour type's standard one).
    public init(configuration: TrialConfiguration, regimens: [Regimen]? = nil, populationModel: PopulationModel? = nil) throws {
        guard configuration.patients > 0 else {
            throw BlockadeError.invalidValue(name: "--patients", value: Double(configuration.patients), expected: "a positive number of patients")
        }
        var configuration = configuration
        if let regimens { configuration.arms = regimens.map(\.name) }
        guard !configuration.arms.isEmpty else { throw BlockadeError.invalidArgument("a trial needs at least one --arm") }
        self.configuration = configuration
        tumor = try TumorType.named(configuration.tumor)
        let model = (populationModel ?? PopulationModel.standard(for: tumor)).forLine(configuration.therapyLine)
        population = VirtualPopulation(model: model, tumor: tumor, seed: configuration.seed)
        selection = try configuration.selection.map { text throws(SelectionError) in try Selection(parsing: text) }
        let tumorID = configuration.tumor
        self.regimens = try regimens ?? configuration.arms.map { arm throws(BlockadeError) in try Regimen(parsing: arm, tumor: tumorID) }
        var settings = SimulationSettings()
        settings.days = configuration.horizonDays
        settings.rules.scanIntervalDays = configuration.scanIntervalDays
        simulator = Simulator(settings: settings)
        let control = try simulator.compile(patient: Patient(typical: tumor), regimen: Regimen(parsing: "placebo"))
        enrollment = Enrollment(population: population, simulator: simulator, control: control)
        assay = selection?.readsPDL1 == true ? try PDL1Assay(enrollment: enrollment) : nil
    }

    /// Patient `index` as enrolled (``Enrollment``), with every biomarker the selection reads
    /// (PD-L1 measured at baseline when it reads PD-L1), and its baseline state.
    func enrolled(_ index: Int) throws -> (vp: VirtualPatient, baseline: [Double]) {
        let (vp, baseline) = try enrollment.patient(index)
        return (assay.map { $0.measured(vp, baseline: baseline) } ?? vp, baseline)
    }

    /// Patient `index` as enrolled, with every biomarker the selection reads.
    public func patient(_ index: Int) throws -> VirtualPatient { try enrolled(index).vp }

    /// Population indices of selected patients number `range` (0-based among selected patients).
    /// Candidates are screened in parallel blocks; the result is the same as screening one patient
    /// after another. Without a selection, patient `k` is population index `k`.
    /// - Parameter screened: called after each block with the candidates screened and how many of the
    ///   patients in `range` were found so far.
    /// - Throws: when the selection matches too rarely to find the patients (fewer than 1 in 10,000).
    public func selectedIndices(_ range: Range<Int>, screened: ((_ screened: Int, _ selected: Int) -> Void)? = nil) throws -> [Int] {
        guard let selection else { return Array(range) }
        var found: [Int] = []
        var matched = 0, start = 0
        // Candidates are enrolled (a run-in each) before their biomarkers are read.
        let block = 512
        while matched < range.upperBound {
            let first = start
            let matches = try parallelMap(count: block) { k in selection.matches(try patient(first + k).biomarkers) }
            for (k, match) in matches.enumerated() where match && matched < range.upperBound {
                if matched >= range.lowerBound { found.append(start + k) }
                matched += 1
            }
            start += block
            screened?(start, max(0, matched - range.lowerBound))
            if start > 10_000 * (matched + 1) {
                throw BlockadeError.invalidArgument("selection '\(selection.text)' matches almost no \(tumor.id) patients (\(matched) in \(start)); check the thresholds")
            }
        }
        return found
    }

    /// Simulates selected patients number `range` in every arm.
    /// - Parameters:
    ///   - progress: called with the number of finished patients (from any thread).
    ///   - screening: called while a selection is screened (``selectedIndices(_:screened:)``).
    public func run(patients range: Range<Int>, progress: (@Sendable (Int) -> Void)? = nil,
                    screening: ((_ screened: Int, _ selected: Int) -> Void)? = nil) throws -> [ArmOutcomes] {
        let indices = try selectedIndices(range, screened: screening)
        let models = try regimens.map { regimen in
            var model = try simulator.compile(patient: Patient(typical: tumor), regimen: regimen)
            applySensitivity(to: &model)
            return model
        }
        var course = CourseSettings()
        course.horizonDays = configuration.horizonDays
        course.followUpAfterProgressionDays = PopulationModel.followUpAfterProgressionDays
        course.rules = simulator.settings.rules
        course.toxicityEnabled = configuration.toxicity
        if let scales = configuration.toxicityCalibration { course.toxicity = scales.apply(to: course.toxicity) }
        let courseSettings = course
        let armCount = regimens.count
        let results = UnsafeMutableBufferPointer<PatientOutcome?>.allocate(capacity: indices.count * armCount)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        let failures = Counter(), done = Counter()
        let work: @Sendable (Int) -> Void = { position in
            do {
                let (vp, baseline) = try enrolled(indices[position])
                let outcomes = try simulatePatient(vp, baseline: baseline, models: models, course: courseSettings)
                for (arm, outcome) in outcomes.enumerated() { slots[position * armCount + arm] = outcome }
            } catch {
                failures.increment()
            }
            progress?(done.increment())
        }
        if indices.count > 1 {
            DispatchQueue.concurrentPerform(iterations: indices.count, execute: work)
        } else {
            for position in indices.indices { work(position) }
        }
        guard failures.value == 0 else {
            throw BlockadeError.invalidArgument("\(failures.value) patient simulations failed (solver could not integrate); no results written")
        }
        return regimens.indices.map { arm in
            ArmOutcomes(regimen: configuration.arms[arm],
                        outcomes: indices.indices.compactMap { results[$0 * armCount + arm] })
        }
    }

    /// Scales the maximal direct anti-tumour effects of each drug by the population's sensitivity.
    func applySensitivity(to model: inout CompiledNetwork<TumorImmuneNetwork>) {
        model.scaleDirectEffects { population.model.directSensitivity(of: $0) }
    }

    /// One patient in every arm, from one shared baseline `core` (the end of the untreated run-in).
    func simulatePatient(_ vp: VirtualPatient, baseline core: [Double], models: [CompiledNetwork<TumorImmuneNetwork>],
                         course: CourseSettings) throws -> [PatientOutcome] {
        var course = course
        course.toxicity.immuneSusceptibility = course.toxicity.susceptibility(normal: vp.immuneToxicityNormal)
        var outcomes: [PatientOutcome] = []
        for template in models {
            var model = template.with(vp.patient)
            if vp.directDrugSensitivity != 1 { model.scaleDirectEffects { _ in vp.directDrugSensitivity } }
            let baseline = model.treatmentStart(from: core)
            var random = Self.courseRandom(seed: configuration.seed, patient: vp.index)
            let result = simulator.course(model: model, baseline: baseline, patient: vp.patient, settings: course, random: &random)
            var drivers: [Mechanism] = []
            let r = result.recist
            if configuration.attribution && (r.isPrimaryResistance || r.isAcquiredResistance) {
                drivers = attribute(model: model, baseline: baseline, patient: vp.patient, factual: r, course: course)
            }
            outcomes.append(PatientOutcome(vp: vp, result: result, drivers: drivers, horizonDays: course.horizonDays,
                                           lethalDiameterMM: course.lethalDiameterMM))
        }
        return outcomes
    }

    /// The random numbers of one patient's course (toxicity draws). They depend on the seed and the
    /// patient only, not on the arm: every arm of a paired trial starts from the same stream (common
    /// random numbers, so arm differences come from the treatment, not the draws), and an arm gives the
    /// same result whether it is simulated alone or beside others, in any order. The stream is the
    /// one the first arm drew when streams were per arm (the constant was that arm's mix).
    static func courseRandom(seed: UInt64, patient: Int) -> CourseRandom {
        CourseRandom(seed: seed ^ (UInt64(patient) &* 0x9E37_79B9_7F4A_7C15) ^ 0xC2B2_AE3D_27D4_EB4F)
    }

    /// Mechanisms whose removal alone reverses this patient's resistance (courses without toxicity).
    func attribute(model: CompiledNetwork<TumorImmuneNetwork>, baseline: [Double], patient: Patient, factual: RecistAssessment,
                   course: CourseSettings) -> [Mechanism] {
        var quiet = course
        quiet.toxicityEnabled = false
        // Each counterfactual stops once its verdict is decided (the output is unchanged; a test
        // compares with full courses): at progression, and for acquired resistance when it has
        // outlived the factual progression by the meaningful delay.
        quiet.stopAtProgression = counterfactualsStopEarly
        if counterfactualsStopEarly, factual.isAcquiredResistance, let progression = factual.progressionDay {
            quiet.horizonDays = min(quiet.horizonDays, progression + Simulator.meaningfulDelayDays)
        }
        return simulator.counterfactuals(model: model, baseline: baseline, patient: patient, factual: factual) { cf, start in
            var random = CourseRandom(seed: 0)
            return simulator.course(model: cf, baseline: start, patient: patient, settings: quiet, random: &random).recist
        }.filter(\.drivesResistance).map(\.mechanism)
    }
}

extension PatientOutcome {
    /// The trial summary of one course. Overall survival is progression-free survival plus the
    /// patient's survival after progression (``VirtualPatient/postProgressionMonths``; Broglio &
    /// Berry 2009 doi:10.1093/jnci/djp369 partition OS so), or the day of an earlier death, censored
    /// at `horizonDays`.
    init(vp: VirtualPatient, result: CourseResult, drivers: [Mechanism], horizonDays: Double, lethalDiameterMM: Double) {
        let r = result.recist
        let base = result.scanDiameters.first ?? 1
        let changes = result.scanDiameters.map { 100 * ($0 / base - 1) }
        let resistance: ResistanceKind = r.isPrimaryResistance ? .primary : (r.isAcquiredResistance ? .acquired : .none)
        let pfsEnd = min(r.progressionDay ?? result.followUpDays, result.deathDay ?? .infinity)
        let afterProgression = r.progressionDay.map { _ in
            vp.postProgressionMonths * TrialSummary.daysPerMonth
                * PopulationModel.burdenFactor(progressionDiameterMM: result.scanDiameters.last ?? vp.progressionReferenceMM,
                                               referenceMM: vp.progressionReferenceMM, lethalDiameterMM: lethalDiameterMM)
        }
        let death = min(result.deathDay ?? .infinity, r.progressionDay.map { $0 + (afterProgression ?? 0) } ?? .infinity)
        self.init(patient: vp.index, bestResponse: r.bestOverallResponse, responseOnsetDay: r.responseOnsetDay,
                  pfsDays: pfsEnd, progressed: r.progressionDay != nil || result.deathDay != nil,
                  osDays: min(death, horizonDays), died: death <= horizonDays,
                  bestPercentChange: changes.dropFirst().min() ?? 0,
                  scanDays: Array(result.scanDays.dropFirst()), scanPercentChange: Array(changes.dropFirst()),
                  treatmentEndDay: result.treatmentEndDay, resistance: resistance, drivingMechanisms: drivers,
                  adverseEvents: result.adverseEvents.map { AdverseEvent(organ: $0.organ.rawValue, grade: $0.grade, day: $0.day) },
                  grade3PlusAdverseEvent: result.adverseEvents.contains { $0.grade >= 3 },
                  discontinuedForToxicity: result.discontinuedForToxicity)
        self.postProgressionDays = afterProgression
        self.otherDeathDay = result.deathDay
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    @discardableResult func increment() -> Int { lock.lock(); defer { lock.unlock() }; count += 1; return count }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
