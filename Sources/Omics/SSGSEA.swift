import Foundation

/// Scores of gene sets × samples, with what was missing.
public struct GeneSetScores: Sendable, Equatable {
    /// Names of the scored sets (rows), in input order; sets with no gene present are not here.
    public var setNames: [String]
    /// Sample ids (columns).
    public var samples: [String]
    /// Raw scores, `raw[set * samples.count + sample]`.
    public var raw: ContiguousArray<Double>
    /// Genes of each input set that were not in the matrix, keyed by set name (all input sets).
    public var missingGenes: [String: [String]]
    /// Number of genes of each scored set that were present.
    public var genesUsed: [String: Int]

    /// Raw score of one set in one sample.
    public func raw(set: Int, sample: Int) -> Double { raw[set * samples.count + sample] }

    /// Row of raw scores for the named set, or nil if it was not scored.
    public func row(_ name: String) -> [Double]? {
        guard let i = setNames.firstIndex(of: name) else { return nil }
        return Array(raw[(i * samples.count)..<((i + 1) * samples.count)])
    }

    /// GSVA's normalisation: every raw score divided by (max − min) over the whole sets × samples
    /// matrix. The result therefore depends on which sets and samples were scored together.
    public var normalized: ContiguousArray<Double> {
        guard let lo = raw.min(), let hi = raw.max(), hi > lo else { return raw }
        let span = hi - lo
        return ContiguousArray(raw.map { $0 / span })
    }
}

/// Single-sample gene set enrichment (ssGSEA; Barbie et al., Nature 2009, doi:10.1038/nature08460)
/// computed exactly as `GSVA::gsva(method = "ssgsea")` in GSVA 1.46 (Hänzelmann et al., BMC
/// Bioinformatics 2013, doi:10.1186/1471-2105-14-7).
///
/// Per sample: genes are ranked by expression (1 = lowest); tied values get their average rank, which
/// GSVA then truncates to an integer; genes are walked from highest to lowest rank, tied genes in their
/// order of appearance in the matrix. The enrichment score is the sum over the walk of the difference
/// between the weighted in-set CDF (weights |rank|^α, α = 0.25) and the out-of-set CDF. The sum has a
/// closed form, so each set costs O(set size) once the sample is ranked: with positions p (1 = top)
/// of the k set genes among n, ES = Σ w(n − p + 1)/Σ w − (n(n + 1)/2 − Σ(n − p + 1))/(n − k).
///
/// Numerical contract: raw scores agree with GSVA 1.46 to floating-point rounding (checked ≤ 1e-9 on
/// the development cohorts by `scripts/crosscheck-gsva.sh`). Scores depend on the gene universe (the
/// rows of the matrix), so raw scores from files with different gene lists are not comparable.
public enum SSGSEA {
    /// GSVA's default weight exponent τ (α) for ssGSEA.
    public static let defaultAlpha = 0.25

    /// Scores every set in every sample.
    /// - Parameters:
    ///   - matrix: expression (any monotone scale; ranks are all that matter).
    ///   - sets: gene sets; genes absent from the matrix are ignored and reported.
    ///   - alpha: rank weight exponent.
    ///   - file: the input file, named in errors.
    /// - Throws: `OmicsError.noSignatureOverlap` if no set has any gene in the matrix.
    public static func score(_ matrix: ExpressionMatrix, sets: [GeneSet], alpha: Double = defaultAlpha,
                             file: String = "expression") throws(OmicsError) -> GeneSetScores {
        let n = matrix.genes.count
        // A set covering every gene has no out-of-set walk (GSVA would return NaN): it is skipped.
        let resolved = try GeneSetMembership(sets, in: matrix, file: file)
        let names = resolved.names
        let members = resolved.rows.map { $0.map { Int32($0) } }
        let nSamples = matrix.samples.count
        var raw = ContiguousArray<Double>(repeating: 0, count: names.count * nSamples)
        let setCount = names.count
        // Truncated ranks are integers 1…n, so |rank|^α is a table lookup rather than n pow calls per sample.
        let rankWeights = (0...n).map { pow(Double($0), alpha) }
        let chunks = max(1, min(nSamples, ProcessInfo.processInfo.activeProcessorCount * 8))
        raw.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let result = out
            let sets = members
            matrix.values.withUnsafeBufferPointer { valueBuffer in
                nonisolated(unsafe) let values = valueBuffer
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    var scratch = RankScratch(geneCount: n, weights: rankWeights)
                    var s = chunk
                    while s < nSamples {
                        let column = UnsafeBufferPointer(rebasing: values[(s * n)..<((s + 1) * n)])
                        scratch.rank(column)
                        for k in 0..<setCount { result[k * nSamples + s] = scratch.enrichment(sets[k]) }
                        s += chunks
                    }
                }
            }
        }
        return GeneSetScores(setNames: names, samples: matrix.samples, raw: raw, missingGenes: resolved.missing, genesUsed: resolved.used)
    }
}

/// The rows of a matrix that each gene set names, for the single-sample scorers. Sets with no gene
/// in the matrix, or with every gene of it (no out-of-set genes to compare against), are left out.
struct GeneSetMembership {
    /// Names of the kept sets, in input order, and their genes' row indices.
    var names: [String] = []
    var rows: [[Int]] = []
    /// Genes of each input set absent from the matrix, and the number present in each kept set.
    var missing: [String: [String]] = [:]
    var used: [String: Int] = [:]

