import Testing
import Foundation
import BlockadeTestSupport

/// Shards as a user runs them: `trial --shard I/N` and `merge`, numbered from 1 in both.
@Suite("Shards (end to end)")
struct ShardCommandTests {
    @Test("merge names a missing shard by the number given to --shard")
    func gapIsOneBased() throws {
        let scratch = try ScratchFolder()
        var files: [String] = []
        for i in [1, 3] {
            let file = scratch.file("shard\(i).json")
            let run = try CommandLineRun.blockade(["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "6", "--days", "56",
                                                   "--no-attribution", "--no-history", "--quiet", "--shard", "\(i)/3", "--output", file])
            #expect(run.status == 0, "stderr: \(run.standardError)")
            #expect(run.standardOutput.contains("wrote shard \(i)/3"))
            files.append(file)
        }
        let merge = try CommandLineRun.blockade(["merge"] + files)
        #expect(merge.status != 0)
        #expect(merge.standardError.contains("gap: shard 2 of 3 missing"), "stderr: \(merge.standardError)")
    }
}
