/// The time loop shared by every solver: stops, events, output and failure codes.
///
/// Between consecutive stops (event times, `tstops`, `t1`) the method steps freely; it lands on each
/// stop exactly, applies the events there, records any output requested at that time (so output at
/// an event time is post-event), and restarts. Output at other times comes from dense output.
/// Preconditions (checked by ``isValidInput(dimension:initialState:t0:t1:saveAt:events:options:)``):
/// valid input, `method.dimension == initialState.count`.
@inlinable
func integrate<S: ODESystem, M: StepMethod>(
    _ system: S, method: inout M, initialState: [Double], from t0: Double, to t1: Double,
    saveAt: [Double], events: [ScheduledEvent], options: SolverOptions
) -> Solution {
    let n = method.dimension
    var statistics = SolverStatistics()
    var times: [Double] = []
    times.reserveCapacity(saveAt.count)
    var states = ContiguousArray<Double>()
    states.reserveCapacity(saveAt.count * n)
    let tolerance = Tolerance(relative: options.relativeTolerance, absolute: options.absoluteTolerance)
    let schedule = eventsInSpan(events, from: t0, to: t1)
    let stops = stopTimes(schedule: schedule, tstops: options.tstops, from: t0, to: t1)
    var controller = PIStepController(errorOrder: M.errorOrder)
    for i in 0..<n { method.state[i] = initialState[i] }

    var t = t0
    var nextEvent = 0, nextSave = 0, nextStop = 0, attempts = 0
    var h = 0.0
    var needsFreshStep = true
    var segmentEnd = t0

    // Events and output at t0 come first, as at every later stop.
    while true {
        let hadEvent = nextEvent < schedule.count && schedule[nextEvent].time <= t
        while nextEvent < schedule.count && schedule[nextEvent].time <= t {
            apply(schedule[nextEvent], to: method.state)
            nextEvent += 1
        }
        guard allFinite(method.state, count: n) else {
            return Solution(times: times, states: states, dimension: n, returnCode: .unstable,
                            statistics: statistics, finalTime: t)
        }
        while nextSave < saveAt.count && saveAt[nextSave] <= t {
            record(time: saveAt[nextSave], from: method.state, count: n, times: &times, states: &states)
            nextSave += 1
        }
        if t >= t1 { break }
        needsFreshStep = needsFreshStep || hadEvent

        while stops[nextStop] <= t { nextStop += 1 }
        segmentEnd = stops[nextStop]
        let clock = StageClock(segmentStart: t, segmentEnd: segmentEnd)
        method.restart(system, t: t, clock: clock, statistics: &statistics)
        guard allFinite(method.derivative, count: n) else {
            return Solution(times: times, states: states, dimension: n, returnCode: .unstable,
                            statistics: statistics, finalTime: t)
        }
        if needsFreshStep {
            controller.reset()
            let limit = min(options.maxStep, segmentEnd - t)
            if let given = options.initialStep {
                h = min(given, limit)
            } else {
                let (y1, f1) = method.scratch
                h = estimateInitialStep(system, t0: t, y0: method.state, f0: method.derivative, y1: y1, f1: f1,
                                        n: n, order: M.order, tolerance: tolerance, clock: clock,
                                        limit: limit, statistics: &statistics)
            }
            needsFreshStep = false
        }

        while t < segmentEnd {
            guard attempts < options.maxSteps else {
                return Solution(times: times, states: states, dimension: n, returnCode: .maxIters,
                                statistics: statistics, finalTime: t)
            }
            attempts += 1
            var step = min(h, options.maxStep)
            // Stretching by up to 1% avoids a sliver of a step just before the stop.
            let lands = t + 1.01 * step >= segmentEnd
            if lands { step = segmentEnd - t }
            let error = method.attempt(system, t: t, h: step, clock: clock, tolerance: tolerance,
                                       statistics: &statistics)
            if error <= 1 {
                guard allFinite(method.proposedState, count: n) else {
                    return Solution(times: times, states: states, dimension: n, returnCode: .unstable,
                                    statistics: statistics, finalTime: t)
                }
                let tNew = lands ? segmentEnd : t + step
                while nextSave < saveAt.count && saveAt[nextSave] < tNew {
                    let theta = (saveAt[nextSave] - t) / step
                    recordInterpolated(time: saveAt[nextSave], theta: theta, step: step, method: method,
                                       count: n, times: &times, states: &states)
                    nextSave += 1
                }
                method.accept()
                statistics.acceptedSteps += 1
                let proposal = controller.afterAcceptance(step: step, error: error)
                // A step cut short to land on a stop says little about the step the problem allows.
                h = lands ? max(proposal, h) : proposal
                t = tNew
                if t < segmentEnd {
                    while nextSave < saveAt.count && saveAt[nextSave] <= t {
                        record(time: saveAt[nextSave], from: method.state, count: n, times: &times, states: &states)
                        nextSave += 1
                    }
                }
            } else {
                statistics.rejectedSteps += 1
                h = controller.afterRejection(step: step, error: error)
                guard h >= options.minStep else {
                    // A step size collapsing on non-finite values means f itself fails there.
                    let code: ReturnCode = error.isFinite ? .dtLessThanMin : .unstable
                    return Solution(times: times, states: states, dimension: n, returnCode: code,
                                    statistics: statistics, finalTime: t)
                }
            }
        }
    }
    return Solution(times: times, states: states, dimension: n, returnCode: .success,
                    statistics: statistics, finalTime: t)
}

