import Foundation
import Testing
import BlockadeTestSupport

@Suite("blockade validate")
struct ValidateCommandTests {
    /// Two trials of one tumour type, so that each fold keeps the other trial's arm.
    static let csv = """
        trial,tumor_id,blockade_regimen,regimen_note,selection_rule,setting,arm,regimen,n,orr_pct,cr_pct,mpfs_mo,mos_mo,g3plus_trae_pct,disc_trae_pct,selection,source,confidence
        CheckMate 067,melanoma,nivolumab,,all,"1L, treatment-naive",Nivolumab,Nivolumab 3 mg/kg q2w,316,45,19,6.9,36.9,23,7.7,Unselected,Larkin NEJM 2015,confirmed
        CheckMate 066,melanoma,dacarbazine,,all,"1L, treatment-naive",Dacarbazine,Dacarbazine 1000 mg/m2 q3w,208,13.9,1,2.2,11.2,17.6,3,Unselected,Robert NEJM 2015,confirmed

        """

    @Test("JSON per held-out arm with intervals and pass marks; merge reproduces the report; errors before work",
          .tags(.slow), .enabled(if: SlowTests.enabled))
    func jsonAndMerge() throws {
        let scratch = try ScratchFolder()
        let csv = scratch.file("arms.csv")
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: csv))
        let out = scratch.file("melanoma.json")
        let run = try CommandLineRun.blockade(["validate", "--tumor", "melanoma", "--calibration", csv, "--landmarks", scratch.file("none.csv"),
                                               "--fit-patients", "6", "--patients", "6", "--interval-draws", "2", "--format", "json", "--output", out])
        #expect(run.status == 65, "a missing landmark table is bad input data: \(run.standardError)")
        let good = try CommandLineRun.blockade(["validate", "--tumor", "melanoma", "--calibration", csv, "--fit-patients", "6", "--patients", "6",
                                                "--interval-draws", "2", "--format", "json", "--output", out])
        #expect(good.status == 0, "stderr: \(good.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let arms = try #require(object["arms"] as? [[String: Any]])
        #expect(arms.count == 2 && arms.compactMap { $0["line"] as? Int } == [2, 3])
        let predicted = try #require(arms[0]["predicted"] as? [String: Any])
        #expect((predicted["orr_pi90"] as? [Double])?.count == 2)
        #expect((object["headline"] as? String)?.hasPrefix("leave-one-trial-out ORR within ±10 points: ") == true)
        // The dacarbazine fold keeps no dacarbazine arm: its sensitivity leaves the fitted value.
        #expect((arms[1]["refit_moved"] as? [String])?.contains { $0.hasPrefix("sensitivity:dacarbazine") } == true)
        let merged = scratch.file("merged.json")
        let merge = try CommandLineRun.blockade(["validate", "merge", out, "--output", merged])
        #expect(merge.status == 0, "stderr: \(merge.standardError)")
        #expect(try String(contentsOfFile: merged, encoding: .utf8) == (try String(contentsOfFile: out, encoding: .utf8)))
        let badTumor = try CommandLineRun.blockade(["validate", "--tumor", "atlantis"])
        #expect(badTumor.status == 64 && badTumor.standardError.contains("--tumor"))
    }
}
