/// A biomarker selection such as `pdl1_tps>=50`, `msi=high`, `tmb>=10 and pdl1_tps<1`.
///
/// Grammar: `clause (('and' | 'or') clause)*` with `and` binding tighter than `or`; a clause is
/// `attribute op value`, op one of `>= <= > < = !=`; attributes `pdl1_tps pdl1_cps pdl1_ic tmb msi`;
/// `msi` takes `high` or `stable`.
public struct Selection: Sendable, Equatable {
    struct Clause: Sendable, Equatable { var attribute: String; var op: String; var value: Double }
    /// Disjunction of conjunctions.
    let groups: [[Clause]]
    public let text: String

    public static let attributes = ["pdl1_tps", "pdl1_cps", "pdl1_ic", "tmb", "msi"]

    /// Whether a clause reads PD-L1, which is measured on the simulated baseline tumour (``PDL1Assay``).
    public var readsPDL1: Bool { groups.joined().contains { $0.attribute.hasPrefix("pdl1_") } }

    public init(parsing text: String) throws(SelectionError) {
        self.text = text
        // Case is ignored when matching names, but errors quote the text as the user wrote it.
        let tokens = Self.tokens(text)
        guard !tokens.isEmpty else { throw .init(text: text, problem: "empty selection; write e.g. pdl1_tps>=50") }
        var groups: [[Clause]] = [[]]
        var expectClause = true
        for token in tokens {
            if expectClause {
                groups[groups.count - 1].append(try Self.clause(token, in: text))
            } else {
                switch token.lowercased() {
                case "and": break // keep the current group
                case "or": groups.append([])
                default: throw .init(text: text, problem: "expected 'and' or 'or' before '\(token)'")
                }
            }
            expectClause.toggle()
        }
        guard !expectClause else { throw .init(text: text, problem: "ends with a dangling 'and'/'or'") }
        self.groups = groups
    }

    /// The comparisons, two-character ones first so that `>=` is not read as `>`.
    static let comparisons = [">=", "<=", "!=", ">", "<", "="]

    /// The whitespace-separated words, with the words on either side of a comparison glued into one
    /// clause, so that `tmb >= 10` reads as `tmb>=10`.
    static func tokens(_ text: String) -> [String] {
        let comparisonCharacters = Set(comparisons.joined())
        var tokens: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if let last = tokens.last?.last, let first = word.first,
               comparisonCharacters.contains(last) || comparisonCharacters.contains(first) {
                tokens[tokens.count - 1] += word
            } else {
                tokens.append(String(word))
            }
        }
        return tokens
    }

    static func clause(_ token: String, in text: String) throws(SelectionError) -> Clause {
        for op in comparisons {
            guard let range = token.range(of: op) else { continue }
            let attribute = token[..<range.lowerBound].lowercased(), raw = String(token[range.upperBound...])
            guard attributes.contains(attribute) else {
                throw .init(text: text, problem: "unknown attribute '\(token[..<range.lowerBound])'; valid: \(attributes.joined(separator: ", "))")
            }
            let value: Double
            if attribute == "msi" {
                switch raw.lowercased() {
                case "high": value = 1
                case "stable", "mss", "low": value = 0
                default: throw .init(text: text, problem: "msi takes 'high' or 'stable', not '\(raw)'")
                }
            } else {
                guard let v = Double(raw), v.isFinite else { throw .init(text: text, problem: "'\(raw)' is not a number in '\(token)'") }
                value = v
            }
            return Clause(attribute: attribute, op: op, value: value)
        }
        throw .init(text: text, problem: "'\(token)' has no comparison; write attribute>=value, e.g. pdl1_tps>=50 or 'pdl1_tps >= 50'")
    }

    /// Whether a patient's biomarkers satisfy the selection.
    public func matches(_ biomarkers: [String: Double]) -> Bool {
        groups.contains { group in
            group.allSatisfy { c in
                let v = biomarkers[c.attribute] ?? .nan
                switch c.op {
                case ">=": return v >= c.value
                case "<=": return v <= c.value
                case ">": return v > c.value
                case "<": return v < c.value
                case "=": return v == c.value
                default: return v != c.value
                }
            }
        }
    }
}

/// A selection expression that could not be read.
public struct SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var problem: String
    public var description: String { "invalid selection '\(text)': \(problem)" }
}
