import Foundation
import Trials
import TumorImmune

/// How strongly the calibration data pin one fitted parameter: the loss when the parameter alone
/// moves 20 % down and up from the optimum (±0.2 logit units for the resistance offset), all else fixed.
public struct ParameterSensitivity: Sendable, Equatable {
    public var name: String
    /// Natural-scale value at the optimum.
    public var value: Double
    /// Loss rise at −20 % and +20 % (negative when the move happened to improve the fit).
    public var riseDown: Double, riseUp: Double
    /// Finite-difference curvature of the loss in the relative coordinate, (L₋ + L₊ − 2L*) / 0.2².
    public var curvature: Double { (riseDown + riseUp) / 0.04 }
    /// `well` if both moves cost at least 1 loss unit (one arm pushed to a pass threshold),
    /// `partly` if one does, `weak` otherwise.
    public var verdict: String {
        if min(riseDown, riseUp) >= 1 { return "well" }
        if max(riseDown, riseUp) >= 1 { return "partly" }
        return "weak"
    }
}

/// The result of fitting one tumour type.
public struct TumorFit: Sendable {
    public var tumor: String
    public var parameterization: TumorParameterization
    public var x: [Double]
    public var model: PopulationModel
    public var startLoss: Double
    public var loss: Double
    public var evaluations: Int
    public var seconds: Double
    public var identifiability: [ParameterSensitivity] = []
    /// Natural-scale parameter values.
    public var natural: [Double] { parameterization.natural(x) }
    /// Whether this is a population kept from the data file rather than fitted in this run
    /// (``PopulationCalibrator/keptFit(_:model:)``).
    public var isKept: Bool { evaluations == 0 }
}

/// The result of fitting the global toxicity scales.
public struct ToxicityFit: Sendable {
    public var scales: CalibratedPopulations.ToxicityCalibration
    public var arms: [CalibrationArm]
    public var startLoss: Double
    public var loss: Double
    public var evaluations: Int
    public var seconds: Double
    public var identifiability: [ParameterSensitivity] = []
}

/// Fits virtual populations to `calibration/monotherapy_arms.csv`: per tumour type, Nelder–Mead
/// over ``TumorParameterization`` on the loss of that tumour's arms; then the four toxicity scales
/// on the G≥3 TRAE of checkpoint-inhibitor (anti-PD-1/PD-L1, ipilimumab) and chemotherapy arms of
/// all fitted tumour types. Every evaluation uses the same seed and patients (common random numbers).
public struct PopulationCalibrator {
    public var plan: CalibrationPlan
    public var simulator: CalibrationSimulator
    /// Simulator of the toxicity fit (fewer patients: that fit spans every tumour type).
    public var toxicitySimulator: CalibrationSimulator
    public var loss = CalibrationLoss()
    /// Objective evaluations per tumour type, and for the toxicity fit.
    public var tumorEvaluations: Int
    public var toxicityEvaluations: Int
    public var restarts = 1
    /// Rounds of the alternating tumour fit (drug sensitivities, then population parameters).
    public var rounds = 2
    /// How the population parameters are searched in each round.
    public var populationSearch = PopulationSearch.simplex
    /// The 1-D search of one knob in a coordinate round: 5 scanned points (the current value among
    /// them) and 3 golden-section steps, 8 evaluations.
    static let coordinateSearch = ScanSearch(scanPoints: 5, refinements: 3)

    /// Search of the population parameters within a round.
    public enum PopulationSearch: String, Sendable, CaseIterable {
        /// Nelder–Mead over all population knobs at once, `tumorEvaluations / rounds` evaluations per round.
        case simplex
        /// One bounded ``ScanSearch`` per knob in turn (8 evaluations each), all arms of the tumour type.
        case coordinate
    }
    public var seed: UInt64
    /// Stop optimising (keep the best so far) after this moment.
    public var deadline: Date?
    /// Progress messages.
    public var log: (String) -> Void = { _ in }
    /// Called after every objective evaluation of a tumour fit or the toxicity fit.
    public var onEvaluation: (CalibrationEvaluation) -> Void = { _ in }
    /// When set, ``fitToxicity(models:start:)`` refits only these drugs' toxicity factors; the global
    /// scales, the frailty and the background rate stay as they start (a cheap refinement that can
    /// afford many patients per evaluation).
    public var toxicityDrugs: Set<String>?

