import Foundation
import GRDB

/// Direct GRDB access for tests that must misbehave in ways the store never does.
enum GRDBTestAccess {
    static func queue(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}

/// A child process that opens the run database, begins a write transaction, inserts many rows
/// (enough that SQLite spills pages to the WAL before commit), says "ready" and waits to be killed.
enum KilledWriter {
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    } ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static let script = """
        import sqlite3, sys, time, uuid
        db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
        db.execute("PRAGMA cache_size = 10")  # small cache: uncommitted pages reach the WAL file
        db.execute("BEGIN IMMEDIATE")
        for k in range(5000):
            db.execute("INSERT INTO run (id, started, command, configuration, version, status) VALUES (?, ?, ?, ?, ?, 'running')",
                       (str(uuid.uuid4()).upper(), "2030-01-01T00:00:00.000Z", "doomed " + "x" * 500, "{}", "v"))
        print("ready", flush=True)
        time.sleep(120)
        """

    struct ChildFailed: Error, CustomStringConvertible { let description: String }

    static func runAndKill(database: String) throws {
        guard let python else { throw ChildFailed(description: "python3 not found") }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: python)
        child.arguments = ["-c", script, database]
        let out = Pipe()
        child.standardOutput = out
        try child.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("ready") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty {
                child.waitUntilExit()
                throw ChildFailed(description: "child writer exited (status \(child.terminationStatus)) before it was ready")
            }
            seen.append(chunk)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        guard child.terminationReason == .uncaughtSignal, child.terminationStatus == SIGKILL else {
            throw ChildFailed(description: "child was not killed by SIGKILL")
        }
    }
}
