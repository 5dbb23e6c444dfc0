import Foundation

/// A rate law recorded as an expression tree instead of computed.
///
/// Evaluating a network's generic rate laws with `Symbolic` inputs (leaves naming species,
/// parameters and time) records the formula; the same tree is then rendered as SBML MathML
/// (``mathML``), as compact infix text for Markdown (``infix``) and evaluated back to a number
/// (``evaluate(x:p:time:)``) so tests can prove the recorded formula is the simulated one.
///
/// The operators fold constants and drop neutral elements (`x·1`, `x+0`, `0·x`, `x^1`, `--x`) so the
/// exported formulas read like the source. Numerical contract: constant folding uses the same
/// `Double` operations as the fast simulation; the rewrites `0·x → 0` and `0/x` are exact for
/// finite `x` only (a rate law that multiplies a literal zero by an infinite quantity differs).
public indirect enum Symbolic: ModelScalar, Sendable, Hashable {
    /// A number.
    case constant(Double)
    /// The amount of a species (`index` into the network's `species`).
    case species(id: String, index: Int)
    /// A parameter value (`index` into the network's `parameters`).
    case parameter(id: String, index: Int)
    /// Simulation time, in days.
    case time
    /// a + b.
    case sum(Symbolic, Symbolic)
    /// a − b.
    case difference(Symbolic, Symbolic)
    /// a · b.
    case product(Symbolic, Symbolic)
    /// a / b.
    case quotient(Symbolic, Symbolic)
    /// −a.
    case negation(Symbolic)
    /// e^a.
    case exponential(Symbolic)
    /// ln a.
    case logarithm(Symbolic)
    /// a^p for a constant p.
    case power(Symbolic, Double)

    /// A constant leaf.
    public init(_ value: Double) { self = .constant(value) }
    /// A constant leaf from a literal.
    public init(floatLiteral value: Double) { self = .constant(value) }
    /// A constant leaf from an integer literal.
    public init(integerLiteral value: Int) { self = .constant(Double(value)) }

    /// The value when this node is a constant leaf.
    public var constantValue: Double? {
        if case .constant(let c) = self { return c }
        return nil
    }

    /// Sum; folds constants and drops `+ 0`.
    public static func + (lhs: Symbolic, rhs: Symbolic) -> Symbolic {
        switch (lhs, rhs) {
        case let (.constant(a), .constant(b)): return .constant(a + b)
        case (.constant(0), _): return rhs
        case (_, .constant(0)): return lhs
        case let (_, .negation(b)): return lhs - b
        case let (.negation(a), _): return rhs - a
        case let (_, .constant(b)) where b < 0: return .difference(lhs, .constant(-b))
        default: return .sum(lhs, rhs)
        }
    }

    /// Difference; folds constants and drops `- 0`.
    public static func - (lhs: Symbolic, rhs: Symbolic) -> Symbolic {
        switch (lhs, rhs) {
        case let (.constant(a), .constant(b)): return .constant(a - b)
        case (_, .constant(0)): return lhs
        case (.constant(0), _): return -rhs
        case let (_, .negation(b)): return lhs + b
        case let (_, .constant(b)) where b < 0: return .sum(lhs, .constant(-b))
        default: return .difference(lhs, rhs)
        }
    }

    /// Product; folds constants and drops `· 1`; `0 · x` is `0`.
    public static func * (lhs: Symbolic, rhs: Symbolic) -> Symbolic {
        switch (lhs, rhs) {
        case let (.constant(a), .constant(b)): return .constant(a * b)
        case (.constant(0), _), (_, .constant(0)): return .constant(0)
        case (.constant(1), _): return rhs
        case (_, .constant(1)): return lhs
        case (.constant(-1), _): return -rhs
        case (_, .constant(-1)): return -lhs
        default: return .product(lhs, rhs)
        }
    }

    /// Quotient; folds constants and drops `/ 1`.
    public static func / (lhs: Symbolic, rhs: Symbolic) -> Symbolic {
        switch (lhs, rhs) {
        case let (.constant(a), .constant(b)): return .constant(a / b)
        case (_, .constant(1)): return lhs
        case (_, .constant(-1)): return -lhs
        default: return .quotient(lhs, rhs)
        }
    }

    /// Negation; folds constants and cancels double negation.
    public static prefix func - (operand: Symbolic) -> Symbolic {
        switch operand {
        case .constant(let a): return .constant(-a)
        case .negation(let a): return a
        default: return .negation(operand)
        }
    }

    /// e^x; folds constants.
    public static func exp(_ x: Symbolic) -> Symbolic {
        if case .constant(let a) = x { return .constant(Foundation.exp(a)) }
        return .exponential(x)
    }

    /// Natural logarithm; folds constants.
    public static func log(_ x: Symbolic) -> Symbolic {
        if case .constant(let a) = x { return .constant(Foundation.log(a)) }
        return .logarithm(x)
    }

    /// x^p for constant p; folds constants, `x^1 = x`, `x^0 = 1`.
    public static func pow(_ x: Symbolic, _ p: Double) -> Symbolic {
        if case .constant(let a) = x { return .constant(Foundation.pow(a, p)) }
        if p == 1 { return x }
        if p == 0 { return .constant(1) }
        return .power(x, p)
    }
}

