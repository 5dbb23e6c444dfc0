import Foundation
import TumorImmune

/// The fitted virtual populations: a versioned JSON data file written by `blockade calibrate`
/// (trials never refit at run time). The shipped file is the resource
/// `Sources/Trials/Resources/populations.json`; `--populations FILE` selects another one.
/// Tumour types without a fitted entry use ``PopulationModel/standard(for:)``.
public enum CalibratedPopulations {
    /// The oldest data-file version this build reads: the first written by the current model's
    /// fields (vaccine reactions, per-drug toxicity factors, frailty and background rate). Older
    /// files were fitted to an older model, so their numbers would not mean what they meant then.
    public static let oldestReadableVersion = 23
    /// The data file's content.
    public struct File: Codable, Sendable {
        public var format: String
        public var version: Int
        public var createdBy: String
        public var populations: [PopulationModel]
        /// Fitted scales of the adverse-event model (nil: the model's defaults).
        public var toxicity: ToxicityCalibration?
        /// Per tumour type, parameter sets around this fit for prediction intervals (nil: none;
        /// written by `blockade validate --replace`, dropped by a refit).
        public var ensembles: [String: ParameterEnsemble]?

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

    /// The shipped data file, read once.
    /// - Throws: ``PopulationDataError`` when the resource is missing or unreadable (a broken build).
    public static func shipped() throws(PopulationDataError) -> File { try shippedFile.get() }

    private static let shippedFile: Result<File, PopulationDataError> = {
        guard let url = Bundle.module.url(forResource: "populations", withExtension: "json") else {
            return .failure(PopulationDataError(path: "populations.json", problem: "the resource is missing from the Blockade_Trials bundle next to the binary; rebuild, or give --populations FILE"))
        }
        return Result { () throws(PopulationDataError) -> File in try load(contentsOf: url) }
    }()

    /// Reads and checks a data file.
    /// - Throws: ``PopulationDataError`` naming the file and what is wrong with it (unreadable,
    ///   not JSON of this format, a missing field, a version this build does not read).
    public static func load(contentsOf url: URL) throws(PopulationDataError) -> File {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PopulationDataError(path: url.path, problem: "cannot read it: \(error.localizedDescription)")
        }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw PopulationDataError(path: url.path, problem: "not a populations data file: \(PopulationDataError.describe(error))")
        }
        guard file.format == "blockade-populations" else {
            throw PopulationDataError(path: url.path, problem: "format '\(file.format)', expected 'blockade-populations'")
        }
        guard file.version >= oldestReadableVersion else {
            throw PopulationDataError(path: url.path, problem: "version \(file.version) was fitted to an older model; this build reads version \(oldestReadableVersion) or later (refit with blockade calibrate)")
        }
        for (k, p) in file.populations.enumerated() where !TumorType.catalogue.contains(where: { $0.id == p.tumor }) {
            throw PopulationDataError(path: url.path, problem: "populations[\(k)]: unknown tumour type '\(p.tumor)'")
        }
        return file
    }

    /// Writes a data file as sorted, pretty-printed JSON (stable across runs), atomically.
    public static func write(_ file: File, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try (encoder.encode(file) + Data("\n".utf8)).write(to: url, options: .atomic)
    }
}

extension CalibratedPopulations.File {
    /// The fitted population of a tumour type, if the file has one.
    public func model(for tumor: String) -> PopulationModel? { populations.first { $0.tumor == tumor } }

    /// The toxicity model with this file's fitted scales applied.
    public var toxicityModel: ToxicityModel { toxicity?.apply(to: ToxicityModel()) ?? ToxicityModel() }
}

/// A populations data file that cannot be used, with the file and the reason.
public struct PopulationDataError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }

    /// A decoding error in words: the field path and what was expected.
    static func describe(_ error: Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func at(_ path: [CodingKey]) -> String {
            path.isEmpty ? "top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch e {
        case .keyNotFound(let key, let c): return "missing field '\(key.stringValue)' at \(at(c.codingPath))"
        case .typeMismatch(_, let c), .valueNotFound(_, let c): return "\(c.debugDescription) at \(at(c.codingPath))"
        case .dataCorrupted(let c): return "\(c.debugDescription) at \(at(c.codingPath))"
        @unknown default: return "\(e)"
        }
    }
}
