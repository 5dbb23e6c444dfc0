import ArgumentParser
import Foundation

/// The `blockade` command line: simulate, explain and help overcome resistance to immune checkpoint
/// inhibitors. Each subcommand lives in its own file of this module.
public struct BlockadeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "blockade",
        abstract: "Simulate, explain and help overcome resistance to immune checkpoint inhibitors in solid tumours.",
        discussion: """
        Start with `blockade demo`. Identifiers are lowercase-with-hyphens; `blockade list tumors|drugs|mechanisms` \
        shows the valid names.

        Exit status (the same for every command):
          0   success
          64  usage error: a bad option or argument (unknown name, value out of range)
          65  bad input data: an input file that cannot be read or is malformed
          74  I/O error: an output file that could not be written
          1   anything else (e.g. the ODE solver failed)
        """,
        version: version,
        subcommands: [
            DemoCommand.self,
            SimulateCommand.self,
            ExportCommand.self,
            ListCommand.self,
            BenchCommand.self,
            TrialCommand.self,
            MergeCommand.self,
            ProfileCommand.self,
            ValidateCommand.self,
            EvaluateCommand.self,
            TrainCommand.self,
            RunsCommand.self,
            CalibrateCommand.self,
        ]
    )

    /// The program version (semantic versioning), recorded with every run.
    public static let version = "0.2.0"

    public init() {}

    /// Parses the command line, runs the command and exits with the status of ``ExitStatus``:
    /// errors are printed on standard error as `Error: <message>`.
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            guard let status = ExitStatus.status(for: error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(String(describing: error))\n".utf8))
            Foundation.exit(status.rawValue)
        }
    }
}