    public init(plan: CalibrationPlan, simulator: CalibrationSimulator, tumorEvaluations: Int, toxicityEvaluations: Int, seed: UInt64) {
        self.plan = plan; self.simulator = simulator; self.toxicitySimulator = simulator; self.tumorEvaluations = tumorEvaluations
        self.toxicityEvaluations = toxicityEvaluations; self.seed = seed
    }

    var pastDeadline: Bool { deadline.map { Date() > $0 } ?? false }

    /// Fits one tumour type (toxicity scales held at `toxicity`).
    ///
    /// From the standard population, a coarse scan of resistance offset × doubling-time scale comes
    /// first: where no virtual patient responds the loss is flat, and a local search started there
    /// stalls. Then `rounds` rounds alternate (1) a 1-D ``ScanSearch`` of each drug sensitivity on
    /// the arms that give that drug — a drug's sensitivity moves little else, so fitting it alone is
    /// cheap and avoids a many-dimensional simplex — and (2) Nelder–Mead over the population
    /// parameters (``TumorParameterization/knobs``) on all arms of the tumour type, or with
    /// ``PopulationSearch/coordinate`` a 1-D search of each of them in turn. A narrow pass of the
    /// drug sensitivities, kept only if it lowers the loss over all arms, closes the fit.
    /// - Parameter warmStart: a previously fitted model of this tumour type to start from (nil: the standard population).
    ///
    /// Longer than the house limit on purpose: the stages (scan, sensitivities, subset knobs,
    /// population search, closing pass) share the evolving parameter vector, the current loss and
    /// the evaluation counter through local closures; split into functions, each would thread all
    /// three through its signature and the order of the stages would be harder to read.
    public func fitTumor(_ tumor: String, toxicity: CalibratedPopulations.ToxicityCalibration, warmStart: PopulationModel? = nil) throws -> TumorFit {
        let arms = plan.arms[tumor] ?? []
        let p = try parameterization(of: tumor)
        let began = Date()
        let drugArms = p.drugs.map { drug in
            arms.filter { arm in (try? Regimen(parsing: arm.regimen, tumor: tumor))?.slots.contains { $0.drug.id == drug } ?? false }
        }
        let counter = EvaluationCounter(stage: tumor, planned: plannedEvaluations(p, arms: arms, drugArms: drugArms, warmStart: warmStart != nil),
                                        report: onEvaluation)
        var count: Int { counter.count }
        func lossOf(_ subset: [CalibrationArm], _ x: [Double]) throws -> Double {
            // Efficacy terms only (the toxicity scales are fitted afterwards, with the populations
            // fixed), plus the prior pull towards the standard population.
            counter.record(loss.total(subset, try simulator.simulate(subset, model: p.model(x), toxicity: toxicity), includeToxicity: false)
                + p.prior(x))
        }
        var x = warmStart.map { p.vector(matching: $0) } ?? p.start
        let x0 = x
        let startLoss = try lossOf(arms, x)
        var current = startLoss
        log("\(tumor): \(arms.count) arms, \(p.count) parameters (\(p.names.joined(separator: ", "))), start loss \(fmt(startLoss))")
        func report(_ stage: String) { log("  \(tumor) \(stage) (\(count) evaluations): loss \(fmt(current)) [\(p.natural(x).map(fmt).joined(separator: ", "))]") }
        if warmStart == nil {
            let origin = x
            scan: for offset in [-1.5, -0.5, 0.5, 1.5] {
                for scale in [0.5, 1.0, 2.0] {
                    if pastDeadline { break scan }
                    var y = origin; y[0] = offset; y[2] = Foundation.log(scale)
                    let v = try lossOf(arms, y)
                    if v < current { current = v; x = y }
                }
            }
            report("offset × doubling-time scan")
        }
        let lowest = Foundation.log(TumorParameterization.sensitivityBounds.lowerBound)
        let highest = Foundation.log(TumorParameterization.sensitivityBounds.upperBound)
        let populationCount = p.populationCount
        // Bounded 1-D search of coordinate i on `subset`, which has loss `before` at the current x:
        // x[i] moves only if the search found a lower loss. Returns the subset's loss afterwards.
        @discardableResult
        func searchCoordinate(_ i: Int, on subset: [CalibrationArm], lower: Double, upper: Double, before: Double,
                              with search: ScanSearch = ScanSearch()) throws -> Double {
            guard upper > lower else { return before }
            let result = try search.minimize(lower: lower, upper: upper, shouldStop: { pastDeadline }) { v in
                var y = x; y[i] = v
                return try lossOf(subset, y)
            }
            guard result.value < before else { return before }
            x[i] = result.x
            return result.value
        }
        // 1-D search of each drug sensitivity on its arms, within `span` (log units) of the current value.
        func searchSensitivities(span: Double) throws {
            for (k, subset) in drugArms.enumerated() where !subset.isEmpty && !pastDeadline {
                let i = p.drugIndex(k)
                try searchCoordinate(i, on: subset, lower: max(lowest, x[i] - span), upper: min(highest, x[i] + span),
                                     before: try lossOf(subset, x))
            }
        }
        for round in 0..<max(1, rounds) where !pastDeadline {
            // The first round spans the whole range; later rounds refine around the current value.
            try searchSensitivities(span: round == 0 && warmStart == nil ? highest - lowest : 1.2)
            // Knobs that move only a subset of the arms get a 1-D search over their whole range on
            // that subset: the pretreated shift (pretreated arms) and the PD-L1–inflammation
            // correlation (PD-L1-selected arms; it decides which patients a PD-L1 threshold selects).
            // A value that leaves a subset without responders sits on a flat region of the loss that
            // the simplex cannot leave.
            for (knob, subset) in subsetKnobs(arms) where !pastDeadline {
                guard let i = p.knobs.firstIndex(of: knob), !subset.isEmpty else { continue }
                let range = p.unconstrainedRange(of: knob)
                try searchCoordinate(i, on: subset, lower: range.lowerBound, upper: range.upperBound, before: try lossOf(subset, x))
            }
            if !p.drugs.isEmpty || p.fitsLine || p.fitsInflammation { current = try lossOf(arms, x); report("round \(round + 1) sensitivities and subset knobs") }
            switch populationSearch {
            case .simplex:
                let head = Array(x.prefix(populationCount))
                let step = Array((warmStart == nil && round == 0 ? p.step : p.step.map { $0 / 2 }).prefix(populationCount))
                let budget = max(0, tumorEvaluations / max(1, rounds) - 1)
                let result = try NelderMead(maxEvaluations: budget, restarts: round == rounds - 1 ? restarts : 0, seed: seed &+ UInt64(round))
                    .minimize(start: head, step: step, shouldStop: { pastDeadline }) { z in
                        var y = x; y.replaceSubrange(0..<populationCount, with: z)
                        return try lossOf(arms, y)
                    }
                if result.value < current { x.replaceSubrange(0..<populationCount, with: result.x); current = result.value }
            case .coordinate:
                // One bounded 1-D search per population knob on all arms, within two simplex edges
                // of the current value in the first round and one edge later: every knob gets the
                // same number of evaluations, where a simplex of n knobs spends n + 1 building itself.
                for (i, knob) in p.knobs.enumerated() where !pastDeadline {
                    let span = (round == 0 ? 2 : 1) * knob.step
                    let range = p.unconstrainedRange(of: knob)
                    let before = current
                    current = try searchCoordinate(i, on: arms, lower: max(range.lowerBound, x[i] - span),
                                                   upper: min(range.upperBound, x[i] + span), before: current, with: Self.coordinateSearch)
                    log("    \(tumor) round \(round + 1) \(knob.rawValue): loss \(fmt(before)) → \(fmt(current)) at \(fmt(p.natural(x)[i]))")
                }
            }
            report("round \(round + 1) population")
        }
        // The last population step moved the population under the sensitivities: a closing narrow pass
        // re-levels each drug on its arms (a drug's sensitivity moves little else).
        // Kept only if the loss over all arms falls (a guard: a drug's sensitivity moves only its own
        // arms, and an arm draws the same course random numbers alone as among all arms).
        if !p.drugs.isEmpty && !pastDeadline {
            let kept = (x: x, loss: current)
            try searchSensitivities(span: 0.5)
            current = try lossOf(arms, x)
            if current > kept.loss { (x, current) = kept }
            report("closing sensitivities")
        }
        if current >= startLoss { x = x0; current = startLoss }
        let fit = TumorFit(tumor: tumor, parameterization: p, x: x, model: p.model(x), startLoss: startLoss,
                           loss: current, evaluations: count, seconds: Date().timeIntervalSince(began))
        log("\(tumor): loss \(fmt(startLoss)) → \(fmt(fit.loss)) in \(count) evaluations, \(Int(fit.seconds)) s")
        return fit
    }

