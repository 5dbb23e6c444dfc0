import ArgumentParser
import Foundation

/// Output files: checked before any work starts, so a long run never ends in an opaque I/O error
/// with its results lost, and written atomically (nothing half-written on failure).
enum OutputPath {
    /// Throws a ``ValidationError`` that names the option, the file and the reason when `path` is a
    /// directory, its folder does not exist, or the folder (or an existing file) is not writable.
    /// - Parameters:
    ///   - path: the output file as the user gave it (relative to the current directory or absolute).
    ///   - option: the option that named it, e.g. `--report`, quoted in the message.
    static func checkWritable(_ path: String, option: String) throws {
        if let reason = problem(writing: path) {
            throw ValidationError("\(option): cannot write \(path): \(reason)")
        }
    }

    /// Why `path` cannot be written as a file, or nil when it can (as far as can be told before writing).
    static func problem(writing path: String) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if path.isEmpty { return "the path is empty" }
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "it is a directory" }
            return fm.isWritableFile(atPath: path) ? nil : "no write permission"
        }
        if path.hasSuffix("/") { return "it names a folder (ends with '/'); give a file name" }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            return "the folder \(folder) does not exist (create it first)"
        }
        guard isDirectory.boolValue else { return "\(folder) is a file, not a folder" }
        return fm.isWritableFile(atPath: folder) ? nil : "no write permission in the folder \(folder)"
    }

    /// The file `path` names, with symbolic links and `.`/`..` resolved, so two spellings of one
    /// file compare equal.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Writes `data` to `path` atomically.
    /// - Throws: ``OutputWriteError`` naming the file and the reason.
    static func write(_ data: Data, to path: String) throws(OutputWriteError) {
        try writing(path) { try data.write(to: URL(fileURLWithPath: path), options: .atomic) }
    }

    /// Runs `body`, which writes the file `path`, turning its error into an ``OutputWriteError``
    /// naming the file (for writers of other modules, such as the populations data file).
    static func writing(_ path: String, _ body: () throws -> Void) throws(OutputWriteError) {
        do {
            try body()
        } catch {
            throw OutputWriteError(path: path, reason: problem(writing: path) ?? error.localizedDescription)
        }
    }
}

/// An output file that could not be written once the work was done (disk full, permissions changed
/// during the run, ...). The exit status is 74 (I/O error).
struct OutputWriteError: Error, CustomStringConvertible {
    /// The file as the user named it.
    var path: String
    /// What went wrong, in words.
    var reason: String

    var description: String { "cannot write \(path): \(reason)" }
}

/// Writes text to a file atomically (nothing half-written on failure), or to standard output when
/// `path` is nil.
/// - Throws: ``OutputWriteError`` naming the file.
func writeOutput(_ text: String, to path: String?) throws(OutputWriteError) {
    guard let path else { print(text, terminator: text.hasSuffix("\n") ? "" : "\n"); return }
    try OutputPath.write(Data(text.utf8), to: path)
}
