/// Tsitouras' explicit Runge–Kutta 5(4) pair with adaptive steps and free fourth-order dense output
/// (Ch. Tsitouras, Comput. Math. Appl. 62 (2011) 770, doi:10.1016/j.camwa.2011.06.002).
///
/// The default for non-stiff problems: 6 right-hand-side evaluations per step (first same as last).
/// On stiff problems it still converges but its steps are limited by stability, not accuracy, so it
/// becomes slow; use ``Rodas4`` there. Local error per step is controlled as described in
/// ``SolverOptions``; output between steps has fourth-order accuracy.
///
/// The solver keeps its work arrays between solves of the same dimension; copy one solver per
/// thread rather than sharing.
public struct Tsit5: ODESolver, Sendable {
    @usableFromInline var workspace = SolverWorkspace()

    /// Creates a solver; work arrays are sized on the first solve.
    public init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    public mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                             saveAt: [Double] = [], events: [ScheduledEvent] = [],
                                             options: SolverOptions = SolverOptions()) -> Solution {
        workspace.solve(ExplicitFSALStepper<Tsit5Tableau>.self, system, initialState: initialState, from: t0,
                        to: t1, saveAt: saveAt, events: events, options: options)
    }
}
