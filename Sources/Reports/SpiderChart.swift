/// A spider plot: percentage change of the sum of target-lesion diameters from baseline against time,
/// one line per patient starting at (0, 0 %), coloured by best overall response.
///
/// Points with a non-finite day or change are dropped; changes above `upperClip` are drawn at the clip.
public struct SpiderChart: Sendable {
    /// One patient's scans.
    public struct Patient: Sendable, Equatable {
        /// Patient label shown on hover.
        public var patient: String
        /// Scan days from the first dose.
        public var days: [Double]
        /// Change from baseline at each scan, percent; same length as `days`.
        public var percentChange: [Double]
        /// Best overall response (line colour).
        public var response: RecistResponse
        /// A patient; `days` in days, `percentChange` in percent.
        public init(patient: String, days: [Double], percentChange: [Double], response: RecistResponse) {
            self.patient = patient; self.days = days; self.percentChange = percentChange; self.response = response
        }
    }

    /// Heading drawn above the plot (escaped).
    public var title: String
    /// One line each.
    public var patients: [Patient]
    /// Time axis title.
    public var xLabel: String = "day"
    /// Largest change drawn, percent.
    public var upperClip: Double = 100
    /// Pixels.
    public var width: Double = 640
    /// Pixels.
    public var height: Double = 300

    /// A chart with default size and clip.
    public init(title: String, patients: [Patient]) {
        self.title = title; self.patients = patients
    }

    private let margin = (left: 55.0, right: 120.0, top: 30.0, bottom: 40.0)

    /// Each patient's finite points, the baseline (0, 0) first.
    private func points(_ p: Patient) -> [(Double, Double)] {
        [(0, 0)] + zip(p.days, p.percentChange)
            .filter { $0.0.isFinite && $0.1.isFinite && $0.0 > 0 }
            .map { ($0.0, min($0.1, upperClip)) }
    }

    /// The standalone SVG element.
    public func render() -> String {
        let lines = patients.map { ($0, points($0)) }
        let all = lines.flatMap(\.1)
        guard let xMax = all.map(\.0).max(), xMax > 0 else { return SVGBuilder.noData(title: title, width: width, height: height) }
        let yLo = min(-100, all.map(\.1).min() ?? -100)
        let yTop = max(all.map(\.1).max() ?? 20, 20)
        let yHi = yTop + 0.05 * (yTop - yLo)
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        let x = LinearScale(domain: (0, xMax), range: (margin.left, margin.left + plotW))
        let y = LinearScale(domain: (yLo, yHi), range: (margin.top + plotH, margin.top))
        var b = SVGBuilder(width: width, height: height)
        b.text(margin.left, 18, title, size: 13, bold: true)
        b.rect(margin.left, margin.top, plotW, plotH, fill: "none", stroke: "#999")
        for t in niceTicks(yLo, yHi) {
            b.line(margin.left - 4, y(t), margin.left + plotW, y(t), stroke: "#eee")
            b.text(margin.left - 6, y(t) + 4, tickLabel(t), anchor: .end)
        }
        for t in niceTicks(0, xMax) {
            b.line(x(t), margin.top + plotH, x(t), margin.top + plotH + 4, stroke: "#666")
            b.text(x(t), margin.top + plotH + 16, tickLabel(t), anchor: .middle)
        }
        for (level, label) in [(20.0, "+20 %"), (-30.0, "−30 %")] {
            b.line(margin.left, y(level), margin.left + plotW, y(level), stroke: "#555", dash: "4,3", cls: "threshold")
            b.text(margin.left + plotW + 4, y(level) + 4, label, fill: "#555")
        }
        b.line(margin.left, y(0), margin.left + plotW, y(0), stroke: "#333")
        for (p, pts) in lines {
            b.polyline(pts.map { (x($0.0), y($0.1)) }, stroke: p.response.color, width: 1.2,
                       cls: "patient \(p.response.rawValue)", title: "\(p.patient) (\(p.response.rawValue))")
        }
        b.responseLegend(Set(patients.map(\.response)), x: width - margin.right + 45, y: margin.top + 10)
        b.text(margin.left + plotW / 2, height - 6, xLabel, anchor: .middle)
        b.verticalText(14, margin.top + plotH / 2, "change from baseline (%)")
        return b.render(title: title)
    }
}
