/// Kaplan–Meier survival curves, one step function per arm, with censoring ticks and a numbers-at-risk
/// table under the time axis.
///
/// The chart draws what it is given and estimates nothing: the caller supplies each arm's steps
/// (the survival value from each event time on), its censoring times and the numbers at risk at
/// `atRiskTimes`. A censoring tick sits on the curve at the survival value in force at its time.
public struct KaplanMeierChart: Sendable {
    /// One step of a survival curve: from `time` on, the estimated survival is `survival` (0–1).
    public struct Step: Sendable, Equatable, Codable {
        /// Event time, in the chart's time unit.
        public var time: Double
        /// Survival probability from `time` on, 0–1.
        public var survival: Double
        /// A step.
        public init(time: Double, survival: Double) { self.time = time; self.survival = survival }
    }

    /// One arm's estimate, in the chart's time unit.
    public struct Estimate: Sendable, Equatable, Codable {
        /// Steps in increasing time; survival is 1 before the first step.
        public var steps: [Step]
        /// Times of censored observations (ticks on the curve).
        public var censorTimes: [Double]
        /// Patients still at risk at each of the chart's `atRiskTimes` (same length).
        public var atRisk: [Int]
        /// An estimate as computed by the caller.
        public init(steps: [Step], censorTimes: [Double] = [], atRisk: [Int] = []) {
            self.steps = steps; self.censorTimes = censorTimes; self.atRisk = atRisk
        }

        /// The survival in force at `t` (right-continuous step function; 1 before the first step).
        public func survival(at t: Double) -> Double {
            var s = 1.0
            for step in steps where step.time <= t && step.survival.isFinite { s = step.survival }
            return s
        }
    }

    /// One arm's curve.
    public struct Curve: Sendable, Equatable {
        /// Arm name (legend and at-risk row).
        public var name: String
        /// The arm's estimate.
        public var estimate: Estimate
        /// CSS colour; nil takes the arm's colour from `ChartPalette`.
        public var color: String?
        /// A curve.
        public init(name: String, estimate: Estimate, color: String? = nil) {
            self.name = name; self.estimate = estimate; self.color = color
        }
    }

    /// Heading drawn above the plot (escaped).
    public var title: String
    /// One per arm, drawn in this order.
    public var curves: [Curve]
    /// Times at which the numbers at risk are listed, in the time unit.
    public var atRiskTimes: [Double]
    /// Time axis title (the unit of every time given).
    public var xLabel: String = "months"
    /// Survival axis title.
    public var yLabel: String = "probability"
    /// Pixels.
    public var width: Double = 640
    /// Height of the plot area, pixels; the at-risk table adds 16 px per arm.
    public var plotHeight: Double = 260

    /// A chart with default size.
    public init(title: String, curves: [Curve], atRiskTimes: [Double] = []) {
        self.title = title; self.curves = curves; self.atRiskTimes = atRiskTimes
    }

    private let margin = (left: 150.0, right: 160.0, top: 30.0)

    /// The standalone SVG element.
    public func render() -> String {
        let times = curves.flatMap { $0.estimate.steps.map(\.time) + $0.estimate.censorTimes } + atRiskTimes
        guard let tMax = times.filter(\.isFinite).max(), tMax > 0 else {
            return SVGBuilder.noData(title: title, width: width, height: 40)
        }
        let plotW = width - margin.left - margin.right
        let axisY = margin.top + plotHeight
        let x = LinearScale(domain: (0, tMax), range: (margin.left, margin.left + plotW))
        let y = LinearScale(domain: (0, 1.05), range: (axisY, margin.top))
        let tableTop = axisY + 50
        let height = tableTop + 16 * Double(curves.count) + 12
        var b = SVGBuilder(width: width, height: height)
        b.text(margin.left, 18, title, size: 13, bold: true)
        b.rect(margin.left, margin.top, plotW, plotHeight, fill: "none", stroke: "#999")
        for t in stride(from: 0.0, through: 1.0, by: 0.25) {
            b.line(margin.left - 4, y(t), margin.left + plotW, y(t), stroke: "#eee")
            b.text(margin.left - 6, y(t) + 4, tickLabel(t), anchor: .end)
        }
        for t in niceTicks(0, tMax) {
            b.line(x(t), axisY, x(t), axisY + 4, stroke: "#666")
            b.text(x(t), axisY + 16, tickLabel(t), anchor: .middle)
        }
        b.text(margin.left + plotW / 2, axisY + 32, xLabel, anchor: .middle)
        b.verticalText(margin.left - 40, margin.top + plotHeight / 2, yLabel)
        b.text(8, tableTop - 2, "at risk", bold: true)
        for (k, curve) in curves.enumerated() {
            let color = curve.color ?? ChartPalette.color(k)
            b.polyline(stepPoints(curve.estimate, tMax: tMax).map { (x($0.0), y($0.1)) }, stroke: color, width: 2,
                       cls: "km-curve", title: curve.name)
            for c in curve.estimate.censorTimes where c.isFinite && c >= 0 && c <= tMax {
                let cy = y(curve.estimate.survival(at: c))
                b.line(x(c), cy - 4, x(c), cy + 4, stroke: color, width: 1.5, cls: "censor")
            }
            let ly = margin.top + 12 + Double(k) * 16
            b.line(width - margin.right + 10, ly - 4, width - margin.right + 30, ly - 4, stroke: color, width: 2)
            b.text(width - margin.right + 34, ly, shortened(curve.name, to: Int((margin.right - 36) / 6.5)))
            let rowY = tableTop + 14 + Double(k) * 16
            b.text(8, rowY, shortened(curve.name, to: Int((margin.left - 30) / 6.5)), fill: color)
            for (t, n) in zip(atRiskTimes, curve.estimate.atRisk) where t.isFinite && t >= 0 && t <= tMax {
                b.text(x(t), rowY, String(n), anchor: .middle, cls: "at-risk")
            }
        }
        return b.render(title: title)
    }

    /// Screen-independent vertices of the step function from (0, 1) to `tMax`: horizontal, then a drop.
    private func stepPoints(_ estimate: Estimate, tMax: Double) -> [(Double, Double)] {
        var points: [(Double, Double)] = [(0, 1)]
        var current = 1.0
        for step in estimate.steps where step.time.isFinite && step.survival.isFinite && step.time <= tMax {
            let s = min(max(step.survival, 0), 1)
            points.append((max(step.time, 0), current))
            points.append((max(step.time, 0), s))
            current = s
        }
        let lastTime = ([estimate.steps.last?.time, estimate.censorTimes.max()].compactMap { $0 }.filter(\.isFinite).max()) ?? 0
        points.append((min(max(lastTime, points.last?.0 ?? 0), tMax), current))
        return points
    }
}
