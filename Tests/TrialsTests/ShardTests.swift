import BlockadeTestSupport
import Foundation
import Testing
@testable import Trials

@Suite struct ShardTests {
    static func trial(seed: UInt64, patients: Int) -> [ArmOutcomes] {
        var rng = SeededGenerator(seed: seed)
        return ["nivolumab", "ipilimumab", "nivolumab+ipilimumab"].map {
            Fixtures.randomArm(regimen: $0, count: patients, using: &rng)
        }
    }

    @Test(arguments: [1, 2, 3, 7])
    func roundTripThroughFilesIsByteIdentical(count: Int) throws {
        for seed: UInt64 in [1, 2, 3] {
            let arms = Self.trial(seed: seed, patients: 25)
            let whole = try TrialSummary(tumor: "melanoma", selection: "pdl1_tps>=50", seed: seed, arms: arms).jsonString()
            let shards = TrialShard.split(tumor: "melanoma", selection: "pdl1_tps>=50", seed: seed, arms: arms, count: count)
            // Through the file format, in reverse order, to show order does not matter.
            let files = try shards.reversed().map { s in (file: "shard\(s.shard.index).json", shard: try TrialShard.decode(s.encoded(), file: "shard\(s.shard.index).json")) }
            let merged = try TrialShard.merge(shards: files)
            #expect(merged.arms == arms)
            #expect(try merged.summary().jsonString() == whole)
        }
    }

    @Test func patientRangesTile() {
        for total in [0, 1, 5, 10, 101] {
            for count in 1...7 {
                let ranges = (0..<count).map { TrialShard.patientRange(index: $0, count: count, total: total) }
                #expect(ranges.flatMap { Array($0) } == Array(0..<total))
                #expect((ranges.map(\.count).max() ?? 0) - (ranges.map(\.count).min() ?? 0) <= 1)
            }
        }
    }

    static func named(_ count: Int) -> [TrialShard.Named] {
        TrialShard.split(tumor: "melanoma", selection: nil, seed: 1, arms: trial(seed: 1, patients: 9), count: count)
            .map { (file: "s\($0.shard.index).json", shard: $0) }
    }

    @Test func gapIsRejected() {
        var shards = Self.named(3)
        shards.remove(at: 1)
        #expect(throws: TrialShardError.missingShards(indices: [1], count: 3)) { try TrialShard.merge(shards: shards) }
    }

    /// Users number shards from 1 (`--shard 2/3`); the file's `index` is 0-based, and no message shows it.
    @Test("messages number shards from 1, as --shard does")
    func messagesAreOneBased() throws {
        #expect(TrialShardError.missingShards(indices: [1], count: 3).description
                == "gap: shard 2 of 3 missing; merge needs every shard (shards are numbered from 1, as in --shard I/N)")
        #expect(TrialShardError.missingShards(indices: [0, 2], count: 3).description.hasPrefix("gap: shards 1, 3 of 3 missing"))
        var outside = Self.named(2)[1].shard
        outside.shard.index = 2
        #expect(throws: TrialShardError.invalid(file: "x.json", problem: "shard 3 of 2 is out of range (expected shard 1 to 2)")) {
            try outside.validate(file: "x.json")
        }
        var short = Self.named(2)[1].shard
        short.arms[0].outcomes.removeLast()
        let error = #expect(throws: TrialShardError.self) { try short.validate(file: "y.json") }
        #expect(error?.description.contains("but shard 2/2 of 9 patients must hold 4") == true, "\(String(describing: error))")
        var unnamed = Self.named(3).map(\.shard)
        unnamed.append(unnamed[2])
        let overlap = #expect(throws: TrialShardError.self) { try TrialShard.merge(shards: unnamed) }
        #expect(overlap?.description == "shard 3/3 vs shard 3/3: overlap: both are shard 3 of 3")
    }

    @Test func overlapIsRejected() {
        var shards = Self.named(3)
        shards.append((file: "copy.json", shard: shards[0].shard))
        #expect(throws: TrialShardError.mismatch(file: "copy.json", other: "s0.json", problem: "overlap: both are shard 1 of 3")) {
            try TrialShard.merge(shards: shards)
        }
    }

    @Test func mismatchedArmsAndTrialsAreRejected() throws {
        var shards = Self.named(2)
        shards[1].shard.arms[1].regimen = "relatlimab"
        let error = #expect(throws: TrialShardError.self) { try TrialShard.merge(shards: shards) }
        #expect(error?.description.contains("s1.json vs s0.json: arms differ") == true)
        shards = Self.named(2)
        shards[1].shard.seed = 99
        let seedError = #expect(throws: TrialShardError.self) { try TrialShard.merge(shards: shards) }
        #expect(seedError?.description.contains("seed differs") == true)
    }

    @Test func invalidFilesNameTheFileAndProblem() throws {
        let good = Self.named(2)[0].shard
        var wrongFormat = good; wrongFormat.format = "something-else"
        #expect(throws: TrialShardError.invalid(file: "a.json", problem: "format is \"something-else\", expected \"blockade-trial-shard\"")) {
            try TrialShard.decode(wrongFormat.encoded(), file: "a.json")
        }
        var newer = good; newer.version = 2
        #expect(throws: TrialShardError.invalid(file: "b.json", problem: "version 2 is not supported (this build reads version 1)")) {
            try TrialShard.decode(newer.encoded(), file: "b.json")
        }
        let garbage = #expect(throws: TrialShardError.self) { try TrialShard.decode(Data("{\"format\": \"blockade-trial-shard\"}".utf8), file: "c.json") }
        #expect(garbage?.description.hasPrefix("c.json: not a readable trial shard: missing") == true)
        var missingPatient = good; missingPatient.arms[2].outcomes.removeLast()
        let short = #expect(throws: TrialShardError.self) { try TrialShard.decode(missingPatient.encoded(), file: "d.json") }
        #expect(short?.description.contains("d.json: arm \"nivolumab+ipilimumab\" holds 4 patients") == true)
        var unpaired = good; unpaired.arms[1].outcomes[0].patient = 100
        let paired = #expect(throws: TrialShardError.self) { try TrialShard.decode(unpaired.encoded(), file: "e.json") }
        #expect(paired?.description.contains("the design is paired") == true)
    }

    @Test func patientInTwoShardsIsAnOverlap() {
        var shards = Self.named(2)
        for a in shards[1].shard.arms.indices { shards[1].shard.arms[a].outcomes[0].patient = 0 }
        let error = #expect(throws: TrialShardError.self) { try TrialShard.merge(shards: shards) }
        #expect(error?.description.contains("overlap: both hold patient 0") == true)
    }
}

extension ShardTests {
    @Test func unreadableFileIsNamed() {
        let url = URL(fileURLWithPath: "/nonexistent/shard-3.json")
        let error = #expect(throws: TrialShardError.self) { try TrialShard.read(contentsOf: url) }
        #expect(error?.description.hasPrefix("/nonexistent/shard-3.json: cannot be read") == true)
    }

    @Test func shardFileFormatKeys() throws {
        let shard = Self.named(2)[1].shard
        let object = try #require(try JSONSerialization.jsonObject(with: shard.encoded()) as? [String: Any])
        #expect(Set(object.keys) == ["format", "version", "tumor", "selection", "seed", "patients", "shard", "arms"])
        #expect(object["format"] as? String == "blockade-trial-shard" && object["version"] as? Int == 1)
        #expect(object["selection"] is NSNull)
        #expect((object["shard"] as? [String: Int]) == ["index": 1, "count": 2])
    }
}