/// Events inside [t0, t1] sorted by time; events with equal times keep their given order.
@inlinable
func eventsInSpan(_ events: [ScheduledEvent], from t0: Double, to t1: Double) -> [ScheduledEvent] {
    // The usual dosing schedule is already sorted and inside the span: share it without copying.
    var alreadyUsable = true
    var previous = t0
    for i in 0..<events.count {
        let time = events[i].time
        if time < previous || time > t1 { alreadyUsable = false; break }
        previous = time
    }
    if alreadyUsable { return events }
    return events.enumerated()
        .filter { $0.element.time >= t0 && $0.element.time <= t1 }
        .sorted { $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset }
        .map(\.element)
}

/// Sorted times inside (t0, t1) where a step must end, followed by t1 (duplicates are harmless).
@inlinable
func stopTimes(schedule: [ScheduledEvent], tstops: [Double], from t0: Double, to t1: Double) -> [Double] {
    var stops: [Double] = []
    stops.reserveCapacity(schedule.count + tstops.count + 1)
    for event in schedule where event.time > t0 && event.time < t1 { stops.append(event.time) }
    for stop in tstops where stop > t0 && stop < t1 { stops.append(stop) }
    stops.sort()
    stops.append(t1)
    return stops
}

@inlinable
func apply(_ event: ScheduledEvent, to y: UnsafeMutablePointer<Double>) {
    for change in event.changes {
        switch change.operation {
        case .add(let x): y[change.index] += x
        case .set(let x): y[change.index] = x
        case .multiply(let x): y[change.index] *= x
        }
    }
}

@inlinable
func allFinite(_ y: UnsafeMutablePointer<Double>, count n: Int) -> Bool {
    var sum = 0.0
    for i in 0..<n { sum += y[i] * 0 }  // 0·x is NaN exactly when x is NaN or infinite
    return !sum.isNaN
}

@inlinable
func record(time: Double, from y: UnsafeMutablePointer<Double>, count n: Int,
            times: inout [Double], states: inout ContiguousArray<Double>) {
    times.append(time)
    states.append(contentsOf: UnsafeBufferPointer(start: y, count: n))
}

@inlinable
func recordInterpolated<M: StepMethod>(time: Double, theta: Double, step: Double, method: M, count n: Int,
                                       times: inout [Double], states: inout ContiguousArray<Double>) {
    // Through the stepper's own buffer rather than into `states` directly: writing into the array
    // would need a closure over the generic stepper, which unspecialised (debug) code boxes on the heap.
    method.interpolate(theta: theta, h: step, into: method.outputBuffer)
    record(time: time, from: method.outputBuffer, count: n, times: &times, states: &states)
}
