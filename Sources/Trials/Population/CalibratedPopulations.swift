import Foundation

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
    }

    /// The fitted populations (nil if the embedded data is absent or unreadable).
    public static let file: File? = try? JSONDecoder().decode(File.self, from: Data(calibratedPopulationsJSON.utf8))

    /// The fitted population of a tumour type, if any.
    public static func model(for tumor: String) -> PopulationModel? {
        file?.populations.first { $0.tumor == tumor }
    }
}
