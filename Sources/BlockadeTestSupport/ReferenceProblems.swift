import Integrators

/// Robertson's autocatalytic reaction (Robertson 1966), the classic stiff test: rate constants
/// 0.04, 3·10⁷, 10⁴ span nine orders of magnitude.
public struct RobertsonProblem: ODESystem, Sendable {
    /// Whether ``jacobian(t:y:into:)`` supplies the analytic Jacobian (else finite differences).
    public var analyticJacobian: Bool
    /// Creates the problem, with the analytic Jacobian by default.
    public init(analyticJacobian: Bool = true) { self.analyticJacobian = analyticJacobian }
    /// Three species.
    public var dimension: Int { 3 }
    /// y(0) = (1, 0, 0).
    public static let initialState = [1.0, 0.0, 0.0]
    /// y(40), from the stiff DETEST reference solutions (Enright, Hull & Lindberg, BIT 15 (1975)
    /// 10–48, problem D2, which scales y2 by 10⁴ and y3 by 10²; unscaled here). Agrees with the
    /// 10-digit values of Hairer & Wanner, Solving ODEs II, §IV.1: 0.7158270687, 9.185534764e-6,
    /// 0.2841637457.
    public static let referenceAt40 = [0.7158270687193941, 9.185534764557338e-6, 0.2841637457458413]

    /// y1' = −0.04 y1 + 10⁴ y2 y3, y3' = 3·10⁷ y2², y2' = −y1' − y3'.
    public func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2]
        dydt[2] = 3e7 * y[1] * y[1]
        dydt[1] = -dydt[0] - dydt[2]
    }

    /// The analytic Jacobian, or `false` when ``analyticJacobian`` is off.
    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard analyticJacobian else { return false }
        jac[0] = -0.04; jac[1] = 1e4 * y[2]; jac[2] = 1e4 * y[1]
        jac[6] = 0; jac[7] = 6e7 * y[1]; jac[8] = 0
        for j in 0..<3 { jac[3 + j] = -jac[j] - jac[6 + j] }
        return true
    }
}

/// HIRES, "High Irradiance RESponse" of plant morphogenesis (Schäfer 1975), 8 species, stiff; from
/// the Bari test set for IVP solvers (Mazzia & Magherini), https://archimede.uniba.it/~testset/.
public struct HiresProblem: ODESystem, Sendable {
    /// Creates the problem (no Jacobian: solvers use finite differences).
    public init() {}
    /// Eight species.
    public var dimension: Int { 8 }
    /// y(0) from the test set.
    public static let initialState = [1.0, 0, 0, 0, 0, 0, 0, 0.0057]
    /// End of the test-set interval.
    public static let finalTime = 321.8122
    /// y(321.8122) from the Bari test set (RADAU5 in quadruple precision, rtol = atol = 1.1e-18).
    public static let reference = [0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
                                   0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2,
                                   0.2849998395185769e-2, 0.2850001604814231e-2]

    /// The HIRES right-hand side as printed in the test set.
    public func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007
        dydt[1] = 1.71 * y[0] - 8.75 * y[1]
        dydt[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4]
        dydt[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3]
        dydt[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6]
        dydt[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6]
        dydt[6] = 280 * y[5] * y[7] - 1.81 * y[6]
        dydt[7] = -dydt[6]
    }
}

/// Van der Pol's oscillator y'' − μ(1 − y²)y' + y = 0 in its unscaled form with μ = 1000, as a
/// first-order system y1' = y2, y2' = μ(1 − y1²)y2 − y1, y(0) = (2, 0). Stiff on the slow branches.
public struct VanDerPolProblem: ODESystem, Sendable {
    /// Stiffness parameter μ (the reference values hold for μ = 1000 only).
    public var mu: Double
    /// Creates the oscillator with the given μ.
    public init(mu: Double = 1000) { self.mu = mu }
    /// Position and velocity.
    public var dimension: Int { 2 }
    /// y(0) = (2, 0).
    public static let initialState = [2.0, 0.0]
    /// y(2000) for μ = 1000. The Bari test set (problem VDPOL) states the problem in the ε-scaled
    /// form (τ = t/μ, ε = 1/μ² = 10⁻⁶) on [0, 2]; its reference values, 1.706167732170469 and
    /// −0.8928097010248125e-3, are those of this unscaled form at t = 2000 (y2 = dy1/dt: on the slow
    /// branch dy1/dt ≈ y1 / (μ(1 − y1²)) ≈ −8.93e-4, which fixes the scaling).
    public static let referenceAt2000 = [1.706167732170469, -0.8928097010248125e-3]

    /// y1' = y2, y2' = μ(1 − y1²)y2 − y1.
    public func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[1]
        dydt[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0]
    }

    /// The analytic Jacobian.
    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        jac[0] = 0; jac[1] = 1
        jac[2] = -2 * mu * y[0] * y[1] - 1; jac[3] = mu * (1 - y[0] * y[0])
        return true
    }
}

/// Largest componentwise relative error |a − b| / |b| (absolute where b = 0).
public func maxRelativeError<A: Collection, B: Collection>(_ a: A, _ b: B) -> Double
where A.Element == Double, B.Element == Double {
    zip(a, b).map { x, r in r == 0 ? abs(x) : abs(x - r) / abs(r) }.max() ?? 0
}
