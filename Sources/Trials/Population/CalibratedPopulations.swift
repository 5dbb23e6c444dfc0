import Foundation
import TumorImmune

/// The fitted virtual populations, read from the versioned data in
/// `CalibratedPopulations+Data.swift` (written by `blockade calibrate`; trials never refit at run
/// time). Tumour types without a fitted entry use ``PopulationModel/standard(for:)``.
public enum CalibratedPopulations {
    /// The data file's content.
    public struct File: Codable, Sendable {
        public var format: String
        public var version: Int
        public var createdBy: String
        public var populations: [PopulationModel]
        /// Fitted scales of the adverse-event model (nil: the model's defaults).
        public var toxicity: ToxicityCalibration?

        public init(format: String = "blockade-populations", version: Int, createdBy: String,
                    populations: [PopulationModel], toxicity: ToxicityCalibration?) {
            self.format = format; self.version = version; self.createdBy = createdBy
            self.populations = populations; self.toxicity = toxicity
        }
    }

    /// Scales applied to ``ToxicityModel``'s defaults.
    public struct ToxicityCalibration: Codable, Sendable, Equatable {
        public var immuneScale: Double
        public var pdWeightScale: Double
        public var ctla4WeightScale: Double
        public var haematologicScale: Double
        /// Per-drug toxicity factors (``ToxicityModel/drugScales``); nil in data files before version 5.
        public var drugScales: [String: Double]?
        /// ``ToxicityModel/immuneFrailtyLogSD`` (nil in data files before version 9: no frailty).
        public var immuneFrailtyLogSD: Double?
        /// Hazard, per patient-year of follow-up, of grade ≥ 3 adverse events that treatment does not
        /// cause (cancer progression and its complications, comorbidity, intercurrent illness). It
        /// never enters a simulated course or a trial's output, which count treatment-related events
        /// only: it is the observation model of the calibration arms that report adverse events of
        /// any attribution (CSV flag `g3=allcause`), so that those arms are compared like with like
        /// (``anyCauseGrade3Probability(treatmentRelated:treatmentEndDay:horizonDays:)``). Fitted
        /// on those arms (data v14 onwards; nil before: no background, and the flagged arms were only
        /// down-weighted). Source of its size: the calibration CSV itself — the placebo arm of PACIFIC
        /// reports 26.1 % any-cause grade ≥ 3 events with no drug given.
        public var backgroundGrade3PerYear: Double?
        public init(immuneScale: Double, pdWeightScale: Double, ctla4WeightScale: Double, haematologicScale: Double,
                    drugScales: [String: Double]? = nil, immuneFrailtyLogSD: Double? = nil, backgroundGrade3PerYear: Double? = nil) {
            self.immuneScale = immuneScale; self.pdWeightScale = pdWeightScale
            self.ctla4WeightScale = ctla4WeightScale; self.haematologicScale = haematologicScale
            self.drugScales = drugScales; self.immuneFrailtyLogSD = immuneFrailtyLogSD
            self.backgroundGrade3PerYear = backgroundGrade3PerYear
        }

        /// Days after the last dose during which trials collect adverse events (assumption: the
        /// common 30-day reporting window of phase-3 protocols; some, e.g. PACIFIC, use 90 days).
        public static let reportingWindowDays = 30.0

        /// Probability that a patient has a grade ≥ 3 adverse event of any attribution: a
        /// treatment-related one (`treatmentRelated`), or else a background event during follow-up
        /// from the first dose to `reportingWindowDays` after the last (capped at the horizon), at
        /// the constant hazard ``backgroundGrade3PerYear``.
        public func anyCauseGrade3Probability(treatmentRelated: Bool, treatmentEndDay: Double, horizonDays: Double) -> Double {
            if treatmentRelated { return 1 }
            let followUp = min(treatmentEndDay + Self.reportingWindowDays, horizonDays)
            return -Foundation.expm1(-(backgroundGrade3PerYear ?? 0) * max(0, followUp) / 365.25)
        }

        /// The toxicity model with these scales applied.
        public func apply(to model: ToxicityModel) -> ToxicityModel {
            var m = model
            m.immuneScale *= immuneScale
            m.haematologicScale *= haematologicScale
            if let immuneFrailtyLogSD { m.immuneFrailtyLogSD = immuneFrailtyLogSD }
            for (drug, factor) in drugScales ?? [:] { m.drugScales[drug] = m.scale(of: drug) * factor }
            for k in m.organs.indices {
                m.organs[k].pdWeight *= pdWeightScale
                m.organs[k].ctla4Weight *= ctla4WeightScale
            }
            return m
        }
    }

    /// The fitted populations (nil if the embedded data is absent or unreadable).
    public static let file: File? = try? JSONDecoder().decode(File.self, from: Data(calibratedPopulationsJSON.utf8))

    /// The fitted population of a tumour type, if any.
    public static func model(for tumor: String) -> PopulationModel? {
        file?.populations.first { $0.tumor == tumor }
    }
}
