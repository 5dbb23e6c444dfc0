import Foundation
import Testing
import Integrators

/// Global error at the end of a span with equal steps falls like h^p; the observed p from two step
/// sizes (N and 2N steps, chosen inside the asymptotic range and far above rounding) must be within
/// 0.3 of the method order.
@Suite("Convergence order")
struct ConvergenceTests {
    enum Problem: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case exponentialDecay, cosineDecay, dampedRotation
        var testDescription: String { rawValue }
    }

    static func finalError(_ kind: SolverKind, _ problem: Problem, steps: Int) -> Double {
        switch problem {
        case .exponentialDecay:
            let system = ExponentialDecay(rate: 1.5)
            let s = kind.solve(system, [1], 0, 4, saveAt: [4], options: fixedStepOptions(span: 4, steps: steps))
            return abs(s.states[0] - system.exact(4, from: 1)) / system.exact(4, from: 1)
        case .cosineDecay:
            // Rodas4's h⁴ error coefficient on this problem is an integral of terms oscillating with
            // cos t and nearly vanishes near t = 5 and t = 10, so there the error is dominated by
            // higher-order terms until very small h; t = 3 is away from those nodes.
            let end = kind == .rodas4 ? 3.0 : 10.0
            let s = kind.solve(CosineDecay(), [1], 0, end, saveAt: [end], options: fixedStepOptions(span: end, steps: steps))
            return abs(s.states[0] - CosineDecay.exact(end)[0])
        case .dampedRotation:
            let system = DampedRotation()
            let s = kind.solve(system, [1, 0.5], 0, 5, saveAt: [5], options: fixedStepOptions(span: 5, steps: steps))
            let exact = system.exact(5, from: [1, 0.5])
            return max(abs(s.states[0] - exact[0]), abs(s.states[1] - exact[1]))
        }
    }

    @Test("observed order matches the method order", arguments: SolverKind.allCases, Problem.allCases)
    func observedOrder(kind: SolverKind, problem: Problem) {
        // The explicit pairs' errors behave like h⁶ until h·|λ| is a few hundredths (their
        // fifth-order error constants are small), so they need finer grids to show their order.
        let coarse = switch kind {
        case .rodas4: 40
        case .rodas5: 80
        case .tsit5, .dormandPrince5: 160
        }
        let e1 = Self.finalError(kind, problem, steps: coarse)
        let e2 = Self.finalError(kind, problem, steps: 2 * coarse)
        let observed = log2(e1 / e2)
        #expect(abs(observed - kind.order) < 0.3, "errors \(e1), \(e2): observed order \(observed)")
    }

    @Test("fixed-step mode takes exactly the requested number of steps", arguments: SolverKind.allCases)
    func fixedStepCount(kind: SolverKind) {
        let s = kind.solve(ExponentialDecay(rate: 1), [1], 0, 4, options: fixedStepOptions(span: 4, steps: 37))
        #expect(s.statistics.acceptedSteps == 37)
        #expect(s.statistics.rejectedSteps == 0)
    }

    @Test("Rosenbrock methods damp infinitely stiff modes in one step (L-stability)", arguments: SolverKind.stiff)
    func lStability(kind: SolverKind) {
        let s = kind.solve(ExponentialDecay(rate: 1e8), [1], 0, 1, saveAt: [1],
                                        options: fixedStepOptions(span: 1, steps: 1))
        #expect(s.returnCode == .success)
        #expect(abs(s.states[0]) < 1e-6)
    }

    @Test("dense output between steps is accurate to tolerance", arguments: SolverKind.allCases)
    func denseOutput(kind: SolverKind) {
        let saveAt = stride(from: 0.0, through: 10, by: 0.01).map { $0 }
        let options = SolverOptions(relativeTolerance: 1e-9, absoluteTolerance: 1e-12)
        let s = kind.solve(CosineDecay(), [1], 0, 10, saveAt: saveAt, options: options)
        #expect(s.times == saveAt)
        var worst = 0.0
        for (i, t) in s.times.enumerated() { worst = max(worst, abs(s.states[i] - CosineDecay.exact(t)[0])) }
        #expect(worst < 1e-7, "largest dense-output error \(worst)")
        // Output is interpolated, not forced: the same steps as without any output.
        let bare = kind.solve(CosineDecay(), [1], 0, 10, options: options)
        #expect(s.statistics == bare.statistics)
    }
}
