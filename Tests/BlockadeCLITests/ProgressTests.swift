import Testing
import Foundation
import BlockadeTestSupport
@testable import BlockadeCLI
import Calibration
import Trials

@Suite("Progress on standard error")
struct ProgressTests {
    @Test("durations read as seconds, minutes and seconds, or hours and minutes",
          arguments: [(0.0, "0s"), (9.4, "9s"), (59.6, "1m00s"), (80, "1m20s"), (3599, "59m59s"), (3600, "1h00m"),
                      (7500, "2h05m"), (.infinity, "?"), (-1, "?")])
    func durations(_ seconds: Double, _ text: String) {
        #expect(DurationText.compact(seconds) == text)
    }

    @Test("the trial bar estimates the time left from the rate so far, and says how long it took at the end")
    func eta() {
        let start = ProgressBar.line(label: "melanoma × 1 arm(s)", done: 0, total: 400, elapsed: 0.5)
        #expect(!start.contains("ETA"), "no estimate before the first patient: \(start)")
        let quarter = ProgressBar.line(label: "melanoma × 1 arm(s)", done: 100, total: 400, elapsed: 40)
        #expect(quarter == "melanoma × 1 arm(s) [#######.......................] 100/400 patients, 2.5/s, ETA 2m00s")
        let end = ProgressBar.line(label: "x", done: 400, total: 400, elapsed: 95)
        #expect(end.hasSuffix("400/400 patients, 4.2/s, done in 1m35s"), "\(end)")
    }

    @Test("calibrate's line names the tumour, the evaluation of the budget, the loss and the time")
    func calibrationLine() {
        let e = CalibrationEvaluation(stage: "melanoma", index: 37, planned: 212, loss: 1.2345, elapsed: 192)
        #expect(CalibrationProgressLine.text(e) == "melanoma: evaluation 37/212, loss 1.23, 3m12s")
    }

    @Test("calibrate prints one line per evaluation on standard error, numbered 1…k of the budget")
    func calibrateLines() throws {
        let scratch = try ScratchFolder()
        let csv = scratch.file("arms.csv")
        try Data("""
            trial,tumor_id,blockade_regimen,regimen_note,selection_rule,setting,arm,regimen,n,orr_pct,cr_pct,mpfs_mo,mos_mo,g3plus_trae_pct,disc_trae_pct,selection,source,confidence
            CheckMate 067,melanoma,nivolumab,,all,"1L, treatment-naive",Nivolumab,Nivolumab 3 mg/kg q2w,316,45,19,6.9,36.9,23,7.7,Unselected,Larkin NEJM 2015,confirmed

            """.utf8).write(to: URL(fileURLWithPath: csv))
        let run = try CommandLineRun.blockade(["calibrate", "--calibration", csv, "--patients", "3", "--iterations", "4", "--rounds", "1",
                                               "--toxicity-iterations", "0", "--final-patients", "3", "--holdout-seeds", "0",
                                               "--no-identifiability"])
        #expect(run.status == 0, "stderr: \(run.standardError)")
        let pattern = /^melanoma: evaluation (\d+)\/(\d+), loss [0-9.e+-]+, \d+s$/
        let lines = run.standardError.split(separator: "\n").compactMap { try? pattern.wholeMatch(in: String($0)) }
        let indices = lines.compactMap { Int($0.output.1) }, budgets = Set(lines.compactMap { Int($0.output.2) })
        #expect(!indices.isEmpty && indices == Array(1...indices.count), "stderr: \(run.standardError)")
        #expect(budgets.count == 1 && indices.count <= budgets.first ?? 0)
    }
}
