import ArgumentParser
import Foundation
import Trials

/// `--populations FILE`: the calibrated populations data file to use instead of the shipped one.
struct PopulationDataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Calibrated populations data file (JSON written by `blockade calibrate --write`; default: the one shipped with Blockade).", valueName: "file"))
    var populations: String?

    /// The selected data file, read and checked.
    /// - Throws: ``PopulationDataError`` naming the file and the problem.
    func file() throws -> CalibratedPopulations.File {
        guard let populations else { return try CalibratedPopulations.shipped() }
        return try CalibratedPopulations.load(contentsOf: URL(fileURLWithPath: populations))
    }
}
