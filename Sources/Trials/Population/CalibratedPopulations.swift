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
        public init(immuneScale: Double, pdWeightScale: Double, ctla4WeightScale: Double, haematologicScale: Double,
                    drugScales: [String: Double]? = nil, immuneFrailtyLogSD: Double? = nil) {
            self.immuneScale = immuneScale; self.pdWeightScale = pdWeightScale
            self.ctla4WeightScale = ctla4WeightScale; self.haematologicScale = haematologicScale
            self.drugScales = drugScales; self.immuneFrailtyLogSD = immuneFrailtyLogSD
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
