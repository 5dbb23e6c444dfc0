import Foundation
import Integrators
import Reactions

/// Settings of one simulation.
public struct SimulationSettings: Sendable {
    /// Days of treatment and follow-up simulated after baseline.
    public var days: Double = 365
    /// Untreated run-in before baseline, days: lets the immune state settle around the tumour.
    public var runInDays: Double = 120
    /// Spacing of the saved time series, days.
    public var outputIntervalDays: Double = 1
    public var rules = RecistRules()
    /// Solver settings: step size kept across dose events (doses are smooth perturbations for this
    /// model; the error controller rejects a step that is too long after one).
    public var solver: SolverOptions = {
        var o = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-6)
        o.keepStepSizeAfterEvents = true
        return o
    }()

    public init() {}
}

/// The trajectory and response of one patient under one regimen.
public struct SimulationResult: Sendable {
    public var regimen: Regimen
    public var patient: Patient
    /// Saved days (0 = baseline, first dose).
    public var days: [Double]
    /// Tumour diameter (mm) at each saved day.
    public var diameterMM: [Double]
    /// Viable cancer cells at each saved day.
    public var cancerCells: [Double]
    /// Effector CD8 T cells in the tumour at each saved day.
    public var effectorCD8: [Double]
    /// Exhausted CD8, Tregs, MDSCs, M2 macrophages in the tumour at each saved day.
    public var exhaustedCD8: [Double], tregs: [Double], mdscs: [Double], m2Macrophages: [Double]
    /// TIM-3/LAG-3/TIGIT expression level at each saved day.
    public var alternativeCheckpoints: [Double]
    /// Plasma concentration (µg/mL, released + encapsulated) per drug slot label at each saved day.
    public var plasmaConcentration: [(drug: String, values: [Double])]
    /// Administration days per slot label.
    public var doseDays: [(drug: String, days: [Double])]
    public var recist: RecistAssessment
    public var returnCode: ReturnCode
    public var statistics: SolverStatistics
    /// Every species at every saved day (row-major, `days.count × speciesIDs.count`).
    public var solution: Solution
    /// Species ids in state order (SBML ids of the exported model).
    public var speciesIDs: [String]
}

/// Runs the tumour–immune model for one patient and regimen.
///
/// A simulation is: an untreated run-in (``SimulationSettings/runInDays``) from a generic immune
/// state, a rescaling of the tumour's cellular contents to the patient's baseline diameter (ratios
/// kept), then treatment from day 0 with doses as exact bolus events, read by RECIST on the scan
/// schedule.
public struct Simulator: Sendable {
    public var settings: SimulationSettings

    public init(settings: SimulationSettings = SimulationSettings()) {
        self.settings = settings
    }

    /// A compiled model for `patient` and `regimen`, with the patient's parameters set.
    public func compile(patient: Patient, regimen: Regimen) throws -> CompiledNetwork<TumorImmuneNetwork> {
        try patient.validate()
        let network = TumorImmuneNetwork(slots: regimen.slots)
        return try CompiledNetwork(network).with(patient)
    }

    /// Days from a carried dose to the rise of anti-carrier immunity (Ishida 2006,
    /// doi:10.1016/j.ijpharm.2005.10.044: anti-PEG IgM peaks 5–7 days after a first injection).
    public static let antiCarrierDelayDays = 7.0

    /// Dose events of `regimen` over `[0, days)`, merged by day in slot order.
    ///
    /// Each therapy unit says what its doses do (``PharmacokineticDrug``, ``OncolyticVirus``,
    /// ``CellTherapy``, ``Radiotherapy``); events on the same day keep slot order.
    public func doseEvents(model: CompiledNetwork<TumorImmuneNetwork>, days: Double) -> [ScheduledEvent] {
        var byDay: [Double: [StateChange]] = [:]
        for (therapy, slot) in zip(model.network.therapies, model.network.slots) {
            therapy.unit.addDoseEvents(slot, days: days, parameters: model.parameterValues, to: &byDay)
        }
        return byDay.keys.sorted().map { day in ScheduledEvent(time: day, changes: byDay[day] ?? []) }
    }

