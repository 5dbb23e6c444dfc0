import Foundation
import Trials

/// One objective evaluation of a calibration, as ``PopulationCalibrator/onEvaluation`` reports it:
/// which fit, how far along, the loss, and the time spent.
public struct CalibrationEvaluation: Sendable, Equatable {
    /// The tumour type being fitted, or `toxicity` for the toxicity fit.
    public var stage: String
    /// This evaluation's number within the stage, from 1.
    public var index: Int
    /// The stage's evaluation budget: an upper bound, as a search may stop before it (converged,
    /// or past the deadline).
    public var planned: Int
    /// The loss of this evaluation (robust penalty, threshold units), over the arms it was
    /// evaluated on: a 1-D search of one drug's parameter sees only that drug's arms, so losses of
    /// successive evaluations are not always comparable.
    public var loss: Double
    /// Seconds since the stage began.
    public var elapsed: TimeInterval

    /// An evaluation report.
    public init(stage: String, index: Int, planned: Int, loss: Double, elapsed: TimeInterval) {
        self.stage = stage; self.index = index; self.planned = planned; self.loss = loss; self.elapsed = elapsed
    }
}

/// Numbers the evaluations of one calibration stage and reports each.
final class EvaluationCounter {
    let stage: String
    let planned: Int
    private let began = Date()
    private let report: (CalibrationEvaluation) -> Void
    private(set) var count = 0

    init(stage: String, planned: Int, report: @escaping (CalibrationEvaluation) -> Void) {
        self.stage = stage; self.planned = planned; self.report = report
    }

    /// Counts one evaluation with loss `loss` and reports it; returns `loss`.
    @discardableResult
    func record(_ loss: Double) -> Double {
        count += 1
        report(CalibrationEvaluation(stage: stage, index: count, planned: planned, loss: loss, elapsed: Date().timeIntervalSince(began)))
        return loss
    }
}

extension ScanSearch {
    /// The most objective evaluations one ``minimize(lower:upper:shouldStop:_:)`` makes: the scan,
    /// then two golden-section points and one per further refinement.
    public var maxEvaluations: Int { scanPoints + max(2, refinements) }
}
