import Foundation

/// Where the run database lives by default.
public enum RunStoreLocation {
    /// File name of the run database inside the data directory.
    public static let fileName = "runs.sqlite"

    /// The data directory: `$BLOCKADE_DATA_DIR` if set, else `$XDG_DATA_HOME/blockade`, else
    /// `~/.local/share/blockade` (XDG Base Directory Specification defaults).
    /// - Parameter environment: the process environment (a parameter so tests need not change their own).
    public static func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment["BLOCKADE_DATA_DIR"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return (xdg as NSString).appendingPathComponent("blockade") }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/blockade")
    }

    /// The default database path, `dataDirectory(environment:)/runs.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (dataDirectory(environment: environment) as NSString).appendingPathComponent(fileName)
    }
}
