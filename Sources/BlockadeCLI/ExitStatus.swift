import ArgumentParser
import History
import Omics
import Calibration
import Scenarios
import Trials
import TumorImmune

/// The exit status of every `blockade` command — one convention, with the numbers of BSD
/// `sysexits.h` that ArgumentParser already uses for usage errors:
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 64 | usage error: a bad option or argument (unknown name, value out of range, malformed regimen) |
/// | 65 | bad input data: a user file that cannot be read or is malformed (expression, clinical, shard, populations, calibration CSV, scenario, run history) |
/// | 74 | I/O error writing output (a file that could not be written once the work was done) |
/// | 1 | anything else (a solver failure, an internal error) |
///
/// ``status(for:)`` is the one place that maps errors to these; `BlockadeCommand.main()` applies it.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// The command did what was asked.
    case success = 0
    /// Anything not covered below.
    case failure = 1
    /// `EX_USAGE`: the command line is wrong.
    case usage = 64
    /// `EX_DATAERR`: an input file is unreadable or malformed.
    case dataError = 65
    /// `EX_IOERR`: an output could not be written.
    case ioError = 74

    /// The status for an error thrown by a command, or nil for errors whose status ArgumentParser
    /// decides (help and version requests, parse and validation errors → 64, explicit `ExitCode`s).
    public static func status(for error: any Error) -> ExitStatus? {
        switch error {
        case let error as BlockadeError:
            if case .solverFailure = error { return .failure }
            return .usage
        case is SelectionError: return .usage
        case is RunNotFound: return .usage
        case let error as RunStoreError:
            switch error {
            case .invalidID, .ambiguousID: return .usage
            case .unusableDatabase, .corruptRow: return .dataError
            case .cannotCreateDirectory: return .ioError
            case .invalidJSON: return .failure
            }
        case is OmicsError, is TrialShardError, is PopulationDataError, is CalibrationFileError, is ScenarioError: return .dataError
        case is OutputWriteError: return .ioError
        case is ValidationError, is ExitCode, is CleanExit: return nil
        default:
            // ArgumentParser's own errors (parse errors, and what a validate() threw, wrapped) keep
            // the status and message it gives them; validate() throws ValidationError for 64.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return nil }
            return .failure
        }
    }
}
