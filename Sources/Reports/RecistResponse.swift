/// Best overall response by RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009, doi:10.1016/j.ejca.2008.10.026),
/// as the charts colour it. Raw values are the usual abbreviations, so a caller maps its own type with
/// `RecistResponse(rawValue: category.rawValue)` — Reports depends on no model module.
public enum RecistResponse: String, Sendable, CaseIterable, Codable {
    case completeResponse = "CR", partialResponse = "PR", stableDisease = "SD", progressiveDisease = "PD"
    /// Not evaluable (no post-baseline scan).
    case notEvaluable = "NE"

    /// Fill colour: blues for responses, orange/vermilion for non-response (Okabe–Ito), grey for NE.
    public var color: String {
        switch self {
        case .completeResponse: "#0072B2"
        case .partialResponse: "#56B4E9"
        case .stableDisease: "#E69F00"
        case .progressiveDisease: "#D55E00"
        case .notEvaluable: "#999999"
        }
    }

    /// Legend text.
    public var label: String {
        switch self {
        case .completeResponse: "CR (complete response)"
        case .partialResponse: "PR (partial response)"
        case .stableDisease: "SD (stable disease)"
        case .progressiveDisease: "PD (progressive disease)"
        case .notEvaluable: "NE (not evaluable)"
        }
    }
}

extension SVGBuilder {
    /// A legend of the responses present, one swatch and label per row, from (`x`, `y`).
    mutating func responseLegend(_ responses: Set<RecistResponse>, x: Double, y: Double) {
        for (k, r) in RecistResponse.allCases.filter(responses.contains).enumerated() {
            let ly = y + Double(k) * 16
            rect(x, ly - 9, 12, 10, fill: r.color, cls: "legend")
            text(x + 16, ly, r.rawValue)
        }
    }
}
