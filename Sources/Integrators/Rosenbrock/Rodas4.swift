/// RODAS, the stiffly accurate, L-stable Rosenbrock method of order 4(3) of Hairer & Wanner
/// (Solving Ordinary Differential Equations II, 2nd ed., Springer 1996, §VI.4), with its
/// third-order dense output.
///
/// For stiff problems (fast binding kinetics next to slow tumour growth). Each step costs one
/// Jacobian (analytic through ``ODESystem/jacobian(t:y:into:)`` when the system provides it, else
/// n forward differences of the right-hand side), one LU factorisation of I/(γh) − J, six solves
/// and six right-hand-side evaluations, plus one or two for ∂f/∂t by differences (needed because
/// the solver cannot know whether f depends on t).
/// Numerical contract: local error per step as in ``SolverOptions``; because the method is
/// linearly implicit, an inaccurate Jacobian lowers accuracy per step (and so step size) but is
/// compensated by the error control, not silently accepted.
///
/// The solver keeps its work arrays (O(n²)) between solves of the same dimension; copy one solver
/// per thread rather than sharing.
public struct Rodas4: ODESolver, Sendable {
    @usableFromInline var workspace = SolverWorkspace()

    /// Creates a solver; work arrays are sized on the first solve.
    public init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    public mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                             saveAt: [Double] = [], events: [ScheduledEvent] = [],
                                             options: SolverOptions = SolverOptions()) -> Solution {
        workspace.solve(RosenbrockStepper<Rodas4Tableau>.self, system, initialState: initialState, from: t0,
                        to: t1, saveAt: saveAt, events: events, options: options)
    }
}
