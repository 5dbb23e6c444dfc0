import Foundation
import Calibration
import Trials

/// A progress bar on standard error, redrawn in place at most 10 times a second, with the rate and
/// the time left estimated from the rate so far: `melanoma × 2 arm(s) [#####.....] 120/400 patients, 35/s, ETA 8s`.
final class ProgressBar: @unchecked Sendable {
    let total: Int, label: String
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lastLength = 0
    private let start = Date()

    /// A bar for `total` patients, introduced by `label`.
    init(total: Int, label: String) { self.total = total; self.label = label }

    /// Redraws the bar for `done` finished patients (always when all are done, else at most every 0.1 s).
    func update(_ done: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        draw(Self.line(label: label, done: done, total: total, elapsed: now.timeIntervalSince(start)))
    }

    /// The screening phase of a selection: candidates whose biomarkers were measured so far.
    func screening(screened: Int, selected: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        draw("\(label) screening: \(screened) candidates measured, \(min(selected, total))/\(total) selected")
    }

    /// Ends the bar's line.
    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }

    /// Overwrites the current line, blanking what a longer previous line left behind.
    private func draw(_ text: String) {
        let padding = String(repeating: " ", count: max(0, lastLength - text.count))
        lastLength = text.count
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
    }

    /// The bar's text for `done` of `total` patients after `elapsed` seconds: the rate so far, and
    /// the time left at that rate (`ETA`), or the time taken once all are done.
    static func line(label: String, done: Int, total: Int, elapsed: TimeInterval) -> String {
        let width = 30
        let filled = total == 0 ? width : width * min(done, total) / total
        let rate = Double(done) / max(elapsed, 1e-9)
        var text = "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
            + "\(done)/\(total) patients, \(String(format: rate < 10 ? "%.1f" : "%.0f", rate))/s"
        if done >= total {
            text += ", done in \(DurationText.compact(elapsed))"
        } else if done > 0 {
            text += ", ETA \(DurationText.compact(Double(total - done) / rate))"
        }
        return text
    }
}

/// Durations as people read them on a progress line: `45s`, `1m20s`, `2h05m`.
enum DurationText {
    /// `seconds` rounded to whole seconds: `9s`, `1m20s`, `59m59s`, then hours and minutes (`2h05m`).
    static func compact(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s % 3600 / 60))m"
    }
}

/// The line `calibrate` prints on standard error after each objective evaluation.
enum CalibrationProgressLine {
    /// `melanoma: evaluation 37/212, loss 1.23, 3m12s` — the tumour type (or `toxicity`), the
    /// evaluation of the stage's budget, its loss, and the time since the stage began.
    static func text(_ e: CalibrationEvaluation) -> String {
        "\(e.stage): evaluation \(e.index)/\(e.planned), loss \(String(format: e.loss.magnitude >= 100 ? "%.1f" : "%.3g", e.loss)), \(DurationText.compact(e.elapsed))"
    }
}
