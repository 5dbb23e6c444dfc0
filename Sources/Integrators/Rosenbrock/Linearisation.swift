/// ∂f/∂t and ∂f/∂y at (t, y) for the Rosenbrock steppers: the Jacobian from the system when it
/// offers one, else forward differences with increments √ε·max(|y_j|, 1) (the usual balance of
/// truncation and rounding).
///
/// ∂f/∂t uses a central difference with increment ∛ε·max(|t|, 1) when both sides lie inside the
/// current segment: a forward difference leaves a relative error near √ε·|t|·|f_tt/f_t|, which
/// enters every step and caps the attainable global error near 1e-9 on non-autonomous problems.
/// Near a stop it falls back to a one-sided difference so as not to look across a discontinuity.
///
/// - Parameters:
///   - f0: f(t, y), already evaluated.
///   - scratchY, scratchF: work vectors, overwritten.
@inlinable
func linearisation<S: ODESystem>(
    _ system: S, t: Double, clock: StageClock, y: UnsafeMutablePointer<Double>, f0: UnsafeMutablePointer<Double>,
    dT: UnsafeMutablePointer<Double>, jacobian: UnsafeMutablePointer<Double>, scratchY: UnsafeMutablePointer<Double>,
    scratchF: UnsafeMutablePointer<Double>, n: Int, statistics: inout SolverStatistics
) {
    let yBuffer = UnsafeBufferPointer(start: y, count: n)
    let tc = clock.time(t)
    let centralDifferenceStep = 6.055454452393343e-6  // ε^(1/3), balancing truncation against rounding
    let centralDelta = centralDifferenceStep * max(1, abs(tc))
    let up = tc + centralDelta, down = tc - centralDelta
    if up <= clock.upper && down >= clock.lower {
        system.rhs(t: up, y: yBuffer, dydt: UnsafeMutableBufferPointer(start: scratchF, count: n))
        system.rhs(t: down, y: yBuffer, dydt: UnsafeMutableBufferPointer(start: scratchY, count: n))
        statistics.rhsEvaluations += 2
        let width = up - down
        for i in 0..<n { dT[i] = (scratchF[i] - scratchY[i]) / width }
    } else {
        let forwardDelta = Double.ulpOfOne.squareRoot() * max(1, abs(tc))
        var tShift = clock.time(tc + forwardDelta)
        if tShift <= tc { tShift = clock.time(tc - forwardDelta) }
        let dt = tShift - tc
        if dt != 0 {
            system.rhs(t: tShift, y: yBuffer, dydt: UnsafeMutableBufferPointer(start: scratchF, count: n))
            statistics.rhsEvaluations += 1
            for i in 0..<n { dT[i] = (scratchF[i] - f0[i]) / dt }
        } else {
            for i in 0..<n { dT[i] = 0 }
        }
    }

    statistics.jacobianEvaluations += 1
    let analytic = system.jacobian(t: tc, y: yBuffer, into: UnsafeMutableBufferPointer(start: jacobian, count: n * n))
    if analytic { return }
    for i in 0..<n { scratchY[i] = y[i] }
    for j in 0..<n {
        let saved = scratchY[j]
        scratchY[j] = saved + Double.ulpOfOne.squareRoot() * max(abs(saved), 1)
        let h = scratchY[j] - saved
        system.rhs(t: tc, y: UnsafeBufferPointer(start: scratchY, count: n),
                   dydt: UnsafeMutableBufferPointer(start: scratchF, count: n))
        for i in 0..<n { jacobian[i * n + j] = (scratchF[i] - f0[i]) / h }
        scratchY[j] = saved
    }
    statistics.rhsEvaluations += n
}

/// Forms and factors the Rosenbrock iteration matrix I/(γh) − J in place.
/// - Returns: `false` if it is singular (the step is then rejected and retried smaller).
@inlinable
func factorIterationMatrix(_ w: UnsafeMutablePointer<Double>, pivots: UnsafeMutablePointer<Int>,
                           jacobian: UnsafeMutablePointer<Double>, gammaH: Double, n: Int,
                           statistics: inout SolverStatistics) -> Bool {
    let diagonal = 1 / gammaH
    for i in 0..<(n * n) { w[i] = -jacobian[i] }
    for i in 0..<n { w[i * n + i] += diagonal }
    statistics.factorizations += 1
    return luFactor(w, pivots: pivots, n: n)
}
