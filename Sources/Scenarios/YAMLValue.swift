import Foundation
import Yams

/// An accepted interval of a number, described the way an error message states it.
struct ValueRange: Sendable {
    var lower: Double
    /// Whether `lower` itself is allowed (`false`: the value must be more than `lower`).
    var includesLower: Bool
    var upper: Double
    /// Unit written after the numbers ("mg", "days"); empty for a pure number.
    var unit: String

    /// `lower ≤ x ≤ upper`.
    static func from(_ lower: Double, to upper: Double, _ unit: String = "") -> ValueRange {
        ValueRange(lower: lower, includesLower: true, upper: upper, unit: unit)
    }
    /// `0 < x ≤ upper`.
    static func positive(upTo upper: Double, _ unit: String = "") -> ValueRange {
        ValueRange(lower: 0, includesLower: false, upper: upper, unit: unit)
    }

    func contains(_ x: Double) -> Bool {
        x.isFinite && (includesLower ? x >= lower : x > lower) && x <= upper
    }

    var description: String {
        let u = unit.isEmpty ? "" : " " + unit
        return includesLower ? "from \(YAMLNumber.text(lower)) to \(YAMLNumber.text(upper))\(u)"
            : "more than \(YAMLNumber.text(lower)) and at most \(YAMLNumber.text(upper))\(u)"
    }
}

/// Numbers as a scenario file writes them: whole numbers without a decimal point, others in
/// Swift's shortest form that reads back to the same `Double` (so an exported scenario reproduces
/// its label doses bit for bit).
enum YAMLNumber {
    static func text(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

/// A node of a scenario file, read with errors that name the file, line and column and the key.
struct YAMLValue {
    let node: Node
    let file: String
    /// The key (or list position) the value sits under, for messages: `dose_mg`, `arms[2]`.
    let name: String

    var location: ScenarioLocation {
        ScenarioLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func error(_ message: String) -> ScenarioError { ScenarioError(message, at: location) }

    /// Whether the value is empty (`key:` with nothing after it, or `~`/`null`).
    var isNull: Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A scalar's text.
    func string(expected: String) throws(ScenarioError) -> String {
        guard let scalar = node.scalar else { throw error("\(name): expected \(expected), found a \(node.kindName)") }
        guard !isNull else { throw error("\(name) has no value: expected \(expected) (or leave the key out)") }
        return scalar.string
    }

    /// A finite number within `range`.
    func number(_ range: ValueRange) throws(ScenarioError) -> Double {
        let text = try string(expected: "a number \(range.description)")
        guard let x = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")), x.isFinite else {
            throw error("\(name): '\(text)' is not a number; expected a number \(range.description)")
        }
        guard range.contains(x) else { throw error("\(name): \(YAMLNumber.text(x)) is out of range; expected \(range.description)") }
        return x
    }

    /// A whole number within `range`.
    func integer(_ range: ClosedRange<Int>, unit: String = "") throws(ScenarioError) -> Int {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)\(unit.isEmpty ? "" : " " + unit)"
        let text = try string(expected: expected)
        guard let k = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) else {
            throw error("\(name): '\(text)' is not a whole number; expected \(expected)")
        }
        guard range.contains(k) else { throw error("\(name): \(k) is out of range; expected \(expected)") }
        return k
    }

    /// `true` or `false`.
    func bool() throws(ScenarioError) -> Bool {
        let text = try string(expected: "true or false")
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(name): '\(text)' is not true or false")
        }
    }

    /// The items of a list.
    func list(expected: String) throws(ScenarioError) -> [YAMLValue] {
        guard let items = node.sequence else {
            throw error("\(name): expected a list of \(expected) (lines starting with '- '), found a \(node.kindName)")
        }
        return items.enumerated().map { YAMLValue(node: $1, file: file, name: "\(name)[\($0 + 1)]") }
    }

    /// The value as a mapping whose keys are checked against `keys`.
    func mapping(_ keys: ScenarioKeys.Section) throws(ScenarioError) -> YAMLMapping {
        try YAMLMapping(self, keys: keys)
    }
}

/// A mapping of a scenario file with its keys checked: no unknown key (the message lists the
/// allowed ones), no key twice, reserved keys refused with the reason.
struct YAMLMapping {
    let value: YAMLValue
    private var values: [String: YAMLValue] = [:]
    private var keyNodes: [String: YAMLValue] = [:]
    /// Keys in the order written.
    private(set) var keys: [String] = []

    init(_ value: YAMLValue, keys section: ScenarioKeys.Section) throws(ScenarioError) {
        self.value = value
        guard let mapping = value.node.mapping else {
            throw value.error("\(value.name): expected lines of 'key: value' for \(section.what), found a \(value.node.kindName)")
        }
        for (keyNode, node) in mapping {
            let key = YAMLValue(node: keyNode, file: value.file, name: "key")
            guard let name = keyNode.scalar?.string else { throw key.error("a key in \(section.what) must be a plain name") }
            if let reason = section.reserved[name] { throw key.error("'\(name)' is not supported yet: \(reason)") }
            if let place = section.elsewhere[name] { throw key.error("'\(name)' does not belong in \(section.what): write it \(place)") }
            guard section.allowed.contains(name) else {
                let hint = ScenarioKeys.suggestion(for: name, among: section.allowed).map { "did you mean \($0)? " } ?? ""
                throw key.error("unknown key '\(name)' in \(section.what); \(hint)allowed keys: \(section.allowed.joined(separator: ", "))")
            }
            guard values[name] == nil else { throw key.error("'\(name)' is given twice in \(section.what)") }
            values[name] = YAMLValue(node: node, file: value.file, name: name)
            keyNodes[name] = key
            keys.append(name)
        }
    }

    subscript(_ key: String) -> YAMLValue? { values[key] }

    /// Where `key` is written (its key, not its value), or the mapping's own place.
    func location(of key: String) -> ScenarioLocation { keyNodes[key]?.location ?? value.location }

    /// The value of a key that must be present.
    func required(_ key: String, _ expected: String) throws(ScenarioError) -> YAMLValue {
        guard let v = values[key] else { throw value.error("\(value.name) needs '\(key)': \(expected)") }
        return v
    }
}

extension Node {
    /// What a node is, for messages.
    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping of keys"
        case .sequence: "list"
        }
    }
}
