/// One published baseline score per sample, with the genes it could not find.
public struct BaselineScore: Sendable, Equatable {
    /// Name used in `evaluate` output (`cyt`, `ifng6`, `gep18`, `cd274`, `impres`).
    public var name: String
    /// Score per sample (column order of the matrix).
    public var values: [Double]
    /// Genes the score needed but the matrix lacked.
    public var missingGenes: [String]
    /// Source of the definition.
    public var source: String
}

/// Published transcriptional predictors of ICI response, computed as their papers define them, on the
/// log2 matrix. Kept apart from Blockade's own mechanism readouts so they serve as honest comparators.
///
/// TIDE (Jiang et al., Nat Med 2018) is not included: its weights are keyed by Entrez id, Blockade has
/// no bundled Entrez↔symbol map, and TIDE also needs cancer-type-specific normalisation against its
/// training cohorts; an approximation would not be TIDE.
public enum Baselines {
    /// A gene with its weight in a weighted score.
    public struct WeightedGene: Sendable, Equatable {
        /// HGNC symbol.
        public var gene: String
        /// Weight (dimensionless).
        public var weight: Double
    }

    /// CYT: GZMA and PRF1 (Rooney et al., Cell 2015, doi:10.1016/j.cell.2014.12.033). The paper's
    /// geometric mean of TPM is, on a log2 scale, the arithmetic mean of log2 values.
    public static let cytGenes = ["GZMA", "PRF1"]

    /// IFN-γ 6-gene signature (Ayers et al., JCI 2017, doi:10.1172/JCI91190): mean of log2 expression.
    public static let ifng6Genes = ["IDO1", "CXCL10", "CXCL9", "HLA-DRA", "STAT1", "IFNG"]

    /// The 18-gene T-cell-inflamed GEP with its published weights (Ayers et al., JCI 2017,
    /// doi:10.1172/JCI91190; weights as tabulated by Cristescu et al., Science 2018,
    /// doi:10.1126/science.aar3593). The weights were fitted on NanoString log10 counts normalised to
    /// housekeeping genes; here they multiply log2 expression, which changes the scale but keeps each
    /// gene's relative weight; the housekeeping normalisation is replaced by the TPM normalisation.
    public static let gep18Weights: [WeightedGene] = [
        WeightedGene(gene: "CCL5", weight: 0.008346), WeightedGene(gene: "CD27", weight: 0.072293),
        WeightedGene(gene: "CD274", weight: 0.042853), WeightedGene(gene: "CD276", weight: -0.0239),
        WeightedGene(gene: "CD8A", weight: 0.031021), WeightedGene(gene: "CMKLR1", weight: 0.151253),
        WeightedGene(gene: "CXCL9", weight: 0.074135), WeightedGene(gene: "CXCR6", weight: 0.004313),
        WeightedGene(gene: "HLA-DQA1", weight: 0.020091), WeightedGene(gene: "HLA-DRB1", weight: 0.058806),
        WeightedGene(gene: "HLA-E", weight: 0.07175), WeightedGene(gene: "IDO1", weight: 0.060679),
        WeightedGene(gene: "LAG3", weight: 0.123895), WeightedGene(gene: "NKG7", weight: 0.075524),
        WeightedGene(gene: "PDCD1LG2", weight: 0.003734), WeightedGene(gene: "PSMB10", weight: 0.032999),
        WeightedGene(gene: "STAT1", weight: 0.250229), WeightedGene(gene: "TIGIT", weight: 0.084767),
    ]

    /// The 15 IMPRES checkpoint gene pairs (Auslander et al., Nat Med 2018, doi:10.1038/s41591-018-0157-9),
    /// as in /work/shared/data/signatures/IMPRES_pairs.tsv: the score counts pairs with the first gene
    /// expressed above the second.
    public static let impresPairs: [(high: String, low: String)] = [
        ("CD274", "VSIR"), ("CD86", "CD200"), ("CD40", "CD274"), ("CD28", "CD276"), ("CD40", "CD28"),
        ("TNFRSF14", "CD86"), ("CD27", "PDCD1"), ("CD28", "CD86"), ("CD40", "CD80"), ("CD40", "PDCD1"),
        ("CD80", "TNFSF9"), ("CD86", "HAVCR2"), ("CD86", "TNFSF4"), ("CTLA4", "TNFSF4"), ("PDCD1", "TNFSF4"),
    ]

    /// Names of all baselines in output order.
    public static let names = ["cyt", "ifng6", "gep18", "cd274", "impres"]

    /// Every baseline that has at least one of its genes in `matrix`.
    public static func score(_ matrix: ExpressionMatrix) -> [BaselineScore] {
        let index = matrix.geneIndex
        var out: [BaselineScore] = []
        let gep = gep18Weights
        let definitions: [(String, [WeightedGene], String)] = [
            ("cyt", cytGenes.map { WeightedGene(gene: $0, weight: 1) }, "doi:10.1016/j.cell.2014.12.033"),
            ("ifng6", ifng6Genes.map { WeightedGene(gene: $0, weight: 1) }, "doi:10.1172/JCI91190"),
            ("gep18", gep, "doi:10.1172/JCI91190; weights doi:10.1126/science.aar3593"),
            ("cd274", [WeightedGene(gene: "CD274", weight: 1)], "PD-L1 (CD274) mRNA"),
        ]
        for (name, genes, source) in definitions {
            let present = genes.filter { index[$0.gene] != nil }
            guard !present.isEmpty else { continue }
            // Plain means average over the genes present; the weighted GEP is a weighted sum as published.
            let isMean = name != "gep18"
            let values = (0..<matrix.samples.count).map { s -> Double in
                var total = 0.0
                for wg in present { if let g = index[wg.gene] { total += wg.weight * matrix.value(gene: g, sample: s) } }
                return isMean ? total / Double(present.count) : total
            }
            out.append(BaselineScore(name: name, values: values,
                                     missingGenes: genes.filter { index[$0.gene] == nil }.map(\.gene), source: source))
        }
        let usable = impresPairs.compactMap { pair -> (Int, Int)? in
            guard let h = index[pair.high], let l = index[pair.low] else { return nil }
            return (h, l)
        }
        if !usable.isEmpty {
            let values = (0..<matrix.samples.count).map { s in
                Double(usable.filter { matrix.value(gene: $0.0, sample: s) > matrix.value(gene: $0.1, sample: s) }.count)
            }
            let missing = Set(impresPairs.flatMap { [$0.high, $0.low] }.filter { index[$0] == nil })
            out.append(BaselineScore(name: "impres", values: values, missingGenes: missing.sorted(),
                                     source: "doi:10.1038/s41591-018-0157-9"))
        }
        return out
    }
}
