/// One right-censored time-to-event observation.
public struct SurvivalObservation: Sendable, Equatable, Codable {
    /// Time from the first dose to the event or to censoring, days (finite, ≥ 0).
    public var time: Double
    /// true when the event (progression, death) was observed at `time`; false when censored there.
    public var event: Bool

    /// - Parameters:
    ///   - time: days from the first dose.
    ///   - event: true if the event was observed, false if censored.
    public init(time: Double, event: Bool) { self.time = time; self.event = event }
}

/// Invalid survival input: a message the caller can act on.
public enum SurvivalDataError: Error, Equatable, CustomStringConvertible {
    /// A time that is negative, infinite or NaN, with its position in the input.
    case invalidTime(index: Int, time: Double)
    /// `times` and `events` of different lengths.
    case lengthMismatch(times: Int, events: Int)

    public var description: String {
        switch self {
        case let .invalidTime(index, time):
            return "survival time #\(index) is \(time); times must be finite and ≥ 0 days"
        case let .lengthMismatch(times, events):
            return "\(times) survival times but \(events) event flags; they must pair up"
        }
    }
}

extension Array where Element == SurvivalObservation {
    /// Pairs times with event flags, validating both.
    /// - Parameters:
    ///   - times: days, finite and ≥ 0.
    ///   - events: true where the event was observed.
    static func validated(times: [Double], events: [Bool]) throws(SurvivalDataError) -> [SurvivalObservation] {
        guard times.count == events.count else { throw .lengthMismatch(times: times.count, events: events.count) }
        var result: [SurvivalObservation] = []
        result.reserveCapacity(times.count)
        for (i, t) in times.enumerated() {
            guard t.isFinite, t >= 0 else { throw .invalidTime(index: i, time: t) }
            result.append(SurvivalObservation(time: t, event: events[i]))
        }
        return result
    }
}

/// Counts at one distinct time of a pooled sample, the unit every survival method here works on.
struct RiskSetTime {
    var time: Double
    /// Subjects with time ≥ `time` (events at a time precede censorings at the same time).
    var atRisk: Int
    var events: Int
    var censored: Int
}

/// Distinct times in ascending order with number at risk, events and censorings at each.
/// Observations censored at an event time are counted at risk for that event (events first).
func riskSetTimes(_ observations: [SurvivalObservation]) -> [RiskSetTime] {
    let sorted = observations.sorted { $0.time < $1.time }
    var result: [RiskSetTime] = []
    var remaining = sorted.count
    var i = 0
    while i < sorted.count {
        let t = sorted[i].time
        var events = 0, censored = 0
        while i < sorted.count, sorted[i].time == t {
            if sorted[i].event { events += 1 } else { censored += 1 }
            i += 1
        }
        result.append(RiskSetTime(time: t, atRisk: remaining, events: events, censored: censored))
        remaining -= events + censored
    }
    return result
}
