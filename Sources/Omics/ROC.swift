/// Area under the ROC curve with its DeLong confidence interval.
public struct AUCEstimate: Sendable, Equatable, Codable {
    /// AUC: probability that a random responder scores higher than a random non-responder (ties ½).
    public var auc: Double
    /// DeLong variance of the AUC.
    public var variance: Double
    /// 95% confidence interval, clipped to [0, 1].
    public var ci95: [Double]
    /// Number of responders (positives).
    public var responders: Int
    /// Number of non-responders (negatives).
    public var nonResponders: Int
}

/// ROC analysis of a score against binary response.
///
/// The AUC equals the Mann–Whitney U statistic divided by n₁n₀. Its variance follows DeLong, DeLong &
/// Clarke-Pearson (Biometrics 1988, doi:10.2307/2531595): with placement values V₁₀(xᵢ) = mean over
/// negatives of ψ(xᵢ, y) and V₀₁(yⱼ) = mean over positives of ψ(x, yⱼ), where ψ = 1, ½, 0 for x > y,
/// x = y, x < y, Var(AUC) = S₁₀/n₁ + S₀₁/n₀ with S the sample variances (denominator n − 1). The 95%
/// interval is AUC ± 1.959964·√Var, clipped to [0, 1], as pROC's `ci.auc(method = "delong")` reports.
public enum ROC {
    /// AUC and DeLong interval for higher `positives` scores meaning response.
    /// - Throws: `OmicsError.tooFewLabelledSamples` unless there are ≥ 1 of each, and ≥ 2 of each for
    ///   a variance.
    public static func delong(positives: [Double], negatives: [Double]) throws(OmicsError) -> AUCEstimate {
        let m = positives.count
        let n = negatives.count
        guard m >= 2, n >= 2 else { throw .tooFewLabelledSamples(responders: m, nonResponders: n) }
        var v10 = [Double](repeating: 0, count: m)
        var v01 = [Double](repeating: 0, count: n)
        // O(m·n) is fine for cohorts of hundreds; it keeps ties exact without a rank transform.
        for i in 0..<m {
            for j in 0..<n {
                let psi: Double = positives[i] > negatives[j] ? 1 : (positives[i] == negatives[j] ? 0.5 : 0)
                v10[i] += psi
                v01[j] += psi
            }
        }
        for i in 0..<m { v10[i] /= Double(n) }
        for j in 0..<n { v01[j] /= Double(m) }
        let auc = v10.reduce(0, +) / Double(m)
        let s10 = sampleVariance(v10)
        let s01 = sampleVariance(v01)
        let variance = s10 / Double(m) + s01 / Double(n)
        let half = 1.959963984540054 * variance.squareRoot()
        return AUCEstimate(auc: auc, variance: variance, ci95: [max(0, auc - half), min(1, auc + half)],
                           responders: m, nonResponders: n)
    }

    /// Mann–Whitney U of positives over negatives (ties count ½).
    public static func mannWhitneyU(positives: [Double], negatives: [Double]) -> Double {
        var u = 0.0
        for x in positives { for y in negatives { u += x > y ? 1 : (x == y ? 0.5 : 0) } }
        return u
    }

    private static func sampleVariance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let mean = x.reduce(0, +) / Double(x.count)
        return x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
    }
}
