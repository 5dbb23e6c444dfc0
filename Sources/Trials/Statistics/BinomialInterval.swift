/// A two-sided confidence interval for a binomial proportion, as fractions 0–1.
public struct BinomialInterval: Sendable, Equatable, Codable {
    /// Lower limit, fraction 0–1.
    public var lower: Double
    /// Upper limit, fraction 0–1.
    public var upper: Double

    /// An interval from its limits (fractions 0–1).
    public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }

    /// The exact (Clopper–Pearson) interval: Clopper & Pearson, *Biometrika* 26:404 (1934),
    /// doi:10.1093/biomet/26.4.404.
    ///
    /// The limits are beta quantiles, lower = B⁻¹(α/2; x, n−x+1) and upper = B⁻¹(1−α/2; x+1, n−x),
    /// found by bisection on the regularized incomplete beta function (`IncompleteBeta`); lower = 0
    /// when x = 0 and upper = 1 when x = n. Coverage is at least the nominal level (conservative).
    /// Matches R `binom.test(x, n)$conf.int` and statsmodels `proportion_confint(method="beta")`
    /// to ~1e-14.
    /// - Parameters:
    ///   - successes: x, number of patients with the event (0…n).
    ///   - n: number of patients (> 0).
    ///   - confidence: two-sided level, 0.95 by default.
    /// - Returns: nil when n ≤ 0 or x is outside 0…n.
    public static func clopperPearson(successes x: Int, n: Int, confidence: Double = 0.95) -> BinomialInterval? {
        guard n > 0, (0...n).contains(x), confidence > 0, confidence < 1 else { return nil }
        let alpha = 1 - confidence
        let lower = x == 0 ? 0 : IncompleteBeta.inverse(p: alpha / 2, a: Double(x), b: Double(n - x + 1))
        let upper = x == n ? 1 : IncompleteBeta.inverse(p: 1 - alpha / 2, a: Double(x + 1), b: Double(n - x))
        return BinomialInterval(lower: lower, upper: upper)
    }

    /// The Wilson score interval at 95 %: Wilson, *JASA* 22:209 (1927), doi:10.1080/01621459.1927.10502953;
    /// recommended over the Wald interval by Brown, Cai & DasGupta, *Stat Sci* 16:101 (2001),
    /// doi:10.1214/ss/1009213286. Shorter than Clopper–Pearson, coverage near (not above) nominal.
    /// - Parameters:
    ///   - successes: x, number of patients with the event (0…n).
    ///   - n: number of patients (> 0).
    /// - Returns: nil when n ≤ 0 or x is outside 0…n.
    public static func wilson(successes x: Int, n: Int) -> BinomialInterval? {
        guard n > 0, (0...n).contains(x) else { return nil }
        let z = NormalDistribution.z975, nn = Double(n), p = Double(x) / nn
        let z2n = z * z / nn
        let centre = (p + z2n / 2) / (1 + z2n)
        let half = z * (p * (1 - p) / nn + z2n / (4 * nn)).squareRoot() / (1 + z2n)
        return BinomialInterval(lower: max(0, centre - half), upper: min(1, centre + half))
    }
}
