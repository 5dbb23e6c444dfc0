import Foundation

/// One shard of a virtual trial: the outcomes of a contiguous range of patients in every arm, so a
/// large trial can run as independent processes (`blockade trial ... --shard I/N --output F`) and
/// be put back together with `TrialShard.merge(_:)` (`blockade merge`).
///
/// Shard i of n holds the enrolled patients at positions `patientRange(index: i, count: n, total:)`
/// of the trial's enrolment order — for all-comers, patient indices in that range. Patient indices
/// themselves need not be contiguous (a biomarker selection may skip population indices); they must
/// be unique, the same in every arm, and shards may not share any.
///
/// File format (JSON, keys sorted):
/// `{"format": "blockade-trial-shard", "version": 1, "tumor", "selection", "seed", "patients": total,
///   "shard": {"index": i, "count": n}, "arms": [ArmOutcomes]}` — `index` is 0-based.
public struct TrialShard: Codable, Sendable, Equatable {
    /// Position of a shard among its siblings.
    public struct Position: Codable, Sendable, Equatable {
        /// 0-based shard index, 0 ≤ index < count.
        public var index: Int
        /// Number of shards in the trial.
        public var count: Int
        /// Shard `index` (0-based) of `count`.
        public init(index: Int, count: Int) { self.index = index; self.count = count }
        /// The shard's number as users see it, 1-based (`--shard 2/8` is index 1): every message uses it.
        public var number: Int { index + 1 }
    }

    /// The value of `format`.
    public static let formatName = "blockade-trial-shard"
    /// The version written, and the only one read.
    public static let currentVersion = 1

    /// Always `blockade-trial-shard`.
    public var format: String
    /// File-format version, 1.
    public var version: Int
    /// Tumour type identifier.
    public var tumor: String
    /// Biomarker selection expression, nil for all-comers.
    public var selection: String?
    /// Population seed.
    public var seed: UInt64
    /// Line of therapy (nil: first line; the key is then left out, as in files before lines existed).
    public var line: TherapyLine?
    /// Patients in the whole trial (every shard together), per arm.
    public var patients: Int
    /// Which shard this is.
    public var shard: Position
    /// The shard's outcomes, one entry per arm in `--arm` order.
    public var arms: [ArmOutcomes]
    /// The trial's prediction intervals per arm (they depend on the trial, not on the shard, so
    /// every shard holds the same; absent when not computed).
    public var intervals: [ArmPredictionInterval]?

    /// A shard in the current format and version.
    public init(tumor: String, selection: String?, seed: UInt64, line: TherapyLine? = nil, patients: Int, shard: Position, arms: [ArmOutcomes]) {
        format = Self.formatName
        version = Self.currentVersion
        self.tumor = tumor; self.selection = selection; self.seed = seed; self.line = line == .first ? nil : line
        self.patients = patients; self.shard = shard; self.arms = arms
    }

    enum CodingKeys: String, CodingKey { case format, version, tumor, selection, seed, line, patients, shard, arms, intervals }

