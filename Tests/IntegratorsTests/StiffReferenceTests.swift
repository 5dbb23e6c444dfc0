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
    /// Step budgets: about 1.5 × the measured accepted steps (Rodas4 / Rodas5), so that a regression
    /// in step-size control shows up.
    static func budget(_ kind: SolverKind, rodas4: Int, rodas5: Int) -> Int { kind == .rodas4 ? rodas4 : rodas5 }

    @Test("Robertson at t = 40 (Hairer & Wanner; stiff DETEST D2)", arguments: SolverKind.stiff)
    func robertson(kind: SolverKind) {
        // atol well below y2 ≈ 1e-5 so that the small intermediate is controlled relatively too.
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        let s = kind.solve(RobertsonProblem(), RobertsonProblem.initialState, 0, 40, saveAt: [40], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), RobertsonProblem.referenceAt40)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 255 (Rodas4) and 124 (Rodas5) accepted steps; Tsit5 needs thousands (below).
        #expect(s.statistics.acceptedSteps < Self.budget(kind, rodas4: 400, rodas5: 200), "\(s.statistics)")
    }

    @Test("HIRES at t = 321.8122 (Bari test set)", arguments: SolverKind.stiff)
    func hires(kind: SolverKind) {
        // Concentrations are 1e-5...1: atol 1e-10 keeps every component relatively controlled.
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-10)
        let s = kind.solve(HiresProblem(), HiresProblem.initialState, 0, HiresProblem.finalTime,
                           saveAt: [HiresProblem.finalTime], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), HiresProblem.reference)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 808 (Rodas4) and 265 (Rodas5) accepted steps.
        #expect(s.statistics.acceptedSteps < Self.budget(kind, rodas4: 1200, rodas5: 400), "\(s.statistics)")
    }

    @Test("Van der Pol, μ = 1000, at t = 2000 (Bari test set VDPOL, unscaled)", arguments: SolverKind.stiff)
    func vanDerPol(kind: SolverKind) {
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-8)
        let s = kind.solve(VanDerPolProblem(), VanDerPolProblem.initialState, 0, 2000, saveAt: [2000], options: options)
        #expect(s.returnCode == .success)
        let error = maxRelativeError(s.state(at: 0), VanDerPolProblem.referenceAt2000)
        #expect(error < 1e-6, "max relative error \(error)")
        // Measured: 2015 (Rodas4) and 702 (Rodas5) accepted steps, two relaxation jumps included.
        #expect(s.statistics.acceptedSteps < Self.budget(kind, rodas4: 3000, rodas5: 1100), "\(s.statistics)")
    }

    @Test("the Rosenbrock solvers are far cheaper than Tsit5 on Robertson", arguments: SolverKind.stiff)
    func stiffSolverIsCheaper(kind: SolverKind) {
        let options = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-10)
        let implicit = kind.solve(RobertsonProblem(), RobertsonProblem.initialState, 0, 40, options: options)
        let explicit = SolverKind.tsit5.solve(RobertsonProblem(), RobertsonProblem.initialState, 0, 40, options: options)
        #expect(implicit.returnCode == .success && explicit.returnCode == .success)
        #expect(implicit.statistics.acceptedSteps * 20 < explicit.statistics.acceptedSteps,
                "\(kind) \(implicit.statistics.acceptedSteps) vs Tsit5 \(explicit.statistics.acceptedSteps) steps")
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

    static func solve(_ kind: SolverKind, _ problem: Problem, analytic: Bool) -> Solution {
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        func run<S: ODESystem>(_ system: S, _ y0: [Double], _ t1: Double) -> Solution {
            analytic
                ? kind.solve(system, y0, 0, t1, saveAt: [t1], options: options)
                : kind.solve(WithoutJacobian(base: system), y0, 0, t1, saveAt: [t1], options: options)
        }
        switch problem {
        case .robertson: return run(RobertsonProblem(), RobertsonProblem.initialState, 40)
        case .vanDerPol: return run(VanDerPolProblem(mu: 100), VanDerPolProblem.initialState, 100)
        case .cosineDecay: return run(CosineDecay(), [1], 10)
        case .dampedRotation: return run(DampedRotation(), [1, 0.5], 5)
        }
    }

    @Test("analytic and finite-difference Jacobians give the same solution",
          arguments: SolverKind.stiff, Problem.allCases)
    func finiteDifferencesMatchAnalytic(kind: SolverKind, problem: Problem) {
        let analytic = Self.solve(kind, problem, analytic: true)
        let differenced = Self.solve(kind, problem, analytic: false)
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

    @Test("the Jacobian is evaluated once per accepted step and the matrix factored once per attempt",
          arguments: SolverKind.stiff)
    func evaluationCounts(kind: SolverKind) {
        let s = kind.solve(VanDerPolProblem(), VanDerPolProblem.initialState, 0, 2000,
                           options: SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-6))
        let st = s.statistics
        #expect(s.returnCode == .success)
        #expect(st.rejectedSteps > 0)
        #expect(st.factorizations == st.acceptedSteps + st.rejectedSteps)
        // Retries after a rejection reuse the Jacobian of the same point.
        #expect(st.jacobianEvaluations == st.acceptedSteps)
    }
}
