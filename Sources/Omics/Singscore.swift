import Foundation

/// singscore (Foroutan et al., BMC Bioinformatics 2018, doi:10.1186/s12859-018-2435-4) for up-regulated
/// gene sets: a rank-based single-sample score that, unlike ssGSEA, is bounded and does not depend on
/// which other sets or samples were scored.
///
/// Per sample, genes are ranked ascending with ties given their minimum rank (R's
/// `ties.method = "min"`, singscore's default). With k set genes present among N, the score is the
/// mean set rank rescaled between its smallest possible value (k + 1)/2 and largest (2N − k + 1)/2,
/// then centred by subtracting 0.5, so it lies in [−0.5, 0.5]. The dispersion is the median absolute
/// deviation (× 1.4826, R's `mad`) of the set ranks.
///
/// Contract: k counts the genes present in the matrix. (Some singscore releases count the whole set
/// including missing genes in the bounds; scores then differ when genes are missing.) Not cross-checked
/// against the R package, which Debian does not ship.
public enum Singscore {
    /// Scores of every set (rows) in every sample (columns), `scores[set * samples + sample]`, and the
    /// dispersions in the same layout.
    /// - Throws: `OmicsError.noSignatureOverlap` if no set has any gene in the matrix.
    public static func score(_ matrix: ExpressionMatrix, sets: [GeneSet], file: String = "expression") throws(OmicsError) -> (scores: GeneSetScores, dispersion: ContiguousArray<Double>) {
        let n = matrix.genes.count
        let resolved = try GeneSetMembership(sets, in: matrix, file: file)
        let names = resolved.names, members = resolved.rows
        let nSamples = matrix.samples.count
        var scores = ContiguousArray<Double>(repeating: 0, count: names.count * nSamples)
        var dispersion = scores
        for s in 0..<nSamples {
            let ranks = minRanks(Array(matrix.values[(s * n)..<((s + 1) * n)]))
            for (k, genes) in members.enumerated() {
                let setRanks = genes.map { ranks[$0] }
                let size = Double(setRanks.count)
                let mean = setRanks.reduce(0, +) / size
                let low = (size + 1) / 2
                let high = (2 * Double(n) - size + 1) / 2
                scores[k * nSamples + s] = (mean - low) / (high - low) - 0.5
                dispersion[k * nSamples + s] = 1.4826 * median(setRanks.map { abs($0 - median(setRanks)) })
            }
        }
        return (GeneSetScores(setNames: names, samples: matrix.samples, raw: scores, missingGenes: resolved.missing, genesUsed: resolved.used), dispersion)
    }

    /// Ascending ranks (1 = lowest) with ties at their minimum rank.
    static func minRanks(_ x: [Double]) -> [Double] {
        let order = x.indices.sorted { x[$0] < x[$1] }
        var ranks = [Double](repeating: 0, count: x.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, x[order[j + 1]] == x[order[i]] { j += 1 }
            for t in i...j { ranks[order[t]] = Double(i + 1) }
            i = j + 1
        }
        return ranks
    }

    static func median(_ x: [Double]) -> Double {
        let s = x.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