    /// The most objective evaluations ``fitTumor(_:toxicity:warmStart:)`` makes for parameters `p`
    /// on `arms` (`drugArms`: the arms of each fitted drug): the start, the offset × doubling-time
    /// scan (12, not on a warm start), per round the 1-D searches of drug sensitivities and subset
    /// knobs (each with its starting loss), the population search, and the closing pass.
    func plannedEvaluations(_ p: TumorParameterization, arms: [CalibrationArm], drugArms: [[CalibrationArm]], warmStart: Bool) -> Int {
        let search = 1 + ScanSearch().maxEvaluations
        let drugSearches = drugArms.filter { !$0.isEmpty }.count
        let subsetSearches = subsetKnobs(arms).filter { p.knobs.contains($0.0) && !$0.1.isEmpty }.count
        var round = (drugSearches + subsetSearches) * search + (!p.drugs.isEmpty || p.fitsLine || p.fitsInflammation ? 1 : 0)
        switch populationSearch {
        case .simplex: round += max(1, tumorEvaluations / max(1, rounds) - 1)
        case .coordinate: round += p.knobs.count * Self.coordinateSearch.maxEvaluations
        }
        let closing = p.drugs.isEmpty ? 0 : drugSearches * search + 1
        return 1 + (warmStart ? 0 : 12) + max(1, rounds) * round + closing
    }

