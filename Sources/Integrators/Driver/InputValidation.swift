/// Whether the arguments of a solve are usable; the driver reports ``ReturnCode/invalidInput``
/// instead of trapping when they are not.
@inlinable
func isValidInput(dimension n: Int, initialState: [Double], t0: Double, t1: Double, saveAt: [Double],
                  events: [ScheduledEvent], options: SolverOptions) -> Bool {
    guard n > 0, initialState.count == n else { return false }
    for i in 0..<n where !initialState[i].isFinite { return false }
    guard t0.isFinite, t1.isFinite, t1 >= t0 else { return false }
    var previous = t0
    for s in saveAt {
        guard s.isFinite, s >= previous, s <= t1 else { return false }
        previous = s
    }
    let rtol = options.relativeTolerance, atol = options.absoluteTolerance
    guard rtol.isFinite, atol.isFinite, rtol >= 0, atol >= 0, rtol + atol > 0 else { return false }
    guard options.maxSteps >= 0, options.minStep.isFinite, options.minStep >= 0 else { return false }
    guard !options.maxStep.isNaN, options.maxStep > 0 else { return false }
    if let h = options.initialStep, !(h.isFinite && h > 0) { return false }
    for stop in options.tstops where stop.isNaN { return false }
    for event in events {
        guard event.time.isFinite else { return false }
        for change in event.changes {
            guard change.index >= 0, change.index < n else { return false }
            switch change.operation {
            case .add(let x), .set(let x), .multiply(let x):
                guard x.isFinite else { return false }
            }
        }
    }
    return true
}
