import Foundation
import History

/// The run history as a command that records its runs uses it: a history that cannot be opened or
/// written never stops the run. The first problem is reported on standard error, naming the file;
/// the run goes on unrecorded.
final class RunHistory {
    /// The open store, nil when disabled or unusable.
    private let store: SQLiteRunStore?
    /// Whether a problem has been reported already (one warning per process is enough).
    private var warned = false
    /// Where warnings go; standard error unless a test captures them.
    private let warn: (String) -> Void

    /// Opens the history at `path`, or none when `enabled` is false (`--no-history`).
    /// - Parameters:
    ///   - enabled: false for `--no-history`.
    ///   - path: the database file (default: `RunStoreLocation.defaultPath()`).
    ///   - warn: receives the one warning line, if any.
    init(enabled: Bool, path: String = RunStoreLocation.defaultPath(),
         warn: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.warn = warn
        guard enabled else { store = nil; return }
        var failure: (any Error)?
        do { store = try SQLiteRunStore(path: path) } catch { store = nil; failure = error }
        if let failure { report(failure) }
    }

    /// Runs `body` as a recorded run when the history works, else just runs it.
    /// - Returns: what `body` returned (the run's summary, JSON).
    @discardableResult
    func recording(command: String, configuration: String, version: String, seed: UInt64?,
                   _ body: () async throws -> String?) async throws -> String? {
        guard let store else { return try await body() }
        return try await store.recordingIfPossible(command: command, configuration: configuration, version: version, seed: seed,
                                                   onStoreError: report, body)
    }

    private func report(_ error: any Error) {
        guard !warned else { return }
        warned = true
        warn("blockade: warning: this run is not recorded: \(error) (--no-history skips the history)")
    }
}
