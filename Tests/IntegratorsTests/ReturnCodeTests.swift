import Foundation
import Testing
import Integrators

/// Failures are results, never traps.
@Suite("Return codes")
struct ReturnCodeTests {
    @Test("too few steps allowed gives maxIters and the points reached so far", arguments: SolverKind.allCases)
    func maxIters(kind: SolverKind) {
        let saveAt = stride(from: 0.0, through: 10, by: 1).map { $0 }
        var options = fixedStepOptions(span: 10, steps: 20)
        options.maxSteps = 5
        let s = kind.solve(ExponentialDecay(rate: 1), [1], 0, 10, saveAt: saveAt, options: options)
        #expect(s.returnCode == .maxIters)
        #expect(s.finalTime < 10)
        #expect(s.times == Array(saveAt.prefix(s.times.count)))
        #expect(s.times.count == 3)  // t = 0, 1, 2 within five half-day steps
        #expect(s.states.count == s.times.count)
    }

    @Test("a solution blowing up in finite time stops cleanly", arguments: SolverKind.allCases)
    func blowUp(kind: SolverKind) {
        let saveAt = [0, 0.5, 0.9, 1.5, 2]
        let s = kind.solve(FiniteTimeBlowUp(), [1], 0, 2, saveAt: saveAt)
        #expect(s.returnCode == .unstable || s.returnCode == .dtLessThanMin || s.returnCode == .maxIters)
        #expect(s.finalTime <= 1.0 + 1e-6)
        #expect(s.times == [0, 0.5, 0.9])
        let allFinite = s.states.allSatisfy { $0.isFinite }
        #expect(allFinite)
        // Exact 1/(1 − t) = 10; errors grow like y² along this solution, hence 1e-4 relative at rtol 1e-6.
        #expect(abs(s.states[2] - 10) < 1e-3)
    }

    @Test("a NaN from the right-hand side gives unstable", arguments: SolverKind.allCases)
    func nanDerivative(kind: SolverKind) {
        struct Poisoned: ODESystem {
            var dimension: Int { 1 }
            func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
                dydt[0] = y[0] > 1.5 || t > 4 ? .nan : -y[0]
            }
        }
        // A dose pushes the state into the poisoned region: detected at the restart after it.
        let dosed = kind.solve(Poisoned(), [1], 0, 5, saveAt: [1, 2, 3], events: [
            ScheduledEvent(time: 2.5, changes: [StateChange(index: 0, .add(2))]),
        ])
        #expect(dosed.returnCode == .unstable)
        #expect(dosed.times == [1, 2])
        #expect(dosed.finalTime == 2.5)
        // NaN beyond t = 4: every step across it fails until the step size collapses.
        let late = kind.solve(Poisoned(), [1], 0, 5, saveAt: [1, 2, 3, 4.5])
        #expect(late.returnCode == .unstable)
        #expect(late.times == [1, 2, 3])
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        var name: String
        var expected: SolverInputError
        var y0: [Double] = [1]
        var t0 = 0.0
        var t1 = 1.0
        var saveAt: [Double] = []
        var events: [ScheduledEvent] = []
        var options = SolverOptions()
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(name: "NaN state", expected: .nonFiniteInitialState(index: 0), y0: [.nan]),
        InvalidCase(name: "infinite state", expected: .nonFiniteInitialState(index: 0), y0: [.infinity]),
        InvalidCase(name: "wrong state size", expected: .stateSizeMismatch(expected: 1, actual: 2), y0: [1, 2]),
        InvalidCase(name: "t1 < t0", expected: .invalidTimeSpan(t0: 2, t1: 1), t0: 2, t1: 1),
        InvalidCase(name: "NaN time", expected: .invalidTimeSpan(t0: 0, t1: 1), t1: .nan),
        InvalidCase(name: "unsorted saveAt", expected: .invalidSaveTime(index: 1, time: 0.2), saveAt: [0.5, 0.2]),
        InvalidCase(name: "saveAt after t1", expected: .invalidSaveTime(index: 1, time: 2), saveAt: [0.5, 2]),
        InvalidCase(name: "saveAt before t0", expected: .invalidSaveTime(index: 0, time: -1), saveAt: [-1]),
        InvalidCase(name: "NaN relative tolerance", expected: .invalidTolerances(relative: 0, absolute: 1e-9),
                    options: SolverOptions(relativeTolerance: .nan)),
        InvalidCase(name: "negative absolute tolerance", expected: .invalidTolerances(relative: 1e-6, absolute: -1),
                    options: SolverOptions(absoluteTolerance: -1)),
        InvalidCase(name: "zero tolerances", expected: .invalidTolerances(relative: 0, absolute: 0),
                    options: SolverOptions(relativeTolerance: 0, absoluteTolerance: 0)),
        InvalidCase(name: "negative initial step", expected: .invalidStepLimits("initialStep = -0.1 must be finite and > 0"),
                    options: SolverOptions(initialStep: -0.1)),
        InvalidCase(name: "NaN tstop", expected: .invalidStop(index: 0), options: SolverOptions(tstops: [.nan])),
        InvalidCase(name: "event index out of range",
                    expected: .invalidEvent(index: 0, reason: "change 0 targets state 3, outside 0..<1"),
                    events: [ScheduledEvent(time: 0.5, changes: [StateChange(index: 3, .add(1))])]),
        InvalidCase(name: "NaN event amount",
                    expected: .invalidEvent(index: 0, reason: "change 0 has non-finite amount nan"),
                    events: [ScheduledEvent(time: 0.5, changes: [StateChange(index: 0, .multiply(.nan))])]),
    ]

    @Test("invalid input gives invalidInput and no points", arguments: SolverKind.allCases, invalidCases)
    func invalidInput(kind: SolverKind, input: InvalidCase) {
        let s = kind.solve(ExponentialDecay(rate: 1), input.y0, input.t0, input.t1, saveAt: input.saveAt,
                           events: input.events, options: input.options)
        #expect(s.returnCode == .invalidInput)
        #expect(s.times.isEmpty && s.states.isEmpty)
    }

    @Test("validation names the offending argument", arguments: invalidCases)
    func validationMessage(input: InvalidCase) {
        do {
            try validateSolverInput(dimension: 1, initialState: input.y0, from: input.t0, to: input.t1,
                                    saveAt: input.saveAt, events: input.events, options: input.options)
            Issue.record("accepted invalid input")
        } catch {
            // NaN payloads never compare equal, so compare the case by its message prefix there.
            if input.name.hasPrefix("NaN time") || input.name.hasPrefix("NaN relative") {
                #expect(String(describing: error).prefix(12) == String(describing: input.expected).prefix(12))
            } else {
                #expect(error == input.expected, "\(error)")
            }
            #expect(!error.description.isEmpty)
        }
    }

    @Test("a zero-length span records the initial (post-event) state", arguments: SolverKind.allCases)
    func zeroSpan(kind: SolverKind) {
        let s = kind.solve(ExponentialDecay(rate: 1), [1], 3, 3, saveAt: [3],
                           events: [ScheduledEvent(time: 3, changes: [StateChange(index: 0, .add(1))])])
        #expect(s.returnCode == .success)
        #expect(Array(s.states) == [2])
        #expect(s.statistics.acceptedSteps == 0)
    }
}
