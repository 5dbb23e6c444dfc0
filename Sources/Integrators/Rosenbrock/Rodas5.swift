/// Rodas5, the stiffly accurate, L-stable Rosenbrock method of order 5(4) of Di Marzo (MSc thesis,
/// Université de Genève, 1993), with a fourth-order dense output.
///
/// The preferred stiff solver at tight tolerances (rtol ≲ 1e-6), where its fifth order needs
/// markedly fewer steps than ``Rodas4``. Each step costs one Jacobian (analytic through
/// ``ODESystem/jacobian(t:y:into:)`` when the system provides it, else n forward differences),
/// one LU factorisation of I/(γh) − J, eight solves and eight right-hand-side evaluations
/// (plus one or two for ∂f/∂t by differences). Numerical contract as for ``Rodas4``.
///
/// The solver keeps its work arrays (O(n²)) between solves of the same dimension; copy one solver
/// per thread rather than sharing.
public struct Rodas5: ODESolver, Sendable {
    @usableFromInline var workspace = SolverWorkspace()

    /// Creates a solver; work arrays are sized on the first solve.
    public init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    public mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                             saveAt: [Double] = [], events: [ScheduledEvent] = [],
                                             options: SolverOptions = SolverOptions()) -> Solution {
        workspace.solve(RosenbrockStepper<Rodas5Tableau>.self, system, initialState: initialState, from: t0,
                        to: t1, saveAt: saveAt, events: events, options: options)
    }
}
