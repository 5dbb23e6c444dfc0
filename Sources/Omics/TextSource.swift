import Foundation

/// Reads a whole text file into memory, transparently decompressing gzip.
///
/// gzip is handled by running `/usr/bin/gzip -dc` through Foundation's `Process`: Foundation on Linux
/// has no gzip API, and linking zlib would need a system-library target and headers on every build
/// machine, while a gzip binary is present on every Linux and macOS install. The file is recognised as
/// gzip by its magic bytes (1f 8b), not by its name.
public enum TextSource {
    /// Path of the gzip binary used for decompression.
    public static let gzipPath = "/usr/bin/gzip"

    /// The bytes of `path`, decompressed if gzip-compressed.
    /// - Throws: `OmicsError.unreadable` if the file cannot be read or decompressed.
    public static func read(_ path: String) throws(OmicsError) -> [UInt8] {
        let raw: Data
        do {
            raw = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: "no such file, not a regular file, or permission denied")
        }
        if raw.count >= 2, raw[raw.startIndex] == 0x1f, raw[raw.startIndex + 1] == 0x8b {
            return try gunzip(path)
        }
        return [UInt8](raw)
    }

    private static func gunzip(_ path: String) throws(OmicsError) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gzipPath)
        process.arguments = ["-dc", path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw .unreadable(file: path, reason: "cannot run \(gzipPath) to decompress: \(error.localizedDescription)")
        }
        // Drain stdout before waiting, or a large file would fill the pipe and deadlock.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .unreadable(file: path, reason: "gzip could not decompress it (exit status \(process.terminationStatus)); is the file truncated?")
        }
        return [UInt8](data)
    }

    /// Byte ranges of every line of `bytes` (without the terminator; `\r\n` accepted); empty lines are
    /// kept so that indices are line numbers − 1. Uses `memchr`, which scans many bytes per step.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let n = p.count
            var start = 0
            while start < n {
                let found = memchr(base + start, 10, n - start)
                let newline = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                var end = newline
                if end > start, p[end - 1] == 13 { end -= 1 }
                ranges.append(start..<end)
                start = newline + 1
            }
        }
        return ranges
    }
}
