import Foundation
import Integrators
import Reactions

/// One adverse event in a course.
public struct CourseAdverseEvent: Sendable, Equatable, Codable {
    public var organ: AdverseEventOrgan
    public var grade: Int
    public var day: Double
}

/// The clinical course of one patient under one regimen, as a trial sees it.
public struct CourseResult: Sendable {
    /// Scan days (baseline first) and diameters (mm) up to progression.
    public var scanDays: [Double]
    public var scanDiameters: [Double]
    public var recist: RecistAssessment
    /// Day of death (tumour burden reached the lethal size, or a fatal adverse event).
    public var deathDay: Double?
    public var adverseEvents: [CourseAdverseEvent]
    public var discontinuedForToxicity: Bool
    /// Last day of treatment (progression, toxicity or end of the treatment period).
    public var treatmentEndDay: Double
    public var followUpDays: Double
}

/// Settings of a treatment course.
public struct CourseSettings: Sendable {
    /// Follow-up from the first dose, days.
    public var horizonDays: Double = 730
    /// Toxicity assessment and dose-decision period, days (one treatment cycle).
    public var cycleDays: Double = 28
    public var rules = RecistRules()
    /// Death when the equivalent lesion reaches this diameter (≈ 4 L of tumour in all; an
    /// assumption standing in for lethal burden). With ``followUpAfterProgressionDays`` set, the
    /// course ends soon after progression and survival after it is drawn by the trial instead.
    public var lethalDiameterMM: Double = 200
    /// Days the course is followed after progression (adverse events of the stopped regimen), then
    /// it ends; nil: to the horizon.
    public var followUpAfterProgressionDays: Double?
    public var toxicity = ToxicityModel()
    /// Simulate adverse events and their management.
    public var toxicityEnabled = true
    /// End the course at progression: for counterfactual courses, whose RECIST reading (which ends
    /// at progression) is all that is used; survival after progression is then not simulated.
    public var stopAtProgression = false
    public init() {}
}

/// The generator of one patient-arm course: the same patient, arm and seed always draw the same events.
public typealias CourseRandom = SplitMix64

