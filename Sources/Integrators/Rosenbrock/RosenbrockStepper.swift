/// One step of a stiffly accurate Rosenbrock method (``Rodas4``, ``Rodas5``) over the work arrays of
/// its solver. The method's coefficients come in as a type so that each specialisation reads them
/// from its own tables; the stage loop is the same for every method.
///
/// f(t, y), ∂f/∂t and the Jacobian are computed once per accepted step and reused by every retry
/// after a rejection (only the iteration matrix, which depends on h, is refactored).
@usableFromInline
struct RosenbrockStepper<Tableau: RosenbrockTableau>: WorkspaceStepMethod {
    @inlinable static var order: Int { Tableau.order }
    @inlinable static var errorOrder: Int { Tableau.errorOrder }
    /// Vectors of length n: y, ynew, f0, ∂f/∂t, stage argument, stage derivative, k_1...k_s.
    @inlinable static var vectorCount: Int { 6 + Tableau.stageCount }

    @usableFromInline let dimension: Int
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var proposedState: UnsafeMutablePointer<Double>
    @usableFromInline let f0, dT, stage, stageDerivative: UnsafeMutablePointer<Double>
    /// k_1...k_s one after another: k_i starts at `k + (i − 1)·n`.
    @usableFromInline let k: UnsafeMutablePointer<Double>
    @usableFromInline let jacobian, iterationMatrix: UnsafeMutablePointer<Double>
    @usableFromInline let pivots: UnsafeMutablePointer<Int>
    @usableFromInline var derivativeIsCurrent = false
    @usableFromInline var jacobianIsCurrent = false

    /// Vectors, then two n×n matrices: the Jacobian and the iteration matrix.
    @inlinable static func workLength(dimension n: Int) -> Int { vectorCount * n + 2 * n * n }

    @inlinable
    init(base: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, dimension n: Int) {
        dimension = n
        state = base
        proposedState = base + n
        f0 = base + 2 * n
        dT = base + 3 * n
        stage = base + 4 * n
        stageDerivative = base + 5 * n
        k = base + 6 * n
        jacobian = base + Self.vectorCount * n
        iterationMatrix = jacobian + n * n
        self.pivots = pivots
    }

    @inlinable var derivative: UnsafeMutablePointer<Double> { f0 }
    @inlinable var outputBuffer: UnsafeMutablePointer<Double> { stageDerivative }
    @inlinable var scratch: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) { (stage, stageDerivative) }

    @inlinable
    mutating func restart<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics) {
        evaluate(system, clock.time(t), state, f0)
        statistics.rhsEvaluations += 1
        derivativeIsCurrent = true
        jacobianIsCurrent = false
    }

    @inlinable
    mutating func attempt<S: ODESystem>(_ system: S, t: Double, h: Double, clock: StageClock,
                                        tolerance: Tolerance, statistics: inout SolverStatistics) -> Double {
        let n = dimension
        if !derivativeIsCurrent {
            evaluate(system, clock.time(t), state, f0)
            statistics.rhsEvaluations += 1
            derivativeIsCurrent = true
        }
        if !jacobianIsCurrent {
            linearisation(system, t: t, clock: clock, y: state, f0: f0, dT: dT, jacobian: jacobian, scratchY: stage,
                          scratchF: stageDerivative, n: n, statistics: &statistics)
            jacobianIsCurrent = true
        }
        guard factorIterationMatrix(iterationMatrix, pivots: pivots, jacobian: jacobian, gammaH: Tableau.gamma * h,
                                    n: n, statistics: &statistics) else { return .infinity }

        let s = Tableau.stageCount
        let (a, C, c, d) = (Tableau.a, Tableau.C, Tableau.c, Tableau.d)
        let y = state, u = stage, du = stageDerivative
        let inverseH = 1 / h
        // Stage 1 is evaluated at (t, y): f0 is already there.
        let hd1 = h * d[0]
        for i in 0..<n { k[i] = f0[i] + hd1 * dT[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k)
        var row = 0  // start of row `stageIndex + 1` in the lower triangles of a and C
        for stageIndex in 1..<s {
            let kStage = k + stageIndex * n
            // Element by element, so that each sum over the earlier stages stays in a register.
            for i in 0..<n {
                var sum = y[i]
                for j in 0..<stageIndex { sum += a[row + j] * k[j * n + i] }
                u[i] = sum
            }
            evaluate(system, clock.time(t + c[stageIndex] * h), u, du)
            let hd = h * d[stageIndex]
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<stageIndex { sum += C[row + j] * k[j * n + i] }
                kStage[i] = du[i] + hd * dT[i] + inverseH * sum
            }
            luSolve(iterationMatrix, pivots: pivots, n: n, kStage)
            row += stageIndex
        }
        statistics.rhsEvaluations += s - 1

        // Stiffly accurate: the new state is the last stage argument plus k_s, the error estimate.
        let kLast = k + (s - 1) * n
        var sum = 0.0
        for i in 0..<n {
            proposedState[i] = u[i] + kLast[i]
            let r = kLast[i] / tolerance.scale(y[i], proposedState[i])
            sum += r * r
        }
        return (sum / Double(n)).squareRoot()
    }

    @inlinable
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>) {
        let weights = Tableau.denseOutput
        let n = dimension, s = Tableau.stageCount
        let terms = weights.count / s
        let θ = theta, θ1 = 1 - theta
        for i in 0..<n {
            // K1 + θ·(K2 + θ·(…)) by Horner, from the highest power of θ down.
            var p = 0.0
            for m in stride(from: terms - 1, through: 0, by: -1) {
                var K = 0.0
                for j in 0..<s { K += weights[m * s + j] * k[j * n + i] }
                p = K + θ * p
            }
            out[i] = θ1 * state[i] + θ * (proposedState[i] + θ1 * p)
        }
    }

    @inlinable
    mutating func accept() {
        swap(&state, &proposedState)
        derivativeIsCurrent = false
        jacobianIsCurrent = false
    }
}
