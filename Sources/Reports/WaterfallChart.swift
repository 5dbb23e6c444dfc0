/// A waterfall plot: one vertical bar per patient with the best percentage change of the sum of target
/// lesion diameters from baseline, sorted from largest growth to deepest shrinkage and coloured by best
/// overall response, with the RECIST thresholds (−30 % partial response, +20 % progression) drawn.
///
/// Bars above `upperClip` are drawn to the clip and marked with a caret (growth is unbounded, shrinkage
/// stops at −100 %). Patients whose change is not finite are left out and counted in the footnote.
public struct WaterfallChart: Sendable {
    /// One patient.
    public struct Bar: Sendable, Equatable {
        /// Patient label shown on hover.
        public var patient: String
        /// Best change from baseline, percent (−100 … +∞).
        public var percentChange: Double
        /// Best overall response (bar colour).
        public var response: RecistResponse
        /// A bar; `percentChange` in percent.
        public init(patient: String, percentChange: Double, response: RecistResponse) {
            self.patient = patient; self.percentChange = percentChange; self.response = response
        }
    }

    /// Heading drawn above the plot (escaped).
    public var title: String
    /// Patients, in any order (the chart sorts them).
    public var bars: [Bar]
    /// Largest change drawn, percent; larger bars are clipped and marked.
    public var upperClip: Double = 100
    /// Pixels.
    public var width: Double = 640
    /// Pixels.
    public var height: Double = 300

    /// A chart with default size and clip.
    public init(title: String, bars: [Bar]) {
        self.title = title; self.bars = bars
    }

    private let margin = (left: 55.0, right: 120.0, top: 30.0, bottom: 30.0)

    /// Bars in drawing order: decreasing change, ties by patient label (deterministic).
    public var sortedBars: [Bar] {
        bars.filter { $0.percentChange.isFinite }.sorted {
            $0.percentChange != $1.percentChange ? $0.percentChange > $1.percentChange : $0.patient < $1.patient
        }
    }

    /// The standalone SVG element.
    public func render() -> String {
        let shown = sortedBars
        guard !shown.isEmpty else { return SVGBuilder.noData(title: title, width: width, height: height) }
        let top = min(max(shown[0].percentChange, 20), upperClip)
        let yHi = top + 0.05 * (top + 100)
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        let y = LinearScale(domain: (-100, yHi), range: (margin.top + plotH, margin.top))
        var b = SVGBuilder(width: width, height: height)
        b.text(margin.left, 18, title, size: 13, bold: true)
        for t in niceTicks(-100, yHi) {
            b.line(margin.left - 4, y(t), margin.left + plotW, y(t), stroke: "#eee")
            b.text(margin.left - 6, y(t) + 4, tickLabel(t), anchor: .end)
        }
        let slot = plotW / Double(shown.count)
        let gap = slot > 4 ? slot * 0.15 : 0
        for (i, bar) in shown.enumerated() {
            let v = min(bar.percentChange, upperClip)
            let x = margin.left + Double(i) * slot + gap / 2
            let (y0, y1) = (y(max(v, 0)), y(min(v, 0)))
            b.rect(x, y0, slot - gap, y1 - y0, fill: bar.response.color, cls: "bar \(bar.response.rawValue)",
                   title: "\(bar.patient): \(tickLabel((bar.percentChange * 10).rounded() / 10)) % (\(bar.response.rawValue))")
            if bar.percentChange > upperClip {
                b.text(x + (slot - gap) / 2, y0 - 2, "^", anchor: .middle, size: 9)
            }
        }
        b.line(margin.left, y(0), margin.left + plotW, y(0), stroke: "#333")
        for (level, label) in [(20.0, "+20 %"), (-30.0, "−30 %")] {
            b.line(margin.left, y(level), margin.left + plotW, y(level), stroke: "#555", dash: "4,3", cls: "threshold")
            b.text(margin.left + plotW + 4, y(level) + 4, label, fill: "#555")
        }
        b.responseLegend(Set(shown.map(\.response)), x: width - margin.right + 45, y: margin.top + 10)
        let dropped = bars.count - shown.count
        b.text(margin.left + plotW / 2, height - 8,
               "\(shown.count) patients" + (dropped > 0 ? " (\(dropped) without a measurable change not shown)" : ""),
               anchor: .middle)
        b.verticalText(14, margin.top + plotH / 2, "best change from baseline (%)")
        return b.render(title: title)
    }
}
