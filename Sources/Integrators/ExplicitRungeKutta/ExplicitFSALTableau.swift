/// Coefficients of a seven-stage explicit Runge–Kutta 5(4) pair with the first-same-as-last
/// property: c6 = c7 = 1, row 7 of A equals the fifth-order weights b (so b7 = 0 and stage 7 is
/// f(t + h, y_new), reused as stage 1 of the next step).
///
/// What a pair provides: nodes c2…c5, the lower triangle a21…a65, weights b1…b6, error weights
/// e_i = b_i − b̂_i (i = 1…7, fifth- minus fourth-order), and dense-output weights b_i(θ) with
/// b_i(0) = 0 and b_i(1) = b_i.
@usableFromInline
protocol ExplicitFSALTableau {
    static var c2: Double { get }
    static var c3: Double { get }
    static var c4: Double { get }
    static var c5: Double { get }
    static var a21: Double { get }
    static var a31: Double { get }
    static var a32: Double { get }
    static var a41: Double { get }
    static var a42: Double { get }
    static var a43: Double { get }
    static var a51: Double { get }
    static var a52: Double { get }
    static var a53: Double { get }
    static var a54: Double { get }
    static var a61: Double { get }
    static var a62: Double { get }
    static var a63: Double { get }
    static var a64: Double { get }
    static var a65: Double { get }
    static var b1: Double { get }
    static var b2: Double { get }
    static var b3: Double { get }
    static var b4: Double { get }
    static var b5: Double { get }
    static var b6: Double { get }
    static var e1: Double { get }
    static var e2: Double { get }
    static var e3: Double { get }
    static var e4: Double { get }
    static var e5: Double { get }
    static var e6: Double { get }
    static var e7: Double { get }
    /// Dense-output weights b_1(θ)…b_7(θ): y(t + θh) ≈ y + h·Σ b_i(θ)·k_i.
    static func denseWeights(_ θ: Double) -> (Double, Double, Double, Double, Double, Double, Double)
}
