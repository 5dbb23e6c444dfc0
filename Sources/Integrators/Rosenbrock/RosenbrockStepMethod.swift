/// A Rosenbrock stepper: besides ``StepMethod``, it says how much work memory it needs (O(n²) for
/// the Jacobian and the iteration matrix) and is built over memory owned by its solver.
@usableFromInline
protocol RosenbrockStepMethod: StepMethod {
    /// Doubles of work memory for dimension n.
    static func workLength(dimension n: Int) -> Int
    /// - Parameters:
    ///   - base: ``workLength(dimension:)`` doubles owned by the solver.
    ///   - pivots: n integers owned by the solver.
    init(base: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, dimension n: Int)
}

/// The body shared by the Rosenbrock solvers: validate, size the work arrays, run the driver.
@inlinable
func solveRosenbrock<Method: RosenbrockStepMethod, S: ODESystem>(
    _ method: Method.Type, _ system: S, workspace: inout ContiguousArray<Double>, pivots: inout ContiguousArray<Int>,
    workspaceDimension: inout Int, initialState: [Double], from t0: Double, to t1: Double, saveAt: [Double],
    events: [ScheduledEvent], options: SolverOptions
) -> Solution {
    let n = system.dimension
    guard isValidInput(dimension: n, initialState: initialState, t0: t0, t1: t1, saveAt: saveAt,
                       events: events, options: options) else {
        return .invalid(dimension: n, t0: t0)
    }
    if workspaceDimension != n {
        workspace = ContiguousArray(repeating: 0, count: Method.workLength(dimension: n))
        pivots = ContiguousArray(repeating: 0, count: n)
        workspaceDimension = n
    }
    return workspace.withUnsafeMutableBufferPointer { buffer in
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