    /// Writes every key, `selection` as null for all-comers (synthesised coding would omit it).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(version, forKey: .version)
        try c.encode(tumor, forKey: .tumor)
        try c.encode(selection, forKey: .selection)  // null for all-comers, never omitted
        try c.encode(seed, forKey: .seed)
        try c.encodeIfPresent(line, forKey: .line)
        try c.encode(patients, forKey: .patients)
        try c.encode(shard, forKey: .shard)
        try c.encode(arms, forKey: .arms)
        try c.encodeIfPresent(intervals, forKey: .intervals)
    }

    /// The patient indices shard `index` of `count` covers when `total` patients are split into
    /// contiguous ranges whose sizes differ by at most one (the first `total % count` get one more).
    /// - Parameters:
    ///   - index: 0-based shard index.
    ///   - count: number of shards (≥ 1).
    ///   - total: number of patients.
    public static func patientRange(index: Int, count: Int, total: Int) -> Range<Int> {
        precondition(count >= 1 && (0..<count).contains(index) && total >= 0, "invalid shard \(index)/\(count)")
        let base = total / count, extra = total % count
        let start = index * base + min(index, extra)
        return start..<(start + base + (index < extra ? 1 : 0))
    }

    /// The shard's JSON (sorted keys, trailing newline). Doubles are written in shortest
    /// round-trip form, so decoding gives back bit-identical outcomes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads and validates a shard.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: its name, used in error messages.
    /// - Throws: `TrialShardError` naming `file` and the problem.
    public static func decode(_ data: Data, file: String) throws(TrialShardError) -> TrialShard {
        let shard: TrialShard
        do {
            shard = try JSONDecoder().decode(TrialShard.self, from: data)
        } catch {
            // Say what is wrong in the user's terms before the decoder's details.
            if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                if let format = object["format"] as? String, format != formatName {
                    throw .invalid(file: file, problem: "format is \"\(format)\", expected \"\(formatName)\"")
                }
                if object["format"] == nil { throw .invalid(file: file, problem: "no \"format\"; not a Blockade trial shard") }
                if let version = object["version"] as? Int, version != currentVersion {
                    throw .invalid(file: file, problem: "version \(version) is not supported (this build reads version \(currentVersion))")
                }
            }
            throw .invalid(file: file, problem: "not a readable trial shard: \(Self.describe(error))")
        }
        try shard.validate(file: file)
        return shard
    }

    /// Reads and validates a shard file.
    /// - Throws: `TrialShardError` naming the file.
    public static func read(contentsOf url: URL) throws(TrialShardError) -> TrialShard {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalid(file: url.path, problem: "cannot be read: \(error.localizedDescription)")
        }
        return try decode(data, file: url.path)
    }

    /// Checks one shard on its own: header, position, and that every arm holds the same patients,
    /// each once, as many as `patientRange(index:count:total:)` gives the shard.
    public func validate(file: String) throws(TrialShardError) {
        guard format == Self.formatName else {
            throw .invalid(file: file, problem: "format is \"\(format)\", expected \"\(Self.formatName)\"")
        }
        guard version == Self.currentVersion else {
            throw .invalid(file: file, problem: "version \(version) is not supported (this build reads version \(Self.currentVersion))")
        }
        guard shard.count >= 1, (0..<shard.count).contains(shard.index) else {
            throw .invalid(file: file, problem: "shard \(shard.number) of \(shard.count) is out of range (expected shard 1 to \(shard.count))")
        }
        guard patients >= 0 else { throw .invalid(file: file, problem: "patients is \(patients); must be ≥ 0") }
        guard !arms.isEmpty else { throw .invalid(file: file, problem: "no arms") }
        let expectedCount = Self.patientRange(index: shard.index, count: shard.count, total: patients).count
        var seen = Set<String>()
        var reference: (regimen: String, indices: [Int])?
        for arm in arms {
            guard seen.insert(arm.regimen).inserted else {
                throw .invalid(file: file, problem: "arm \"\(arm.regimen)\" appears twice")
            }
            let indices = arm.outcomes.map(\.patient).sorted()
            if let duplicate = zip(indices, indices.dropFirst()).first(where: { $0 == $1 }) {
                throw .invalid(file: file, problem: "arm \"\(arm.regimen)\": patient \(duplicate.0) appears twice")
            }
            guard indices.count == expectedCount else {
                throw .invalid(file: file, problem: "arm \"\(arm.regimen)\" holds \(indices.count) patients, but shard "
                    + "\(shard.number)/\(shard.count) of \(patients) patients must hold \(expectedCount)")
            }
            if let reference, reference.indices != indices {
                throw .invalid(file: file, problem: "arms \"\(arm.regimen)\" and \"\(reference.regimen)\" hold different "
                    + "patients (\(Self.describe(indices)) vs \(Self.describe(reference.indices))); the design is paired")
            }
            if reference == nil { reference = (arm.regimen, indices) }
        }
    }

    static func describe(_ indices: [Int]) -> String {
        guard let first = indices.first, let last = indices.last else { return "none" }
        return indices == Array(first...last) ? "\(first)…\(last)" : "\(indices.count) non-contiguous indices from \(first) to \(last)"
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            "missing \"\(key.stringValue)\" at \(path(context))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            "\(context.debugDescription) at \(path(context))"
        case let DecodingError.dataCorrupted(context):
            "\(context.debugDescription) \(path(context))"
        default:
            "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.isEmpty ? "top level" : p
    }
}

/// A shard that cannot be read or merged; every message names the file (or files) and the problem.
public enum TrialShardError: Error, Equatable, CustomStringConvertible {
    /// One file is unreadable or inconsistent in itself.
    case invalid(file: String, problem: String)
    /// Two shard files disagree (different trials, arms, or the same shard twice).
    case mismatch(file: String, other: String, problem: String)
    /// The set of shards is incomplete; `indices` are 0-based (the message shows them 1-based).
    case missingShards(indices: [Int], count: Int)
    /// Nothing to merge.
    case noShards

    public var description: String {
        switch self {
        case let .invalid(file, problem): "\(file): \(problem)"
        case let .mismatch(file, other, problem): "\(file) vs \(other): \(problem)"
        case let .missingShards(indices, count):
            "gap: shard\(indices.count == 1 ? "" : "s") \(indices.map { String($0 + 1) }.joined(separator: ", ")) of \(count) "
                + "missing; merge needs every shard (shards are numbered from 1, as in --shard I/N)"
        case .noShards: "no shards to merge"
        }
    }
}
