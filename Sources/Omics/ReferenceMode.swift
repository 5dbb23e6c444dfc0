/// Places samples against the bundled reference cohort (`ReferenceData`) instead of against the other
/// samples of the same file — for a single new sample, or a handful.
///
/// Honest limits: a raw ssGSEA score depends on the gene universe (the rows of the matrix). Dividing
/// by the number of genes removes most of the dependence on its size — the enrichment sum grows about
/// linearly with n — but not on its composition, nor on library preparation, tissue or cancer type.
/// The reference is 208 pre-treatment melanoma biopsies (liu2019, riaz2017, gide2019_pd1; log2 TPM of
/// ~17–20k protein-coding genes), so placements are most meaningful for similar data.
public enum ReferenceMode {
    /// Mean and population SD of each mechanism's size-scaled reference score.
    static let moments: [String: (mean: Double, sd: Double)] = {
        var out: [String: (Double, Double)] = [:]
        for (name, values) in ReferenceData.scaledScores {
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
            out[name] = (mean, sd)
        }
        return out
    }()

    /// Sorted size-scaled reference scores per mechanism.
    static let sorted: [String: [Double]] = ReferenceData.scaledScores.mapValues { $0.sorted() }

    /// z-scores against the reference (`z[mechanism][sample]`) for a matrix with `geneCount` genes.
    public static func zScores(_ scores: GeneSetScores, geneCount: Int) -> [String: [Double]] {
        var z: [String: [Double]] = [:]
        for name in scores.setNames {
            guard let m = moments[name], m.sd > 0, let row = scores.row(name) else { continue }
            z[name] = row.map { ($0 / Double(geneCount) - m.mean) / m.sd }
        }
        return z
    }

    /// Percentile (0–100) of each sample's mechanism score among the reference samples.
    public static func percentiles(_ scores: GeneSetScores, geneCount: Int) -> [String: [Double]] {
        var out: [String: [Double]] = [:]
        for name in scores.setNames {
            guard let ref = sorted[name], let row = scores.row(name) else { continue }
            out[name] = row.map { Statistics.percentile(of: $0 / Double(geneCount), in: ref) }
        }
        return out
    }

    /// The predictor's scores on the reference samples (ascending), for placing a new predictor score.
    public static func predictorReference(_ model: ResponseModel) -> [Double] {
        var z: [String: [Double]] = [:]
        for (name, values) in ReferenceData.scaledScores {
            guard let m = moments[name], m.sd > 0 else { continue }
            z[name] = values.map { ($0 - m.mean) / m.sd }
        }
        return model.score(z: z, sampleCount: ReferenceData.sampleCount).sorted()
    }
}
