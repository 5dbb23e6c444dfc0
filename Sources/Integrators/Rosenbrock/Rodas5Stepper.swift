/// One Rodas5 step over the work arrays of a ``Rodas5`` solver.
///
/// As in ``Rodas4Stepper``, f(t, y), ∂f/∂t and the Jacobian are computed once per accepted step and
/// reused by every retry after a rejection.
@usableFromInline
struct Rodas5Stepper: RosenbrockStepMethod {
    @usableFromInline static var order: Int { 5 }
    @usableFromInline static var errorOrder: Int { 5 }
    /// Vectors of length n: y, ynew, f0, ∂f/∂t, k1...k8, stage argument, stage derivative.
    @usableFromInline static let vectorCount = 14
    /// Matrices n×n: Jacobian, iteration matrix.
    @usableFromInline static let matrixCount = 2

    @usableFromInline let dimension: Int
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var proposedState: UnsafeMutablePointer<Double>
    @usableFromInline let f0, dT, k1, k2, k3, k4, k5, k6, k7, k8: UnsafeMutablePointer<Double>
    @usableFromInline let stage, stageDerivative: UnsafeMutablePointer<Double>
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
        k7 = base + 10 * n
        k8 = base + 11 * n
        stage = base + 12 * n
        stageDerivative = base + 13 * n
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
    mutating func attempt<S: ODESystem>(_ system: S, t: Double, h: Double, clock: StageClock,
                                        tolerance: Tolerance, statistics: inout SolverStatistics) -> Double {
        typealias T = Rodas5Tableau
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
        guard factorIterationMatrix(iterationMatrix, pivots: pivots, jacobian: jacobian, gammaH: T.gamma * h, n: n,
                                    statistics: &statistics) else { return .infinity }

        let y = state, u = stage, du = stageDerivative, w = iterationMatrix
        let (k1, k2, k3, k4, k5, k6, k7, k8) = (self.k1, self.k2, self.k3, self.k4, self.k5, self.k6, self.k7, self.k8)
        let r = 1 / h
        let (hd1, hd2, hd3, hd4, hd5) = (h * T.d1, h * T.d2, h * T.d3, h * T.d4, h * T.d5)

        for i in 0..<n { k1[i] = f0[i] + hd1 * dT[i] }
        luSolve(w, pivots: pivots, n: n, k1)

        for i in 0..<n { u[i] = y[i] + T.a21 * k1[i] }
        evaluate(system, clock.time(t + T.c2 * h), u, du)
        for i in 0..<n { k2[i] = du[i] + hd2 * dT[i] + r * T.C21 * k1[i] }
        luSolve(w, pivots: pivots, n: n, k2)

        for i in 0..<n { u[i] = y[i] + T.a31 * k1[i] + T.a32 * k2[i] }
        evaluate(system, clock.time(t + T.c3 * h), u, du)
        for i in 0..<n { k3[i] = du[i] + hd3 * dT[i] + r * (T.C31 * k1[i] + T.C32 * k2[i]) }
        luSolve(w, pivots: pivots, n: n, k3)

        for i in 0..<n { u[i] = y[i] + T.a41 * k1[i] + T.a42 * k2[i] + T.a43 * k3[i] }
        evaluate(system, clock.time(t + T.c4 * h), u, du)
        for i in 0..<n { k4[i] = du[i] + hd4 * dT[i] + r * (T.C41 * k1[i] + T.C42 * k2[i] + T.C43 * k3[i]) }
        luSolve(w, pivots: pivots, n: n, k4)

        for i in 0..<n { u[i] = y[i] + T.a51 * k1[i] + T.a52 * k2[i] + T.a53 * k3[i] + T.a54 * k4[i] }
        evaluate(system, clock.time(t + T.c5 * h), u, du)
        for i in 0..<n {
            k5[i] = du[i] + hd5 * dT[i] + r * (T.C51 * k1[i] + T.C52 * k2[i] + T.C53 * k3[i] + T.C54 * k4[i])
        }
        luSolve(w, pivots: pivots, n: n, k5)

        for i in 0..<n {
            u[i] = y[i] + T.a61 * k1[i] + T.a62 * k2[i] + T.a63 * k3[i] + T.a64 * k4[i] + T.a65 * k5[i]
        }
        evaluate(system, clock.time(t + h), u, du)
        for i in 0..<n {
            k6[i] = du[i] + r * (T.C61 * k1[i] + T.C62 * k2[i] + T.C63 * k3[i] + T.C64 * k4[i] + T.C65 * k5[i])
        }
        luSolve(w, pivots: pivots, n: n, k6)

        for i in 0..<n { u[i] += k6[i] }
        evaluate(system, clock.time(t + h), u, du)
        for i in 0..<n {
            k7[i] = du[i] + r * (T.C71 * k1[i] + T.C72 * k2[i] + T.C73 * k3[i] + T.C74 * k4[i] + T.C75 * k5[i]
                + T.C76 * k6[i])
        }
        luSolve(w, pivots: pivots, n: n, k7)

        for i in 0..<n { u[i] += k7[i] }
        evaluate(system, clock.time(t + h), u, du)
        for i in 0..<n {
            k8[i] = du[i] + r * (T.C81 * k1[i] + T.C82 * k2[i] + T.C83 * k3[i] + T.C84 * k4[i] + T.C85 * k5[i]
                + T.C86 * k6[i] + T.C87 * k7[i])
        }
        luSolve(w, pivots: pivots, n: n, k8)
        statistics.rhsEvaluations += 7

        var sum = 0.0
        for i in 0..<n {
            proposedState[i] = u[i] + k8[i]
            let e = k8[i] / tolerance.scale(y[i], proposedState[i])
            sum += e * e
        }
        return (sum / Double(n)).squareRoot()
    }

    @inlinable
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>) {
        typealias T = Rodas5Tableau
        let s = theta, s1 = 1 - theta
        for i in 0..<dimension {
            let (a, b, c, d, e, f, g, p) = (k1[i], k2[i], k3[i], k4[i], k5[i], k6[i], k7[i], k8[i])
            let K1 = T.h21 * a + T.h22 * b + T.h23 * c + T.h24 * d + T.h25 * e + T.h26 * f + T.h27 * g + T.h28 * p
            let K2 = T.h31 * a + T.h32 * b + T.h33 * c + T.h34 * d + T.h35 * e + T.h36 * f + T.h37 * g + T.h38 * p
            let K3 = T.h41 * a + T.h42 * b + T.h43 * c + T.h44 * d + T.h45 * e + T.h46 * f + T.h47 * g + T.h48 * p
            out[i] = s1 * state[i] + s * (proposedState[i] + s1 * (K1 + s * (K2 + s * K3)))
        }
    }

    @inlinable
    mutating func accept() {
        swap(&state, &proposedState)
        derivativeIsCurrent = false
        jacobianIsCurrent = false
    }
}