// MARK: - Evaluation

extension Symbolic {
    /// Evaluates the tree with the same `Double` operations the fast simulation uses.
    /// - Parameters:
    ///   - species: amount of a species given its id and index (species units).
    ///   - parameter: value of a parameter given its id and index (parameter units).
    ///   - time: simulation time, in days.
    public func evaluate(species: (String, Int) -> Double, parameter: (String, Int) -> Double,
                         time: Double) -> Double {
        func eval(_ node: Symbolic) -> Double {
            switch node {
            case .constant(let c): return c
            case let .species(id, index): return species(id, index)
            case let .parameter(id, index): return parameter(id, index)
            case .time: return time
            case let .sum(a, b): return eval(a) + eval(b)
            case let .difference(a, b): return eval(a) - eval(b)
            case let .product(a, b): return eval(a) * eval(b)
            case let .quotient(a, b): return eval(a) / eval(b)
            case .negation(let a): return -eval(a)
            case .exponential(let a): return Foundation.exp(eval(a))
            case .logarithm(let a): return Foundation.log(eval(a))
            case let .power(a, p): return Foundation.pow(eval(a), p)
            }
        }
        return eval(self)
    }

    /// Evaluates the tree reading leaves by index.
    /// - Parameters:
    ///   - x: species amounts in network order; `p`: parameter values in network order.
    ///   - time: simulation time, in days.
    /// - Precondition: every leaf index is within `x` / `p`.
    public func evaluate(x: [Double], p: [Double], time: Double) -> Double {
        evaluate(species: { x[$1] }, parameter: { p[$1] }, time: time)
    }

    /// Evaluates the tree reading leaves by id; a missing id evaluates as `NaN` so the mismatch
    /// cannot go unnoticed.
    public func evaluate(species: [String: Double], parameters: [String: Double], time: Double) -> Double {
        evaluate(species: { id, _ in species[id] ?? .nan },
                 parameter: { id, _ in parameters[id] ?? .nan }, time: time)
    }

    /// Which leaves occur in the tree.
    public struct Leaves: Sendable, Equatable {
        /// Indices of the species referenced.
        public var species: Set<Int> = []
        /// Indices of the parameters referenced.
        public var parameters: Set<Int> = []
        /// Whether `time` occurs.
        public var time = false
        /// No leaves.
        public init() {}
    }

    /// The species, parameters and time the expression depends on (structurally).
    public var leaves: Leaves {
        var found = Leaves()
        func visit(_ node: Symbolic) {
            switch node {
            case .constant: break
            case .species(_, let i): found.species.insert(i)
            case .parameter(_, let i): found.parameters.insert(i)
            case .time: found.time = true
            case let .sum(a, b), let .difference(a, b), let .product(a, b), let .quotient(a, b):
                visit(a); visit(b)
            case let .negation(a), let .exponential(a), let .logarithm(a), let .power(a, _):
                visit(a)
            }
        }
        visit(self)
        return found
    }
}

// MARK: - Rendering

extension Symbolic: CustomStringConvertible {
    /// The ``infix`` text.
    public var description: String { infix }

    /// Compact infix text with the fewest parentheses that keep the meaning, e.g.
    /// `k_grow * C * (1 - C / C_max)`. Time prints as `t`, the natural logarithm as `ln(…)`,
    /// powers as `x^2`.
    public var infix: String { renderInfix().text }

    // Binding strength used to decide where parentheses are needed.
    private enum Precedence: Int, Comparable {
        case additive = 1, multiplicative, unary, power, atom
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
    }

