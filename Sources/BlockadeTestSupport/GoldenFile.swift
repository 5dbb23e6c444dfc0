import Foundation

/// The project's one golden-file convention: expected outputs live as files in `Tests/Golden/`,
/// compared byte for byte; `BLOCKADE_UPDATE_GOLDEN=1` rewrites them from the current output
/// (check the diff with `git diff Tests/Golden` before committing).
public enum GoldenFile {
    /// `Tests/Golden/`, found from the calling test file's path.
    public static func directory(filePath: String = #filePath) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" && dir.lastPathComponent != "Tests" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("Golden", isDirectory: true)
    }

    /// Whether this run rewrites golden files instead of comparing with them.
    public static var updating: Bool { ProcessInfo.processInfo.environment["BLOCKADE_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`; returns nil when equal (or after rewriting it
    /// in update mode), otherwise a message naming the file and the first differing line.
    /// - Throws: when the golden file is missing (outside update mode) or cannot be written.
    public static func mismatch(_ actual: String, name: String, filePath: String = #filePath) throws -> String? {
        let url = directory(filePath: filePath).appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return nil
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end of output>"
        let want = line < e.count ? String(e[line]) : "<end of file>"
        return """
            output differs from Tests/Golden/\(name) at line \(line + 1):
              expected: \(want)
              actual:   \(got)
            rerun with BLOCKADE_UPDATE_GOLDEN=1 if the change is intended, and review `git diff Tests/Golden`
            """
    }
}