    /// Population knobs that move only some arms, with those arms.
    func subsetKnobs(_ arms: [CalibrationArm]) -> [(TumorParameterization.Knob, [CalibrationArm])] {
        [(.pretreatedShift, arms.filter { $0.therapyLine == .pretreated }), (.pdl1Weight, arms.filter(\.isSelectedOnPDL1))]
    }

    /// Loss rise for ±20 % moves of each tumour parameter around the optimum.
    public func identifiability(of fit: TumorFit, toxicity: CalibratedPopulations.ToxicityCalibration) throws -> [ParameterSensitivity] {
        let arms = plan.arms[fit.tumor] ?? []
        let p = fit.parameterization
        let v = fit.natural
        // The baseline is recomputed: the toxicity scales may have been refitted since the tumour fit.
        let centre = loss.total(arms, try simulator.simulate(arms, model: p.model(fit.x), toxicity: toxicity), includeToxicity: false)
        return try p.names.indices.map { i in
            func lossAt(_ factor: Double) throws -> Double {
                var w = v
                let additive = i < p.populationCount && [.resistanceOffset, .pretreatedShift].contains(p.knobs[i])
                if additive { w[i] += factor > 1 ? 0.2 : -0.2 } else { w[i] *= factor }
                return loss.total(arms, try simulator.simulate(arms, model: p.model(p.unconstrained(w)), toxicity: toxicity), includeToxicity: false)
            }
            return ParameterSensitivity(name: p.names[i], value: v[i], riseDown: try lossAt(0.8) - centre, riseUp: try lossAt(1.2) - centre)
        }
    }

    /// Arms for the toxicity fit: a G≥3 target and a checkpoint antibody or chemotherapy in the
    /// regimen; one selection per (tumour, regimen) to bound the cost.
    public func toxicityArms() -> [CalibrationArm] {
        var chosen: [CalibrationArm] = []
        var selectionFor: [String: String] = [:]
        for tumor in plan.tumorsByArmCount {
            for arm in plan.arms[tumor] ?? [] where arm.g3 != nil {
                guard let regimen = try? Regimen(parsing: arm.regimen, tumor: tumor),
                      regimen.slots.contains(where: { [.checkpointAntibody, .chemotherapy].contains($0.drug.drugClass) }) else { continue }
                let key = tumor + "|" + arm.regimen
                if let s = selectionFor[key], s != (arm.selection ?? "") { continue }
                selectionFor[key] = arm.selection ?? ""
                chosen.append(arm)
            }
        }
        return chosen
    }

