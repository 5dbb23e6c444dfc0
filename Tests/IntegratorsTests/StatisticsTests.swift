import Testing
import Integrators
import BlockadeTestSupport

@Suite("Statistics")
struct StatisticsTests {
    @Test("Tsit5 uses six evaluations per attempt plus two to start (FSAL)")
    func tsit5Evaluations() {
        var solver = Tsit5()
        let s = solver.solve(DampedRotation(), initialState: [1, 0], from: 0, to: 20, saveAt: [], events: [],
                             options: SolverOptions(relativeTolerance: 1e-8))
        let st = s.statistics
        #expect(s.returnCode == .success)
        // One evaluation at the start, one for the initial-step estimate, six per attempt.
        #expect(st.rhsEvaluations == 2 + 6 * (st.acceptedSteps + st.rejectedSteps))
        #expect(st.jacobianEvaluations == 0 && st.factorizations == 0)
    }

    @Test("each event restarts: one more start-up cost per event")
    func eventRestartCost() {
        var solver = Tsit5()
        let events = [1.0, 2, 3].map { ScheduledEvent(time: $0, changes: [StateChange(index: 0, .add(1))]) }
        let s = solver.solve(ExponentialDecay(rate: 1), initialState: [1], from: 0, to: 4, saveAt: [], events: events,
                             options: SolverOptions())
        let st = s.statistics
        #expect(st.rhsEvaluations == 4 * 2 + 6 * (st.acceptedSteps + st.rejectedSteps))
    }

    @Test("repeated solves on one solver give identical results")
    func reuse() {
        var solver = Rodas4()
        let first = solver.solve(HiresProblem(), initialState: HiresProblem.initialState, from: 0, to: 10,
                                 saveAt: [5, 10], events: [], options: SolverOptions())
        let second = solver.solve(HiresProblem(), initialState: HiresProblem.initialState, from: 0, to: 10,
                                  saveAt: [5, 10], events: [], options: SolverOptions())
        #expect(first.states == second.states)
        #expect(first.statistics == second.statistics)
        // A different dimension in between resizes and still works.
        _ = solver.solve(DampedRotation(), initialState: [1, 0], from: 0, to: 1, saveAt: [], events: [], options: SolverOptions())
        let third = solver.solve(HiresProblem(), initialState: HiresProblem.initialState, from: 0, to: 10,
                                 saveAt: [5, 10], events: [], options: SolverOptions())
        #expect(third.states == first.states)
    }
}

@Suite("Step limits")
struct StepLimitTests {
    @Test("no step exceeds maxStep, including the last one before a stop", arguments: SolverKind.allCases)
    func maxStepRespected(kind: SolverKind) {
        // Steps of at most 0.3 over 0.902: after 0.3, 0.3 the remaining 0.302 is within the 1%
        // stretch but above maxStep, so it takes 0.3 and a final 0.002 — four steps, not three.
        let options = SolverOptions(relativeTolerance: 1e10, absoluteTolerance: 1e10, initialStep: 0.3, maxStep: 0.3)
        let s = kind.solve(ExponentialDecay(rate: 1), [1], 0, 0.902, options: options)
        #expect(s.returnCode == .success)
        #expect(s.statistics.acceptedSteps == 4)
    }
}
