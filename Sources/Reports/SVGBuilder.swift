import Foundation

/// Accumulates the elements of one standalone SVG document.
///
/// Every number goes through `fmt` and every text through `escape`, so a chart built with it is
/// well-formed XML, byte-stable and never contains `NaN`.
struct SVGBuilder {
    private(set) var width: Double
    private(set) var height: Double
    private var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width; self.height = height
    }

    /// The drawing may grow downwards (tables under an axis) after the first elements were placed.
    mutating func extendHeight(to newHeight: Double) { height = max(height, newHeight) }

    mutating func raw(_ element: String) { body.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil, cls: String? = nil) {
        body.append("<line\(classAttr(cls)) x1=\"\(fmt(x1))\" y1=\"\(fmt(y1))\" x2=\"\(fmt(x2))\" y2=\"\(fmt(y2))\" stroke=\"\(escape(stroke))\""
            + (width == 1 ? "" : " stroke-width=\"\(fmt(width))\"")
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, cls: String? = nil, title: String? = nil) {
        let open = "<rect\(classAttr(cls)) x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(max(w, 0)))\" height=\"\(fmt(max(h, 0)))\" fill=\"\(escape(fill))\""
            + (stroke.map { " stroke=\"\(escape($0))\"" } ?? "")
        body.append(title.map { open + "><title>\(escape($0))</title></rect>" } ?? open + "/>")
    }

    mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String? = nil, cls: String? = nil) {
        body.append("<circle\(classAttr(cls)) cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"\(fmt(r))\" fill=\"\(escape(fill))\""
            + (stroke.map { " stroke=\"\(escape($0))\"" } ?? "") + "/>")
    }

    /// An open polyline through `points` (already in screen coordinates).
    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5,
                           dash: String? = nil, cls: String? = nil, title: String? = nil) {
        let pts = points.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
        let open = "<polyline\(classAttr(cls)) fill=\"none\" stroke=\"\(escape(stroke))\" stroke-width=\"\(fmt(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " points=\"\(pts)\""
        body.append(title.map { open + "><title>\(escape($0))</title></polyline>" } ?? open + "/>")
    }

    /// A closed filled polygon (markers such as triangles).
    mutating func polygon(_ points: [(Double, Double)], fill: String, cls: String? = nil) {
        let pts = points.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
        body.append("<polygon\(classAttr(cls)) fill=\"\(escape(fill))\" points=\"\(pts)\"/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ x: Double, _ y: Double, _ content: String, anchor: Anchor = .start,
                       size: Double? = nil, bold: Bool = false, fill: String? = nil, cls: String? = nil) {
        body.append("<text\(classAttr(cls)) x=\"\(fmt(x))\" y=\"\(fmt(y))\""
            + (anchor == .start ? "" : " text-anchor=\"\(anchor.rawValue)\"")
            + (size.map { " font-size=\"\(fmt($0))\"" } ?? "")
            + (bold ? " font-weight=\"bold\"" : "")
            + (fill.map { " fill=\"\(escape($0))\"" } ?? "")
            + ">\(escape(content))</text>")
    }

    /// Text rotated by −90° about its anchor (vertical axis titles).
    mutating func verticalText(_ x: Double, _ y: Double, _ content: String) {
        body.append("<text transform=\"translate(\(fmt(x)),\(fmt(y))) rotate(-90)\" text-anchor=\"middle\">\(escape(content))</text>")
    }

    /// The document; `title` becomes the accessible name.
    func render(title: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n"
        s += "<title>\(escape(title))</title>\n"
        s += body.joined(separator: "\n")
        s += "\n</svg>"
        return s
    }

    /// A chart with nothing to draw says so rather than drawing empty axes.
    static func noData(title: String, width: Double, height: Double) -> String {
        var b = SVGBuilder(width: width, height: 40)
        b.text(10, 24, "\(title): no data")
        return b.render(title: title)
    }

    private func classAttr(_ cls: String?) -> String { cls.map { " class=\"\(escape($0))\"" } ?? "" }
}

/// Maps a data interval linearly onto a screen interval; a degenerate domain maps to the range's start.
struct LinearScale {
    var domain: (Double, Double)
    var range: (Double, Double)

    func callAsFunction(_ v: Double) -> Double {
        let span = domain.1 - domain.0
        guard span != 0, span.isFinite else { return range.0 }
        return range.0 + (v - domain.0) / span * (range.1 - range.0)
    }
}

/// About `count` round tick values (1, 2 or 5 × 10^k apart) inside [lo, hi].
func niceTicks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
    guard lo.isFinite, hi.isFinite, hi > lo else { return lo.isFinite ? [lo] : [] }
    let raw = (hi - lo) / Double(max(count, 1))
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    let first = (lo / step).rounded(.up)
    let last = (hi / step + 1e-9).rounded(.down)
    guard last >= first else { return [] }
    // Multiply integers by the step instead of accumulating, so ticks are exact and reproducible.
    return (Int(first)...Int(last)).map { Double($0) * step }
}

/// A tick label: integers without decimals, otherwise the shortest of up to three significant digits.
func tickLabel(_ v: Double) -> String {
    if abs(v) < 1e-9 { return "0" }
    if v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
    return String(format: "%.3g", v)
}

/// Colours used across the trial charts: the Okabe–Ito palette, distinguishable with the common
/// forms of colour blindness (Okabe & Ito 2008, https://jfly.uni-koeln.de/color/).
public enum ChartPalette {
    /// Colours for arms or series, in order; cycled when there are more series.
    public static let series = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The colour of the `index`-th series.
    public static func color(_ index: Int) -> String { series[((index % series.count) + series.count) % series.count] }
}

/// `text` cut to at most `maxCharacters` with a trailing "…", so labels stay inside their margin
/// (SVG text does not wrap; about 6.5 px per character at the 11 px font).
func shortened(_ text: String, to maxCharacters: Int) -> String {
    text.count <= maxCharacters ? text : String(text.prefix(max(maxCharacters - 1, 0))) + "…"
}
