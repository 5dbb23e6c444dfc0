#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, without building a `String` per cell.
///
/// Contract: for plain decimals with at most 19 significant digits and at most 22 fractional digits
/// (every value in the development cohorts), the result is the correctly rounded `Double`, as `strtod`
/// gives: the digits form an exact integer below 2⁵³ and 10^k (k ≤ 22) is exact, so one IEEE division
/// rounds once. Anything else (more digits, large exponents, `inf`) falls back to `strtod`.
/// Returns nil for text that is not a finite number (including `NA`, `NaN`, empty cells).
enum NumberParser {
    // Built by repeated multiplication: every 10^k up to 10^22 is exact in binary64.
    private static let powersOfTen: [Double] = {
        var table: [Double] = [1]
        for _ in 1...22 { table.append((table.last ?? 1) * 10) }
        return table
    }()

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if bytes[i] == UInt8(ascii: "+") { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var sawDigit = false
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            if mantissa != 0 || bytes[i] != 48 { digits += 1 }
            if digits > 19 { return slow(bytes, start, end) }
            mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
            sawDigit = true
            i += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                if mantissa != 0 || bytes[i] != 48 { digits += 1 }
                if digits > 19 || fractionDigits >= 22 { return slow(bytes, start, end) }
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
                fractionDigits += 1
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return slow(bytes, start, end) }
        if i != end { return slow(bytes, start, end) }
        guard mantissa < (1 << 53) else { return slow(bytes, start, end) }
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= powersOfTen[fractionDigits] }
        return negative ? -value : value
    }

    /// Exponents, long mantissas and oddities: let the C library decide, then reject non-finite.
    private static func slow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        guard length > 0, length < 64 else { return nil }
        var buffer = [CChar](repeating: 0, count: length + 1)
        for k in 0..<length { buffer[k] = CChar(bitPattern: bytes[start + k]) }
        return buffer.withUnsafeBufferPointer { p -> Double? in
            guard let base = p.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(base, &endPointer)
            guard let e = endPointer, e - UnsafeMutablePointer(mutating: base) == length, v.isFinite else { return nil }
            return v
        }
    }
}
