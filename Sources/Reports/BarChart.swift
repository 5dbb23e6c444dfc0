/// Grouped horizontal bars: one group per category (e.g. a resistance mechanism), one bar per series
/// (e.g. a trial arm) in each group, with the value written at the end of each bar.
///
/// Values must be non-negative; non-finite or negative values are drawn as zero-length bars labelled
/// "n/a". With `percent` the values are fractions 0–1 shown as percentages.
public struct BarChart: Sendable {
    /// One series: a value per category.
    public struct Series: Sendable, Equatable {
        /// Legend text.
        public var name: String
        /// Same length and order as the chart's `categories`; missing trailing values count as 0.
        public var values: [Double]
        /// CSS colour; nil takes the series colour from `ChartPalette`.
        public var color: String?
        /// A series.
        public init(name: String, values: [Double], color: String? = nil) {
            self.name = name; self.values = values; self.color = color
        }
    }

    /// Heading drawn above the plot (escaped).
    public var title: String
    /// Group labels, top to bottom.
    public var categories: [String]
    /// Bars within each group, top to bottom.
    public var series: [Series]
    /// Values are fractions shown as percentages (axis 0–100 %).
    public var percent: Bool = true
    /// Value axis title (none when empty).
    public var xLabel: String = ""
    /// Pixels; the height follows from categories × series.
    public var width: Double = 640
    /// Height of one bar, pixels.
    public var barHeight: Double = 10

    /// A chart with default size.
    public init(title: String, categories: [String], series: [Series], percent: Bool = true) {
        self.title = title; self.categories = categories; self.series = series; self.percent = percent
    }

    private let margin = (left: 170.0, right: 150.0, top: 30.0, bottom: 40.0)

    private func value(_ s: Series, _ i: Int) -> Double? {
        guard i < s.values.count else { return 0 }
        let v = s.values[i]
        return v.isFinite && v >= 0 ? v : nil
    }

    /// The standalone SVG element.
    public func render() -> String {
        guard !categories.isEmpty, !series.isEmpty else { return SVGBuilder.noData(title: title, width: width, height: 40) }
        let values = series.flatMap { s in categories.indices.compactMap { value(s, $0) } }
        let top = max(values.max() ?? 0, percent ? 0.1 : 1e-9)
        let xMax = percent ? min(1, top * 1.15) : top * 1.15
        let groupH = Double(series.count) * barHeight + 8
        let plotW = width - margin.left - margin.right, plotH = Double(categories.count) * groupH
        let height = max(margin.top + plotH + margin.bottom, margin.top + Double(series.count) * 16 + 20)
        let x = LinearScale(domain: (0, xMax), range: (margin.left, margin.left + plotW))
        var b = SVGBuilder(width: width, height: height)
        b.text(margin.left, 18, title, size: 13, bold: true)
        for t in niceTicks(0, percent ? xMax * 100 : xMax) {
            let v = percent ? t / 100 : t
            b.line(x(v), margin.top, x(v), margin.top + plotH + 4, stroke: "#eee")
            b.text(x(v), margin.top + plotH + 16, tickLabel(t) + (percent ? " %" : ""), anchor: .middle)
        }
        for (i, category) in categories.enumerated() {
            let groupTop = margin.top + Double(i) * groupH + 4
            b.text(margin.left - 6, groupTop + Double(series.count) * barHeight / 2 + 4,
                   shortened(category, to: Int((margin.left - 8) / 6.5)), anchor: .end)
            for (k, s) in series.enumerated() {
                let v = value(s, i)
                let barTop = groupTop + Double(k) * barHeight
                let label = v.map { percent ? tickLabel(($0 * 1000).rounded() / 10) + " %" : tickLabel(($0 * 1000).rounded() / 1000) } ?? "n/a"
                b.rect(margin.left, barTop, x(v ?? 0) - margin.left, barHeight - 1, fill: s.color ?? ChartPalette.color(k),
                       cls: "bar", title: "\(s.name), \(category): \(label)")
                b.text(x(v ?? 0) + 3, barTop + barHeight - 2, label, size: 8)
            }
        }
        b.line(margin.left, margin.top, margin.left, margin.top + plotH, stroke: "#333")
        for (k, s) in series.enumerated() {
            let ly = margin.top + 12 + Double(k) * 16
            b.rect(width - margin.right + 10, ly - 9, 12, 10, fill: s.color ?? ChartPalette.color(k), cls: "legend")
            b.text(width - margin.right + 26, ly, shortened(s.name, to: Int((margin.right - 28) / 6.5)))
        }
        if !xLabel.isEmpty { b.text(margin.left + plotW / 2, height - 6, xLabel, anchor: .middle) }
        return b.render(title: title)
    }
}
