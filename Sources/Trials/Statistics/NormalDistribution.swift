import Foundation

/// Tail probabilities of the standard normal and the χ² distribution with one degree of freedom,
/// the only reference distributions the trial statistics need.
///
/// Both are computed from `erfc` (C99 libm, accurate to a few ulp over the whole range), so tiny
/// p-values keep their relative precision instead of rounding to zero via `1 - Φ(z)`.
public enum NormalDistribution {
    /// Φ⁻¹(0.975) = 1.959963984540054, the two-sided 95 % normal quantile (the value lifelines and
    /// R use; not the rounded 1.96).
    public static let z975 = 1.959963984540054

    /// Upper tail P(Z > z) of the standard normal: ½·erfc(z/√2).
    public static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// Two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2), in [0, 1].
    public static func twoSidedP(z: Double) -> Double { min(1, max(0, erfc(abs(z) / 2.0.squareRoot()))) }

    /// Upper tail P(χ²₁ > x) of the χ² distribution with one degree of freedom, in [0, 1].
    ///
    /// χ²₁ is the square of a standard normal, so P(χ²₁ > x) = P(|Z| > √x) = erfc(√(x/2)).
    /// - Parameter x: the statistic (≥ 0; negative values are treated as 0 and give 1).
    public static func chiSquare1UpperTail(_ x: Double) -> Double {
        x <= 0 ? 1 : min(1, max(0, erfc((x / 2).squareRoot())))
    }
}
