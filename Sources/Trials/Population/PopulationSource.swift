import Foundation
import TumorImmune

/// Which virtual populations a trial draws its patients from. Trials use the calibrated
/// populations unless told otherwise (``shipped()``); `standard` gives the tumour types' catalogue
/// defaults, unfitted, with the toxicity model's default scales.
public enum PopulationSource: Sendable {
    case calibrated(CalibratedPopulations.File)
    case standard

    /// The default: the calibrated populations shipped with Blockade.
    public static func shipped() throws(PopulationDataError) -> PopulationSource { .calibrated(try CalibratedPopulations.shipped()) }

    /// The population of a tumour type (nil: the standard one), with the chemotherapies it has no
    /// fitted sensitivity for taken from the fits of every tumour type (``ChemotherapySensitivityPrior``).
    public func model(for tumor: String) -> PopulationModel? {
        guard case .calibrated(let file) = self, let model = file.model(for: tumor) else { return nil }
        // The same prior as ensemble(for:).
        return ChemotherapySensitivityPrior(models: file.populations).completing(model)
    }

    /// The prediction-interval parameter sets of a tumour type (nil: none), completed like its
    /// population (``model(for:)``), so that the intervals and the trial see the same drugs.
    public func ensemble(for tumor: String) -> ParameterEnsemble? {
        guard case .calibrated(let file) = self, var ensemble = file.ensembles?[tumor] else { return nil }
        let prior = ChemotherapySensitivityPrior(models: file.populations)
        ensemble.members = ensemble.members.map(prior.completing)
        return ensemble
    }

    /// The fitted toxicity scales (nil: the toxicity model's defaults).
    public var toxicityCalibration: CalibratedPopulations.ToxicityCalibration? {
        if case .calibrated(let file) = self { return file.toxicity }
        return nil
    }

}

extension TrialRunner {
    /// A runner whose patients come from `populations` (the configuration's toxicity calibration is
    /// replaced by that of the source).
    /// - Parameter regimens: arms already built, replacing the configuration's regimen strings
    ///   (see ``init(configuration:regimens:populationModel:)``).
    /// - Throws: ``BlockadeError/invalidArgument(_:)`` when a calibrated file has no population for
    ///   the tumour type (never a silent fallback to the unfitted one).
    public init(configuration: TrialConfiguration, populations: PopulationSource, regimens: [Regimen]? = nil) throws {
        var config = configuration
        config.toxicityCalibration = populations.toxicityCalibration
        if case .calibrated(let file) = populations, file.model(for: config.tumor) == nil {
            _ = try TumorType.named(config.tumor)
            throw BlockadeError.invalidArgument(
                "the calibrated populations (data file version \(file.version)) have no population for '\(config.tumor)'; "
                + "fitted: \(file.populations.map(\.tumor).joined(separator: ", ")). Use --population standard for the unfitted one.")
        }
        try self.init(configuration: config, regimens: regimens, populationModel: populations.model(for: config.tumor))
    }
}
