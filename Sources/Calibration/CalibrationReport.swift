import Foundation
import Trials

/// Published vs fitted values of every calibration arm, with pass/fail against the acceptance
/// thresholds (ORR ±5 points, G≥3 TRAE ±5 points, median PFS ±30 %).
public struct CalibrationReport: Sendable {
    /// One arm's comparison.
    public struct Row: Sendable {
        public var arm: CalibrationArm
        public var fitted: SimulatedArm
        public init(arm: CalibrationArm, fitted: SimulatedArm) { self.arm = arm; self.fitted = fitted }
        public var orrPass: Bool? { arm.orr.map { abs(fitted.orr - $0) <= CalibrationLoss.orrTolerance } }
        public var g3Pass: Bool? { arm.g3.map { abs(fitted.g3(comparableWith: arm) - $0) <= CalibrationLoss.g3Tolerance } }
        public var pfsPass: Bool? {
            arm.medianPFS.map { abs(CalibrationLoss().pfsRelativeError(target: $0, fitted: fitted.medianPFS)) <= CalibrationLoss.pfsRelativeTolerance }
        }
        /// PFS at 12 months and OS at 24 months within ±10 points (landmark table).
        public var pfs12Pass: Bool? { arm.pfs12.map { t in fitted.pfs12.map { abs($0 - t) <= CalibrationLoss.landmarkTolerance } ?? false } }
        public var os24Pass: Bool? { arm.os24.map { t in fitted.os24.map { abs($0 - t) <= CalibrationLoss.landmarkTolerance } ?? false } }
        /// Median OS within ±30 % (not reached: not within).
        public var osPass: Bool? {
            arm.medianOS.map { t in fitted.medianOS.map { abs($0 - t) <= CalibrationLoss.pfsRelativeTolerance * t } ?? false }
        }
        /// Whether the simulated ORR (G≥3 rate) of `simulatedPatients` patients differs from the
        /// published one by no more than the two arms' sampling errors allow; nil without a target
        /// or a published arm size.
        public func orrWithinSamplingError(simulatedPatients: Int) -> Bool? {
            Self.withinSamplingError(arm.orr, fitted.orr, publishedN: arm.n, simulatedN: simulatedPatients)
        }
        public func g3WithinSamplingError(simulatedPatients: Int) -> Bool? {
            Self.withinSamplingError(arm.g3, fitted.g3(comparableWith: arm), publishedN: arm.n, simulatedN: simulatedPatients)
        }

        /// Two-sided two-proportion z-test at 5 % with the pooled rate (rates in percent): true when
        /// |p₁ − p₂| ≤ 1.96 · √(p̄(1 − p̄)(1/n₁ + 1/n₂)). A supplement to the fixed ±5-point
        /// criterion, which is tighter than the sampling error of a published arm of fewer than
        /// about 130 patients at a 30 % rate (1.96 · √(0.21/130) ≈ 7.9 points with 400 simulated).
        static func withinSamplingError(_ published: Double?, _ simulated: Double, publishedN: Int?, simulatedN: Int) -> Bool? {
            guard let published, let publishedN, publishedN > 0, simulatedN > 0 else { return nil }
            let n1 = Double(publishedN), n2 = Double(simulatedN)
            let pooled = (published / 100 * n1 + simulated / 100 * n2) / (n1 + n2)
            let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
            return abs(published - simulated) / 100 <= 1.959964 * se + 1e-12
        }
    }
    public var rows: [Row]
    public var skipped: [CalibrationPlan.Skipped]
    /// Virtual patients per simulated arm (for the sampling-error comparison; nil: not reported).
    public var simulatedPatients: Int?

    public init(rows: [Row], skipped: [CalibrationPlan.Skipped], simulatedPatients: Int? = nil) {
        self.rows = rows; self.skipped = skipped; self.simulatedPatients = simulatedPatients
    }

    /// Passes and checked arms for one criterion.
    public func passes(_ criterion: (Row) -> Bool?) -> (passed: Int, checked: Int) {
        let results = rows.compactMap(criterion)
        return (results.count { $0 }, results.count)
    }

