import Testing
import Integrators
import MallocCounter

/// No heap allocation per step.
///
/// `MallocCounter` replaces malloc & co. in the test process (ELF interposition, forwarding to
/// glibc) and counts calls per thread. A synchronous stretch of Swift code runs on one thread, so
/// the difference of the counter around a solve counts that solve's allocations alone, even while
/// other tests run in parallel. Allocations for the output (`times`, `states`, the sorted event
/// list) are per solve; the claim tested is that the count does not grow with the number of steps.
@Suite("Allocations")
struct AllocationTests {
    static func allocations(_ body: () -> Void) -> UInt64 {
        let before = malloc_counter_thread_allocations()
        body()
        return malloc_counter_thread_allocations() - before
    }

    @Test("the counter sees Swift allocations (interposition is live)",
          .enabled(if: malloc_counter_is_interposing() == 1))
    func counterWorks() {
        let count = Self.allocations {
            let array = [Double](repeating: 1, count: 1000)
            #expect(array.count == 1000)
        }
        #expect(count >= 1)
    }

    @Test("allocation count is independent of the number of steps",
          .enabled(if: malloc_counter_is_interposing() == 1), arguments: SolverKind.allCases)
    func independentOfStepCount(kind: SolverKind) {
        let system = CompartmentChain(rates: (0..<30).map { 0.5 + 0.05 * Double($0) })
        let y0 = [Double](repeating: 0, count: 30)
        // Off the step grid in both runs, so both record through dense output.
        let saveAt: [Double] = [0.55, 4.55, 9.55]
        let events = [ScheduledEvent(time: 3, changes: [StateChange(index: 0, .add(1))])]
        func run(_ solver: inout some ODESolver, steps: Int) -> Solution {
            // Huge tolerances plus a maximum step force exactly the wanted number of steps.
            let h = 10 / Double(steps)
            let options = SolverOptions(relativeTolerance: 1e10, absoluteTolerance: 1e10, initialStep: h, maxStep: h)
            return solver.solve(system, initialState: y0, from: 0, to: 10, saveAt: saveAt, events: events, options: options)
        }
        switch kind {
        case .tsit5:
            var solver = Tsit5()
            check(&solver, run)
        case .dormandPrince5:
            var solver = DormandPrince5()
            check(&solver, run)
        case .rodas4:
            var solver = Rodas4()
            check(&solver, run)
        case .rodas5:
            var solver = Rodas5()
            check(&solver, run)
        }
    }

    func check<Solver: ODESolver>(_ solver: inout Solver, _ run: (inout Solver, Int) -> Solution) {
        _ = run(&solver, 10)  // warm-up: sizes the work arrays
        var few = Solution(times: [], states: [], dimension: 0, returnCode: .invalidInput, statistics: .init(), finalTime: 0)
        var many = few
        let fewAllocations = Self.allocations { few = run(&solver, 10) }
        let manyAllocations = Self.allocations { many = run(&solver, 10_000) }
        #expect(few.returnCode == .success && many.returnCode == .success)
        #expect(few.statistics.acceptedSteps <= 11 && many.statistics.acceptedSteps >= 10_000)
        #expect(fewAllocations == manyAllocations, "\(fewAllocations) vs \(manyAllocations) allocations")
        // Output arrays, the stop list and the sorted events: a handful per solve.
        #expect(manyAllocations <= 10, "\(manyAllocations) allocations per solve")
    }
}