    /// The toxicity loss of `arms` under `scales`, counted by `counter` when given.
    func toxicityLoss(_ arms: [CalibrationArm], models: [String: PopulationModel], scales: CalibratedPopulations.ToxicityCalibration,
                      counter: EvaluationCounter? = nil) throws -> Double {
        let simulated = try toxicitySimulations(arms, models: models, scales: scales)
        let value = loss.total(simulated.map(\.arm), simulated.map(\.sim), includeEfficacy: false)
        counter?.record(value)
        return value
    }

    /// The simulated arms of the toxicity fit, grouped by tumour type, with their any-cause exposure.
    func toxicitySimulations(_ arms: [CalibrationArm], models: [String: PopulationModel],
                             scales: CalibratedPopulations.ToxicityCalibration) throws -> [(arm: CalibrationArm, sim: SimulatedArm, exposure: AnyCauseExposure)] {
        var out: [(arm: CalibrationArm, sim: SimulatedArm, exposure: AnyCauseExposure)] = []
        let byTumor = Dictionary(grouping: arms, by: \.tumor)
        for (tumor, group) in byTumor.sorted(by: { $0.key < $1.key }) {
            let model = try models[tumor] ?? PopulationModel.standard(for: TumorType.named(tumor))
            out += zip(group, try toxicitySimulator.simulateWithExposure(group, model: model, toxicity: scales)).map { ($0, $1.sim, $1.exposure) }
        }
        return out
    }

    /// Profile search of the immune frailty on the checkpoint-inhibitor arms: for each trial log-SD
    /// the immune scale is first re-levelled by one secant step (so the arms' size-weighted mean
    /// G≥3 rate matches the published one), since a wider frailty also lowers every rate; the
    /// frailty's own effect is on how the rate grows with time on treatment. Returns the scales
    /// with the best frailty and its level, and the evaluations used.
    func profileFrailty(_ arms: [CalibrationArm], models: [String: PopulationModel], scales: CalibratedPopulations.ToxicityCalibration,
                        counter: EvaluationCounter? = nil) throws -> (scales: CalibratedPopulations.ToxicityCalibration, loss: Double, evaluations: Int) {
        var evaluations = 0
        // The levelled scales of the best point seen, so the search's result needs no re-simulation.
        var best: (scales: CalibratedPopulations.ToxicityCalibration, loss: Double)?
        let bounds = ToxicityParameterization.scaleBounds
        let result = try Self.frailtySearch.minimize(
            lower: Foundation.log(0.3 as Double), upper: Foundation.log(3.5 as Double), shouldStop: { pastDeadline }) { logSD in
            var trial = scales
            trial.immuneFrailtyLogSD = exp(logSD)
            let first = try toxicitySimulations(arms, models: models, scales: trial)
            let published = first.reduce(0.0) { $0 + loss.sizeWeight($1.arm) * ($1.arm.g3 ?? 0) }
            let simulated = first.reduce(0.0) { $0 + loss.sizeWeight($1.arm) * $1.sim.g3(comparableWith: $1.arm) }
            if simulated > 0 { trial.immuneScale = min(bounds.upperBound, max(bounds.lowerBound, trial.immuneScale * published / simulated)) }
            evaluations += 2
            let value = try toxicityLoss(arms, models: models, scales: trial, counter: counter)
            if value < best?.loss ?? .infinity { best = (trial, value) }
            return value
        }
        // ScanSearch returns the lowest point it evaluated, which is the one kept above.
        let kept = best ?? (scales, result.value)
        return (kept.scales, kept.loss, evaluations)
    }

