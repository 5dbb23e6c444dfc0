/// The number type a rate law is written over.
///
/// Rate laws are written once as generic Swift over `ModelScalar` and evaluated three ways: with
/// `Double` (the fast simulation), with ``Dual`` (exact Jacobian columns by forward-mode automatic
/// differentiation) and with ``Symbolic`` (an expression tree exported as SBML MathML and printed
/// in `docs/MODEL.md`). Only operations every one of the three can represent belong here, so a rate
/// law cannot use branches or comparisons on state: use smooth functions such as ``hill(_:half:n:)``.
public protocol ModelScalar: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// A constant.
    init(_ value: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    /// e^x.
    static func exp(_ x: Self) -> Self
    /// Natural logarithm.
    static func log(_ x: Self) -> Self
    /// x^p for a constant exponent p.
    static func pow(_ x: Self, _ p: Double) -> Self
}