extension Simulator {
    /// Simulates a patient's course cycle by cycle: doses at label schedule, adverse events drawn
    /// from the hazard model at each cycle end and managed (grade 2: hold the next cycle of immune
    /// checkpoint doses; grade 3–4: corticosteroids (dampening T-cell activity while tapered) and a
    /// hold; grade 4, or grade 3 pneumonitis/myocarditis/hepatitis: permanent discontinuation of
    /// checkpoint antibodies (ASCO guideline, Brahmer 2018 doi:10.1200/JCO.2017.77.6385); grade 5:
    /// death), RECIST scans on schedule, all treatment stopped at progression, follow-up to
    /// the horizon for survival.
    ///
    /// One loop on purpose (slightly over the house limit): doses, holds, adverse events, their
    /// management and scans interleave cycle by cycle and share the course state (held and stopped
    /// slots, steroid, progression), which separate functions would have to pass around whole.
    public func course(model: CompiledNetwork<TumorImmuneNetwork>, baseline: [Double], patient: Patient,
                       settings course: CourseSettings, random: inout CourseRandom) -> CourseResult {
        let network = model.network
        let horizon = course.horizonDays
        let allEvents = doseEvents(model: model, days: horizon)
        let isCheckpoint = network.slots.map { $0.drug.drugClass == .checkpointAntibody }
        // Which slot each state index belongs to (for holding or stopping doses).
        var slotOfIndex = [Int: Int]()
        for k in network.slots.indices {
            for i in network.stateRange(slot: k) { slotOfIndex[i] = k }
        }
        var state = baseline
        var solver = Tsit5()
        let baselineDiameter = diameter(model: model, state: state)
        var scanDays = [0.0], scanDiameters = [baselineDiameter], nadir = baselineDiameter
        var progressed = false, deathDay: Double?, discontinued = false, treatmentEnd = horizon
        var stopped = Array(repeating: false, count: network.slots.count)
        var heldUntil = Array(repeating: 0.0, count: network.slots.count)
        var adverse: [CourseAdverseEvent] = []
        var t = 0.0
        let scanInterval = course.rules.scanIntervalDays
        var nextScan = scanInterval
        while t < horizon, deathDay == nil {
            let end = min(t + course.cycleDays, horizon, nextScan)
            let events = allEvents.compactMap { e -> ScheduledEvent? in
                guard e.time >= t, e.time < end || (e.time == 0 && t == 0) else { return nil }
                let kept = e.changes.filter { change in
                    guard let k = slotOfIndex[change.index] else { return true }
                    if stopped[k] { return isStopSignal(change) }
                    if e.time < heldUntil[k], case .add = change.operation { return false }
                    return true
                }
                return kept.isEmpty ? nil : ScheduledEvent(time: e.time, changes: kept)
            }
            let probes = stride(from: t, through: end, by: max((end - t) / 4, 1e-9)).map { $0 }
            let solution = solver.solve(model, initialState: state, from: t, to: end, saveAt: probes, events: events,
                                        options: settings.solver)
            guard solution.returnCode == .success, let last = solution.times.indices.last else {
                treatmentEnd = min(treatmentEnd, t)
                break
            }
            state = Array(solution.state(at: last))
            // Adverse events over the cycle from the mean exposure at the probe times.
            if course.toxicityEnabled {
                let mean = solution.times.indices.reduce(ToxicityExposure()) {
                    $0 + exposure(model: model, state: Array(solution.state(at: $1)), toxicity: course.toxicity)
                }.divided(by: Double(solution.times.count))
                let span = end - t
                for (organ, h) in course.toxicity.hazards(mean)
                    where h > 0 && random.uniform() < 1 - exp(-h * span) {
                    let severity = course.toxicity.severity(of: organ)
                    let u = random.uniform()
                    let grade = u < severity.fatal ? 5 : (u < severity.severe ? (random.uniform() < 0.8 ? 3 : 4) : (random.uniform() < 0.5 ? 1 : 2))
                    let day = t + random.uniform() * span
                    adverse.append(CourseAdverseEvent(organ: organ, grade: grade, day: day))
                    let immune = course.toxicity.isImmuneRelated(organ)
                    if grade == 5 { deathDay = day; break }
                    if grade >= 3 && immune { state[S.steroid.rawValue] = 1 }
                    for k in network.slots.indices where !stopped[k] {
                        let responsible = immune ? isCheckpoint[k] : !isCheckpoint[k]
                        guard responsible else { continue }
                        if grade >= 2 { heldUntil[k] = max(heldUntil[k], end + course.cycleDays) }
                        let permanent = immune && (grade == 4 || (grade == 3 && [.pneumonitis, .myocarditis, .hepatitis].contains(organ)))
                        if permanent { stopped[k] = true; discontinued = true; treatmentEnd = min(treatmentEnd, end) }
                    }
                }
            }
            t = end
            if t >= nextScan - 1e-9 {
                let d = diameter(model: model, state: state)
                if !progressed {
                    scanDays.append(t); scanDiameters.append(d)
                    if course.rules.isProgression(diameterMM: d, nadirMM: nadir) {
                        progressed = true
                        treatmentEnd = min(treatmentEnd, t)
                        for k in stopped.indices { stopped[k] = true }
                        for k in network.slots.indices { if let input = network.oralInputIndex(slot: k) { state[input] = 0 } }
                    }
                    nadir = min(nadir, d)
                }
                if d >= course.lethalDiameterMM { deathDay = t }
                nextScan += scanInterval
            }
            if progressed && course.stopAtProgression { break }
            if progressed, let extra = course.followUpAfterProgressionDays, let last = scanDays.last, t >= last + extra { break }
        }
        let recist = RecistAssessment(scanDays: scanDays, diametersMM: scanDiameters, rules: course.rules)
        return CourseResult(scanDays: scanDays, scanDiameters: scanDiameters, recist: recist, deathDay: deathDay,
                            adverseEvents: adverse, discontinuedForToxicity: discontinued,
                            treatmentEndDay: min(treatmentEnd, deathDay ?? horizon), followUpDays: deathDay ?? horizon)
    }

    /// Events that switch an oral input off still apply after a drug is stopped.
    private func isStopSignal(_ change: StateChange) -> Bool {
        if case .set(let v) = change.operation { return v == 0 }
        return false
    }

    func diameter(model: CompiledNetwork<TumorImmuneNetwork>, state: [Double]) -> Double {
        model.observe(t: 0, y: state)[TumorImmuneNetwork.Readout.tumourDiameter.rawValue]
    }