    /// Fits the toxicity parameters on the G≥3 TRAE of ICI and chemotherapy arms: `rounds` rounds
    /// alternating Nelder–Mead over the global scales and immune frailty
    /// (``ToxicityParameterization``) with a 1-D search of each drug's factor on its arms
    /// (``drugToxicityArms()``).
    /// The frailty changes how a rate grows with time on treatment, the factors its level, so the
    /// two are refitted in turn.
    public func fitToxicity(models: [String: PopulationModel], start: CalibratedPopulations.ToxicityCalibration) throws -> ToxicityFit {
        let arms = toxicityArms()
        let began = Date()
        var count = 0
        let counter = EvaluationCounter(stage: "toxicity", planned: plannedToxicityEvaluations(), report: onEvaluation)
        let startLoss = try toxicityLoss(arms, models: models, scales: start, counter: counter)
        log("toxicity: \(arms.count) arms with G≥3 targets (ICI / chemotherapy), start loss \(fmt(startLoss))")
        var scales = start
        var current = startLoss
        var factors = start.drugScales ?? [:]
        var best = startLoss
        let checkpointArms = arms.filter { arm in
            (try? Regimen(parsing: arm.regimen, tumor: arm.tumor))?.slots.contains { $0.drug.drugClass == .checkpointAntibody } ?? false
        }
        for round in 0..<max(1, rounds) where !pastDeadline {
            // The background rate of the any-cause arms first: it moves those arms only, and the drug
            // factors and global scales fitted after it see the any-cause arms through it.
            let anyCause = toxicityDrugs == nil ? anyCauseArms() : []
            if !anyCause.isEmpty && !pastDeadline {
                let start = scales.backgroundGrade3PerYear ?? Self.backgroundStart
                // The background never changes a course: simulate once, re-score per rate.
                let simulated = try toxicitySimulations(anyCause, models: models, scales: scales)
                let r = try refinePositive(from: start, range: Self.backgroundRange, span: round == 0 ? 4 : 0.8, scanPoints: Self.backgroundScanPoints) { rate in
                    var trial = scales
                    trial.backgroundGrade3PerYear = rate
                    let arms = simulated.map { s in var sim = s.sim; sim.g3AnyCause = s.exposure.rate(trial); return sim }
                    return counter.record(loss.total(simulated.map(\.arm), arms, includeEfficacy: false))
                }
                scales.backgroundGrade3PerYear = r.better ?? start
                current = try toxicityLoss(arms, models: models, scales: scales, counter: counter)
                count += r.evaluations + 1
                log("  toxicity background: \(fmt(scales.backgroundGrade3PerYear ?? 0)) per patient-year on \(anyCause.count) any-cause arms, loss \(fmt(r.before)) → \(fmt(r.after))")
            }
            // Then the frailty's profile (its effect is confounded with the immune scale's) and the
            // global scales, unless only named drugs' factors are refitted.
            if toxicityDrugs == nil {
                let before = try toxicityLoss(checkpointArms, models: models, scales: scales, counter: counter)
                let profile = try profileFrailty(checkpointArms, models: models, scales: scales, counter: counter)
                count += profile.evaluations + 1
                if profile.loss < before {
                    scales = profile.scales
                    current = try toxicityLoss(arms, models: models, scales: scales, counter: counter)
                    count += 1
                }
                log("  toxicity frailty profile: log-SD \(fmt(scales.immuneFrailtyLogSD ?? 0)), immune scale \(fmt(scales.immuneScale)), ICI-arm loss \(fmt(before)) → \(fmt(min(before, profile.loss)))")
                let y0 = ToxicityParameterization.vector(scales)
                let budget = max(0, toxicityEvaluations / max(1, rounds) - 1)
                let result = try NelderMead(maxEvaluations: budget, restarts: round == rounds - 1 ? restarts : 0, seed: seed &+ 17 &+ UInt64(round))
                    .minimize(start: y0, step: round == 0 ? [0.4, 0.4, 0.4, 0.4, 0.5] : [0.2, 0.2, 0.2, 0.2, 0.3], shouldStop: { pastDeadline }) { y in
                        count += 1
                        let v = try toxicityLoss(arms, models: models, scales: ToxicityParameterization.scales(y, over: scales), counter: counter)
                        if v < best { best = v; log("  toxicity eval \(count): loss \(fmt(v)) [\(y.map { fmt(exp($0)) }.joined(separator: ", "))]") }
                        return v
                    }
                if result.value < current {
                    scales = ToxicityParameterization.scales(result.x, over: scales); current = result.value
                }
            }
            // Per-drug factors, one drug at a time, single-drug groups before backbone ones.
            for (drug, group) in drugToxicityArms() where !pastDeadline && toxicityDrugs?.contains(drug) ?? true {
                let r = try refinePositive(from: factors[drug] ?? 1, range: 0.1...10, span: round == 0 ? 1.6 : 0.8, scanPoints: Self.factorScanPoints) { factor in
                    var trial = scales
                    var f = factors; f[drug] = factor; trial.drugScales = f
                    return try toxicityLoss(group, models: models, scales: trial, counter: counter)
                }
                count += r.evaluations
                if let better = r.better { factors[drug] = better }
                log("  toxicity factor \(drug): \(fmt(factors[drug] ?? 1)) on \(group.count) arms, loss \(fmt(r.before)) → \(fmt(r.after))")
            }
            scales.drugScales = factors.isEmpty ? nil : factors
            current = try toxicityLoss(arms, models: models, scales: scales, counter: counter)
            count += 1
            log("  toxicity round \(round + 1): loss \(fmt(current)), frailty log-SD \(fmt(scales.immuneFrailtyLogSD ?? 0))")
        }
        if current > startLoss { scales = start; current = startLoss }
        return ToxicityFit(scales: scales, arms: arms, startLoss: startLoss,
                           loss: current, evaluations: count + 1, seconds: Date().timeIntervalSince(began))
    }

