import ArgumentParser
import Foundation
import History

/// `blockade runs`: the history of runs kept in the local run database.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List and show recorded runs (command, configuration, version, seed, summary).",
        discussion: """
        Runs are kept in an SQLite database: $BLOCKADE_DATA_DIR/runs.sqlite if BLOCKADE_DATA_DIR is \
        set, else $XDG_DATA_HOME/blockade/runs.sqlite, else ~/.local/share/blockade/runs.sqlite. \
        A run whose process was killed stays 'running'. When the database cannot be opened or written \
        (a damaged file, a data directory that is a file), a recording command says so once on \
        standard error, naming the file, and runs unrecorded.

        Examples:
          blockade runs                          # the 20 most recent runs
          blockade runs list --limit 5 --format json
          blockade runs show 3F2504E0-4F89-11D3-9A0C-0305E82C3301   # an id from `blockade runs list`
          blockade runs show 3F2504E0                   # any unique beginning of the id
          BLOCKADE_DATA_DIR=/tmp/b blockade runs list   # the history kept in another folder
        """,
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    /// Where the database is.
    struct StoreOptions: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("Run database file (default: see `blockade runs --help`).", valueName: "path"))
        var database: String?

        func open() throws -> SQLiteRunStore {
            try SQLiteRunStore(path: database ?? RunStoreLocation.defaultPath())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the most recent runs, newest first.",
            discussion: """
            Examples:
              blockade runs list
              blockade runs list --limit 100 --format json | jq '.[] | select(.status == "failed")'
            """)

        @OptionGroup var store: StoreOptions

        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Most runs listed.", valueName: "n"))
        var limit: Int = 20

        @Option(name: .long, help: "Output format: table or json (an array of runs).")
        var format: Format = .table

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit \(limit): expected a positive number") }
        }

        func run() throws {
            let runs = try store.open().list(limit: limit)
            print(format == .json ? RunListing.json(runs) : RunListing.table(runs), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one run: command, configuration, version, seed and result summary.",
            discussion: """
            Examples:
              blockade runs show 3F2504E0-4F89-11D3-9A0C-0305E82C3301
              blockade runs show 3F2504E0 --format json
            """)

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("The run id as listed by `blockade runs list`, or any beginning of it that only one run has (case-insensitive).", valueName: "id"))
        var id: String

        @Option(name: .long, help: "Output format: table (readable text) or json (configuration and summary embedded as JSON).")
        var format: Format = .table

        func run() throws {
            guard let record = try store.open().run(idOrPrefix: id) else {
                throw RunNotFound(id: id)
            }
            print(format == .json ? RunListing.json(record) : RunListing.text(record), terminator: "")
        }
    }
}

/// `runs show` with an id that is not in the database (exit status 64, no usage text).
struct RunNotFound: Error, CustomStringConvertible {
    let id: String
    var description: String { "no run with an id starting with \(id); `blockade runs list` shows the recorded ones" }
}
