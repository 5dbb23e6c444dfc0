import Testing
import Integrators
import BlockadeTestSupport

/// Rodas4 against published reference solutions of standard stiff problems.
///
/// Accepted error: the tolerances bound the local error per step; the global error of a
/// well-conditioned stiff problem stays within a small multiple of them. We require the relative
/// error of every component to be below 100·rtol (1e-6 at rtol 1e-8): loose enough for the
/// accumulation over a few hundred steps, tight enough that a wrong coefficient (which degrades
/// the order and multiplies the error by orders of magnitude) cannot pass.
@Suite("Stiff reference problems")
struct StiffReferenceTests {
    @Test("Robertson at t = 40 (Hairer & Wanner; stiff DETEST D2)")
    func robertson() {
        var solver = Rodas4()
        // atol well below y2 ≈ 1e-5 so that the small intermediate is controlled relatively too.
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        let s = solver.solve(RobertsonProblem(), initialState: RobertsonProblem.initialState, from: 0, to: 40,
                             saveAt: [40], events: [], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), RobertsonProblem.referenceAt40)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 255 accepted steps (Tsit5 needs tens of thousands, see below).
        #expect(s.statistics.acceptedSteps < 400, "\(s.statistics)")
    }

    @Test("HIRES at t = 321.8122 (Bari test set)")
    func hires() {
        var solver = Rodas4()
        // Concentrations are 1e-5...1: atol 1e-10 keeps every component relatively controlled.
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let s = solver.solve(HiresProblem(), initialState: HiresProblem.initialState, from: 0, to: HiresProblem.finalTime,
                             saveAt: [HiresProblem.finalTime], events: [], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), HiresProblem.reference)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 808 accepted steps, 1 rejected.
        #expect(s.statistics.acceptedSteps < 1200, "\(s.statistics)")
    }

    @Test("Van der Pol, μ = 1000, at t = 2000 (Bari test set VDPOL, unscaled)")
    func vanDerPol() {
        var solver = Rodas4()
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-8)
        let s = solver.solve(VanDerPolProblem(), initialState: VanDerPolProblem.initialState, from: 0, to: 2000,
                             saveAt: [2000], events: [], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), VanDerPolProblem.referenceAt2000)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 2015 accepted, 12 rejected (two relaxation jumps resolved to 1e-8).
        #expect(s.statistics.acceptedSteps < 3000, "\(s.statistics)")
    }

    @Test("Rodas4 is far cheaper than Tsit5 on Robertson")
    func stiffSolverIsCheaper() {
        let options = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-10)
        var rodas = Rodas4()
        var tsit = Tsit5()
        let implicit = rodas.solve(RobertsonProblem(), initialState: RobertsonProblem.initialState, from: 0, to: 40,
                                   saveAt: [], events: [], options: options)
        let explicit = tsit.solve(RobertsonProblem(), initialState: RobertsonProblem.initialState, from: 0, to: 40,
                                  saveAt: [], events: [], options: options)
        #expect(implicit.returnCode == .success && explicit.returnCode == .success)
        #expect(implicit.statistics.acceptedSteps * 20 < explicit.statistics.acceptedSteps,
                "Rodas4 \(implicit.statistics.acceptedSteps) vs Tsit5 \(explicit.statistics.acceptedSteps) steps")
    }
}

/// Hides a system's Jacobian so that the solver falls back to finite differences.
struct WithoutJacobian<Base: ODESystem>: ODESystem {
    var base: Base
    var dimension: Int { base.dimension }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        base.rhs(t: t, y: y, dydt: dydt)
    }
}

@Suite("Jacobian")
struct JacobianTests {
    enum Problem: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case robertson, vanDerPol, cosineDecay, dampedRotation
        var testDescription: String { rawValue }
    }

    static func solve(_ problem: Problem, analytic: Bool) -> Solution {
        var solver = Rodas4()
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        func run<S: ODESystem>(_ system: S, _ y0: [Double], _ t1: Double) -> Solution {
            analytic
                ? solver.solve(system, initialState: y0, from: 0, to: t1, saveAt: [t1], events: [], options: options)
                : solver.solve(WithoutJacobian(base: system), initialState: y0, from: 0, to: t1, saveAt: [t1],
                               events: [], options: options)
        }
        switch problem {
        case .robertson: return run(RobertsonProblem(), RobertsonProblem.initialState, 40)
        case .vanDerPol: return run(VanDerPolProblem(mu: 100), VanDerPolProblem.initialState, 100)
        case .cosineDecay: return run(CosineDecay(), [1], 10)
        case .dampedRotation: return run(DampedRotation(), [1, 0.5], 5)
        }
    }

    @Test("analytic and finite-difference Jacobians give the same solution", arguments: Problem.allCases)
    func finiteDifferencesMatchAnalytic(problem: Problem) {
        let analytic = Self.solve(problem, analytic: true)
        let differenced = Self.solve(problem, analytic: false)
        #expect(analytic.returnCode == .success && differenced.returnCode == .success)
        // Both are within tolerance of the truth (so of each other) even if their step sequences differ.
        let difference = maxRelativeError(differenced.state(at: 0), analytic.state(at: 0))
        #expect(difference < 1e-6, "relative difference \(difference)")
        // Differencing costs n evaluations of f per Jacobian, the analytic one none.
        let n = analytic.dimension
        let a = analytic.statistics, d = differenced.statistics
        let perStepAnalytic = Double(a.rhsEvaluations) / Double(a.acceptedSteps)
        let perStepDifferenced = Double(d.rhsEvaluations - n * d.jacobianEvaluations) / Double(d.acceptedSteps)
        #expect(abs(perStepAnalytic - perStepDifferenced) < 1, "\(a) vs \(d)")
    }

    @Test("the Jacobian is evaluated once per accepted step and the matrix factored once per attempt")
    func evaluationCounts() {
        var solver = Rodas4()
        let s = solver.solve(VanDerPolProblem(), initialState: VanDerPolProblem.initialState, from: 0, to: 2000,
                             saveAt: [], events: [], options: SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-6))
        let st = s.statistics
        #expect(s.returnCode == .success)
        #expect(st.rejectedSteps > 0)
        #expect(st.factorizations == st.acceptedSteps + st.rejectedSteps)
        // Retries after a rejection reuse the Jacobian of the same point.
        #expect(st.jacobianEvaluations == st.acceptedSteps)
    }
}
