/// The Dormand–Prince explicit Runge–Kutta 5(4) pair (J. Comput. Appl. Math. 6 (1980) 19,
/// doi:10.1016/0771-050X(80)90013-3) with Shampine's fourth-order dense output, as in Hairer's
/// DOPRI5 and MATLAB's ode45.
///
/// Provided for comparison with other software. Both cost six evaluations per step; ``Tsit5``'s
/// smaller error constants usually save some steps (147 against 160 on the 30-species benchmark in
/// `SolverBenchmarks`), while wall times are within about 10% either way. Same contract as ``Tsit5``.
public struct DormandPrince5: ODESolver, Sendable {
    @usableFromInline var workspace = SolverWorkspace()

    /// Creates a solver; work arrays are sized on the first solve.
    public init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    public mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                             saveAt: [Double] = [], events: [ScheduledEvent] = [],
                                             options: SolverOptions = SolverOptions()) -> Solution {
        workspace.solve(ExplicitFSALStepper<DormandPrince5Tableau>.self, system, initialState: initialState, from: t0,
                        to: t1, saveAt: saveAt, events: events, options: options)
    }
}
