/// A genes × samples expression matrix, stored sample-major so that per-sample ranking (the hot loop
/// of ssGSEA) reads contiguous memory.
public struct ExpressionMatrix: Sendable, Equatable {
    /// HGNC symbols, one per row, unique.
    public var genes: [String]
    /// Sample ids, one per column, unique.
    public var samples: [String]
    /// log2 expression, `values[sample * genes.count + gene]` (already transformed from `sourceScale`).
    public var values: ContiguousArray<Double>
    /// The scale detected in the input file, before the transform to log2.
    public var sourceScale: ExpressionScale

    /// Builds a matrix from sample-major values; `values.count` must be `genes.count * samples.count`.
    public init(genes: [String], samples: [String], values: ContiguousArray<Double>, sourceScale: ExpressionScale) {
        precondition(values.count == genes.count * samples.count, "values must hold genes × samples entries")
        self.genes = genes
        self.samples = samples
        self.values = values
        self.sourceScale = sourceScale
    }

    /// Builds a matrix from rows (one array per gene, one value per sample).
    public init(genes: [String], samples: [String], rows: [[Double]], sourceScale: ExpressionScale = .log2) {
        var v = ContiguousArray<Double>(repeating: 0, count: genes.count * samples.count)
        for (g, row) in rows.enumerated() {
            precondition(row.count == samples.count, "every row needs one value per sample")
            for (s, x) in row.enumerated() { v[s * genes.count + g] = x }
        }
        self.init(genes: genes, samples: samples, values: v, sourceScale: sourceScale)
    }

    /// The value of one gene in one sample.
    @inlinable public func value(gene: Int, sample: Int) -> Double { values[sample * genes.count + gene] }

    /// Row index of each gene symbol.
    public var geneIndex: [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(genes.count)
        for (i, g) in genes.enumerated() { index[g] = i }
        return index
    }

    /// The matrix restricted to the given sample columns (in the given order).
    public func selecting(samples wanted: [Int]) -> ExpressionMatrix {
        var v = ContiguousArray<Double>()
        v.reserveCapacity(wanted.count * genes.count)
        for s in wanted { v.append(contentsOf: values[(s * genes.count)..<((s + 1) * genes.count)]) }
        return ExpressionMatrix(genes: genes, samples: wanted.map { samples[$0] }, values: v, sourceScale: sourceScale)
    }
}

/// The scale of expression values as found in an input file.
public enum ExpressionScale: String, Sendable, Codable, CaseIterable {
    /// Already log2 (e.g. log2(TPM + offset)): kept as is.
    case log2
    /// Linear TPM or FPKM: transformed to log2(x + 1).
    case linear
    /// Raw integer read counts: transformed to log2(CPM + 1), CPM = count / library size × 10⁶.
    case counts

    /// A sentence for the output saying what was detected and what was done.
    public var statement: String {
        switch self {
        case .log2: return "values look like log2 expression (negative values or maximum below 30); used as given"
        case .linear: return "values look like linear TPM/FPKM; transformed to log2(x + 1)"
        case .counts: return "values look like raw integer counts; transformed to log2(CPM + 1) per sample"
        }
    }
}

/// Detects the scale of raw values and brings them to log2.
///
/// Heuristics (stated in every output): any negative value or a maximum below 30 means log2 already
/// (log2 TPM rarely exceeds ~20, linear TPM of a whole transcriptome always does); all integers with a
/// maximum of at least 1,000 means raw counts; anything else is linear TPM/FPKM. ssGSEA, IMPRES and the
/// AUC are rank based, so these monotone transforms change none of them within a sample; they matter
/// for the mean-of-log baselines (CYT, IFN-γ 6, GEP) and for comparing samples.
public enum ScaleDetector {
    /// Maximum value below which non-negative data are taken to be log2 already.
    public static let log2Ceiling = 30.0
    /// Minimum maximum for all-integer data to be taken as counts.
    public static let countsFloor = 1_000.0

    /// The scale of the given values.
    public static func detect(_ values: ContiguousArray<Double>) -> ExpressionScale {
        var maxValue = -Double.infinity
        var anyNegative = false
        var allIntegers = true
        for x in values {
            if x < 0 { anyNegative = true }
            if x > maxValue { maxValue = x }
            if allIntegers && x.rounded(.towardZero) != x { allIntegers = false }
        }
        if anyNegative || maxValue < log2Ceiling { return .log2 }
        if allIntegers && maxValue >= countsFloor { return .counts }
        return .linear
    }

    /// Values brought to log2 according to `scale` (sample-major, `geneCount` genes per sample).
    public static func toLog2(_ values: ContiguousArray<Double>, scale: ExpressionScale, geneCount: Int) -> ContiguousArray<Double> {
        switch scale {
        case .log2:
            return values
        case .linear:
            return ContiguousArray(values.map { log2($0 + 1) })
        case .counts:
            var out = values
            guard geneCount > 0 else { return out }
            let sampleCount = values.count / geneCount
            for s in 0..<sampleCount {
                let range = (s * geneCount)..<((s + 1) * geneCount)
                let library = values[range].reduce(0, +)
                let factor = library > 0 ? 1e6 / library : 0
                for i in range { out[i] = log2(values[i] * factor + 1) }
            }
            return out
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
