/// The time loop shared by every solver: stops, events, output and failure codes.
///
/// Between consecutive stops (event times, `tstops`, `t1`) the method steps freely; it lands on each
/// stop exactly, applies the events there, records any output requested at that time (so output at
/// an event time is post-event), and restarts. Output at other times comes from dense output.
/// Preconditions (checked by ``validateSolverInput(dimension:initialState:from:to:saveAt:events:options:)``):
/// valid input, `method.dimension == initialState.count`.
@inlinable
func integrate<S: ODESystem, M: StepMethod>(
    _ system: S, method: inout M, initialState: [Double], from t0: Double, to t1: Double,
    saveAt: [Double], events: [ScheduledEvent], options: SolverOptions
) -> Solution {
    for i in 0..<method.dimension { method.state[i] = initialState[i] }
    var run = IntegrationRun(system: system, method: method, from: t0, to: t1, saveAt: saveAt,
                             events: events, options: options)
    return run.solve()
}

/// The state of one solve between steps.
@usableFromInline
struct IntegrationRun<S: ODESystem, M: StepMethod> {
    @usableFromInline let system: S
    @usableFromInline var method: M
    @usableFromInline let n: Int
    @usableFromInline let t1: Double
    @usableFromInline let saveAt: [Double]
    @usableFromInline let schedule: [ScheduledEvent]
    @usableFromInline let stops: [Double]
    @usableFromInline let options: SolverOptions
    @usableFromInline let tolerance: Tolerance
    @usableFromInline var controller: PIStepController
    @usableFromInline var statistics = SolverStatistics()
    @usableFromInline var times: [Double] = []
    @usableFromInline var states = ContiguousArray<Double>()
    @usableFromInline var t: Double
    /// Step size the controller proposes next.
    @usableFromInline var h = 0.0
    @usableFromInline var needsFreshStep = true
    @usableFromInline var nextEvent = 0, nextSave = 0, nextStop = 0, attempts = 0

    @inlinable
    init(system: S, method: M, from t0: Double, to t1: Double, saveAt: [Double], events: [ScheduledEvent],
         options: SolverOptions) {
        self.system = system
        self.method = method
        self.n = method.dimension
        self.t = t0
        self.t1 = t1
        self.saveAt = saveAt
        self.schedule = eventsInSpan(events, from: t0, to: t1)
        self.stops = stopTimes(schedule: schedule, tstops: options.tstops, from: t0, to: t1)
        self.options = options
        self.tolerance = Tolerance(relative: options.relativeTolerance, absolute: options.absoluteTolerance)
        self.controller = PIStepController(errorOrder: M.errorOrder)
        times.reserveCapacity(saveAt.count)
        states.reserveCapacity(saveAt.count * method.dimension)
    }

    @inlinable
    mutating func solve() -> Solution {
        while true {
            if let failure = arriveAtStop() { return finish(failure) }
            if t >= t1 { return finish(.success) }
            let segmentEnd = nextSegmentEnd()
            let clock = StageClock(segmentStart: t, segmentEnd: segmentEnd)
            if let failure = startSegment(ending: segmentEnd, clock: clock) { return finish(failure) }
            if let failure = step(until: segmentEnd, clock: clock) { return finish(failure) }
        }
    }

    @inlinable
    func finish(_ code: ReturnCode) -> Solution {
        Solution(times: times, states: states, dimension: n, returnCode: code, statistics: statistics, finalTime: t)
    }

    /// Applies the events due at t, then records the output due at t (so it is post-event).
    @inlinable
    mutating func arriveAtStop() -> ReturnCode? {
        while nextEvent < schedule.count && schedule[nextEvent].time <= t {
            apply(schedule[nextEvent], to: method.state)
            nextEvent += 1
            if !(options.keepStepSizeAfterEvents && h > 0) { needsFreshStep = true }
        }
        guard allFinite(method.state, count: n) else { return .unstable }
        while nextSave < saveAt.count && saveAt[nextSave] <= t {
            record(time: saveAt[nextSave], from: method.state, count: n, times: &times, states: &states)
            nextSave += 1
        }
        return nil
    }

    @inlinable
    mutating func nextSegmentEnd() -> Double {
        while stops[nextStop] <= t { nextStop += 1 }  // stops ends with t1 > t
        return stops[nextStop]
    }

    /// Re-evaluates f at the start of a segment (f may jump at a stop) and, after an event or at
    /// t0, picks a fresh step size.
    @inlinable
    mutating func startSegment(ending segmentEnd: Double, clock: StageClock) -> ReturnCode? {
        method.restart(system, t: t, clock: clock, statistics: &statistics)
        guard allFinite(method.derivative, count: n) else { return .unstable }
        guard needsFreshStep else { return nil }
        controller.reset()
        let limit = min(options.maxStep, segmentEnd - t)
        if let given = options.initialStep {
            h = min(given, limit)
        } else {
            let (y1, f1) = method.scratch
            h = estimateInitialStep(system, t0: t, y0: method.state, f0: method.derivative, y1: y1, f1: f1, n: n,
                                    order: M.order, tolerance: tolerance, clock: clock, limit: limit,
                                    statistics: &statistics)
        }
        needsFreshStep = false
        return nil
    }

    /// Adaptive steps from t to exactly `segmentEnd`, recording output passed on the way.
    @inlinable
    mutating func step(until segmentEnd: Double, clock: StageClock) -> ReturnCode? {
        while t < segmentEnd {
            guard attempts < options.maxSteps else { return .maxIters }
            attempts += 1
            var trial = min(h, options.maxStep)
            // Stretching by up to 1% avoids a sliver of a step just before the stop, as long as the
            // stretched step stays within maxStep (up to rounding of the accumulated time).
            let remaining = segmentEnd - t
            let lands = remaining <= trial || (remaining <= 1.01 * trial && remaining <= options.maxStep * (1 + 1e-12))
            if lands { trial = remaining }
            let error = method.attempt(system, t: t, h: trial, clock: clock, tolerance: tolerance,
                                       statistics: &statistics)
            if error <= 1 {
                guard allFinite(method.proposedState, count: n) else { return .unstable }
                accept(step: trial, error: error, landingOn: lands ? segmentEnd : nil)
            } else {
                statistics.rejectedSteps += 1
                h = controller.afterRejection(step: trial, error: error)
                // A step size collapsing on non-finite values means f itself fails there.
                if h < options.minStep { return error.isFinite ? .dtLessThanMin : .unstable }
            }
        }
        return nil
    }

    @inlinable
    mutating func accept(step: Double, error: Double, landingOn stop: Double?) {
        let tNew = stop ?? t + step
        while nextSave < saveAt.count && saveAt[nextSave] < tNew {
            let theta = (saveAt[nextSave] - t) / step
            recordInterpolated(time: saveAt[nextSave], theta: theta, step: step, method: method, count: n,
                               times: &times, states: &states)
            nextSave += 1
        }
        method.accept()
        statistics.acceptedSteps += 1
        let proposal = controller.afterAcceptance(step: step, error: error)
        // A step cut short to land on a stop says little about the step the problem allows.
        h = stop == nil ? proposal : max(proposal, h)
        t = tNew
        // Output exactly at a stop waits for the events there (see arriveAtStop).
        if stop == nil {
            while nextSave < saveAt.count && saveAt[nextSave] <= t {
                record(time: saveAt[nextSave], from: method.state, count: n, times: &times, states: &states)
                nextSave += 1
            }
        }
    }
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