    /// The most objective evaluations ``fitToxicity(models:start:)`` makes: the start, then per
    /// round the background rate (a 1-D search from its start, and the loss after), the frailty
    /// profile (with the loss before it and the loss after a kept profile), the simplex over the
    /// global scales, each drug factor's 1-D search from its start, and the round's closing loss.
    func plannedToxicityEvaluations() -> Int {
        let refitsAll = toxicityDrugs == nil
        let background = refitsAll && !anyCauseArms().isEmpty ? 1 + Self.refineSearch(scanPoints: Self.backgroundScanPoints).maxEvaluations + 1 : 0
        let global = refitsAll ? 1 + Self.frailtySearch.maxEvaluations + 1 + max(1, toxicityEvaluations / max(1, rounds) - 1) : 0
        let drugs = drugToxicityArms().filter { toxicityDrugs?.contains($0.drug) ?? true }.count
        let factors = drugs * (1 + Self.refineSearch(scanPoints: Self.factorScanPoints).maxEvaluations)
        return 1 + max(1, rounds) * (background + global + factors + 1)
    }

    /// The frailty profile's search over the log-SD.
    static let frailtySearch = ScanSearch(scanPoints: 6, refinements: 4)
    /// Scan points of the background rate's and of the drug factors' 1-D searches.
    static let backgroundScanPoints = 7, factorScanPoints = 5
    /// The search ``refinePositive(from:range:span:scanPoints:_:)`` runs.
    static func refineSearch(scanPoints: Int) -> ScanSearch { ScanSearch(scanPoints: scanPoints, refinements: 5) }

    /// A bounded 1-D search (``ScanSearch``) of a positive parameter on a log scale, within ±`span`
    /// log units of `start` and inside `range`: the best value found if it lowers `loss` (else nil),
    /// the losses at `start` and after, and the evaluations used (the one at `start` included).
    func refinePositive(from start: Double, range: ClosedRange<Double>, span: Double, scanPoints: Int,
                        _ loss: (Double) throws -> Double) throws -> (better: Double?, before: Double, after: Double, evaluations: Int) {
        let now = Foundation.log(start)
        let before = try loss(exp(now))
        let r = try Self.refineSearch(scanPoints: scanPoints).minimize(
            lower: max(Foundation.log(range.lowerBound), now - span), upper: min(Foundation.log(range.upperBound), now + span),
            shouldStop: { pastDeadline }) { try loss(exp($0)) }
        return (r.value < before ? exp(r.x) : nil, before, min(before, r.value), r.evaluations + 1)
    }

    /// Range of the background rate of grade ≥ 3 events, per patient-year (0.01: nearly none; 3: a
    /// 95 % chance within a year), and the start of a fit without one.
    static let backgroundRange = 0.01...3.0
    static let backgroundStart = 0.3

