import Foundation
import Integrators
import Trials
import TumorImmune

/// Leave-one-trial-out validation of one tumour type: for every trial, the tumour type's population
/// parameters (``TumorParameterization``) and its survival after progression are refitted without
/// that trial's arms, and the trial's arms are predicted with the refit — arms the refit never saw.
///
/// **The refit is one Gauss–Newton step from the shipped fit, not a full re-optimisation.** The
/// efficacy loss is linearised at the shipped parameters x₀ (a forward-difference Jacobian J of
/// every arm's threshold-scaled errors, computed once on common random numbers; the robust penalty
/// enters as iteratively-reweighted least-squares weights ω), and the refit without trial k solves
///
///     (Jᵀ₋ₖ Ω J₋ₖ + D) Δ = −(Jᵀ₋ₖ Ω r₋ₖ + D x₀),   D = diag(1/σ²) (the fit's prior)
///
/// (the approximate leave-one-out of M-estimators; Rahnama Rad & Maleki 2020 doi:10.1111/rssb.12374). A drug
/// whose only arms are in trial k loses its fitted value and takes what trials use for an unfitted
/// drug (``ChemotherapySensitivityPrior`` for a chemotherapy, else the catalogue effect). The held-out arms are then simulated at x₀ + Δ with new patients. What this does not
/// capture: how far a full refit would travel beyond one step where the loss is far from quadratic
/// (small tumour types losing half their arms). The per-drug toxicity factors and global toxicity
/// scales are not refitted (they pool arms of every tumour type), so G≥3 TRAE is reported but is
/// not a held-out prediction.
///
/// **Prediction intervals** read the loss as a Gaussian negative log-likelihood in which one
/// threshold unit (5 ORR points, 30 % of a median) is one standard deviation of an arm's error: the
/// parameter covariance is then (JᵀΩJ + D)⁻¹ (Laplace approximation). Parameter sets drawn from it
/// are simulated on common patients; the 90 % interval of an arm is the 5th–95th percentile of their
/// predictions with the published arm's own sampling error added (binomial for ORR, log-normal
/// with SD 1/√(n/2) for a median). Coverage of held-out arms tests whether this reading is right.
public struct LeaveOneTrialOut {
    public struct Options: Sendable {
        /// Patients per arm of the Jacobian simulations (common random numbers).
        public var fitPatients = 150
        /// Patients per arm of the held-out predictions (other patients than the fit's).
        public var predictPatients = 400
        /// Patients per arm and parameter draws of the prediction intervals.
        public var intervalPatients = 150
        public var intervalDraws = 12
        /// Forward-difference step in the unconstrained coordinates.
        public var step = 0.3
        /// Population seed of the Jacobian; predictions use seed + 1 (patients the fit never saw).
        public var seed: UInt64 = 1
        /// Refit each fold with the calibration's own search (warm-started coordinate search, one
        /// round) instead of the Gauss–Newton step: slow, to check the linear approximation.
        public var exactRefit = false
        public init() {}
    }

    public var plan: CalibrationPlan
    public var models: [String: PopulationModel]
    public var toxicity: CalibratedPopulations.ToxicityCalibration
    public var options: Options
    public var loss: CalibrationLoss = {
        var l = CalibrationLoss()
        l.horizonMonths = SurvivalCalibrator.horizonDays / TrialSummary.daysPerMonth
        return l
    }()
    public var log: (String) -> Void = { _ in }

    public init(plan: CalibrationPlan, models: [String: PopulationModel], toxicity: CalibratedPopulations.ToxicityCalibration,
                options: Options) {
        self.plan = plan; self.models = models; self.toxicity = toxicity; self.options = options
    }

    /// The held-out rows of a tumour type and the parameter ensemble around its shipped fit.
    public struct TumorValidation: Sendable {
        public var rows: [ValidationRow]
        public var ensemble: ParameterEnsemble
    }

