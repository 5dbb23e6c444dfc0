/// One Rodas4 step over the work arrays of a ``Rodas4`` solver.
///
/// f(t, y), ∂f/∂t and the Jacobian are computed once per accepted step and reused by every retry
/// after a rejection (only the iteration matrix, which depends on h, is refactored).
@usableFromInline
struct Rodas4Stepper: StepMethod {
    @usableFromInline static var order: Int { 4 }
    @usableFromInline static var errorOrder: Int { 4 }
    /// Vectors of length n: y, ynew, f0, ∂f/∂t, k1...k6, stage argument, stage derivative, spare.
    @usableFromInline static let vectorCount = 13
    /// Matrices n×n: Jacobian, iteration matrix.
    @usableFromInline static let matrixCount = 2

    /// ε^(1/3), the relative increment of a central difference that balances truncation against rounding.
    @usableFromInline static let centralDifferenceStep = 6.055454452393343e-6

    @usableFromInline let dimension: Int
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var proposedState: UnsafeMutablePointer<Double>
    @usableFromInline let f0, dT, k1, k2, k3, k4, k5, k6, stage, stageDerivative: UnsafeMutablePointer<Double>
    @usableFromInline let jacobian, iterationMatrix: UnsafeMutablePointer<Double>
    @usableFromInline let pivots: UnsafeMutablePointer<Int>
    @usableFromInline var derivativeIsCurrent = false
    @usableFromInline var jacobianIsCurrent = false

    /// - Parameters:
    ///   - base: `vectorCount · n + matrixCount · n²` doubles owned by the solver.
    ///   - pivots: n integers owned by the solver.
    @inlinable
    init(base: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>, dimension n: Int) {
        dimension = n
        state = base
        proposedState = base + n
        f0 = base + 2 * n
        dT = base + 3 * n
        k1 = base + 4 * n
        k2 = base + 5 * n
        k3 = base + 6 * n
        k4 = base + 7 * n
        k5 = base + 8 * n
        k6 = base + 9 * n
        stage = base + 10 * n
        stageDerivative = base + 11 * n
        jacobian = base + Self.vectorCount * n
        iterationMatrix = base + Self.vectorCount * n + n * n
        self.pivots = pivots
    }

    @inlinable static func workLength(dimension n: Int) -> Int { vectorCount * n + matrixCount * n * n }