    /// Arms whose published G≥3 rate counts events of any attribution: they fit the background rate
    /// (``CalibratedPopulations/ToxicityCalibration/backgroundGrade3PerYear``). Placebo and
    /// targeted-drug arms are included, as the background does not depend on the drug.
    public func anyCauseArms() -> [CalibrationArm] {
        plan.tumorsByArmCount.flatMap { tumor in (plan.arms[tumor] ?? []).filter { $0.g3 != nil && $0.g3IsAnyCause } }
    }

    /// The fitted parameters of `tumor`'s arms in the plan.
    func parameterization(of tumor: String) throws -> TumorParameterization {
        let arms = plan.arms[tumor] ?? []
        let lines = Set(arms.compactMap(\.therapyLine))
        return TumorParameterization(base: PopulationModel.standard(for: try TumorType.named(tumor)),
                                     drugs: TumorParameterization.sensitiveDrugs(in: arms.map(\.regimen), tumor: tumor),
                                     fitsLine: lines.count > 1, fitsInflammation: arms.contains(where: \.isSelectedOnPDL1))
    }

    /// A population kept from the data file, in the form of a fit (no evaluations, losses NaN) so
    /// that reports list its parameters next to the refitted ones.
    public func keptFit(_ tumor: String, model: PopulationModel) throws -> TumorFit {
        let p = try parameterization(of: tumor)
        return TumorFit(tumor: tumor, parameterization: p, x: p.vector(matching: model), model: model,
                        startLoss: .nan, loss: .nan, evaluations: 0, seconds: 0)
    }

    /// Arms for the per-drug toxicity factors, grouped by drug over all tumour types of the plan, in
    /// fitting order. First every drug with a toxicity channel (checkpoint blockade,
    /// myelosuppression, on-target targeted inhibition or a vaccine's priming) on the arms with a G≥3 target that give it
    /// alone; then each such drug that no arm gives alone (bevacizumab, cetuximab) on the backbone
    /// arms of the CSV in which every other drug has its own group, so that its factor is the only
    /// unknown there. A factor always belongs to one drug and applies wherever that drug is given;
    /// none belongs to a combination.
    public func drugToxicityArms() -> [(drug: String, arms: [CalibrationArm])] {
        func isToxic(_ drug: Drug) -> Bool { drug.effects.contains { ToxicityModel.channel(of: $0, in: drug) != nil } }
        var single: [String: [CalibrationArm]] = [:], backbone: [String: [CalibrationArm]] = [:]
        var multi: [(CalibrationArm, [Drug])] = []
        for tumor in plan.tumorsByArmCount {
            for arm in plan.arms[tumor] ?? [] where arm.g3 != nil {
                guard let regimen = try? Regimen(parsing: arm.regimen, tumor: tumor) else { continue }
                let drugs = regimen.slots.map(\.drug)
                if drugs.count == 1 {
                    if isToxic(drugs[0]) { single[drugs[0].id, default: []].append(arm) }
                } else {
                    multi.append((arm, drugs))
                }
            }
        }
        for (arm, drugs) in multi {
            let unknown = drugs.filter { single[$0.id] == nil }
            if unknown.count == 1, isToxic(unknown[0]) { backbone[unknown[0].id, default: []].append(arm) }
        }
        return single.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            + backbone.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Loss rise for ±20 % moves of each toxicity scale.
    public func identifiability(of fit: ToxicityFit, models: [String: PopulationModel]) throws -> [ParameterSensitivity] {
        let y = ToxicityParameterization.vector(fit.scales)
        return try ToxicityParameterization.names.indices.map { i in
            func lossAt(_ factor: Double) throws -> Double {
                var z = y; z[i] += Foundation.log(factor)
                return try toxicityLoss(fit.arms, models: models, scales: ToxicityParameterization.scales(z, over: fit.scales))
            }
            return ParameterSensitivity(name: ToxicityParameterization.names[i], value: exp(y[i]),
                                        riseDown: try lossAt(0.8) - fit.loss, riseUp: try lossAt(1.2) - fit.loss)
        }
    }
}

func fmt(_ v: Double) -> String { String(format: v.magnitude >= 100 ? "%.1f" : "%.3g", v) }
