/// All scores of one cohort (one expression file): mechanism ssGSEA, baselines and the predictor.
public struct CohortScores: Sendable {
    /// Sample ids.
    public var samples: [String]
    /// Raw ssGSEA scores of the mechanism gene sets.
    public var mechanisms: GeneSetScores
    /// Within-cohort z-scores of raw mechanism scores, `z[mechanism][sample]` (population SD; a
    /// constant score gives zeros).
    public var z: [String: [Double]]
    /// Published baselines.
    public var baselines: [BaselineScore]
    /// Blockade's predictor per sample.
    public var predictor: [Double]
    /// The model that produced `predictor`.
    public var model: ResponseModel
    /// What z-scores and percentiles are relative to.
    public var placement: Placement
    /// Percentile (0–100) of each mechanism's score, `percentiles[mechanism][sample]`.
    public var percentiles: [String: [Double]]
    /// Percentile (0–100) of the predictor score per sample.
    public var predictorPercentiles: [Double]
}

/// What a sample's z-scores and percentiles are relative to.
public enum Placement: String, Sendable, Codable {
    /// The other samples of the same file (needs a cohort; ~10+ samples).
    case cohort
    /// The bundled reference cohort (`ReferenceMode`), for single samples.
    case reference
}

/// Runs the full scoring of a cohort.
public enum CohortAnalysis {
    /// Scores `matrix` with the built-in mechanisms, the baselines and `model`.
    /// - Throws: `OmicsError.noSignatureOverlap` if no mechanism gene is present.
    ///   - placement: z-scores and percentiles within the file (`.cohort`) or against the bundled
    ///     reference (`.reference`).
    public static func run(_ matrix: ExpressionMatrix, model: ResponseModel = .knowledgeDefault,
                           placement: Placement = .cohort, file: String = "expression") throws(OmicsError) -> CohortScores {
        let mechanisms = try SSGSEA.score(matrix, sets: MechanismCatalog.geneSets, file: file)
        var z: [String: [Double]] = [:]
        var percentiles: [String: [Double]] = [:]
        switch placement {
        case .cohort:
            for name in mechanisms.setNames {
                if let row = mechanisms.row(name) {
                    z[name] = Statistics.zScores(row)
                    percentiles[name] = Statistics.percentiles(row)
                }
            }
        case .reference:
            z = try ReferenceMode.zScores(mechanisms, geneCount: matrix.genes.count)
            percentiles = try ReferenceMode.percentiles(mechanisms, geneCount: matrix.genes.count)
        }
        let baselines = Baselines.score(matrix)
        let predictor = model.score(z: z, sampleCount: matrix.samples.count)
        let predictorPercentiles: [Double]
        switch placement {
        case .cohort: predictorPercentiles = Statistics.percentiles(predictor)
        case .reference:
            let reference = try ReferenceMode.predictorReference(model)
            predictorPercentiles = predictor.map { Statistics.percentile(of: $0, in: reference) }
        }
        return CohortScores(samples: matrix.samples, mechanisms: mechanisms, z: z, baselines: baselines,
                            predictor: predictor, model: model, placement: placement,
                            percentiles: percentiles, predictorPercentiles: predictorPercentiles)
    }

    /// Every score by name, in output order: `blockade`, the baselines, then the mechanisms.
    public static func namedScores(_ c: CohortScores) -> [(name: String, values: [Double])] {
        var out: [(String, [Double])] = [("blockade", c.predictor)]
        out += c.baselines.map { ($0.name, $0.values) }
        out += c.mechanisms.setNames.compactMap { name in c.mechanisms.row(name).map { (name, $0) } }
        return out
    }

    /// AUC with DeLong CI of every score against response; samples without a label are ignored.
    public static func evaluate(_ c: CohortScores, clinical: ClinicalTable) throws(OmicsError) -> (responders: Int, nonResponders: Int, scores: [(name: String, estimate: AUCEstimate)]) {
        let labels = c.samples.map { clinical.response[$0] }
        let r = labels.filter { $0 == .responder }.count
        let nr = labels.filter { $0 == .nonResponder }.count
        guard r >= 2, nr >= 2 else { throw .tooFewLabelledSamples(responders: r, nonResponders: nr) }
        var out: [(String, AUCEstimate)] = []
        for (name, values) in namedScores(c) {
            var pos: [Double] = []
            var neg: [Double] = []
            for (v, label) in zip(values, labels) {
                if label == .responder { pos.append(v) } else if label == .nonResponder { neg.append(v) }
            }
            out.append((name, try ROC.delong(positives: pos, negatives: neg)))
        }
        return (r, nr, out)
    }
}

/// Small descriptive statistics used across the module.
public enum Statistics {
    /// (x − mean)/SD with the population SD; all zeros when the SD is 0 or there is one value.
    public static func zScores(_ x: [Double]) -> [Double] {
        guard x.count > 1 else { return x.map { _ in 0 } }
        let mean = x.reduce(0, +) / Double(x.count)
        let sd = (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)).squareRoot()
        guard sd > 0 else { return x.map { _ in 0 } }
        return x.map { ($0 - mean) / sd }
    }

    /// Percentile (0–100) of each value within the list: share of values strictly below plus half the
    /// ties (mid-rank), so the median sample sits at 50.
    public static func percentiles(_ x: [Double]) -> [Double] {
        let sorted = x.sorted()
        return x.map { percentile(of: $0, in: sorted) }
    }

    /// Percentile (0–100) of `value` within an ascending `sorted` reference.
    public static func percentile(of value: Double, in sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 50 }
        var below = 0
        var equal = 0
        for v in sorted { if v < value { below += 1 } else if v == value { equal += 1 } }
        return 100 * (Double(below) + 0.5 * Double(equal)) / Double(sorted.count)
    }
}
