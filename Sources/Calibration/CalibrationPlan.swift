import Foundation
import Trials
import TumorImmune

/// Which calibration arms Blockade can simulate, and why the others are skipped.
public struct CalibrationPlan: Sendable {
    /// A row left out, with the reason.
    public struct Skipped: Sendable, Equatable {
        public var arm: CalibrationArm
        public var reason: String
    }
    /// Usable arms by tumour type, in file order.
    public var arms: [String: [CalibrationArm]]
    public var skipped: [Skipped]

    /// Number of usable arms of a tumour type (0 if none).
    public func armCount(_ tumor: String) -> Int { arms[tumor]?.count ?? 0 }

    /// Tumour types with usable arms, most arms first (ties by name).
    public var tumorsByArmCount: [String] {
        arms.keys.sorted { (armCount($0), $1) > (armCount($1), $0) }
    }

    /// Classifies every row: unknown tumour type, unsupported selection, unknown regimen, or no target → skipped.
    public init(arms all: [CalibrationArm], tumors: Set<String>? = nil) {
        var arms: [String: [CalibrationArm]] = [:]
        var skipped: [Skipped] = []
        let known = Set(TumorType.catalogue.map(\.id))
        for arm in all {
            if !known.contains(arm.tumor) {
                skipped.append(.init(arm: arm, reason: "tumour type '\(arm.tumor)' is not a Blockade tumour type"))
            } else if let tumors, !tumors.contains(arm.tumor) {
                continue
            } else if let s = arm.selection, (try? Selection(parsing: s)) == nil {
                skipped.append(.init(arm: arm, reason: "selection '\(s)' uses an attribute Blockade does not model"))
            } else if (try? Regimen(parsing: arm.regimen, tumor: arm.tumor)) == nil {
                skipped.append(.init(arm: arm, reason: "regimen '\(arm.regimen)' is not in the drug catalogue"))
            } else if !arm.hasTargets {
                skipped.append(.init(arm: arm, reason: "no ORR, CR, mPFS or G≥3 value to fit"))
            } else {
                arms[arm.tumor, default: []].append(arm)
            }
        }
        self.arms = arms
        self.skipped = skipped
    }
}

/// Simulates calibration arms with common random numbers: the same seed and patients for every
/// evaluation, so the loss changes only through the parameters. Arms of one tumour type that share
/// a selection are run as one paired trial; an arm repeated in several trials is simulated once.
public struct CalibrationSimulator: Sendable {
    public var patients: Int
    public var seed: UInt64
    public var horizonDays: Double = 730

    public init(patients: Int, seed: UInt64) { self.patients = patients; self.seed = seed }

    /// Simulated outcomes for `arms` (all of `model.tumor`), in the same order.
    public func simulate(_ arms: [CalibrationArm], model: PopulationModel,
                         toxicity: CalibratedPopulations.ToxicityCalibration) throws -> [SimulatedArm] {
        try simulateWithExposure(arms, model: model, toxicity: toxicity).map(\.sim)
    }

    /// As ``simulate(_:model:toxicity:)``, with each arm's ``AnyCauseExposure``: the any-cause
    /// G≥3 rate under another background rate then needs no new simulation (a background event
    /// never changes a course).
    public func simulateWithExposure(_ arms: [CalibrationArm], model: PopulationModel,
                                     toxicity: CalibratedPopulations.ToxicityCalibration) throws -> [(sim: SimulatedArm, exposure: AnyCauseExposure)] {
        /// Arms run as one paired trial: the same selection and line of therapy.
        struct Group: Hashable { var selection: String?; var line: TherapyLine? }
        struct Key: Hashable { var group: Group; var regimen: String }
        var regimensOf: [Group: [String]] = [:]
        var order: [Group] = []
        for arm in arms {
            let group = Group(selection: arm.selection, line: arm.therapyLine)
            if regimensOf[group] == nil { order.append(group) }
            if !regimensOf[group, default: []].contains(arm.regimen) { regimensOf[group, default: []].append(arm.regimen) }
        }
        var results: [Key: (sim: SimulatedArm, exposure: AnyCauseExposure)] = [:]
        for group in order {
            var config = TrialConfiguration(tumor: model.tumor, selection: group.selection, arms: regimensOf[group] ?? [],
                                            patients: patients, seed: seed)
            config.therapyLine = group.line
            config.horizonDays = horizonDays
            config.attribution = false
            config.toxicityCalibration = toxicity
            let runner = try TrialRunner(configuration: config, populationModel: model)
            for outcomes in try runner.run(patients: 0..<patients) {
                let s = try ArmSummary(outcomes: outcomes)
                let n = Double(s.n)
                let exposure = AnyCauseExposure(courses: outcomes.outcomes.map { ($0.grade3PlusAdverseEvent, $0.treatmentEndDay) },
                                                horizonDays: horizonDays)
                let month = TrialSummary.daysPerMonth
                results[Key(group: group, regimen: outcomes.regimen)] = (SimulatedArm(
                    orr: 100 * s.orr, cr: 100 * Double(s.completeResponses) / n,
                    medianPFS: s.pfs.interpolatedMedian.map { $0 / month }, g3: 100 * Double(s.grade3PlusCount) / n,
                    g3AnyCause: exposure.rate(toxicity),
                    pfs12: horizonDays >= 12 * month ? 100 * s.pfs.survival(at: 12 * month) : nil,
                    medianOS: s.os.interpolatedMedian.map { $0 / month },
                    os24: horizonDays >= 24 * month ? 100 * s.os.survival(at: 24 * month) : nil,
                    survival: SurvivalBasis(outcomes: outcomes.outcomes, horizonDays: horizonDays)), exposure)
            }
        }
        return try arms.map { arm in
            guard let result = results[Key(group: Group(selection: arm.selection, line: arm.therapyLine), regimen: arm.regimen)] else {
                throw BlockadeError.invalidArgument("line \(arm.line) (\(arm.trial)): regimen '\(arm.regimen)' was not simulated")
            }
            return result
        }
    }
}

/// What the any-cause G≥3 rate of a simulated arm depends on besides the background rate: per
/// patient, whether a treatment-related grade ≥ 3 event occurred and when treatment ended.
public struct AnyCauseExposure: Sendable {
    public var courses: [(treatmentRelated: Bool, treatmentEndDay: Double)]
    public var horizonDays: Double

    public init(courses: [(treatmentRelated: Bool, treatmentEndDay: Double)], horizonDays: Double) {
        self.courses = courses; self.horizonDays = horizonDays
    }

    /// Any-cause grade ≥ 3 rate, %, under `toxicity`'s background rate
    /// (``CalibratedPopulations/ToxicityCalibration/anyCauseGrade3Probability(treatmentRelated:treatmentEndDay:horizonDays:)``).
    public func rate(_ toxicity: CalibratedPopulations.ToxicityCalibration) -> Double {
        let sum = courses.reduce(0.0) {
            $0 + toxicity.anyCauseGrade3Probability(treatmentRelated: $1.treatmentRelated, treatmentEndDay: $1.treatmentEndDay,
                                                    horizonDays: horizonDays)
        }
        return 100 * sum / Double(max(1, courses.count))
    }
}
