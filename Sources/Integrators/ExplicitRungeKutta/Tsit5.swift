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
    @usableFromInline var workspace: ContiguousArray<Double> = []
    @usableFromInline var workspaceDimension = 0

    /// Creates a solver; work arrays are sized on the first solve.
    public init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    public mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                             saveAt: [Double] = [], events: [ScheduledEvent] = [],
                                             options: SolverOptions = SolverOptions()) -> Solution {
        solveExplicit(Tsit5Tableau.self, system, workspace: &workspace, workspaceDimension: &workspaceDimension,
                      initialState: initialState, from: t0, to: t1, saveAt: saveAt, events: events, options: options)
    }
}

/// The body shared by the explicit solvers: validate, size the work arrays, run the driver.
@inlinable
func solveExplicit<Tableau: ExplicitFSALTableau, S: ODESystem>(
    _ tableau: Tableau.Type, _ system: S, workspace: inout ContiguousArray<Double>, workspaceDimension: inout Int,
    initialState: [Double], from t0: Double, to t1: Double, saveAt: [Double], events: [ScheduledEvent],
    options: SolverOptions
) -> Solution {
    let n = system.dimension
    guard isValidInput(dimension: n, initialState: initialState, t0: t0, t1: t1, saveAt: saveAt,
                       events: events, options: options) else {
        return .invalid(dimension: n, t0: t0)
    }
    if workspaceDimension != n {
        workspace = ContiguousArray(repeating: 0, count: ExplicitFSALStepper<Tableau>.vectorCount * n)
        workspaceDimension = n
    }
    return workspace.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return .invalid(dimension: n, t0: t0) }
        var stepper = ExplicitFSALStepper<Tableau>(base: base, dimension: n)
        return integrate(system, method: &stepper, initialState: initialState, from: t0, to: t1,
                         saveAt: saveAt, events: events, options: options)
    }
}

extension Solution {
    /// The empty result of a solve whose arguments were rejected.
    @inlinable
    static func invalid(dimension: Int, t0: Double) -> Solution {
        Solution(times: [], states: [], dimension: max(dimension, 0), returnCode: .invalidInput,
                 statistics: SolverStatistics(), finalTime: t0)
    }
}
