import Foundation

/// A forward-mode dual number `value + derivative·ε` with ε² = 0.
///
/// Evaluating a rate law with `Dual` inputs whose derivative is 1 for one species and 0 elsewhere
/// yields, in each output's ``derivative``, the exact partial derivative of that flux with respect
/// to the seeded species (to floating-point rounding, with no truncation error). This is how
/// ``CompiledNetwork`` fills Jacobian columns.
///
/// Numerical contract: every operation applies the textbook derivative rule in `Double` arithmetic.
/// `pow(x, p)` with a zero incoming derivative returns a zero derivative even where `p·x^(p-1)` is
/// infinite (e.g. `x = 0`, `p < 1`), so constants never poison a Jacobian with `NaN`.
@frozen
public struct Dual: ModelScalar, Sendable, Equatable {
    /// The primal value.
    public var value: Double
    /// The directional derivative carried along with ``value``.
    public var derivative: Double

    /// A dual number with an explicit derivative.
    @inlinable
    public init(value: Double, derivative: Double) {
        self.value = value
        self.derivative = derivative
    }

    /// A constant: derivative zero.
    @inlinable
    public init(_ value: Double) {
        self.value = value
        self.derivative = 0
    }

    /// A constant from a literal.
    @inlinable
    public init(floatLiteral value: Double) { self.init(value) }

    /// A constant from an integer literal.
    @inlinable
    public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// Sum (derivatives add).
    @inlinable
    public static func + (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value + rhs.value, derivative: lhs.derivative + rhs.derivative)
    }

    /// Difference (derivatives subtract).
    @inlinable
    public static func - (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value - rhs.value, derivative: lhs.derivative - rhs.derivative)
    }

    /// Product (product rule).
    @inlinable
    public static func * (lhs: Dual, rhs: Dual) -> Dual {
        Dual(value: lhs.value * rhs.value,
             derivative: lhs.derivative * rhs.value + lhs.value * rhs.derivative)
    }

    /// Quotient (quotient rule).
    @inlinable
    public static func / (lhs: Dual, rhs: Dual) -> Dual {
        let quotient = lhs.value / rhs.value
        // (a/b)' = (a' - (a/b)·b') / b: one division fewer than the quotient rule as usually written.
        return Dual(value: quotient, derivative: (lhs.derivative - quotient * rhs.derivative) / rhs.value)
    }

    /// Negation.
    @inlinable
    public static prefix func - (operand: Dual) -> Dual {
        Dual(value: -operand.value, derivative: -operand.derivative)
    }

    /// e^x; derivative e^x · x'.
    @inlinable
    public static func exp(_ x: Dual) -> Dual {
        let e = Foundation.exp(x.value)
        return Dual(value: e, derivative: e * x.derivative)
    }

    /// ln x; derivative x' / x.
    @inlinable
    public static func log(_ x: Dual) -> Dual {
        Dual(value: Foundation.log(x.value), derivative: x.derivative / x.value)
    }

    /// x^p for constant p; derivative p · x^(p−1) · x' (zero when x' = 0, see the type's contract).
    @inlinable
    public static func pow(_ x: Dual, _ p: Double) -> Dual {
        let value = Foundation.pow(x.value, p)
        if x.derivative == 0 || p == 0 { return Dual(value: value, derivative: 0) }
        return Dual(value: value, derivative: p * Foundation.pow(x.value, p - 1) * x.derivative)
    }
}
