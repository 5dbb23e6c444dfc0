/// Coefficients of the Dormand–Prince 5(4) pair, J. R. Dormand & P. J. Prince, "A family of embedded
/// Runge–Kutta formulae", J. Comput. Appl. Math. 6 (1980) 19–26, doi:10.1016/0771-050X(80)90013-3,
/// as exact fractions; dense output of order 4 from Hairer, Nørsett & Wanner, Solving ODEs I,
/// 2nd ed., §II.6 (Shampine's interpolant, as in the DOPRI5 code).
@usableFromInline
enum DormandPrince5Tableau: ExplicitFSALTableau {
    @usableFromInline static let c2 = 1.0 / 5
    @usableFromInline static let c3 = 3.0 / 10
    @usableFromInline static let c4 = 4.0 / 5
    @usableFromInline static let c5 = 8.0 / 9

    @usableFromInline static let a21 = 1.0 / 5
    @usableFromInline static let a31 = 3.0 / 40
    @usableFromInline static let a32 = 9.0 / 40
    @usableFromInline static let a41 = 44.0 / 45
    @usableFromInline static let a42 = -56.0 / 15
    @usableFromInline static let a43 = 32.0 / 9
    @usableFromInline static let a51 = 19372.0 / 6561
    @usableFromInline static let a52 = -25360.0 / 2187
    @usableFromInline static let a53 = 64448.0 / 6561
    @usableFromInline static let a54 = -212.0 / 729
    @usableFromInline static let a61 = 9017.0 / 3168
    @usableFromInline static let a62 = -355.0 / 33
    @usableFromInline static let a63 = 46732.0 / 5247
    @usableFromInline static let a64 = 49.0 / 176
    @usableFromInline static let a65 = -5103.0 / 18656

    @usableFromInline static let b1 = 35.0 / 384
    @usableFromInline static let b2 = 0.0
    @usableFromInline static let b3 = 500.0 / 1113
    @usableFromInline static let b4 = 125.0 / 192
    @usableFromInline static let b5 = -2187.0 / 6784
    @usableFromInline static let b6 = 11.0 / 84

    @usableFromInline static let e1 = 71.0 / 57600
    @usableFromInline static let e2 = 0.0
    @usableFromInline static let e3 = -71.0 / 16695
    @usableFromInline static let e4 = 71.0 / 1920
    @usableFromInline static let e5 = -17253.0 / 339200
    @usableFromInline static let e6 = 22.0 / 525
    @usableFromInline static let e7 = -1.0 / 40

    // Hairer's d_i of the DOPRI5 dense output.
    @usableFromInline static let d1 = -12715105075.0 / 11282082432
    @usableFromInline static let d3 = 87487479700.0 / 32700410799
    @usableFromInline static let d4 = -10690763975.0 / 1880347072
    @usableFromInline static let d5 = 701980252875.0 / 199316789632
    @usableFromInline static let d6 = -1453857185.0 / 822651844
    @usableFromInline static let d7 = 69997945.0 / 29380423

    /// Hairer's form y(θ) = y0 + θΔ + θ(1−θ)[hk1 − Δ + θ(2Δ − hk1 − hk7) + θ(1−θ)·hΣd_i k_i],
    /// Δ = y1 − y0 = hΣb_i k_i, rewritten as one weight per stage.
    @inlinable
    static func denseWeights(_ θ: Double) -> (Double, Double, Double, Double, Double, Double, Double) {
        let s = θ * (1 - θ)
        let q = θ * s  // weight of the "2Δ" part relative to θ(1−θ)
        func w(_ b: Double, _ d: Double, first: Double, last: Double) -> Double {
            θ * b + s * (first - b) + q * (2 * b - first - last) + s * s * d
        }
        return (w(b1, d1, first: 1, last: 0), w(b2, 0, first: 0, last: 0), w(b3, d3, first: 0, last: 0),
                w(b4, d4, first: 0, last: 0), w(b5, d5, first: 0, last: 0), w(b6, d6, first: 0, last: 0),
                w(0, d7, first: 0, last: 1))
    }
}