    @inlinable var derivative: UnsafeMutablePointer<Double> { f0 }
    @inlinable var outputBuffer: UnsafeMutablePointer<Double> { stageDerivative }
    @inlinable var scratch: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) { (stage, stageDerivative) }

    @inlinable
    func evaluate<S: ODESystem>(_ system: S, _ t: Double, _ y: UnsafeMutablePointer<Double>,
                                _ dydt: UnsafeMutablePointer<Double>) {
        system.rhs(t: t, y: UnsafeBufferPointer(start: y, count: dimension),
                   dydt: UnsafeMutableBufferPointer(start: dydt, count: dimension))
    }

    @inlinable
    mutating func restart<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics) {
        evaluate(system, clock.time(t), state, f0)
        statistics.rhsEvaluations += 1
        derivativeIsCurrent = true
        jacobianIsCurrent = false
    }

    /// ∂f/∂t and ∂f/∂y at (t, y); the Jacobian from the system when it offers one, else forward
    /// differences with increments √ε·max(|y_j|, 1) (the usual balance of truncation and rounding).
    ///
    /// ∂f/∂t uses a central difference with increment ∛ε·max(|t|, 1) when both sides lie inside the
    /// current segment: a forward difference leaves a relative error near √ε·|t|·|f_tt/f_t|, which
    /// enters every step and caps the attainable global error near 1e-9 on non-autonomous problems.
    /// Near a stop it falls back to a one-sided difference so as not to look across a discontinuity.
    @inlinable
    mutating func linearise<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics) {
        let n = dimension
        let tc = clock.time(t)
        let centralDelta = Self.centralDifferenceStep * max(1, abs(tc))
        let forwardDelta = Double.ulpOfOne.squareRoot() * max(1, abs(tc))
        let up = tc + centralDelta, down = tc - centralDelta
        if up <= clock.upper && down >= clock.lower {
            evaluate(system, up, state, stageDerivative)
            evaluate(system, down, state, stage)
            statistics.rhsEvaluations += 2
            let width = up - down
            for i in 0..<n { dT[i] = (stageDerivative[i] - stage[i]) / width }
        } else {
            var tShift = clock.time(tc + forwardDelta)
            if tShift <= tc { tShift = clock.time(tc - forwardDelta) }
            let dt = tShift - tc
            if dt != 0 {
                evaluate(system, tShift, state, stageDerivative)
                statistics.rhsEvaluations += 1
                for i in 0..<n { dT[i] = (stageDerivative[i] - f0[i]) / dt }
            } else {
                for i in 0..<n { dT[i] = 0 }
            }
        }

        statistics.jacobianEvaluations += 1
        let analytic = system.jacobian(t: tc, y: UnsafeBufferPointer(start: state, count: n),
                                       into: UnsafeMutableBufferPointer(start: jacobian, count: n * n))
        if !analytic {
            for i in 0..<n { stage[i] = state[i] }
            for j in 0..<n {
                let saved = stage[j]
                stage[j] = saved + Double.ulpOfOne.squareRoot() * max(abs(saved), 1)
                let h = stage[j] - saved
                evaluate(system, tc, stage, stageDerivative)
                for i in 0..<n { jacobian[i * n + j] = (stageDerivative[i] - f0[i]) / h }
                stage[j] = saved
            }
            statistics.rhsEvaluations += n
        }
        jacobianIsCurrent = true
    }

    @inlinable
    mutating func attempt<S: ODESystem>(_ system: S, t: Double, h: Double, clock: StageClock,
                                        tolerance: Tolerance, statistics: inout SolverStatistics) -> Double {
        typealias T = Rodas4Tableau
        let n = dimension
        if !derivativeIsCurrent {
            evaluate(system, clock.time(t), state, f0)
            statistics.rhsEvaluations += 1
            derivativeIsCurrent = true
        }
        if !jacobianIsCurrent { linearise(system, t: t, clock: clock, statistics: &statistics) }

        let diagonal = 1 / (T.gamma * h)
        for i in 0..<(n * n) { iterationMatrix[i] = -jacobian[i] }
        for i in 0..<n { iterationMatrix[i * n + i] += diagonal }
        statistics.factorizations += 1
        guard luFactor(iterationMatrix, pivots: pivots, n: n) else { return .infinity }

        let y = state, u = stage, du = stageDerivative
        let (k1, k2, k3, k4, k5, k6) = (self.k1, self.k2, self.k3, self.k4, self.k5, self.k6)
        let inverseH = 1 / h
        let (c21, c31, c32) = (T.C21 * inverseH, T.C31 * inverseH, T.C32 * inverseH)
        let (c41, c42, c43) = (T.C41 * inverseH, T.C42 * inverseH, T.C43 * inverseH)
        let (c51, c52, c53, c54) = (T.C51 * inverseH, T.C52 * inverseH, T.C53 * inverseH, T.C54 * inverseH)
        let (c61, c62, c63) = (T.C61 * inverseH, T.C62 * inverseH, T.C63 * inverseH)
        let (c64, c65) = (T.C64 * inverseH, T.C65 * inverseH)

        for i in 0..<n { k1[i] = f0[i] + h * T.d1 * dT[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k1)

        for i in 0..<n { u[i] = y[i] + T.a21 * k1[i] }
        evaluate(system, clock.time(t + T.c2 * h), u, du)
        for i in 0..<n { k2[i] = du[i] + h * T.d2 * dT[i] + c21 * k1[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k2)

        for i in 0..<n { u[i] = y[i] + T.a31 * k1[i] + T.a32 * k2[i] }
        evaluate(system, clock.time(t + T.c3 * h), u, du)
        for i in 0..<n { k3[i] = du[i] + h * T.d3 * dT[i] + c31 * k1[i] + c32 * k2[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k3)

        for i in 0..<n { u[i] = y[i] + T.a41 * k1[i] + T.a42 * k2[i] + T.a43 * k3[i] }
        evaluate(system, clock.time(t + T.c4 * h), u, du)
        for i in 0..<n { k4[i] = du[i] + h * T.d4 * dT[i] + c41 * k1[i] + c42 * k2[i] + c43 * k3[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k4)

        for i in 0..<n { u[i] = y[i] + T.a51 * k1[i] + T.a52 * k2[i] + T.a53 * k3[i] + T.a54 * k4[i] }
        evaluate(system, clock.time(t + h), u, du)
        for i in 0..<n { k5[i] = du[i] + c51 * k1[i] + c52 * k2[i] + c53 * k3[i] + c54 * k4[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k5)

        for i in 0..<n { u[i] += k5[i] }
        evaluate(system, clock.time(t + h), u, du)
        for i in 0..<n { k6[i] = du[i] + c61 * k1[i] + c62 * k2[i] + c63 * k3[i] + c64 * k4[i] + c65 * k5[i] }
        luSolve(iterationMatrix, pivots: pivots, n: n, k6)
        statistics.rhsEvaluations += 5

        var sum = 0.0
        for i in 0..<n {
            proposedState[i] = u[i] + k6[i]
            let r = k6[i] / tolerance.scale(y[i], proposedState[i])
            sum += r * r
        }
        return (sum / Double(n)).squareRoot()
    }

    @inlinable
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>) {
        typealias T = Rodas4Tableau
        let s = theta, s1 = 1 - theta
        for i in 0..<dimension {
            let a = T.h21 * k1[i] + T.h22 * k2[i] + T.h23 * k3[i] + T.h24 * k4[i] + T.h25 * k5[i]
            let b = T.h31 * k1[i] + T.h32 * k2[i] + T.h33 * k3[i] + T.h34 * k4[i] + T.h35 * k5[i]
            out[i] = s1 * state[i] + s * (proposedState[i] + s1 * (a + s * b))
        }
    }

    @inlinable
    mutating func accept() {
        swap(&state, &proposedState)
        derivativeIsCurrent = false
        jacobianIsCurrent = false
    }
}