    /// Systemic exposures driving adverse events at one state.
    public func exposure(model: CompiledNetwork<TumorImmuneNetwork>, state: [Double], toxicity: ToxicityModel) -> ToxicityExposure {
        let network = model.network
        let p = model.parameterValues
        // Each channel combines its drugs' effects as fractions left (Bliss), then takes the
        // effect-weighted mean of their per-drug toxicity factors.
        var pd = ChannelExposure(), ctla = ChannelExposure(), myelo = ChannelExposure(), targeted = ChannelExposure(), vaccine = ChannelExposure()
        var carrier = 0.0
        for (k, slot) in network.slots.enumerated() {
            guard let plasma = network.plasmaConcentration(slot: k, state: state, parameters: p) else { continue }
            let factor = toxicity.scale(of: slot.drug.id)
            for e in slot.drug.effects {
                guard let channel = ToxicityModel.channel(of: e, in: slot.drug) else { continue }
                switch channel {
                case .pd1: pd.add(plasma / (plasma + toxicity.checkpointToxEC50), factor: factor)
                case .pdl1: pd.add(toxicity.pdl1Relative * plasma / (plasma + toxicity.checkpointToxEC50), factor: factor)
                case .ctla4: ctla.add(plasma / (plasma + toxicity.checkpointToxEC50), factor: factor)
                case .myelosuppression: myelo.add(e.emax * plasma / (plasma + e.ec50), factor: factor)
                case .targeted: targeted.add(e.emax * plasma / (plasma + e.ec50), factor: factor)
                case .vaccine: vaccine.add(e.emax * plasma / (plasma + e.ec50), factor: factor)
                }
            }
            if let c = slot.carrier, let pools = network.carrierIndices(slot: k), state[pools.encapsulated] > 0 {
                carrier += c.carrierToxicity * min(1, state[pools.encapsulated] / max(1e-12, slot.schedule.phases.first.map { $0.doseMg * slot.drug.nanomolPerMg } ?? 1))
            }
        }
        return ToxicityExposure(pd: pd.value, ctla4: ctla.value, myelo: myelo.value, carrier: carrier, targeted: targeted.value, vaccine: vaccine.value)
    }
}

/// One toxicity channel's exposure: drug effects combined by Bliss independence, scaled by the
/// effect-weighted mean of the drugs' toxicity factors.
struct ChannelExposure {
    private var left = 1.0, weighted = 0.0, total = 0.0
    mutating func add(_ effect: Double, factor: Double) {
        left *= 1 - effect; weighted += factor * effect; total += effect
    }
    var value: Double { total > 0 ? (1 - left) * weighted / total : 0 }
}

/// Expected risk of an adverse event in one organ over a simulated course.
public struct AdverseEventRisk: Sendable, Equatable {
    public var organ: AdverseEventOrgan
    /// Probability of at least one event of any grade.
    public var anyGrade: Double
    /// Probability of at least one grade ≥ 3 event.
    public var grade3Plus: Double
}

extension Simulator {
    /// Expected adverse-event risk per organ along a simulated trajectory: 1 − exp(−∫h dt) from the
    /// hazard model at each saved time (trapezoid rule), without management feedback (the trial
    /// engine draws events and manages them; this is the unmanaged expectation for one patient).
    /// Immune-related risks are averaged over the spread of immune-toxicity susceptibility, since one
    /// patient's susceptibility is not known before treatment.
    public func adverseEventRisk(model: CompiledNetwork<TumorImmuneNetwork>, result: SimulationResult,
                                 toxicity: ToxicityModel = ToxicityModel()) -> [AdverseEventRisk] {
        var cumulative: [AdverseEventOrgan: (any: Double, severe: Double)] = [:]
        var previous: [(AdverseEventOrgan, Double)]?
        var previousDay = 0.0
        for i in result.days.indices {
            let e = exposure(model: model, state: Array(result.solution.state(at: i)), toxicity: toxicity)
            let h = toxicity.hazards(e)
            if let previous {
                let dt = result.days[i] - previousDay
                for ((organ, h1), (_, h0)) in zip(h, previous) {
                    let area = 0.5 * (h0 + h1) * dt
                    let severe = toxicity.severity(of: organ).severe
                    cumulative[organ, default: (0, 0)].any += area
                    cumulative[organ, default: (0, 0)].severe += area * severe
                }
            }
            previous = h
            previousDay = result.days[i]
        }
        return AdverseEventOrgan.allCases.map { organ in
            let c = cumulative[organ] ?? (0, 0)
            // Immune organs average over the patients' susceptibility (``ToxicityModel/immuneFrailtyLogSD``).
            let risk: (Double) -> Double = toxicity.isImmuneRelated(organ) ? { toxicity.averageImmuneRisk(cumulativeHazard: $0) } : { 1 - exp(-$0) }
            return AdverseEventRisk(organ: organ, anyGrade: risk(c.any), grade3Plus: risk(c.severe))
        }
    }
}