    /// The patient's state at baseline (day 0, before the first dose).
    public func baselineState(model: CompiledNetwork<TumorImmuneNetwork>, patient: Patient) throws -> [Double] {
        var solver = Tsit5()
        var state = Array(model.initialState)
        let run = solver.solve(model, initialState: state, from: 0, to: settings.runInDays,
                               saveAt: [settings.runInDays], events: [], options: settings.solver)
        guard run.returnCode == .success, run.times.count == 1 else {
            throw BlockadeError.solverFailure(code: run.returnCode.rawValue, time: run.finalTime)
        }
        state = Array(run.state(at: 0))
        // Rescale the tumour's cells so the lesion has the patient's baseline diameter.
        let volumeNow = model.observe(t: 0, y: state)[TumorImmuneNetwork.Readout.tumourVolume.rawValue]
        let target = Double.pi / 6 * pow(patient.baselineDiameterMM, 3) * 1e-6
        let scale = target / volumeNow
        for s in [S.cancerPositive, .cancerLoss, .dead, .effector, .exhausted, .treg, .mdsc, .m1, .m2] {
            state[s.rawValue] *= scale
        }
        // Pre-existing antigen-loss subclone: a neutral variant arising at rate μ per division is
        // present at about μ × (divisions since the last clonal sweep) of the cells; 30 divisions
        // (≈ 10⁹ cells from one) is an assumption.
        let cancer = state[S.cancerPositive.rawValue] + state[S.cancerLoss.rawValue]
        let lossFraction = 30 * model.parameterValues[P.mutationToLoss.rawValue] * patient.mechanisms[.acquiredAntigenLoss]
        state[S.cancerLoss.rawValue] = cancer * lossFraction
        state[S.cancerPositive.rawValue] = cancer * (1 - lossFraction)
        return state
    }

    /// Tumour volume after `days` without treatment over the volume at baseline, for a no-drug
    /// model `model` (patient parameters set) started from `baseline` (trial entry checks that the
    /// untreated tumour grows). Here rather than in the Trials module so that the solver is
    /// specialised for this network (called generically from another module, trials ran 13 times
    /// slower: 1,000 × 2 melanoma arms in 10.4 s against 0.79 s).
    public func untreatedVolumeRatio(model: CompiledNetwork<TumorImmuneNetwork>, baseline: [Double], days: Double) throws -> Double {
        var solver = Tsit5()
        let run = solver.solve(model, initialState: baseline, from: 0, to: days, saveAt: [days], events: [], options: settings.solver)
        guard run.returnCode == .success, run.times.count == 1 else {
            throw BlockadeError.solverFailure(code: run.returnCode.rawValue, time: run.finalTime)
        }
        let volume = TumorImmuneNetwork.Readout.tumourVolume.rawValue
        let before = model.observe(t: 0, y: baseline)[volume]
        return model.observe(t: days, y: Array(run.state(at: 0)))[volume] / max(before, 1e-300)
    }

    /// Simulates `patient` under `regimen` and reads the response.
    /// - Throws: ``BlockadeError`` for invalid input or a solver failure (with its return code).
    public func run(patient: Patient, regimen: Regimen) throws -> SimulationResult {
        let model = try compile(patient: patient, regimen: regimen)
        let y0 = try baselineState(model: model, patient: patient)
        return try treat(model: model, baseline: y0, patient: patient, regimen: regimen)
    }

