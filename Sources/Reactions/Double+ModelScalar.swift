import Foundation

/// `Double` is the scalar of the fast simulation: rate laws evaluated with it feed the right-hand side.
extension Double: ModelScalar {
    /// e^x, IEEE 754 semantics (overflows to +∞ above about 709.78).
    @inlinable public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    /// Natural logarithm; `log(0) = -∞`, `log(x < 0) = NaN`.
    @inlinable public static func log(_ x: Double) -> Double { Foundation.log(x) }
    /// x^p for a constant exponent p (C `pow` semantics).
    @inlinable public static func pow(_ x: Double, _ p: Double) -> Double { Foundation.pow(x, p) }
}

/// Hill function x^n / (half^n + x^n): a smooth switch from 0 to 1 that equals 1/2 at `x = half`.
///
/// Rate laws cannot branch on state (see ``ModelScalar``), so saturating and switch-like effects are
/// written with this function instead.
/// - Parameters:
///   - x: the driving quantity, ≥ 0, in any unit.
///   - half: the half-maximal value of `x`, > 0, in the unit of `x`.
///   - n: the Hill coefficient (dimensionless, > 0; larger is steeper).
/// - Returns: a dimensionless value in [0, 1]. At `x = 0` with `n < 1` the derivative is infinite.
@inlinable
public func hill<T: ModelScalar>(_ x: T, half: T, n: Double) -> T {
    let xn = T.pow(x, n)
    return xn / (T.pow(half, n) + xn)
}
