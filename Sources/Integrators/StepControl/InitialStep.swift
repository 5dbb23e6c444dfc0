import Foundation

/// Automatic first step (Hairer, Nørsett & Wanner, Solving ODEs I, 2nd ed., §II.4, algorithm
/// "starting step size"): balances the size of y against f and against a difference estimate of
/// f', so the first step's local error is roughly at tolerance. One right-hand-side evaluation.
///
/// - Parameters:
///   - y0, f0: state and derivative at `t0` (`n` values each).
///   - y1, f1: scratch, `n` values each.
///   - order: the method order p; the step scales like (0.01 / |y''|)^(1/(p+1)) in Hairer's code.
///   - limit: largest acceptable answer (maximum step and distance to the next stop).
@inlinable
func estimateInitialStep<S: ODESystem>(
    _ system: S, t0: Double, y0: UnsafeMutablePointer<Double>, f0: UnsafeMutablePointer<Double>,
    y1: UnsafeMutablePointer<Double>, f1: UnsafeMutablePointer<Double>, n: Int, order: Int,
    tolerance: Tolerance, clock: StageClock, limit: Double, statistics: inout SolverStatistics
) -> Double {
    var d0 = 0.0, d1 = 0.0
    for i in 0..<n {
        let sc = tolerance.scale(y0[i], y0[i])
        d0 += (y0[i] / sc) * (y0[i] / sc)
        d1 += (f0[i] / sc) * (f0[i] / sc)
    }
    d0 = (d0 / Double(n)).squareRoot()
    d1 = (d1 / Double(n)).squareRoot()
    var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
    h0 = min(h0, limit)
    for i in 0..<n { y1[i] = y0[i] + h0 * f0[i] }
    system.rhs(t: clock.time(t0 + h0), y: UnsafeBufferPointer(start: y1, count: n),
               dydt: UnsafeMutableBufferPointer(start: f1, count: n))
    statistics.rhsEvaluations += 1
    var d2 = 0.0
    for i in 0..<n {
        let sc = tolerance.scale(y0[i], y0[i])
        let diff = (f1[i] - f0[i]) / sc
        d2 += diff * diff
    }
    d2 = (d2 / Double(n)).squareRoot() / h0
    let dMax = max(d1, d2)
    let h1 = (dMax <= 1e-15 || !dMax.isFinite) ? max(1e-6, h0 * 1e-3) : pow(0.01 / dMax, 1.0 / Double(order + 1))
    let h = min(100 * h0, h1, limit)
    return h.isFinite && h > 0 ? h : min(1e-6, limit)
}