    /// Validates `tumor`: one fold per trial with arms in that tumour type; also draws the ensemble
    /// of parameter sets around the shipped fit (all arms) that trials use for prediction intervals.
    public func validate(_ tumor: String) throws -> TumorValidation {
        let arms = plan.arms[tumor] ?? []
        guard let shipped = models[tumor] else { throw CalibrationRunError("no calibrated population for '\(tumor)'") }
        let calibrator = PopulationCalibrator(plan: plan, simulator: CalibrationSimulator(patients: 1, seed: 1),
                                              tumorEvaluations: 0, toxicityEvaluations: 0, seed: options.seed)
        let p = try calibrator.parameterization(of: tumor)
        let x0 = p.vector(matching: shipped)
        var fitSimulator = CalibrationSimulator(patients: options.fitPatients, seed: options.seed)
        fitSimulator.horizonDays = SurvivalCalibrator.horizonDays
        let began = Date()
        // Residuals and survival bases at x₀, then one Jacobian column per parameter (drug columns
        // simulate only the arms that give the drug: the others do not move).
        let base = try fitSimulator.simulate(arms, model: p.model(x0), toxicity: toxicity)
        let terms0 = zip(arms, base).map { loss.efficacyTerms($0, $1) }
        let r0 = terms0.map { $0.map(\.error) }
        let armsOfDrug = p.drugs.map { drug in
            Set(arms.indices.filter { (try? Regimen(parsing: arms[$0].regimen, tumor: tumor))?.slots.contains { $0.drug.id == drug } ?? false })
        }
        var jacobian = [[[Double]]](repeating: [], count: p.count)  // [parameter][arm][component]
        for j in 0..<p.count {
            var x = x0
            x[j] += options.step
            let moved = j >= p.populationCount ? armsOfDrug[j - p.populationCount].sorted() : Array(arms.indices)
            let sims = try fitSimulator.simulate(moved.map { arms[$0] }, model: p.model(x), toxicity: toxicity)
            var column = r0.map { $0.map { _ in 0.0 } }
            for (k, i) in moved.enumerated() {
                column[i] = zip(loss.efficacyTerms(arms[i], sims[k]).map(\.error), r0[i]).map { ($0 - $1) / options.step }
            }
            jacobian[j] = column
            log("  \(tumor): Jacobian \(j + 1)/\(p.count) (\(p.names[j])), \(Int(Date().timeIntervalSince(began))) s")
        }
        let weights = zip(arms, terms0).map { arm, terms in terms.map { loss.sizeWeight(arm) * $0.weight * loss.irlsWeight($0.error) } }
        let priorPrecision = p.priorSD.map { 1 / ($0 * $0) }
        let trials = arms.map(\.trial).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        var predictor = CalibrationSimulator(patients: options.predictPatients, seed: options.seed &+ 1)
        predictor.horizonDays = SurvivalCalibrator.horizonDays
        // Normal equations of the linearised loss on the `kept` arms, prior included.
        func normalEquations(_ kept: [Int]) -> (a: [[Double]], b: [Double]) {
            var a = [[Double]](repeating: [Double](repeating: 0, count: p.count), count: p.count)
            var b = [Double](repeating: 0, count: p.count)
            for i in kept {
                for c in r0[i].indices where weights[i][c] > 0 {
                    let w = weights[i][c]
                    for u in 0..<p.count {
                        let ju = jacobian[u][i][c]
                        guard ju != 0 else { continue }
                        b[u] -= w * ju * r0[i][c]
                        for v in 0..<p.count { a[u][v] += w * ju * jacobian[v][i][c] }
                    }
                }
            }
            for u in 0..<p.count { a[u][u] += priorPrecision[u]; b[u] -= priorPrecision[u] * x0[u] }
            return (a, b)
        }
        let survival = SurvivalCalibrator(patients: options.fitPatients, seed: options.seed)
        var rows: [ValidationRow] = []
        for trial in trials {
            let held = arms.indices.filter { arms[$0].trial == trial }
            let kept = arms.indices.filter { arms[$0].trial != trial }
            let (a, b) = normalEquations(kept)
            let factor = try Cholesky(a)
            var delta = factor.solve(b)
            if options.exactRefit {
                delta = zip(try exactRefit(tumor, kept: kept.map { arms[$0] }, shipped: shipped, p: p), x0).map { $0 - $1 }
            }
            var x = zip(x0, delta).map { $0 + $1 }
            var refit = p.model(x)
            // A drug none of the kept arms gives is not a fitted value: drop it, so the model's
            // fallback for unfitted drugs applies (``PopulationModel/directSensitivity(of:)``).
            // A held-out chemotherapy takes the prior of trials (the other tumour types' fits and
            // this tumour type's other chemotherapies, ``ChemotherapySensitivityPrior``).
            let dropped = p.drugs.indices.filter { armsOfDrug[$0].isDisjoint(with: kept) }
            for k in dropped { refit.drugSensitivity[p.drugs[k]] = nil }
            let prior = ChemotherapySensitivityPrior(models: models.filter { $0.key != tumor }.map(\.value) + [refit])
            for k in dropped {
                let drug = p.drugs[k]
                if let s = prior.sensitivity(of: drug, in: tumor) { refit.drugSensitivity[drug] = s }
                // The interval's draws of this drug centre on that value, with the prior's spread.
                x[p.drugIndex(k)] = Foundation.log(refit.directSensitivity(of: drug) ?? 1)
            }
            // Survival after progression without the held-out arms, on the survival bases at x₀.
            refit.postProgressionMonths = nil
            refit.pretreatedPostProgressionScale = nil
            if let s = survival.fit(tumor, arms: kept.map { arms[$0] }, simulated: kept.map { base[$0] }, simulatedWith: shipped, model: refit) {
                refit = s.model
            }
            let heldArms = held.map { arms[$0] }
            let predicted = try predictor.simulate(heldArms, model: refit, toxicity: toxicity)
            let discrepancy = PredictionDiscrepancy(arms: kept.map { arms[$0] }, simulated: kept.map { base[$0] }, simulatedPatients: options.fitPatients)
            let intervals = try predictionIntervals(heldArms, p: p, centre: x, covariance: factor, model: refit, discrepancy: discrepancy)
            for (k, arm) in heldArms.enumerated() {
                rows.append(ValidationRow(arm: arm, predicted: predicted[k], interval: intervals[k],
                                          shift: p.names.indices.filter { abs(delta[$0]) > 0.05 }.map { "\(p.names[$0]) \(String(format: "%+.2f", delta[$0]))" }))
            }
            log("  \(tumor): held out \(trial) (\(held.count) arms), \(Int(Date().timeIntervalSince(began))) s")
        }
        // The ensemble around the shipped fit: draws from the Laplace approximation on all arms.
        let full = try Cholesky(normalEquations(Array(arms.indices)).a)
        var rng = SplitMix64(seed: options.seed &* 0xA24B_AED4_963E_E407)
        let members = (0..<options.intervalDraws).map { _ in
            var m = p.model(zip(x0, full.sampleOffset((0..<p.count).map { _ in rng.standardNormal() })).map { $0 + $1 })
            m.postProgressionMonths = shipped.postProgressionMonths
            m.pretreatedPostProgressionScale = shipped.pretreatedPostProgressionScale
            return m
        }
        let discrepancy = PredictionDiscrepancy(arms: arms, simulated: base, simulatedPatients: options.fitPatients)
        return TumorValidation(rows: rows.sorted { $0.arm.line < $1.arm.line }, ensemble: ParameterEnsemble(members: members, discrepancy: discrepancy))
    }

