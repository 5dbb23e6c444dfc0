/// A time-stepping method for ``ODESystem``s.
///
/// What a solver must provide:
/// - `init()` with no arguments;
/// - ``solve(_:initialState:from:to:saveAt:events:options:)`` with the contract below, keeping its
///   work arrays between solves of the same dimension, so that a virtual trial of many patients
///   allocates only the output of each solve;
/// - no heap allocation per step (tested with an allocation counter).
///
/// The built-in solvers share one driver (`integrate` in `Driver/`), so they differ only in the step
/// itself. Choosing one:
/// - ``Tsit5``: explicit 5(4), the default for non-stiff models (tumour growth, PK without fast
///   binding); ``DormandPrince5`` is the classic alternative, kept for comparison with other tools.
/// - ``Rodas5``: linearly implicit 5(4), for stiff models (fast receptor binding next to slow
///   growth), best at tight tolerances; ``Rodas4`` is its 4(3) predecessor, cheaper per step.
/// A model is stiff when Tsit5 needs many more steps than its solution's variation suggests
/// (its statistics show mostly rejected or tiny steps).
///
/// ```swift
/// var solver = Tsit5()              // reuse across patients: no reallocation
/// let doses = [0.0, 21, 42].map { ScheduledEvent(time: $0, changes: [StateChange(index: 0, .add(200))]) }
/// let solution = solver.solve(model, initialState: y0, from: 0, to: 730,
///                             saveAt: Array(stride(from: 0.0, through: 730, by: 7)), events: doses,
///                             options: SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-9))
/// guard solution.returnCode == .success else { /* count the patient as failed */ }
/// ```
public protocol ODESolver {
    /// Creates a solver with empty work arrays.
    init()

    /// Integrates `system` from `t0` to `t1`.
    ///
    /// - Parameters:
    ///   - system: the right-hand side (and optionally its Jacobian).
    ///   - initialState: y(t0), `system.dimension` finite values.
    ///   - t0: initial time, in the system's time unit.
    ///   - t1: final time, `t1 >= t0`.
    ///   - saveAt: sorted times in `[t0, t1]` at which to record the state. They are filled by the
    ///     method's dense output and do not force steps there. A time equal to an event time
    ///     records the state *after* the event.
    ///   - events: scheduled changes of state. The solver steps exactly to each event time, applies
    ///     the changes in order (events with equal times in the given order), then restarts with a
    ///     fresh step-size estimate. Events outside `[t0, t1]` are ignored.
    ///   - options: tolerances and limits.
    /// - Returns: the recorded states. Invalid input gives ``ReturnCode/invalidInput`` and no
    ///   points; a NaN or infinity in the state gives ``ReturnCode/unstable`` with the points saved
    ///   before it. The solver never traps on bad input.
    mutating func solve<S: ODESystem>(_ system: S, initialState: [Double], from t0: Double, to t1: Double,
                                      saveAt: [Double], events: [ScheduledEvent],
                                      options: SolverOptions) -> Solution
}
