import Foundation

/// One input of the response model: a composite of mechanism z-scores with a sign fixed by biology.
public struct ModelFeature: Sendable, Equatable, Codable {
    /// Feature name (e.g. `immune-inflamed`).
    public var name: String
    /// Mechanism ids averaged (as within-cohort z-scores) to form the feature.
    public var mechanisms: [String]
    /// +1 if the biology says the feature favours response, −1 if it opposes it.
    public var sign: Double
    /// Non-negative magnitude; the feature enters the score as `sign × weight × feature`.
    public var weight: Double

    public init(name: String, mechanisms: [String], sign: Double, weight: Double) {
        self.name = name; self.mechanisms = mechanisms; self.sign = sign; self.weight = weight
    }

    /// Reads a feature; readout ids of model files written before the readouts took the model's
    /// mechanism names (``MechanismCatalog/renamedIDs``) are read under their current names.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        mechanisms = try c.decode([String].self, forKey: .mechanisms).map { MechanismCatalog.renamedIDs[$0] ?? $0 }
        sign = try c.decode(Double.self, forKey: .sign)
        weight = try c.decode(Double.self, forKey: .weight)
    }
}

/// Blockade's interpretable response predictor.
///
/// The score is a weighted sum of a few composite features, each the mean of within-cohort z-scores of
/// raw ssGSEA mechanism scores. Signs are fixed by the review's biology, never fitted: inflamed immune
/// signals favour response; a TGF-β/CAF stromal barrier and myeloid suppression oppose it. Only the
/// magnitudes can be fitted (`ResponseModelTrainer`), and a fitted weight whose sign the data would
/// flip is set to zero instead.
public struct ResponseModel: Sendable, Equatable, Codable {
    /// File format identifier written into model files.
    public static let formatName = "blockade-omics-model"
    /// Current model file version.
    public static let currentVersion = 1

    /// Always `blockade-omics-model`.
    public var format: String
    /// Model file version (1).
    public var version: Int
    /// Composite features and their weights.
    public var features: [ModelFeature]
    /// Cohorts the weights were fitted on (empty for the knowledge-based default).
    public var trainedOn: [String]
    /// How the weights were obtained.
    public var method: String

    /// Builds a model.
    public init(features: [ModelFeature], trainedOn: [String], method: String) {
        format = Self.formatName
        version = Self.currentVersion
        self.features = features
        self.trainedOn = trainedOn
        self.method = method
    }

    /// The built-in, untrained predictor. Weights are set by judgement, not fitted: the inflamed
    /// composite counts fully; the stromal barrier (Mariathasan et al., Nature 2018,
    /// doi:10.1038/nature25501) half; myeloid suppression a quarter, because its bulk markers are
    /// shared with other myeloid cells.
    public static let knowledgeDefault = ResponseModel(
        features: [
            ModelFeature(name: "immune-inflamed",
                         mechanisms: ["t-cell-inflamed", "cytolytic-activity", "th1-chemokines", "ifng-signalling", "antigen-presentation"],
                         sign: 1, weight: 1.0),
            ModelFeature(name: "stromal-barrier", mechanisms: ["tgfb-caf", "stromal-barrier"], sign: -1, weight: 0.5),
            ModelFeature(name: "myeloid-suppression", mechanisms: ["mdsc-suppression"], sign: -1, weight: 0.25),
        ],
        trainedOn: [],
        method: "knowledge-weighted default: signs and weights fixed from the review's biology, no fitting")

    /// Feature values per sample, from within-cohort z-scores of mechanism scores (`z[mechanism][sample]`).
    /// A mechanism missing from `z` is left out of its composite; a feature with none present is 0.
    public func featureValues(z: [String: [Double]], sampleCount: Int) -> [[Double]] {
        features.map { f in
            let rows = f.mechanisms.compactMap { z[$0] }
            guard !rows.isEmpty else { return [Double](repeating: 0, count: sampleCount) }
            return (0..<sampleCount).map { s in rows.reduce(0) { $0 + $1[s] } / Double(rows.count) }
        }
    }

    /// Predictor score per sample (higher = more likely to respond; dimensionless, z-score units).
    public func score(z: [String: [Double]], sampleCount: Int) -> [Double] {
        let values = featureValues(z: z, sampleCount: sampleCount)
        return (0..<sampleCount).map { s in
            zip(features, values).reduce(0) { $0 + $1.0.sign * $1.0.weight * $1.1[s] }
        }
    }

