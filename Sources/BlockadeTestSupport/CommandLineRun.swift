import Foundation

/// One finished run of a command-line program: exit status and everything it printed.
///
/// End-to-end tests of `blockade` run the built executable as a user would, so argument parsing,
/// error reporting and exit codes are covered along with the output.
public struct CommandLineRun: Sendable {
    /// Exit status (0 = success).
    public var status: Int32
    /// Everything written to standard output, decoded as UTF-8.
    public var standardOutput: String
    /// Everything written to standard error, decoded as UTF-8.
    public var standardError: String

    /// Why a program could not be run.
    public struct LaunchError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `executable` with `arguments` and waits for it to finish.
    ///
    /// Output goes to temporary files rather than pipes, so a program that prints more than a pipe
    /// buffer (64 KiB) cannot dead-lock against a parent that only reads after it exits.
    /// - Parameters:
    ///   - environment: variables set (or replaced) on top of this process's environment.
    ///   - directory: the working directory (nil: this process's), for relative paths in `arguments`.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           directory: URL? = nil) throws -> CommandLineRun {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("blockade-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close()
        return CommandLineRun(status: process.terminationStatus,
                              standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                              standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs the built `blockade` executable (see ``blockadeExecutable(filePath:)``).
    /// - Parameters:
    ///   - environment: variables set (or replaced) on top of this process's environment,
    ///     e.g. `["BLOCKADE_DATA_DIR": folder]`.
    ///   - directory: the working directory (nil: this process's).
    public static func blockade(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil,
                                filePath: String = #filePath) throws -> CommandLineRun {
        try run(blockadeExecutable(filePath: filePath), arguments, environment: environment, directory: directory)
    }

    /// The `blockade` executable of the current build.
    ///
    /// Looked for, in order: `$BLOCKADE_EXECUTABLE`; next to the running test bundle (same build
    /// configuration and triple, so never a stale binary from another configuration); then
    /// `.build/{debug,release}/blockade` under the package that holds `filePath`.
    /// - Throws: ``LaunchError`` saying where it looked and how to build it.
    public static func blockadeExecutable(filePath: String = #filePath) throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BLOCKADE_EXECUTABLE"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        var directories: [URL] = []
        if let exe = Bundle.main.executableURL { directories.append(exe.deletingLastPathComponent()) }
        directories.append(Bundle.main.bundleURL)
        directories.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let argument0 = CommandLine.arguments.first, argument0.contains("/") {
            directories.append(URL(fileURLWithPath: argument0).deletingLastPathComponent())
        }
        // Sources/BlockadeTestSupport/<file>.swift or Tests/<Target>/<file>.swift → package root.
        let packageRoot = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        directories += ["debug", "release"].map { packageRoot.appendingPathComponent(".build/\($0)") }
        candidates += directories.map { $0.appendingPathComponent("blockade") }
        if let found = candidates.first(where: { fm.isExecutableFile(atPath: $0.path) && !isDirectory($0) }) {
            return found
        }
        throw LaunchError(description: """
            no built `blockade` executable found; looked at \(candidates.map(\.path).joined(separator: ", ")). \
            Build it with `swift build` (or set BLOCKADE_EXECUTABLE).
            """)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
