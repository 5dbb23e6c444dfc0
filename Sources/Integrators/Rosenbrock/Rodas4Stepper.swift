/// One Rodas4 step over the work arrays of a ``Rodas4`` solver.
///
/// f(t, y), ∂f/∂t and the Jacobian are computed once per accepted step and reused by every retry
/// after a rejection (only the iteration matrix, which depends on h, is refactored).
@usableFromInline
struct Rodas4Stepper: RosenbrockStepMethod {
    @usableFromInline static var order: Int { 4 }
    @usableFromInline static var errorOrder: Int { 4 }
    /// Vectors of length n: y, ynew, f0, ∂f/∂t, k1...k6, stage argument, stage derivative.
    @usableFromInline static let vectorCount = 12
    /// Matrices n×n: Jacobian, iteration matrix.
    @usableFromInline static let matrixCount = 2

    @usableFromInline let dimension: Int
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var proposedState: UnsafeMutablePointer<Double>
    @usableFromInline let f0, dT, k1, k2, k3, k4, k5, k6, stage, stageDerivative: UnsafeMutablePointer<Double>
    @usableFromInline let jacobian, iterationMatrix: UnsafeMutablePointer<Double>
    @usableFromInline let pivots: UnsafeMutablePointer<Int>
    @usableFromInline var derivativeIsCurrent = false
    @usableFromInline var jacobianIsCurrent = false

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

    @inlinable
    mutating func linearise<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics) {
        linearisation(system, t: t, clock: clock, y: state, f0: f0, dT: dT, jacobian: jacobian, scratchY: stage,
                      scratchF: stageDerivative, n: dimension, statistics: &statistics)
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

        guard factorIterationMatrix(iterationMatrix, pivots: pivots, jacobian: jacobian, gammaH: T.gamma * h, n: n,
                                    statistics: &statistics) else { return .infinity }

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

