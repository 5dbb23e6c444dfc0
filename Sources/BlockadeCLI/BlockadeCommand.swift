import ArgumentParser

/// The `blockade` command line: simulate, explain and help overcome resistance to immune checkpoint
/// inhibitors. Each subcommand lives in its own file of this module.
public struct BlockadeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "blockade",
        abstract: "Simulate, explain and help overcome resistance to immune checkpoint inhibitors in solid tumours.",
        discussion: """
        Start with `blockade demo`. Identifiers are lowercase-with-hyphens; `blockade list tumors|drugs|mechanisms` \
        shows the valid names.
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
            EvaluateCommand.self,
            TrainCommand.self,
            RunsCommand.self,
            CalibrateCommand.self,
        ]
    )

    /// The program version (semantic versioning), recorded with every run.
    public static let version = "0.2.0"

    public init() {}
}