    /// - Throws: `OmicsError.noSignatureOverlap` (naming `file`) if no set is kept.
    init(_ sets: [GeneSet], in matrix: ExpressionMatrix, file: String) throws(OmicsError) {
        let index = matrix.geneIndex
        for set in sets {
            let hits = set.genes.compactMap { index[$0] }
            missing[set.name] = set.genes.filter { index[$0] == nil }
            guard !hits.isEmpty, hits.count < matrix.genes.count else { continue }
            names.append(set.name)
            rows.append(hits)
            used[set.name] = hits.count
        }
        guard !names.isEmpty else { throw .noSignatureOverlap(file: file) }
    }
}

/// Per-thread buffers for ranking one sample; reused across samples so the hot loop does not allocate.
struct RankScratch {
    private var keys: [UInt64]
    private var genes: [Int32]
    private var keysSwap: [UInt64]
    private var genesSwap: [Int32]
    private var histogram: [Int]
    /// Walk position of each gene, 1 = highest expression.
    private(set) var position: [Int32]
    /// |truncated average rank|^α of each gene.
    private(set) var weight: [Double]
    private let n: Int
    /// `rankWeight[r]` = r^α for integer ranks r = 0…n.
    private let rankWeight: [Double]

    init(geneCount: Int, weights: [Double]) {
        n = geneCount
        rankWeight = weights
        keys = [UInt64](repeating: 0, count: geneCount)
        genes = [Int32](repeating: 0, count: geneCount)
        keysSwap = keys
        genesSwap = genes
        histogram = [Int](repeating: 0, count: 8 * 256)
        position = [Int32](repeating: 0, count: geneCount)
        weight = [Double](repeating: 0, count: geneCount)
    }

    /// Maps a double to an unsigned key whose ascending order is the double's descending order.
    @inline(__always) static func descendingKey(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        let ascending = (bits & (1 << 63)) != 0 ? ~bits : bits | (1 << 63)
        return ~ascending
    }

    /// Ranks one sample: order by value descending, ties by gene index ascending (R's stable `order`).
    ///
    /// A least-significant-digit radix sort on the 64-bit keys is stable, and the genes enter in index
    /// order, so tied values come out in input order exactly as R's `order(…, decreasing = TRUE)`
    /// returns them. Byte passes in which every key has the same digit are skipped.
    mutating func rank(_ column: UnsafeBufferPointer<Double>) {
        let n = self.n
        keys.withUnsafeMutableBufferPointer { k in
            genes.withUnsafeMutableBufferPointer { g in
                keysSwap.withUnsafeMutableBufferPointer { k2 in
                    genesSwap.withUnsafeMutableBufferPointer { g2 in
                        histogram.withUnsafeMutableBufferPointer { h in
                            for i in 0..<h.count { h[i] = 0 }
                            for i in 0..<n {
                                // Adding 0.0 turns −0.0 into +0.0 so the two tie, as they do in R.
                                let key = Self.descendingKey(column[i] + 0.0)
                                k[i] = key
                                g[i] = Int32(i)
                                for byte in 0..<8 { h[byte * 256 + Int((key >> (8 * UInt64(byte))) & 0xFF)] += 1 }
                            }
                            var source = (k, g)
                            var target = (k2, g2)
                            var inSwap = false
                            for byte in 0..<8 {
                                let base = byte * 256
                                let shift = UInt64(8 * byte)
                                if h[base + Int((source.0[0] >> shift) & 0xFF)] == n { continue }
                                var offset = 0
                                for d in 0..<256 {
                                    let count = h[base + d]
                                    h[base + d] = offset
                                    offset += count
                                }
                                for i in 0..<n {
                                    let key = source.0[i]
                                    let d = base + Int((key >> shift) & 0xFF)
                                    let slot = h[d]
                                    h[d] = slot + 1
                                    target.0[slot] = key
                                    target.1[slot] = source.1[i]
                                }
                                swap(&source, &target)
                                inSwap.toggle()
                            }
                            if inSwap {
                                for i in 0..<n { k[i] = k2[i]; g[i] = g2[i] }
                            }
                        }
                    }
                }
            }
        }
        keys.withUnsafeBufferPointer { k in
            genes.withUnsafeBufferPointer { order in
                position.withUnsafeMutableBufferPointer { pos in
                    weight.withUnsafeMutableBufferPointer { w in
                        var a = 0
                        while a < n {
                            var b = a
                            while b + 1 < n, k[b + 1] == k[a] { b += 1 }
                            // 0-based walk positions a...b hold one tie group; their ascending ranks are
                            // n − b ... n − a, averaged and truncated to an integer as GSVA does.
                            let wt = rankWeight[(2 * n - a - b) / 2]
                            for t in a...b {
                                let gene = Int(order[t])
                                pos[gene] = Int32(t + 1)
                                w[gene] = wt
                            }
                            a = b + 1
                        }
                    }
                }
            }
        }
    }

    /// Closed-form ssGSEA enrichment of a set (gene indices) in the last ranked sample.
    func enrichment(_ set: [Int32]) -> Double {
        let n = Double(self.n)
        var weighted = 0.0
        var totalWeight = 0.0
        var tail = 0.0
        for g in set {
            let fromBottom = n - Double(position[Int(g)]) + 1
            let w = weight[Int(g)]
            weighted += w * fromBottom
            totalWeight += w
            tail += fromBottom
        }
        let k = Double(set.count)
        return weighted / totalWeight - (n * (n + 1) / 2 - tail) / (n - k)
    }
}
