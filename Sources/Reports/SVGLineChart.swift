import Foundation

/// A line chart rendered as standalone SVG.
///
/// Written by hand because no Swift package on this platform draws charts: Plot (available) writes
/// HTML but has no chart model, and the charts Blockade needs — time courses with a linear or log
/// axis, dose markers and a legend — take little code and must be byte-stable for golden tests.
public struct SVGLineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// CSS colour.
        public var color: String
        public var dashed: Bool
        public init(name: String, x: [Double], y: [Double], color: String, dashed: Bool = false) {
            self.name = name; self.x = x; self.y = y; self.color = color; self.dashed = dashed
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    /// Log10 y axis (non-positive values are clipped to the smallest positive value shown).
    public var logY: Bool = false
    /// Vertical markers (e.g. dose days), drawn as thin ticks on the x axis.
    public var markers: [Double] = []
    /// Horizontal reference lines with labels (e.g. RECIST thresholds).
    public var referenceLines: [(y: Double, label: String)] = []
    public var width: Double = 640
    public var height: Double = 320

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.series = series
    }

    private let margin = (left: 70.0, right: 150.0, top: 30.0, bottom: 45.0)

    /// The SVG element (no XML prolog; embeddable in HTML).
    public func render() -> String {
        let xs = series.flatMap(\.x).filter(\.isFinite)
        var ys = series.flatMap(\.y).filter(\.isFinite) + referenceLines.map(\.y)
        if logY { ys = ys.filter { $0 > 0 } }
        guard let x0 = xs.min(), let x1 = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\"><text x=\"10\" y=\"20\">\(escape(title)): no data</text></svg>"
        }
        let (lo, hi) = logY ? (log10(yMin), log10(yMax)) : (min(0, yMin), yMax)
        let span = hi - lo > 0 ? hi - lo : 1
        let yLo = logY ? floor(lo) : lo, yHi = logY ? ceil(hi) : hi + 0.05 * span
        let plotW = width - margin.left - margin.right, plotH = height - margin.top - margin.bottom
        func px(_ x: Double) -> Double { margin.left + (x - x0) / max(x1 - x0, 1e-12) * plotW }
        func py(_ y: Double) -> Double {
            let v = logY ? log10(max(y, pow(10, yLo))) : y
            return margin.top + (1 - (v - yLo) / max(yHi - yLo, 1e-12)) * plotH
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<text x=\"\(fmt(margin.left))\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>\n"
        s += "<rect x=\"\(fmt(margin.left))\" y=\"\(fmt(margin.top))\" width=\"\(fmt(plotW))\" height=\"\(fmt(plotH))\" fill=\"none\" stroke=\"#999\"/>\n"
        for t in ticks(yLo, yHi, log: logY) {
            let y = py(logY ? pow(10, t) : t)
            s += "<line x1=\"\(fmt(margin.left - 4))\" y1=\"\(fmt(y))\" x2=\"\(fmt(margin.left + plotW))\" y2=\"\(fmt(y))\" stroke=\"#eee\"/>"
            s += "<text x=\"\(fmt(margin.left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(logY ? "1e\(Int(t))" : label(t))</text>\n"
        }
        for t in ticks(x0, x1, log: false) {
            let x = px(t)
            s += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(margin.top + plotH))\" x2=\"\(fmt(x))\" y2=\"\(fmt(margin.top + plotH + 4))\" stroke=\"#666\"/>"
            s += "<text x=\"\(fmt(x))\" y=\"\(fmt(margin.top + plotH + 16))\" text-anchor=\"middle\">\(label(t))</text>\n"
        }
        for m in markers where m >= x0 && m <= x1 {
            s += "<line x1=\"\(fmt(px(m)))\" y1=\"\(fmt(margin.top + plotH - 6))\" x2=\"\(fmt(px(m)))\" y2=\"\(fmt(margin.top + plotH))\" stroke=\"#c33\"/>\n"
        }
        for r in referenceLines {
            let y = py(r.y)
            s += "<line x1=\"\(fmt(margin.left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(margin.left + plotW))\" y2=\"\(fmt(y))\" stroke=\"#888\" stroke-dasharray=\"2,3\"/>"
            s += "<text x=\"\(fmt(margin.left + plotW - 4))\" y=\"\(fmt(y - 3))\" text-anchor=\"end\" fill=\"#666\">\(escape(r.label))</text>\n"
        }
        for (k, line) in series.enumerated() {
            let points = zip(line.x, line.y).filter { $0.0.isFinite && $0.1.isFinite }
                .map { "\(fmt(px($0.0))),\(fmt(py($0.1)))" }.joined(separator: " ")
            let dash = line.dashed ? " stroke-dasharray=\"6,4\"" : ""
            s += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash) points=\"\(points)\"/>\n"
            let ly = margin.top + 12 + Double(k) * 16
            s += "<line x1=\"\(fmt(width - margin.right + 10))\" y1=\"\(fmt(ly - 4))\" x2=\"\(fmt(width - margin.right + 30))\" y2=\"\(fmt(ly - 4))\" stroke=\"\(line.color)\" stroke-width=\"2\"\(dash)/>"
            s += "<text x=\"\(fmt(width - margin.right + 34))\" y=\"\(fmt(ly))\">\(escape(line.name))</text>\n"
        }
        s += "<text x=\"\(fmt(margin.left + plotW / 2))\" y=\"\(fmt(height - 6))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        s += "<text transform=\"translate(14,\(fmt(margin.top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        s += "</svg>"
        return s
    }

    /// About five round tick values spanning [lo, hi] (integer decades on a log axis).
    private func ticks(_ lo: Double, _ hi: Double, log: Bool) -> [Double] {
        if log { return stride(from: lo, through: hi, by: max(1, ((hi - lo) / 6).rounded(.up))).map { $0 } }
        let span = max(hi - lo, 1e-12)
        let raw = span / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: (lo / step).rounded(.up) * step, through: hi, by: step).map { $0 }
    }

    private func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 1e5 || abs(v) < 1e-2 { return String(format: "%.0e", v) }
        return v == v.rounded() ? String(Int(v)) : String(format: "%g", v)
    }
}

/// Two decimals are enough for screen coordinates and keep files small and stable.
func fmt(_ v: Double) -> String { String(format: "%.2f", v) }

/// Escapes text for XML/HTML.
public func escape(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}
