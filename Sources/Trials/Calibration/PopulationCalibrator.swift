import Foundation
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
    public var seed: UInt64
    /// Stop optimising (keep the best so far) after this moment.
    public var deadline: Date?
    /// Progress messages.
    public var log: (String) -> Void = { _ in }

    public init(plan: CalibrationPlan, simulator: CalibrationSimulator, tumorEvaluations: Int, toxicityEvaluations: Int, seed: UInt64) {
        self.plan = plan; self.simulator = simulator; self.toxicitySimulator = simulator; self.tumorEvaluations = tumorEvaluations
        self.toxicityEvaluations = toxicityEvaluations; self.seed = seed
    }

    var pastDeadline: Bool { deadline.map { Date() > $0 } ?? false }

    /// Fits one tumour type (toxicity scales held at `toxicity`).
    /// - Parameter warmStart: a previously fitted model of this tumour type to start from (nil: the standard population).
    public func fitTumor(_ tumor: String, toxicity: CalibratedPopulations.ToxicityCalibration, warmStart: PopulationModel? = nil) throws -> TumorFit {
        let arms = plan.arms[tumor] ?? []
        let base = PopulationModel.standard(for: try TumorType.named(tumor))
        let p = TumorParameterization(base: base, drugs: TumorParameterization.sensitiveDrugs(in: arms.map(\.regimen), tumor: tumor))
        let began = Date()
        var count = 0
        let objective = { (x: [Double]) throws -> Double in
            count += 1
            let value = loss.total(arms, try simulator.simulate(arms, model: p.model(x), toxicity: toxicity))
            return value
        }
        let x0 = warmStart.map { p.vector(matching: $0) } ?? p.start
        let startLoss = try objective(x0)
        log("\(tumor): \(arms.count) arms, \(p.count) parameters (\(p.names.joined(separator: ", "))), start loss \(fmt(startLoss))")
        var best = startLoss
        let optimiser = NelderMead(maxEvaluations: max(0, tumorEvaluations - 1), restarts: restarts, seed: seed)
        let step = warmStart == nil ? p.step : p.step.map { $0 / 2 }
        let result = try optimiser.minimize(start: x0, step: step, shouldStop: { pastDeadline }) { x in
            let v = try objective(x)
            if v < best { best = v; log("  \(tumor) eval \(count): loss \(fmt(v)) [\(p.natural(x).map(fmt).joined(separator: ", "))]") }
            return v
        }
        let x = result.value < startLoss ? result.x : x0
        var fit = TumorFit(tumor: tumor, parameterization: p, x: x, model: p.model(x), startLoss: startLoss,
                           loss: min(result.value, startLoss), evaluations: count, seconds: Date().timeIntervalSince(began))
        log("\(tumor): loss \(fmt(startLoss)) → \(fmt(fit.loss)) in \(count) evaluations, \(Int(fit.seconds)) s")
        _ = fit.natural
        fit.identifiability = []
        return fit
    }

    /// Loss rise for ±20 % moves of each tumour parameter around the optimum.
    public func identifiability(of fit: TumorFit, toxicity: CalibratedPopulations.ToxicityCalibration) throws -> [ParameterSensitivity] {
        let arms = plan.arms[fit.tumor] ?? []
        let p = fit.parameterization
        let v = fit.natural
        // The baseline is recomputed: the toxicity scales may have been refitted since the tumour fit.
        let centre = loss.total(arms, try simulator.simulate(arms, model: p.model(fit.x), toxicity: toxicity))
        return try p.names.indices.map { i in
            func lossAt(_ factor: Double) throws -> Double {
                var w = v
                if i == 0 { w[0] += factor > 1 ? 0.2 : -0.2 } else { w[i] *= factor }
                return loss.total(arms, try simulator.simulate(arms, model: p.model(p.unconstrained(w)), toxicity: toxicity))
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

    func toxicityLoss(_ arms: [CalibrationArm], models: [String: PopulationModel], scales: CalibratedPopulations.ToxicityCalibration) throws -> Double {
        var total = 0.0
        let byTumor = Dictionary(grouping: arms, by: \.tumor)
        for (tumor, group) in byTumor.sorted(by: { $0.key < $1.key }) {
            let model = try models[tumor] ?? PopulationModel.standard(for: TumorType.named(tumor))
            total += loss.total(group, try toxicitySimulator.simulate(group, model: model, toxicity: scales), includeEfficacy: false)
        }
        return total
    }

    /// Fits the four toxicity scales on the G≥3 TRAE of ICI and chemotherapy arms.
    public func fitToxicity(models: [String: PopulationModel], start: CalibratedPopulations.ToxicityCalibration) throws -> ToxicityFit {
        let arms = toxicityArms()
        let began = Date()
        var count = 0
        let startLoss = try toxicityLoss(arms, models: models, scales: start)
        log("toxicity: \(arms.count) arms with G≥3 targets (ICI / chemotherapy), start loss \(fmt(startLoss))")
        var best = startLoss
        let y0 = ToxicityParameterization.vector(start)
        let result = try NelderMead(maxEvaluations: max(0, toxicityEvaluations - 1), restarts: restarts, seed: seed &+ 17)
            .minimize(start: y0, step: [0.4, 0.4, 0.4, 0.4], shouldStop: { pastDeadline }) { y in
                count += 1
                let v = try toxicityLoss(arms, models: models, scales: ToxicityParameterization.scales(y))
                if v < best { best = v; log("  toxicity eval \(count): loss \(fmt(v)) [\(y.map { fmt(exp($0)) }.joined(separator: ", "))]") }
                return v
            }
        let y = result.value < startLoss ? result.x : y0
        return ToxicityFit(scales: ToxicityParameterization.scales(y), arms: arms, startLoss: startLoss,
                           loss: min(result.value, startLoss), evaluations: count + 1, seconds: Date().timeIntervalSince(began))
    }

    /// Loss rise for ±20 % moves of each toxicity scale.
    public func identifiability(of fit: ToxicityFit, models: [String: PopulationModel]) throws -> [ParameterSensitivity] {
        let y = ToxicityParameterization.vector(fit.scales)
        return try ToxicityParameterization.names.indices.map { i in
            func lossAt(_ factor: Double) throws -> Double {
                var z = y; z[i] += Foundation.log(factor)
                return try toxicityLoss(fit.arms, models: models, scales: ToxicityParameterization.scales(z))
            }
            return ParameterSensitivity(name: ToxicityParameterization.names[i], value: exp(y[i]),
                                        riseDown: try lossAt(0.8) - fit.loss, riseUp: try lossAt(1.2) - fit.loss)
        }
    }
}

func fmt(_ v: Double) -> String { String(format: v.magnitude >= 100 ? "%.1f" : "%.3g", v) }
