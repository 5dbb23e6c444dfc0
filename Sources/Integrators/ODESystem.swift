/// A first-order ODE system y' = f(t, y) as an integrator sees it.
///
/// What a system must provide:
/// - ``dimension``: the number of state variables (fixed for the life of the system);
/// - ``rhs(t:y:dydt:)``: writes f(t, y) into `dydt` (caller-owned, `dimension` long). It must not
///   allocate, read `dydt`, or keep either pointer.
///
/// Optionally it provides an analytic or automatic Jacobian through ``jacobian(t:y:into:)``; the
/// default returns `false`, and implicit solvers then fall back to forward finite differences.
public protocol ODESystem {
    /// Number of state variables.
    var dimension: Int { get }

    /// Writes the time derivative f(t, y) into `dydt`.
    /// - Parameters:
    ///   - t: time, in the system's time unit (Blockade models use days).
    ///   - y: current state, `dimension` values.
    ///   - dydt: output, `dimension` values.
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>)

    /// Writes the Jacobian ∂f/∂y at (t, y) into `jac`, row-major (`jac[i * n + j] = ∂f_i/∂y_j`).
    /// - Returns: `true` when written; `false` when the system offers no Jacobian (the solver then
    ///   uses finite differences).
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool
}

extension ODESystem {
    /// Default: no Jacobian; implicit solvers difference ``rhs(t:y:dydt:)`` instead.
    @inlinable
    public func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        false
    }
}