    /// The parameters (in `p`'s coordinates) of a refit of `tumor` on the `kept` arms by the
    /// calibration's search, warm-started at the shipped fit: one round, coordinate search, the
    /// drugs of the kept arms only (a drug without kept arms keeps its shipped coordinate here and
    /// is replaced by the prior afterwards, as in the linear refit).
    func exactRefit(_ tumor: String, kept: [CalibrationArm], shipped: PopulationModel, p: TumorParameterization) throws -> [Double] {
        var calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: kept), simulator: CalibrationSimulator(patients: options.fitPatients, seed: options.seed),
                                              tumorEvaluations: 0, toxicityEvaluations: 0, seed: options.seed)
        calibrator.rounds = 1
        calibrator.populationSearch = .coordinate
        let fit = try calibrator.fitTumor(tumor, toxicity: toxicity, warmStart: shipped)
        var refit = fit.model
        for (drug, s) in shipped.drugSensitivity where refit.drugSensitivity[drug] == nil { refit.drugSensitivity[drug] = s }
        return p.vector(matching: refit)
    }

    /// 90 % prediction intervals of `arms` under parameters drawn from N(`centre`, (JᵀΩJ + D)⁻¹),
    /// with each published arm's sampling error added.
    func predictionIntervals(_ arms: [CalibrationArm], p: TumorParameterization, centre: [Double], covariance factor: Cholesky,
                             model: PopulationModel, discrepancy: PredictionDiscrepancy) throws -> [PredictionInterval] {
        var rng = SplitMix64(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(arms.first?.line ?? 0))
        var simulator = CalibrationSimulator(patients: options.intervalPatients, seed: options.seed &+ 2)
        simulator.horizonDays = SurvivalCalibrator.horizonDays
        var draws: [[SimulatedArm]] = []
        for _ in 0..<options.intervalDraws {
            let z = (0..<p.count).map { _ in rng.standardNormal() }
            let x = zip(centre, factor.sampleOffset(z)).map { $0 + $1 }
            var m = p.model(x)
            m.postProgressionMonths = model.postProgressionMonths
            m.pretreatedPostProgressionScale = model.pretreatedPostProgressionScale
            draws.append(try simulator.simulate(arms, model: m, toxicity: toxicity))
        }
        return arms.indices.map { k in
            let n = Double(arms[k].n ?? 100)
            var orr: [Double] = [], pfs: [Double] = [], os: [Double] = []
            for d in draws {
                let sim = d[k]
                // Four draws of the model's discrepancy and the published arm's sampling error per parameter set.
                for _ in 0..<4 {
                    let q = min(1, max(0, sim.orr / 100 + discrepancy.orr / 100 * rng.standardNormal()))
                    orr.append(100 * min(1, max(0, q + (q * (1 - q) / n).squareRoot() * rng.standardNormal())))
                    let spread = 2 / n
                    if let m = sim.medianPFS { pfs.append(m * exp((discrepancy.logMedianPFS * discrepancy.logMedianPFS + spread).squareRoot() * rng.standardNormal())) }
                    if let m = sim.medianOS { os.append(m * exp((discrepancy.logMedianOS * discrepancy.logMedianOS + spread).squareRoot() * rng.standardNormal())) }
                }
            }
            return PredictionInterval(orr: ParameterEnsemble.percentiles90(orr), medianPFS: ParameterEnsemble.percentiles90(pfs), medianOS: ParameterEnsemble.percentiles90(os),
                                      notReachedPFS: pfs.count < orr.count / 2, notReachedOS: os.count < orr.count / 2)
        }
    }
}