    public var orrPasses: (passed: Int, checked: Int) { passes(\.orrPass) }
    public var g3Passes: (passed: Int, checked: Int) { passes(\.g3Pass) }
    public var pfsPasses: (passed: Int, checked: Int) { passes(\.pfsPass) }
    public var osPasses: (passed: Int, checked: Int) { passes(\.osPass) }
    public var landmarkPasses: (pfs12: (passed: Int, checked: Int), os24: (passed: Int, checked: Int)) { (passes(\.pfs12Pass), passes(\.os24Pass)) }
    /// Arms whose ORR (G≥3 rate) is within the sampling error of the two arms (nil: no patient count).
    public var orrConsistent: (passed: Int, checked: Int)? {
        simulatedPatients.map { n in passes { $0.orrWithinSamplingError(simulatedPatients: n) } }
    }
    public var g3Consistent: (passed: Int, checked: Int)? {
        simulatedPatients.map { n in passes { $0.g3WithinSamplingError(simulatedPatients: n) } }
    }

    /// Summary lines of the pass rates.
    public var summary: String {
        func line(_ name: String, _ p: (passed: Int, checked: Int)) -> String {
            let pct = p.checked == 0 ? 0 : 100 * Double(p.passed) / Double(p.checked)
            return "\(name): \(p.passed) of \(p.checked) arms (\(String(format: "%.0f", pct)) %)"
        }
        var lines = [line("ORR within ±5 points", orrPasses), line("G≥3 TRAE within ±5 points", g3Passes),
                     line("median PFS within ±30 %", pfsPasses), line("median OS within ±30 %", osPasses),
                     line("PFS at 12 months within ±10 points", landmarkPasses.pfs12), line("OS at 24 months within ±10 points", landmarkPasses.os24)]
        if let o = orrConsistent, let g = g3Consistent {
            lines.append(line("ORR within sampling error (two-proportion z-test, 5 %)", o))
            lines.append(line("G≥3 TRAE within sampling error (same test)", g))
        }
        return lines.joined(separator: "\n")
    }

    static func cell(_ target: Double?, _ fitted: Double?, pass: Bool?, digits: Int = 1) -> String {
        guard let target else { return "–" }
        let f = fitted.map { String(format: "%.\(digits)f", $0) } ?? "NR"
        let mark = pass.map { $0 ? " ✓" : " ✗" } ?? ""
        return String(format: "%.\(digits)f", target) + " / " + f + mark
    }

    /// The residual table as Markdown (published / fitted, ✓ pass, ✗ fail).
    public var markdownTable: String {
        var out = "| line | tumour | trial | regimen | selection | therapy line | n | ORR % | CR % | mPFS mo | mOS mo | G≥3 TRAE % |\n"
        out += "|---:|---|---|---|---|---|---:|---|---|---|---|---|\n"
        for r in rows {
            let a = r.arm
            var g3 = Self.cell(a.g3, r.fitted.g3(comparableWith: a), pass: r.g3Pass)
            if a.g3 != nil && (a.g3IsAnyCause || a.g3IsOtherPopulation) { g3 += a.g3IsAnyCause ? " (any-cause)" : " (wider pop.)" }
            var orr = Self.cell(a.orr, r.fitted.orr, pass: r.orrPass)
            if a.orrIsIrRC && a.orr != nil { orr += " (irRC)" }
            out += "| \(a.line) | \(a.tumor) | \(a.trial.replacingOccurrences(of: "|", with: "/")) | \(a.regimen) | \(a.selection ?? "all") | \(a.therapyLine?.rawValue ?? "–") | \(a.n.map(String.init) ?? "–") | "
            out += "\(orr) | \(Self.cell(a.cr, r.fitted.cr, pass: nil)) | \(Self.cell(a.medianPFS, r.fitted.medianPFS, pass: r.pfsPass)) | \(Self.cell(a.medianOS, r.fitted.medianOS, pass: r.osPass)) | \(g3) |\n"
        }
        return out
    }

    /// The residual table as fixed-width text for the terminal.
    public var textTable: String {
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        var out = pad("line", 5) + pad("tumour", 12) + pad("regimen", 36) + pad("selection", 14) + pad("ORR pub/fit", 18) + pad("CR pub/fit", 14) + pad("mPFS pub/fit", 18) + pad("mOS pub/fit", 18) + "G≥3 pub/fit\n"
        for r in rows {
            let a = r.arm
            out += pad(String(a.line), 5) + pad(a.tumor, 12) + pad(a.regimen, 36) + pad(a.selection ?? "all", 14)
            out += pad(Self.cell(a.orr, r.fitted.orr, pass: r.orrPass), 18) + pad(Self.cell(a.cr, r.fitted.cr, pass: nil), 14)
            out += pad(Self.cell(a.medianPFS, r.fitted.medianPFS, pass: r.pfsPass), 18) + pad(Self.cell(a.medianOS, r.fitted.medianOS, pass: r.osPass), 18) + Self.cell(a.g3, r.fitted.g3(comparableWith: a), pass: r.g3Pass) + "\n"
        }
        return out
    }
}
