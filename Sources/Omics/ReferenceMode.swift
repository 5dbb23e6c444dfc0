import Foundation

/// The bundled reference cohort: the resource `Resources/reference-cohort.json`
/// (`scripts/make-reference-cohort.py` writes it from the development cohorts).
struct ReferenceData: Decodable, Sendable {
    var format: String
    var version: Int
    var sampleCount: Int
    /// Size-scaled raw scores per mechanism id, one value per reference sample.
    var scaledScores: [String: [Double]]

    /// The bundled cohort, read once.
    static let bundled: Result<ReferenceData, OmicsError> = {
        let name = "reference-cohort.json"
        guard let url = Bundle.module.url(forResource: "reference-cohort", withExtension: "json") else {
            return .failure(.unreadable(file: name, reason: "the resource is missing from the Blockade_Omics bundle next to the binary; rebuild Blockade"))
        }
        do {
            let data = try JSONDecoder().decode(ReferenceData.self, from: Data(contentsOf: url))
            guard data.format == "blockade-omics-reference", data.scaledScores.values.allSatisfy({ $0.count == data.sampleCount }) else {
                return .failure(.unreadable(file: url.path, reason: "not a reference cohort of \(data.sampleCount) samples per mechanism"))
            }
            return .success(data)
        } catch {
            return .failure(.unreadable(file: url.path, reason: "\(error)"))
        }
    }()
}

/// Places samples against the bundled reference cohort (``ReferenceData``) instead of against the other
/// samples of the same file — for a single new sample, or a handful.
///
/// Honest limits: a raw ssGSEA score depends on the gene universe (the rows of the matrix). Dividing
/// by the number of genes removes most of the dependence on its size — the enrichment sum grows about
/// linearly with n — but not on its composition, nor on library preparation, tissue or cancer type.
/// The reference is 208 pre-treatment melanoma biopsies (liu2019, riaz2017, gide2019_pd1; log2 TPM of
/// ~17–20k protein-coding genes), so placements are most meaningful for similar data.
public enum ReferenceMode {
    /// The reference cohort with the mean and population SD, and the sorted values, of each
    /// mechanism's size-scaled score.
    struct Summary: Sendable {
        var data: ReferenceData
        var moments: [String: (mean: Double, sd: Double)] = [:]
        var sorted: [String: [Double]] = [:]

        init(_ data: ReferenceData) {
            self.data = data
            for (name, values) in data.scaledScores {
                let mean = values.reduce(0, +) / Double(values.count)
                let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
                moments[name] = (mean, sd)
                sorted[name] = values.sorted()
            }
        }
    }

    static let summary: Result<Summary, OmicsError> = ReferenceData.bundled.map(Summary.init)

    /// z-scores against the reference (`z[mechanism][sample]`) for a matrix with `geneCount` genes.
    /// - Throws: ``OmicsError/unreadable(file:reason:)`` if the bundled reference is broken.
    public static func zScores(_ scores: GeneSetScores, geneCount: Int) throws(OmicsError) -> [String: [Double]] {
        let moments = try summary.get().moments
        var z: [String: [Double]] = [:]
        for name in scores.setNames {
            guard let m = moments[name], m.sd > 0, let row = scores.row(name) else { continue }
            z[name] = row.map { ($0 / Double(geneCount) - m.mean) / m.sd }
        }
        return z
    }

    /// Percentile (0–100) of each sample's mechanism score among the reference samples.
    /// - Throws: ``OmicsError/unreadable(file:reason:)`` if the bundled reference is broken.
    public static func percentiles(_ scores: GeneSetScores, geneCount: Int) throws(OmicsError) -> [String: [Double]] {
        let sorted = try summary.get().sorted
        var out: [String: [Double]] = [:]
        for name in scores.setNames {
            guard let ref = sorted[name], let row = scores.row(name) else { continue }
            out[name] = row.map { Statistics.percentile(of: $0 / Double(geneCount), in: ref) }
        }
        return out
    }

    /// The predictor's scores on the reference samples (ascending), for placing a new predictor score.
    /// - Throws: ``OmicsError/unreadable(file:reason:)`` if the bundled reference is broken.
    public static func predictorReference(_ model: ResponseModel) throws(OmicsError) -> [Double] {
        let s = try summary.get()
        var z: [String: [Double]] = [:]
        for (name, values) in s.data.scaledScores {
            guard let m = s.moments[name], m.sd > 0 else { continue }
            z[name] = values.map { ($0 - m.mean) / m.sd }
        }
        return model.score(z: z, sampleCount: s.data.sampleCount).sorted()
    }
}
