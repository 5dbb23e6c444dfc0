/// One step of a seven-stage, first-same-as-last explicit Runge–Kutta 5(4) pair (``Tsit5``,
/// ``DormandPrince5``), over the work arrays of its solver. The pair's coefficients come in as a
/// type so that each specialisation folds them into constants.
@usableFromInline
struct ExplicitFSALStepper<Tableau: ExplicitFSALTableau>: WorkspaceStepMethod {
    @usableFromInline static var order: Int { 5 }
    @usableFromInline static var errorOrder: Int { 5 }
    /// Vectors of length n the stepper needs: y, ynew, k1...k7, stage argument.
    @inlinable static var vectorCount: Int { 10 }

    @usableFromInline let dimension: Int
    @usableFromInline var state: UnsafeMutablePointer<Double>
    @usableFromInline var proposedState: UnsafeMutablePointer<Double>
    // k_i = f at stage i (not multiplied by h).
    @usableFromInline var k1: UnsafeMutablePointer<Double>
    @usableFromInline let k2, k3, k4, k5, k6: UnsafeMutablePointer<Double>
    @usableFromInline var k7: UnsafeMutablePointer<Double>
    @usableFromInline let stage: UnsafeMutablePointer<Double>
    /// Step size of the last attempt (for dense output).
    @usableFromInline var lastStep = 0.0

    @inlinable static func workLength(dimension n: Int) -> Int { vectorCount * n }

    /// - Parameter base: `vectorCount · n` doubles owned by the solver; no pivots are needed.
    @inlinable
    init(base: UnsafeMutablePointer<Double>, pivots _: UnsafeMutablePointer<Int>, dimension n: Int) {
        dimension = n
        state = base
        proposedState = base + n
        k1 = base + 2 * n
        k2 = base + 3 * n
        k3 = base + 4 * n
        k4 = base + 5 * n
        k5 = base + 6 * n
        k6 = base + 7 * n
        k7 = base + 8 * n
        stage = base + 9 * n
    }

    @inlinable var derivative: UnsafeMutablePointer<Double> { k1 }
    @inlinable var outputBuffer: UnsafeMutablePointer<Double> { stage }
    @inlinable var scratch: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) { (stage, k2) }

    @inlinable
    mutating func restart<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics) {
        evaluate(system, clock.time(t), state, k1)
        statistics.rhsEvaluations += 1
    }

    @inlinable
    mutating func attempt<S: ODESystem>(_ system: S, t: Double, h: Double, clock: StageClock,
                                        tolerance: Tolerance, statistics: inout SolverStatistics) -> Double {
        typealias T = Tableau
        let n = dimension
        let y = state, y1 = proposedState
        let (k1, k2, k3, k4, k5, k6, k7, u) = (self.k1, self.k2, self.k3, self.k4, self.k5, self.k6, self.k7, stage)
        lastStep = h
        for i in 0..<n { u[i] = y[i] + h * T.a21 * k1[i] }
        evaluate(system, clock.time(t + T.c2 * h), u, k2)
        for i in 0..<n { u[i] = y[i] + h * (T.a31 * k1[i] + T.a32 * k2[i]) }
        evaluate(system, clock.time(t + T.c3 * h), u, k3)
        for i in 0..<n { u[i] = y[i] + h * (T.a41 * k1[i] + T.a42 * k2[i] + T.a43 * k3[i]) }
        evaluate(system, clock.time(t + T.c4 * h), u, k4)
        for i in 0..<n { u[i] = y[i] + h * (T.a51 * k1[i] + T.a52 * k2[i] + T.a53 * k3[i] + T.a54 * k4[i]) }
        evaluate(system, clock.time(t + T.c5 * h), u, k5)
        for i in 0..<n {
            u[i] = y[i] + h * (T.a61 * k1[i] + T.a62 * k2[i] + T.a63 * k3[i] + T.a64 * k4[i] + T.a65 * k5[i])
        }
        evaluate(system, clock.time(t + h), u, k6)
        for i in 0..<n {
            y1[i] = y[i] + h * (T.b1 * k1[i] + T.b2 * k2[i] + T.b3 * k3[i] + T.b4 * k4[i] + T.b5 * k5[i] + T.b6 * k6[i])
        }
        evaluate(system, clock.time(t + h), y1, k7)
        statistics.rhsEvaluations += 6
        var sum = 0.0
        for i in 0..<n {
            let e = h * (T.e1 * k1[i] + T.e2 * k2[i] + T.e3 * k3[i] + T.e4 * k4[i] + T.e5 * k5[i]
                + T.e6 * k6[i] + T.e7 * k7[i])
            let r = e / tolerance.scale(y[i], y1[i])
            sum += r * r
        }
        return (sum / Double(n)).squareRoot()
    }

    @inlinable
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>) {
        let (b1, b2, b3, b4, b5, b6, b7) = Tableau.denseWeights(theta)
        for i in 0..<dimension {
            out[i] = state[i] + h * (b1 * k1[i] + b2 * k2[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i]
                + b6 * k6[i] + b7 * k7[i])
        }
    }

    @inlinable
    mutating func accept() {
        // First same as last: f(t+h, ynew) is the next step's first stage.
        swap(&state, &proposedState)
        swap(&k1, &k7)
    }
}
