/// Checks the arguments of a solve without solving.
///
/// Solvers run the same checks and report a failure as ``ReturnCode/invalidInput``; this function
/// says which argument is wrong. Events and `tstops` outside `[t0, t1]` are valid (they are ignored).
/// - Parameters: as in ``ODESolver/solve(_:initialState:from:to:saveAt:events:options:)``, with
///   `dimension` the system's ``ODESystem/dimension``.
/// - Throws: the first problem found.
@inlinable
public func validateSolverInput(dimension n: Int, initialState: [Double], from t0: Double, to t1: Double,
                                saveAt: [Double], events: [ScheduledEvent],
                                options: SolverOptions) throws(SolverInputError) {
    // Index loops throughout: in unoptimised builds, for-in over an array may allocate per element,
    // and the allocation tests run on debug builds.
    guard n > 0 else { throw .emptySystem }
    guard initialState.count == n else { throw .stateSizeMismatch(expected: n, actual: initialState.count) }
    for i in 0..<n where !initialState[i].isFinite { throw .nonFiniteInitialState(index: i) }
    guard t0.isFinite, t1.isFinite, t1 >= t0 else { throw .invalidTimeSpan(t0: t0, t1: t1) }
    var previous = t0
    for i in 0..<saveAt.count {
        let s = saveAt[i]
        guard s.isFinite, s >= previous, s <= t1 else { throw .invalidSaveTime(index: i, time: s) }
        previous = s
    }
    let rtol = options.relativeTolerance, atol = options.absoluteTolerance
    guard rtol.isFinite, atol.isFinite, rtol >= 0, atol >= 0, rtol + atol > 0 else {
        throw .invalidTolerances(relative: rtol, absolute: atol)
    }
    try validateStepLimits(options)
    for i in 0..<options.tstops.count where options.tstops[i].isNaN { throw .invalidStop(index: i) }
    for i in 0..<events.count {
        if let reason = problem(with: events[i], dimension: n) { throw .invalidEvent(index: i, reason: reason) }
    }
}

@inlinable
func validateStepLimits(_ options: SolverOptions) throws(SolverInputError) {
    guard options.maxSteps >= 0 else { throw .invalidStepLimits("maxSteps = \(options.maxSteps) is negative") }
    guard options.minStep.isFinite, options.minStep >= 0 else {
        throw .invalidStepLimits("minStep = \(options.minStep) must be finite and >= 0")
    }
    guard !options.maxStep.isNaN, options.maxStep > 0 else {
        throw .invalidStepLimits("maxStep = \(options.maxStep) must be > 0")
    }
    if let h = options.initialStep, !(h.isFinite && h > 0) {
        throw .invalidStepLimits("initialStep = \(h) must be finite and > 0")
    }
}

/// What is wrong with an event, or `nil`.
@inlinable
func problem(with event: ScheduledEvent, dimension n: Int) -> String? {
    guard event.time.isFinite else { return "time \(event.time) is not finite" }
    for j in 0..<event.changes.count {
        let change = event.changes[j]
        guard change.index >= 0, change.index < n else {
            return "change \(j) targets state \(change.index), outside 0..<\(n)"
        }
        switch change.operation {
        case .add(let x), .set(let x), .multiply(let x):
            guard x.isFinite else { return "change \(j) has non-finite amount \(x)" }
        }
    }
    return nil
}

/// Whether the arguments of a solve are usable; solvers report ``ReturnCode/invalidInput`` instead
/// of trapping when they are not.
@inlinable
func isValidInput(dimension n: Int, initialState: [Double], t0: Double, t1: Double, saveAt: [Double],
                  events: [ScheduledEvent], options: SolverOptions) -> Bool {
    do {
        try validateSolverInput(dimension: n, initialState: initialState, from: t0, to: t1, saveAt: saveAt,
                                events: events, options: options)
        return true
    } catch {
        return false
    }
}
