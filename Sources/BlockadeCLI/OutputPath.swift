import ArgumentParser
import Foundation

/// Checks, before any work starts, that an output file can be written, so a long run never ends
/// in an opaque I/O error with its results lost.
enum OutputPath {
    /// Throws a ``ValidationError`` that names the option and the reason when `path` is a
    /// directory, its folder does not exist, or the folder (or an existing file) is not writable.
    static func checkWritable(_ path: String, option: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw ValidationError("\(option) \(path): cannot write it, it is a directory") }
            if !fm.isWritableFile(atPath: path) { throw ValidationError("\(option) \(path): cannot write it, no write permission") }
            return
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option) \(path): cannot write it, the folder \(folder) does not exist")
        }
        if !fm.isWritableFile(atPath: folder) { throw ValidationError("\(option) \(path): cannot write it, no write permission in \(folder)") }
    }
}
