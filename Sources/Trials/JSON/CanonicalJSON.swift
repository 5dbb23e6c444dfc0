import Foundation

/// A JSON value written deterministically: object keys sorted by their UTF-8 bytes, numbers rounded
/// to 10 significant digits and printed in Swift's shortest round-trip form, non-finite numbers as
/// `null`. The same value gives byte-identical text on every run and platform, so trial outputs can
/// be diffed and golden-tested. Never emits NaN or Infinity.
public enum CanonicalJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case unsigned(UInt64)
    /// A number; NaN and ±∞ are written as `null`.
    case number(Double)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// A number or `null` when absent.
    public static func number(_ value: Double?) -> CanonicalJSON { value.map { .number($0) } ?? .null }

    /// A string or `null` when absent.
    public static func string(_ value: String?) -> CanonicalJSON { value.map { .string($0) } ?? .null }

    /// Significant digits kept: enough for any reported statistic, few enough that last-ulp
    /// differences between libm implementations do not reach the text.
    public static let significantDigits = 10

    /// The text of the value.
    /// - Parameter pretty: two-space indentation and one member per line (default); compact otherwise.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: 0)
        return out
    }

    func write(to out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .unsigned(u): out += String(u)
        case let .number(x): out += Self.format(x)
        case let .string(s): Self.writeString(s, to: &out)
        case let .array(items):
            writeContainer(open: "[", close: "]", count: items.count, out: &out, pretty: pretty, depth: depth) { i, out in
                items[i].write(to: &out, pretty: pretty, depth: depth + 1)
            }
        case let .object(members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            writeContainer(open: "{", close: "}", count: keys.count, out: &out, pretty: pretty, depth: depth) { i, out in
                Self.writeString(keys[i], to: &out)
                out += pretty ? ": " : ":"
                members[keys[i]]?.write(to: &out, pretty: pretty, depth: depth + 1)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, out: inout String, pretty: Bool, depth: Int,
                                element: (Int, inout String) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        for i in 0..<count {
            out += i == 0 ? inner : "," + inner
            element(i, &out)
        }
        out += pretty ? "\n" + String(repeating: "  ", count: depth) + close : close
    }

    /// `x` rounded to `significantDigits` significant digits, shortest round-trip text; `null` if not finite.
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == 0 { return "0.0" }
        let rounded = Double(String(format: "%.\(significantDigits - 1)e", x)) ?? x
        return rounded.description
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