/// The model's own error beyond sampling, estimated from the fitted arms (never the held-out ones):
/// σ² = mean squared residual − mean sampling variance of the published and simulated arms, for ORR
/// (points) and the log medians; with fewer than three arms, one threshold unit (5 points, 0.3).
extension PredictionDiscrepancy {
    public init(arms: [CalibrationArm], simulated: [SimulatedArm], simulatedPatients: Int) {
        let m = Double(simulatedPatients)
        func sd(_ pairs: [(residual: Double, sampling: Double)], fallback: Double) -> Double {
            guard pairs.count >= 3 else { return fallback }
            let excess = pairs.reduce(0) { $0 + $1.residual * $1.residual - $1.sampling } / Double(pairs.count)
            return max(0, excess).squareRoot()
        }
        var orr: [(Double, Double)] = [], pfs: [(Double, Double)] = [], os: [(Double, Double)] = []
        for (a, s) in zip(arms, simulated) {
            let n = Double(a.n ?? 100)
            if let t = a.orr {
                let q = s.orr / 100
                orr.append((s.orr - t, 10_000 * q * (1 - q) * (1 / n + 1 / m)))
            }
            if let t = a.medianPFS, let f = s.medianPFS, t > 0 { pfs.append((log(f / t), 2 / n + 2 / m)) }
            if let t = a.medianOS, let f = s.medianOS, t > 0 { os.append((log(f / t), 2 / n + 2 / m)) }
        }
        self.init(orr: sd(orr, fallback: CalibrationLoss.orrTolerance), logMedianPFS: sd(pfs, fallback: CalibrationLoss.pfsRelativeTolerance),
                  logMedianOS: sd(os, fallback: CalibrationLoss.pfsRelativeTolerance))
    }
}