    /// Simulates treatment from a given baseline state with a compiled model.
    public func treat(model: CompiledNetwork<TumorImmuneNetwork>, baseline y0: [Double], patient: Patient,
                      regimen: Regimen) throws -> SimulationResult {
        let days = settings.days
        let step = settings.outputIntervalDays
        var saveAt = Array(stride(from: 0.0, through: days, by: step)) + [days]
        let scans = settings.rules.scanDays(horizon: days)
        saveAt = Array(Set(saveAt + scans)).sorted()
        var solver = Tsit5()
        let events = doseEvents(model: model, days: days)
        let solution = solver.solve(model, initialState: y0, from: 0, to: days, saveAt: saveAt,
                                    events: events, options: settings.solver)
        guard solution.returnCode == .success else {
            throw BlockadeError.solverFailure(code: solution.returnCode.rawValue, time: solution.finalTime)
        }
        let n = solution.times.count
        var diam = [Double](repeating: 0, count: n), cells = diam, eff = diam, exh = diam
        var treg = diam, mdsc = diam, m2 = diam, alt = diam
        let pkSlots = model.network.plasmaObservables
        let diameterIndex = TumorImmuneNetwork.Readout.tumourDiameter.rawValue, cellsIndex = TumorImmuneNetwork.Readout.cancerCells.rawValue
        var plasma = Array(repeating: diam, count: pkSlots.count)
        var o = [Double](repeating: 0, count: model.observableCount)
        let d = model.dimension
        solution.states.withUnsafeBufferPointer { all in
            o.withUnsafeMutableBufferPointer { o in
                for i in 0..<n {
                    let y = UnsafeBufferPointer(rebasing: all[(i * d)..<((i + 1) * d)])
                    model.observe(t: solution.times[i], y: y, into: o)
                    diam[i] = o[diameterIndex]; cells[i] = o[cellsIndex]
                    eff[i] = y[S.effector.rawValue]; exh[i] = y[S.exhausted.rawValue]
                    treg[i] = y[S.treg.rawValue]; mdsc[i] = y[S.mdsc.rawValue]; m2[i] = y[S.m2.rawValue]
                    alt[i] = y[S.altCheckpoints.rawValue]
                    for (k, pk) in pkSlots.enumerated() { plasma[k][i] = o[pk.observable] }
                }
            }
        }
        // The baseline scan precedes the first dose: a day-0 radiotherapy fraction must not shrink it.
        if solution.times.first == 0 {
            let before = model.observe(t: 0, y: y0)
            diam[0] = before[diameterIndex]; cells[0] = before[cellsIndex]
        }
        // Doses given at a scan day are recorded after the dose; the scan reads the lesion, which a
        // bolus does not change.
        let scanDiameters = try scans.map { day in
            // Scan days are save points, so the solution holds each of them.
            guard let i = solution.times.firstIndex(of: day) else { throw BlockadeError.solverFailure(code: "no state saved at scan day", time: day) }
            return diam[i]
        }
        let recist = RecistAssessment(scanDays: scans, diametersMM: scanDiameters, rules: settings.rules)
        return SimulationResult(
            regimen: regimen, patient: patient, days: solution.times, diameterMM: diam, cancerCells: cells,
            effectorCD8: eff, exhaustedCD8: exh, tregs: treg, mdscs: mdsc, m2Macrophages: m2, alternativeCheckpoints: alt,
            plasmaConcentration: zip(pkSlots, plasma).map { (model.network.slots[$0.slot].label, $1) },
            doseDays: model.network.slots.map { slot in (slot.label, slot.schedule.administrations(horizon: days).map(\.day)) },
            recist: recist, returnCode: solution.returnCode, statistics: solution.statistics,
            solution: solution, speciesIDs: model.network.species.map(\.id))
    }
}

extension CompiledNetwork where N == TumorImmuneNetwork {
    /// Patient scaling of drug sensitivity: multiplies the maximal effect of each drug's
    /// direct-acting channels (``EffectChannel/isDirectActing``) by `factor(drug id)` (nil:
    /// unchanged) — kill rates as they are, the growth-inhibition fraction capped below 1. A
    /// therapy unit may scale more of its own kinetics (an oncolytic virus: its infection rate).
    public mutating func scaleDirectEffects(factor: (String) -> Double?) {
        for (therapy, slot) in zip(network.therapies, network.slots) {
            if let f = factor(slot.drug.id) { therapy.unit.scaleSensitivity(by: f, parameters: &parameterValues) }
        }
        for j in network.effectSlot.indices {
            let drug = network.slots[network.effectSlot[j]].drug.id
            guard let factor = factor(drug) else { continue }
            let channel = network.effectChannel[j], i = network.effectParameter[j]
            guard channel.isDirectActing else { continue }
            // A fraction is capped below 1 so growth never reverses sign.
            parameterValues[i] = channel.isFractional ? min(0.95, parameterValues[i] * factor) : parameterValues[i] * factor
        }
    }

    /// The state at the start of treatment: the shared species from `core` (the end of an untreated
    /// run-in, in which no therapy acts), every therapy pool empty.
    public func treatmentStart(from core: [Double]) -> [Double] {
        let shared = S.allCases.count
        return (0..<dimension).map { $0 < shared ? core[$0] : 0 }
    }

    /// This model with `patient`'s parameters set.
    public func with(_ patient: Patient) -> Self {
        var model = self
        for (q, value) in patient.parameterOverrides { model.parameterValues[q.rawValue] = value }
        return model
    }
}