    private func renderInfix() -> (text: String, precedence: Precedence) {
        func wrap(_ node: Symbolic, atLeast minimum: Precedence) -> String {
            let (text, precedence) = node.renderInfix()
            return precedence < minimum ? "(\(text))" : text
        }
        switch self {
        case .constant(let c):
            return (Symbolic.formatNumber(c), c < 0 ? .unary : .atom)
        case .species(let id, _), .parameter(let id, _): return (id, .atom)
        case .time: return ("t", .atom)
        case let .sum(a, b):
            return ("\(wrap(a, atLeast: .additive)) + \(wrap(b, atLeast: .additive))", .additive)
        case let .difference(a, b):
            return ("\(wrap(a, atLeast: .additive)) - \(wrap(b, atLeast: .multiplicative))", .additive)
        case let .product(a, b):
            return ("\(wrap(a, atLeast: .multiplicative)) * \(wrap(b, atLeast: .multiplicative))", .multiplicative)
        case let .quotient(a, b):
            return ("\(wrap(a, atLeast: .multiplicative)) / \(wrap(b, atLeast: .unary))", .multiplicative)
        case .negation(let a): return ("-\(wrap(a, atLeast: .unary))", .unary)
        case .exponential(let a): return ("exp(\(a.renderInfix().text))", .atom)
        case .logarithm(let a): return ("ln(\(a.renderInfix().text))", .atom)
        case let .power(a, p):
            let exponent = Symbolic.formatNumber(p)
            return ("\(wrap(a, atLeast: .atom))^\(p < 0 ? "(\(exponent))" : exponent)", .power)
        }
    }

    /// Shortest text that reads back to the same `Double`; integral values print without `.0`.
    /// Deterministic across platforms (Swift's shortest round-trip formatting).
    public static func formatNumber(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// SBML Level 3 Version 2 MathML content for this expression, without the enclosing `<math>`
    /// element (see ``mathMLElement``). Species and parameters are `<ci>`, time is the SBML
    /// `time` csymbol, natural logarithm is `<ln/>`, powers are `<power/>`.
    public var mathML: String {
        switch self {
        case .constant(let c): return Symbolic.mathMLNumber(c)
        case .species(let id, _), .parameter(let id, _): return "<ci> \(id) </ci>"
        case .time:
            return "<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\"> time </csymbol>"
        case let .sum(a, b): return Symbolic.apply("plus", a.mathML, b.mathML)
        case let .difference(a, b): return Symbolic.apply("minus", a.mathML, b.mathML)
        case let .product(a, b): return Symbolic.apply("times", a.mathML, b.mathML)
        case let .quotient(a, b): return Symbolic.apply("divide", a.mathML, b.mathML)
        case .negation(let a): return Symbolic.apply("minus", a.mathML)
        case .exponential(let a): return Symbolic.apply("exp", a.mathML)
        case .logarithm(let a): return Symbolic.apply("ln", a.mathML)
        case let .power(a, p): return Symbolic.apply("power", a.mathML, Symbolic.mathMLNumber(p))
        }
    }

    /// The expression wrapped in a MathML `<math>` element with its namespace.
    public var mathMLElement: String {
        "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">\(mathML)</math>"
    }

    private static func apply(_ op: String, _ operands: String...) -> String {
        "<apply><\(op)/>" + operands.joined() + "</apply>"
    }

    /// A MathML number: `<cn type="integer">` for integral values, otherwise a real in
    /// shortest round-trip decimal or e-notation (valid XML Schema `double` lexical form).
    static func mathMLNumber(_ value: Double) -> String {
        if value.isNaN { return "<notanumber/>" }
        if value.isInfinite { return value < 0 ? "<apply><minus/><infinity/></apply>" : "<infinity/>" }
        if value == value.rounded(), abs(value) < 1e15 {
            return "<cn type=\"integer\"> \(Int64(value)) </cn>"
        }
        return "<cn> \(value) </cn>"
    }
}

// MARK: - Recording a network

extension ReactionNetwork {
    /// Species leaves in network order.
    public var symbolicSpecies: [Symbolic] {
        species.enumerated().map { .species(id: $1.id, index: $0) }
    }

    /// Parameter leaves in network order.
    public var symbolicParameters: [Symbolic] {
        parameters.enumerated().map { .parameter(id: $1.id, index: $0) }
    }

    /// The rate law of every reaction as an expression tree (species units per day), in reaction order.
    public func symbolicRates() -> [Symbolic] {
        let x = symbolicSpecies, p = symbolicParameters
        var v = [Symbolic](repeating: .constant(0), count: reactions.count)
        x.withUnsafeBufferPointer { xb in
            p.withUnsafeBufferPointer { pb in
                v.withUnsafeMutableBufferPointer { vb in rates(x: xb, p: pb, time: .time, into: vb) }
            }
        }
        return v
    }

    /// Every observable as an expression tree, in observable order.
    public func symbolicObservables() -> [Symbolic] {
        let x = symbolicSpecies, p = symbolicParameters
        var o = [Symbolic](repeating: .constant(0), count: observables.count)
        x.withUnsafeBufferPointer { xb in
            p.withUnsafeBufferPointer { pb in
                o.withUnsafeMutableBufferPointer { ob in observe(x: xb, p: pb, time: .time, into: ob) }
            }
        }
        return o
    }
}
