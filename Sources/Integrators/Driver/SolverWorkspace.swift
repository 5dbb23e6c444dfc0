/// A stepper built over memory its solver owns (see ``SolverWorkspace``).
@usableFromInline
protocol WorkspaceStepMethod: StepMethod {
    /// Doubles of work memory for dimension n.
    static func workLength(dimension n: Int) -> Int
    /// - Parameters:
    ///   - base: ``workLength(dimension:)`` doubles owned by the solver.
    ///   - pivots: n integers owned by the solver, for an LU factorisation (explicit methods ignore them).
    init(base: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, dimension n: Int)
}

/// The work arrays a solver keeps between solves of the same dimension, and the body every
/// built-in solver shares: validate, size the work arrays, run the driver over them.
@usableFromInline
struct SolverWorkspace: Sendable {
    @usableFromInline var values: ContiguousArray<Double> = []
    @usableFromInline var pivots: ContiguousArray<Int> = []
    @usableFromInline var dimension = 0

    @inlinable init() {}

    /// See ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``.
    @inlinable
    mutating func solve<Method: WorkspaceStepMethod, S: ODESystem>(
        _ method: Method.Type, _ system: S, initialState: [Double], from t0: Double, to t1: Double,
        saveAt: [Double], events: [ScheduledEvent], options: SolverOptions
    ) -> Solution {
        let n = system.dimension
        guard isValidInput(dimension: n, initialState: initialState, t0: t0, t1: t1, saveAt: saveAt,
                           events: events, options: options) else {
            return .invalid(dimension: n, t0: t0)
        }
        if dimension != n {
            values = ContiguousArray(repeating: 0, count: Method.workLength(dimension: n))
            pivots = ContiguousArray(repeating: 0, count: n)
            dimension = n
        }
        return runSolve(method, system, values: &values, pivots: &pivots, initialState: initialState,
                        from: t0, to: t1, saveAt: saveAt, events: events, options: options)
    }
}

/// The driver over work arrays of the right size (a free function: the closures capture the two
/// arrays, not the whole workspace, which they could not do while one of its arrays is borrowed).
@inlinable
func runSolve<Method: WorkspaceStepMethod, S: ODESystem>(
    _ method: Method.Type, _ system: S, values: inout ContiguousArray<Double>, pivots: inout ContiguousArray<Int>,
    initialState: [Double], from t0: Double, to t1: Double, saveAt: [Double], events: [ScheduledEvent],
    options: SolverOptions
) -> Solution {
    let n = system.dimension
    return values.withUnsafeMutableBufferPointer { buffer in
        pivots.withUnsafeMutableBufferPointer { pivotBuffer in
            guard let base = buffer.baseAddress, let pivotBase = pivotBuffer.baseAddress else {
                return .invalid(dimension: n, t0: t0)
            }
            var stepper = Method(base: base, pivots: pivotBase, dimension: n)
            return integrate(system, method: &stepper, initialState: initialState, from: t0, to: t1,
                             saveAt: saveAt, events: events, options: options)
        }
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
