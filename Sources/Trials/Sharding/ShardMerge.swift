/// The merged content of a complete set of shards: the trial's header and its full arms.
public struct MergedTrial: Sendable, Equatable {
    /// Tumour type identifier.
    public var tumor: String
    /// Biomarker selection expression, nil for all-comers.
    public var selection: String?
    /// Population seed.
    public var seed: UInt64
    /// Line of therapy (nil: first line).
    public var line: TherapyLine?
    /// Full arms in `--arm` order, outcomes sorted by patient index.
    public var arms: [ArmOutcomes]
    /// The trial's prediction intervals per arm (nil: not computed).
    public var intervals: [ArmPredictionInterval]?

    /// The trial summary of the merged arms — byte-identical JSON to summarising the unsharded run.
    public func summary() throws(TrialStatisticsError) -> TrialSummary {
        var s = try TrialSummary(tumor: tumor, selection: selection, seed: seed, line: line, arms: arms)
        if let intervals, intervals.count == s.arms.count {
            for k in s.arms.indices { s.arms[k].predictionInterval = intervals[k] }
        }
        return s
    }
}

extension TrialShard {
    /// A shard with the name of the file it came from, for error messages.
    public typealias Named = (file: String, shard: TrialShard)

    /// Puts a complete set of shards back together, in any order.
    ///
    /// Every shard must be valid on its own (`validate(file:)`), come from the same trial (tumor,
    /// selection, seed, patients, shard count) with the same arms in the same order, and the shard
    /// indices must cover 0..<count exactly once — a duplicate index is an overlap, a missing one a
    /// gap — and no patient may appear in two shards (overlap). Outcomes are concatenated per arm and sorted by patient index.
    /// - Parameter shards: the shards with their file names.
    /// - Throws: `TrialShardError` naming the file(s) and the problem.
    public static func merge(shards: [Named]) throws(TrialShardError) -> MergedTrial {
        guard let first = shards.first else { throw .noShards }
        for named in shards { try named.shard.validate(file: named.file) }
        let header = first.shard
        var byIndex: [Int: String] = [:]
        for (file, shard) in shards {
            func differs(_ what: String, _ a: String, _ b: String) -> TrialShardError {
                .mismatch(file: file, other: first.file, problem: "\(what) differs: \(a) vs \(b); shards of different trials")
            }
            if shard.tumor != header.tumor { throw differs("tumor", shard.tumor, header.tumor) }
            if shard.selection != header.selection {
                throw differs("selection", shard.selection ?? "none", header.selection ?? "none")
            }
            if shard.seed != header.seed { throw differs("seed", "\(shard.seed)", "\(header.seed)") }
            if shard.line != header.line {
                throw differs("line", shard.line?.rawValue ?? "first", header.line?.rawValue ?? "first")
            }
            if shard.patients != header.patients { throw differs("patients", "\(shard.patients)", "\(header.patients)") }
            if shard.shard.count != header.shard.count {
                throw differs("shard count", "\(shard.shard.count)", "\(header.shard.count)")
            }
            let regimens = shard.arms.map(\.regimen), expected = header.arms.map(\.regimen)
            if regimens != expected {
                throw .mismatch(file: file, other: first.file, problem:
                    "arms differ: [\(regimens.joined(separator: ", "))] vs [\(expected.joined(separator: ", "))]")
            }
            if shard.intervals != header.intervals {
                throw .mismatch(file: file, other: first.file, problem: "prediction intervals differ; shards of different trials or data files")
            }
            if let previous = byIndex[shard.shard.index] {
                throw .mismatch(file: file, other: previous, problem:
                    "overlap: both are shard \(shard.shard.number) of \(shard.shard.count)")
            }
            byIndex[shard.shard.index] = file
        }
        let missing = (0..<header.shard.count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(indices: missing, count: header.shard.count) }

        var owner: [Int: String] = [:]
        for (file, shard) in shards {
            for o in shard.arms[0].outcomes {
                if let other = owner.updateValue(file, forKey: o.patient) {
                    throw .mismatch(file: file, other: other, problem: "overlap: both hold patient \(o.patient)")
                }
            }
        }
        let ordered = shards.map(\.shard).sorted { $0.shard.index < $1.shard.index }
        let arms = header.arms.indices.map { a in
            ArmOutcomes(regimen: header.arms[a].regimen,
                        outcomes: ordered.flatMap { $0.arms[a].outcomes }.sorted { $0.patient < $1.patient })
        }
        return MergedTrial(tumor: header.tumor, selection: header.selection, seed: header.seed, line: header.line, arms: arms,
                           intervals: header.intervals)
    }

    /// Merges shards that did not come from files; errors name them `shard <number>/<count>` (1-based).
    public static func merge(shards: [TrialShard]) throws(TrialShardError) -> MergedTrial {
        try merge(shards: shards.map { (file: "shard \($0.shard.number)/\($0.shard.count)", shard: $0) })
    }

    /// Splits a whole trial's arms into `count` shards by `patientRange(index:count:total:)`.
    /// The arms must hold patients 0..<patients (the CLI produces shards directly; this is the
    /// inverse of `merge` for tests and tools).
    public static func split(tumor: String, selection: String?, seed: UInt64, arms: [ArmOutcomes], count: Int) -> [TrialShard] {
        let total = arms.first?.outcomes.count ?? 0
        return (0..<count).map { index in
            let range = patientRange(index: index, count: count, total: total)
            let shardArms = arms.map { $0.shard(patients: range) }
            return TrialShard(tumor: tumor, selection: selection, seed: seed, patients: total,
                              shard: Position(index: index, count: count), arms: shardArms)
        }
    }
}

extension ArmOutcomes {
    /// The part of the arm whose patient indices lie in `range` (one shard of it), in patient order.
    /// - Parameter range: patient indices, e.g. `TrialShard.patientRange(index:count:total:)`.
    public func shard(patients range: Range<Int>) -> ArmOutcomes {
        ArmOutcomes(regimen: regimen, outcomes: outcomes.filter { range.contains($0.patient) }.sorted { $0.patient < $1.patient })
    }
}
