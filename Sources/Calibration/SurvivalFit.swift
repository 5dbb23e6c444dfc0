import Foundation
import Trials
import TumorImmune

/// The fit of survival after progression of one tumour type.
public struct SurvivalFit: Sendable {
    public var tumor: String
    /// Arms with a median-OS or 24-month OS target.
    public var arms: [CalibrationArm]
    /// Fitted median survival after progression, months (first line), and the pretreated multiplier
    /// (nil: not fitted, no median-OS arms of both lines).
    public var months: Double
    public var pretreatedScale: Double?
    public var startLoss: Double
    public var loss: Double
}

/// Survival after progression, per tumour type: its median (``PopulationModel/postProgressionMonths``)
/// and, with median-OS arms of both lines, the pretreated multiplier, fitted to the median OS (and
/// 24-month OS where the landmark table has it) of the tumour type's arms. The courses are simulated
/// once, to a 5-year follow-up; OS under another median is a rescaling of the drawn survival after
/// progression (``SurvivalBasis``), so the search costs no simulation. Progression-free survival,
/// response and toxicity do not depend on these parameters.
public struct SurvivalCalibrator: Sendable {
    public var simulator: CalibrationSimulator
    public var loss = CalibrationLoss()
    /// Range of the median survival after progression, months.
    public static let monthsRange: ClosedRange<Double> = 1...120
    /// Range of the pretreated multiplier.
    public static let pretreatedRange: ClosedRange<Double> = 0.2...2
    /// Prior SD of log(median / default) and of log(pretreated multiplier): weak, a factor of e
    /// (assumption: the fit should follow the OS arms wherever a tumour type has them).
    public static let priorSD = 1.0
    /// OS follow-up of the survival fit and of the residual tables, days (5 years).
    public static let horizonDays = 5 * 365.25

    public init(patients: Int, seed: UInt64) {
        simulator = CalibrationSimulator(patients: patients, seed: seed)
        simulator.horizonDays = Self.horizonDays
    }

    /// Fits `tumor`'s survival after progression on `arms` (those without an OS target are ignored);
    /// returns the model with the fitted parameters and the fit, or nil without OS targets.
    public func fit(_ tumor: String, arms all: [CalibrationArm], model: PopulationModel,
                    toxicity: CalibratedPopulations.ToxicityCalibration) throws -> (model: PopulationModel, fit: SurvivalFit)? {
        let arms = all.filter { $0.medianOS != nil || $0.os24 != nil }
        guard !arms.isEmpty else { return nil }
        return fit(tumor, arms: arms, simulated: try simulator.simulate(arms, model: model, toxicity: toxicity), simulatedWith: model, model: model)
    }

    /// The fit on arms already simulated under `simulatedWith` (their ``SurvivalBasis``), applied to
    /// `model`; arms without an OS target are ignored. Nil without OS targets.
    public func fit(_ tumor: String, arms all: [CalibrationArm], simulated allSimulated: [SimulatedArm], simulatedWith source: PopulationModel,
                    model: PopulationModel) -> (model: PopulationModel, fit: SurvivalFit)? {
        let chosen = all.indices.filter { all[$0].medianOS != nil || all[$0].os24 != nil }
        guard !chosen.isEmpty else { return nil }
        let arms = chosen.map { all[$0] }, simulated = chosen.map { allSimulated[$0] }
        let startMonths = source.postProgressionMonths ?? PopulationModel.defaultPostProgressionMonths
        let startScale = source.pretreatedPostProgressionScale ?? 1
        let fitsScale = Set(arms.filter { $0.medianOS != nil }.compactMap(\.therapyLine)).count > 1
        // OS loss at (log months, log scale) relative to the simulated start.
        func value(_ logMonths: Double, _ logScale: Double) -> Double {
            let months = exp(logMonths), scale = exp(logScale)
            var sum = 0.0
            for (arm, sim) in zip(arms, simulated) {
                guard let basis = sim.survival else { continue }
                let factor = months / startMonths * (arm.therapyLine == .pretreated ? scale / startScale : 1)
                sum += loss.survivalLoss(arm, basis: basis, scale: factor)
            }
            let prior = pow(log(months / PopulationModel.defaultPostProgressionMonths) / Self.priorSD, 2)
                + (fitsScale ? pow(logScale / Self.priorSD, 2) : 0)
            return sum + prior
        }
        var x = (log(model.postProgressionMonths ?? PopulationModel.defaultPostProgressionMonths),
                 log(model.pretreatedPostProgressionScale ?? 1))
        let startLoss = value(x.0, x.1)
        var current = startLoss
        let search = ScanSearch(scanPoints: 9, refinements: 8)
        for _ in 0..<(fitsScale ? 3 : 1) {
            let m = search.minimize(lower: log(Self.monthsRange.lowerBound), upper: log(Self.monthsRange.upperBound)) { value($0, x.1) }
            if m.value < current { x.0 = m.x; current = m.value }
            guard fitsScale else { break }
            let s = search.minimize(lower: log(Self.pretreatedRange.lowerBound), upper: log(Self.pretreatedRange.upperBound)) { value(x.0, $0) }
            if s.value < current { x.1 = s.x; current = s.value }
        }
        var fitted = model
        fitted.postProgressionMonths = exp(x.0)
        fitted.pretreatedPostProgressionScale = fitsScale ? exp(x.1) : model.pretreatedPostProgressionScale
        return (fitted, SurvivalFit(tumor: tumor, arms: arms, months: exp(x.0), pretreatedScale: fitsScale ? exp(x.1) : nil,
                                    startLoss: startLoss, loss: current))
    }
}

extension CalibrationLoss {
    /// Tolerance of landmark rates (PFS at 12 months, OS at 24 months), percentage points.
    public static let landmarkTolerance = 10.0

    /// The OS terms of one arm with survival after progression multiplied by `scale`: median OS
    /// (relative error, ±30 % = 1) and OS at 24 months (±10 points = 1), size-weighted.
    public func survivalLoss(_ arm: CalibrationArm, basis: SurvivalBasis, scale: Double) -> Double {
        guard arm.medianOS != nil || arm.os24 != nil, let km = basis.overallSurvival(scale: scale) else { return 0 }
        var sum = 0.0
        if let t = arm.medianOS {
            let fitted = (km.interpolatedMedian ?? basis.horizonDays) / TrialSummary.daysPerMonth
            sum += penalty((fitted - t) / max(t, 0.1) / Self.pfsRelativeTolerance)
        }
        if let t = arm.os24 { sum += penalty((100 * km.survival(at: 24 * TrialSummary.daysPerMonth) - t) / Self.landmarkTolerance) }
        return sizeWeight(arm) * sum
    }
}