/// A 90 % prediction interval of one arm (nil bounds: not computed or not reached in most draws).
public struct PredictionInterval: Sendable, Equatable {
    public var orr: ClosedRange<Double>?
    public var medianPFS: ClosedRange<Double>?
    public var medianOS: ClosedRange<Double>?
    /// The median was not reached within the follow-up in most draws (the interval is open above).
    public var notReachedPFS = false
    public var notReachedOS = false
}

/// One held-out arm: published values against the leave-one-trial-out prediction.
public struct ValidationRow: Sendable {
    public var arm: CalibrationArm
    public var predicted: SimulatedArm
    public var interval: PredictionInterval
    /// Parameters the refit moved by more than 0.05 (unconstrained units), with the move.
    public var shift: [String]

    public var orrPass: Bool? { arm.orr.map { abs(predicted.orr - $0) <= ValidationRow.orrTolerance } }
    public var crPass: Bool? { arm.cr.map { abs(predicted.cr - $0) <= ValidationRow.crTolerance } }
    public var g3Pass: Bool? { arm.g3.map { abs(predicted.g3(comparableWith: arm) - $0) <= ValidationRow.g3Tolerance } }
    public var pfsPass: Bool? { arm.medianPFS.map { Self.relativePass($0, predicted.medianPFS) } }
    public var osPass: Bool? { arm.medianOS.map { Self.relativePass($0, predicted.medianOS) } }
    public var pfs12Pass: Bool? { arm.pfs12.map { t in predicted.pfs12.map { abs($0 - t) <= CalibrationLoss.landmarkTolerance } ?? false } }
    /// Whether the published value lies inside the 90 % prediction interval.
    public var orrCovered: Bool? { arm.orr.flatMap { t in interval.orr.map { $0.contains(t) } } }
    public var pfsCovered: Bool? { arm.medianPFS.flatMap { t in interval.medianPFS.map { $0.contains(t) || (interval.notReachedPFS && t >= $0.upperBound) } } }
    public var osCovered: Bool? { arm.medianOS.flatMap { t in interval.medianOS.map { $0.contains(t) || (interval.notReachedOS && t >= $0.upperBound) } } }

    /// Acceptance thresholds of a held-out prediction: ORR ±10 points, CR ±5, G≥3 TRAE ±10,
    /// medians ±30 %, landmark PFS ±10 points.
    public static let orrTolerance = 10.0, crTolerance = 5.0, g3Tolerance = 10.0, relativeTolerance = 0.3

    static func relativePass(_ target: Double, _ predicted: Double?) -> Bool {
        predicted.map { abs($0 - target) <= relativeTolerance * target } ?? false
    }
}

/// Cholesky factor L of a symmetric positive-definite matrix A = L Lᵀ. Written here: the systems
/// are at most a dozen parameters and no package in the build offers dense linear algebra.
struct Cholesky: Sendable {
    var l: [[Double]]

    init(_ a: [[Double]]) throws {
        let n = a.count
        l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if i == j {
                    guard s > 0 else { throw CalibrationRunError("the linearised validation system is not positive definite (parameter \(i))") }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        let n = b.count
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= l[k][i] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }

    /// L⁻ᵀ z: a draw from N(0, A⁻¹) for standard-normal z.
    func sampleOffset(_ z: [Double]) -> [Double] {
        let n = z.count
        var x = z
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= l[k][i] * x[k] }
            x[i] /= l[i][i]
        }
        return x
    }
}
