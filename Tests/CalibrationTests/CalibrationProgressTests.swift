import Foundation
import Testing
import TumorImmune
@testable import Calibration
@testable import Trials

/// The per-evaluation progress of a calibration: numbered from 1 within a stage, never beyond the
/// stage's planned budget.
@Suite("Calibration progress")
struct CalibrationProgressTests {
    static let nivolumab = CalibrationArm(line: 2, trial: "t", tumor: "melanoma", regimen: "nivolumab", selection: nil,
                                          n: 300, orr: 0.4, cr: nil, medianPFS: 6, g3: 0.15)

    static func calibrator(search: PopulationCalibrator.PopulationSearch, evaluations: Int, rounds: Int) -> PopulationCalibrator {
        var simulator = CalibrationSimulator(patients: 4, seed: 3)
        simulator.horizonDays = 112
        var calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: [nivolumab]), simulator: simulator,
                                              tumorEvaluations: evaluations, toxicityEvaluations: 2, seed: 3)
        calibrator.toxicitySimulator = simulator
        calibrator.rounds = rounds
        calibrator.populationSearch = search
        return calibrator
    }

    @Test("the planned budget of a tumour fit counts the start, the scan, the searches and the closing pass")
    func plannedTumourBudget() throws {
        let coordinate = Self.calibrator(search: .coordinate, evaluations: 40, rounds: 1)
        let p = try coordinate.parameterization(of: "melanoma")
        // A warm start of a tumour without fitted drugs: the start loss plus 8 per population knob.
        #expect(coordinate.plannedEvaluations(p, arms: [Self.nivolumab], drugArms: [], warmStart: true) == 1 + 4 * 8)
        // Cold start, simplex: start, 12-point scan, and per round the simplex's share less one.
        let simplex = Self.calibrator(search: .simplex, evaluations: 6, rounds: 2)
        #expect(simplex.plannedEvaluations(p, arms: [Self.nivolumab], drugArms: [], warmStart: false) == 1 + 12 + 2 * 2)
    }

    @Test("a one-drug toxicity refit plans its start, the factor's search from its start and the round's loss")
    func plannedToxicityBudget() {
        var calibrator = Self.calibrator(search: .simplex, evaluations: 6, rounds: 1)
        calibrator.toxicityDrugs = ["nivolumab"]
        #expect(calibrator.plannedToxicityEvaluations() == 1 + (1 + 10) + 1)
    }

    /// Four patients over 16 weeks per evaluation: about two seconds in a debug build.
    @Test("every evaluation of a tumour fit and a toxicity fit is reported, numbered 1…k with k ≤ the plan")
    func reported() throws {
        final class Log: @unchecked Sendable { var events: [CalibrationEvaluation] = [] }
        let log = Log()
        var calibrator = Self.calibrator(search: .simplex, evaluations: 6, rounds: 2)
        calibrator.onEvaluation = { log.events.append($0) }
        let fit = try calibrator.fitTumor("melanoma", toxicity: ToxicityParameterization.identity)
        #expect(log.events.map(\.index) == Array(1...fit.evaluations))
        #expect(log.events.allSatisfy { $0.stage == "melanoma" && $0.planned == 17 && $0.index <= $0.planned })
        #expect(zip(log.events, log.events.dropFirst()).allSatisfy { $0.elapsed <= $1.elapsed })
        log.events = []
        calibrator.toxicityDrugs = ["nivolumab"]
        calibrator.rounds = 1
        _ = try calibrator.fitToxicity(models: ["melanoma": fit.model], start: ToxicityParameterization.identity)
        #expect(!log.events.isEmpty)
        #expect(log.events.map(\.index) == Array(1...log.events.count))
        #expect(log.events.allSatisfy { $0.stage == "toxicity" && $0.index <= $0.planned })
    }
}