    /// Reads a model file written by `blockade train`.
    /// - Throws: `OmicsError.badDefinition` for an unreadable, foreign or newer file.
    public static func load(path: String) throws(OmicsError) -> ResponseModel {
        let bytes = try TextSource.read(path)
        let model: ResponseModel
        do {
            model = try JSONDecoder().decode(ResponseModel.self, from: Data(bytes))
        } catch {
            throw .badDefinition(file: path, line: 1, reason: "not a Blockade model file (\(error.localizedDescription)); create one with `blockade train`")
        }
        guard model.format == formatName else {
            throw .badDefinition(file: path, line: 1, reason: "format is '\(model.format)', expected '\(formatName)'")
        }
        guard model.version <= currentVersion else {
            throw .badDefinition(file: path, line: 1, reason: "model version \(model.version) is newer than this Blockade (\(currentVersion)); update Blockade")
        }
        return model
    }

    /// The model as pretty-printed JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// Fits the magnitudes of a model's features by L2-regularised logistic regression.
public enum ResponseModelTrainer {
    /// One cohort's training data: features already computed from within-cohort z-scores.
    public struct CohortData: Sendable {
        /// Cohort name.
        public var name: String
        /// `features[f][sample]`, signed so that higher always means "favours response".
        public var features: [[Double]]
        /// 1 for responders, 0 for non-responders.
        public var labels: [Double]

        /// Builds training data.
        public init(name: String, features: [[Double]], labels: [Double]) {
            self.name = name
            self.features = features
            self.labels = labels
        }
    }

    /// Fits weights (≥ 0) for `template`'s features on the pooled cohorts. An intercept is fitted
    /// alongside but not stored: the score is only used to rank samples within a cohort.
    /// - Parameters:
    ///   - lambda: L2 penalty on the weights (per sample), shrinking towards zero.
    public static func fit(template: ResponseModel, cohorts: [CohortData], lambda: Double = 0.1) -> ResponseModel {
        let p = template.features.count
        var x: [[Double]] = []
        var y: [Double] = []
        for c in cohorts {
            for s in 0..<c.labels.count {
                x.append((0..<p).map { c.features[$0][s] })
                y.append(c.labels[s])
            }
        }
        var beta = [Double](repeating: 0, count: p + 1) // last = intercept
        let n = Double(y.count)
        // Newton–Raphson on the penalised log-likelihood; a handful of iterations converge for p ≤ 5.
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: p + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: p + 1), count: p + 1)
            for (row, label) in zip(x, y) {
                let xi = row + [1]
                let eta = zip(xi, beta).reduce(0) { $0 + $1.0 * $1.1 }
                let prob = 1 / (1 + exp(-eta))
                for a in 0...p {
                    gradient[a] += (label - prob) * xi[a]
                    for b in 0...p { hessian[a][b] += prob * (1 - prob) * xi[a] * xi[b] }
                }
            }
            for a in 0..<p {
                gradient[a] -= lambda * n * beta[a]
                hessian[a][a] += lambda * n
            }
            guard let step = solve(hessian, gradient) else { break }
            for a in 0...p { beta[a] += step[a] }
            if step.map(abs).max() ?? 0 < 1e-10 { break }
        }
        var model = template
        for f in 0..<p {
            // Biology fixes the sign: a coefficient the data would flip is dropped, not reversed.
            model.features[f].weight = max(0, beta[f])
        }
        model.trainedOn = cohorts.map(\.name)
        model.method = "L2-regularised logistic regression (lambda = \(lambda)) on within-cohort z-scores; signs fixed by biology, weights ≥ 0"
        return model
    }

    /// Solves A x = b by Gaussian elimination with partial pivoting; nil if singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a
        var v = b
        let n = v.count
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[pivot][col]) > 1e-12 else { return nil }
            m.swapAt(col, pivot)
            v.swapAt(col, pivot)
            for r in (col + 1)..<n {
                let factor = m[r][col] / m[col][col]
                for c in col..<n { m[r][c] -= factor * m[col][c] }
                v[r] -= factor * v[col]
            }
        }
        var out = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var total = v[r]
            for c in (r + 1)..<n { total -= m[r][c] * out[c] }
            out[r] = total / m[r][r]
        }
        return out
    }
}
