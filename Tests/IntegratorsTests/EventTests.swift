import Foundation
import Testing
import Integrators
import BlockadeTestSupport

/// Doses and resets at scheduled times, piecewise inputs at tstops.
@Suite("Events and stops")
struct EventTests {
    static let k = 0.4

    /// Exact solution of y' = −k·y with y(0) = 1 and a unit bolus at each dose time.
    static func exactDosed(_ t: Double, doses: [Double], justAfter: Bool) -> Double {
        var y = exp(-k * t)
        for d in doses where d < t || (justAfter && d == t) { y += exp(-k * (t - d)) }
        return y
    }

    @Test("boluses land exactly and the post-dose states match the exact solution", arguments: SolverKind.allCases)
    func boluses(kind: SolverKind) {
        let doses = [1.0, 2.5, 7.0]
        let events = doses.map { ScheduledEvent(time: $0, changes: [StateChange(index: 0, .add(1))]) }
        let options = SolverOptions(relativeTolerance: 1e-12, absoluteTolerance: 1e-14)
        let s = kind.solve(ExponentialDecay(rate: Self.k), [1], 0, 10, saveAt: doses + [10], events: events, options: options)
        #expect(s.returnCode == .success)
        #expect(s.times == doses + [10])
        for (i, t) in s.times.enumerated() {
            let exact = Self.exactDosed(t, doses: doses, justAfter: true)
            #expect(abs(s.states[i] - exact) / exact < 1e-10, "t = \(t): \(s.states[i]) vs \(exact)")
        }
    }

    @Test("set and multiply act at their times, in order", arguments: SolverKind.allCases)
    func setAndMultiply(kind: SolverKind) {
        let events = [
            ScheduledEvent(time: 2, changes: [StateChange(index: 0, .set(5)), StateChange(index: 0, .multiply(0.5))]),
            ScheduledEvent(time: 4, changes: [StateChange(index: 0, .multiply(3))]),
        ]
        let options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-14)
        let s = kind.solve(ExponentialDecay(rate: Self.k), [1], 0, 6, saveAt: [2, 3, 4, 6], events: events, options: options)
        let after2 = 2.5
        let expected = [after2, after2 * exp(-Self.k), 3 * after2 * exp(-2 * Self.k), 3 * after2 * exp(-4 * Self.k)]
        #expect(s.returnCode == .success)
        for (value, exact) in zip(s.states, expected) { #expect(abs(value - exact) / exact < 1e-9) }
    }

    @Test("events at t0 and at t1 are applied and recorded", arguments: SolverKind.allCases)
    func eventsAtEnds(kind: SolverKind) {
        let events = [
            ScheduledEvent(time: 0, changes: [StateChange(index: 0, .add(2))]),
            ScheduledEvent(time: 5, changes: [StateChange(index: 0, .add(10))]),
        ]
        let options = SolverOptions(relativeTolerance: 1e-11, absoluteTolerance: 1e-14)
        let s = kind.solve(ExponentialDecay(rate: Self.k), [1], 0, 5, saveAt: [0, 5], events: events, options: options)
        #expect(s.returnCode == .success)
        #expect(s.states[0] == 3)
        let exact = 3 * exp(-5 * Self.k) + 10
        #expect(abs(s.states[1] - exact) / exact < 1e-10)
    }

    @Test("events in any order, equal times in the given order, outside the span ignored")
    func eventOrdering() {
        let events = [
            ScheduledEvent(time: 3, changes: [StateChange(index: 0, .multiply(2))]),
            ScheduledEvent(time: 1, changes: [StateChange(index: 0, .set(4))]),
            ScheduledEvent(time: 3, changes: [StateChange(index: 0, .add(1))]),
            ScheduledEvent(time: 50, changes: [StateChange(index: 0, .set(.greatestFiniteMagnitude))]),
        ]
        let s = SolverKind.tsit5.solve(ExponentialDecay(rate: 0), [1], 0, 5, saveAt: [1, 3, 5], events: events)
        #expect(Array(s.states) == [4, 9, 9])
    }

    @Test("an infusion switching off at a tstop is integrated to tolerance", arguments: SolverKind.allCases)
    func piecewiseInput(kind: SolverKind) {
        let system = ShortInfusion()
        let saveAt = [1.0, 3.3, 3.31, 5, 10]
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-13, tstops: [3.3])
        let s = kind.solve(system, [0], 0, 10, saveAt: saveAt, options: options)
        #expect(s.returnCode == .success)
        for (i, t) in s.times.enumerated() {
            let exact = system.exact(t)
            #expect(abs(s.states[i] - exact) / exact < 1e-8, "t = \(t): \(s.states[i]) vs \(exact)")
        }
    }

    @Test("the switch is exact whichever side of it the model assigns the switch time to")
    func switchConvention() {
        struct ClosedInfusion: ODESystem {
            var dimension: Int { 1 }
            func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = (t <= 3.3 ? 2 : 0) - 0.7 * y[0]
            }
        }
        let options = SolverOptions(relativeTolerance: 1e-10, absoluteTolerance: 1e-13, tstops: [3.3])
        let s = SolverKind.tsit5.solve(ClosedInfusion(), [0], 0, 10, saveAt: [10], options: options)
        let exact = ShortInfusion().exact(10)
        #expect(abs(s.states[0] - exact) / exact < 1e-8)
    }
}
