/// Coefficients of a stiffly accurate Rosenbrock method in the transformed form of Hairer & Wanner
/// (Solving ODEs II, 2nd ed., §IV.7 and §VI.4), as plain data. ``RosenbrockStepper`` runs any of them.
///
/// With s stages, the stages solve
/// `(I/(γh) − J) k_i = f(t + c_i h, y + Σ_{j<i} a_ij k_j) + Σ_{j<i} (C_ij / h) k_j + h d_i ∂f/∂t`;
/// the method is stiffly accurate, so the new state is the last stage argument `y + Σ a_sj k_j`
/// plus `k_s`, and `k_s` itself is the error estimate (new state minus embedded solution).
/// Dense output: y(θ) = (1−θ)·y0 + θ·(y1 + (1−θ)·(K1 + θ·(K2 + θ·(…)))), K_m = Σ_j h_{m+1,j} k_j.
///
/// What a method provides: `stageCount` s, its orders, γ, `c` and `d` (s values each, c_1 = 0),
/// `a` and `C` as their strictly lower triangles row by row (a21; a31 a32; …; s(s−1)/2 values),
/// and `denseOutput` as rows of s values h_{m+1,1…s}, one row per power of θ.
@usableFromInline
protocol RosenbrockTableau {
    /// Number of stages s.
    static var stageCount: Int { get }
    /// Classical order of the propagated solution.
    static var order: Int { get }
    /// Order of the error estimate plus one (the step-size controller's exponent base).
    static var errorOrder: Int { get }
    static var gamma: Double { get }
    static var c: [Double] { get }
    static var d: [Double] { get }
    static var a: [Double] { get }
    static var C: [Double] { get }
    static var denseOutput: [Double] { get }
}
