import Testing
@testable import Omics
import TumorImmune
import BlockadeTestSupport
import Foundation

/// Straightforward cumulative-walk ssGSEA as written in GSVA's `.rndWalk`, used as an oracle for the
/// closed form: rank with average ties truncated, walk with stable order, sum the CDF difference.
func walkOracle(_ column: [Double], set: Set<Int>, alpha: Double = 0.25) -> Double {
    let n = column.count
    let ascending = (0..<n).sorted { column[$0] < column[$1] || (column[$0] == column[$1] && $0 < $1) }
    var rank = [Double](repeating: 0, count: n)
    var i = 0
    while i < n {
        var j = i
        while j + 1 < n, column[ascending[j + 1]] == column[ascending[i]] { j += 1 }
        let average = Double(i + j + 2) / 2
        for t in i...j { rank[ascending[t]] = average.rounded(.towardZero) }
        i = j + 1
    }
    let walk = (0..<n).sorted { rank[$0] > rank[$1] || (rank[$0] == rank[$1] && $0 < $1) }
    let totalIn = walk.filter { set.contains($0) }.reduce(0.0) { $0 + pow(rank[$1], alpha) }
    let totalOut = Double(n - set.count)
    var cumIn = 0.0, cumOut = 0.0, sum = 0.0
    for g in walk {
        if set.contains(g) { cumIn += pow(rank[g], alpha) } else { cumOut += 1 }
        sum += cumIn / totalIn - cumOut / totalOut
    }
    return sum
}

@Suite("ssGSEA (GSVA 1.46 semantics)")
struct SSGSEATests {
    // One sample, five genes; G1 and G3 tie at 3.
    let matrix = ExpressionMatrix(genes: ["G1", "G2", "G3", "G4", "G5"], samples: ["S"],
                                  rows: [[3], [1], [3], [2], [5]])

    @Test func handCheckedExampleWithTies() throws {
        // Walk order G5, G1, G3, G4, G2; ranks G2 = 1, G4 = 2, G1 = G3 = trunc(3.5) = 3, G5 = 5.
        // Set {G1, G2}: positions from the bottom 4 and 1, weights 3^¼ and 1^¼;
        // ES = (4·3^¼ + 1)/(3^¼ + 1) − (15 − 5)/3.
        let scores = try SSGSEA.score(matrix, sets: [GeneSet(name: "a", genes: ["G1", "G2"], source: "test")])
        let expected = (4 * pow(3.0, 0.25) + 1) / (pow(3.0, 0.25) + 1) - 10.0 / 3
        #expect(abs(scores.raw[0] - expected) < 1e-12)
    }

    @Test func tiedGenesKeepInputOrder() throws {
        // G1 and G3 have equal values and weights; G1 comes first in the input, so it walks first.
        let scores = try SSGSEA.score(matrix, sets: [GeneSet(name: "g1", genes: ["G1"], source: "t"),
                                                     GeneSet(name: "g3", genes: ["G3"], source: "t")])
        #expect(abs(scores.raw[0] - 1.25) < 1e-12)   // 4 − (15 − 4)/4
        #expect(abs(scores.raw[1] - 0.0) < 1e-12)    // 3 − (15 − 3)/4
    }

    @Test func normalisationDividesByRange() throws {
        let scores = try SSGSEA.score(matrix, sets: [GeneSet(name: "g1", genes: ["G1"], source: "t"),
                                                     GeneSet(name: "g3", genes: ["G3"], source: "t")])
        #expect(scores.normalized.map { ($0 * 1e12).rounded() / 1e12 } == [1.0, 0.0])
    }

    @Test(arguments: [1, 2, 3, 4])
    func closedFormEqualsWalkOnTiedRandomData(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let nGenes = 60, nSamples = 4
        // Values on a coarse grid so that ties are frequent, as in real data at the detection floor.
        let rows = (0..<nGenes).map { _ in (0..<nSamples).map { _ in Double(Int.random(in: 0...12, using: &rng)) / 2 } }
        let genes = (0..<nGenes).map { "G\($0)" }
        let m = ExpressionMatrix(genes: genes, samples: (0..<nSamples).map { "S\($0)" }, rows: rows)
        let members = Set((0..<nGenes).filter { _ in Bool.random(using: &rng) }.prefix(15))
        let set = GeneSet(name: "x", genes: members.sorted().map { genes[$0] }, source: "t")
        let scores = try SSGSEA.score(m, sets: [set])
        for s in 0..<nSamples {
            let oracle = walkOracle(rows.map { $0[s] }, set: members)
            #expect(abs(scores.raw(set: 0, sample: s) - oracle) < 1e-9)
        }
    }

    @Test func missingGenesAreReportedAndNoOverlapThrows() throws {
        let scores = try SSGSEA.score(matrix, sets: [GeneSet(name: "a", genes: ["G1", "NOPE"], source: "t"),
                                                     GeneSet(name: "b", genes: ["ABSENT"], source: "t")])
        #expect(scores.setNames == ["a"])
        #expect(scores.missingGenes["a"] == ["NOPE"])
        #expect(scores.missingGenes["b"] == ["ABSENT"])
        #expect(throws: OmicsError.noSignatureOverlap(file: "expression")) {
            try SSGSEA.score(matrix, sets: [GeneSet(name: "b", genes: ["ABSENT"], source: "t")])
        }
    }
}

@Suite("ROC and DeLong")
struct ROCTests {
    @Test func handComputedDeLong() throws {
        // U = 4 + 3.5 + 3 = 10.5 of 12 pairs; V10 = (1, .875, .75), V01 = (.5, 1, 1, 1);
        // S10 = 0.015625, S01 = 0.0625, Var = S10/3 + S01/4 = 0.0208333….
        let pos = [0.9, 0.7, 0.5], neg = [0.7, 0.4, 0.2, 0.1]
        let e = try ROC.delong(positives: pos, negatives: neg)
        #expect(abs(e.auc - 0.875) < 1e-12)
        #expect(abs(e.variance - (0.015625 / 3 + 0.0625 / 4)) < 1e-12)
        let half = 1.959963984540054 * e.variance.squareRoot()
        #expect(abs(e.ci95[0] - (0.875 - half)) < 1e-12)
        #expect(e.ci95[1] == 1)
    }

    @Test(arguments: [11, 12, 13])
    func aucIsMannWhitneyOverPairs(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let pos = (0..<17).map { _ in Double(Int.random(in: 0...9, using: &rng)) }
        let neg = (0..<23).map { _ in Double(Int.random(in: 0...9, using: &rng)) }
        let e = try ROC.delong(positives: pos, negatives: neg)
        #expect(abs(e.auc - ROC.mannWhitneyU(positives: pos, negatives: neg) / Double(17 * 23)) < 1e-12)
    }

    @Test func tooFewSamplesThrow() {
        #expect(throws: OmicsError.tooFewLabelledSamples(responders: 1, nonResponders: 3)) {
            try ROC.delong(positives: [1], negatives: [1, 2, 3])
        }
    }
}

@Suite("singscore")
struct SingscoreTests {
    @Test func handCheckedScore() throws {
        // Values 3, 1, 3, 2, 5 → min ranks 3, 1, 3, 2, 5. Set {G1, G5}: mean rank 4, bounds 1.5 and 4.5,
        // score (4 − 1.5)/3 − 0.5 = 1/3.
        let m = ExpressionMatrix(genes: ["G1", "G2", "G3", "G4", "G5"], samples: ["S"], rows: [[3], [1], [3], [2], [5]])
        let result = try Singscore.score(m, sets: [GeneSet(name: "a", genes: ["G1", "G5"], source: "t")])
        #expect(abs(result.scores.raw[0] - 1.0 / 3) < 1e-12)
        #expect(Singscore.minRanks([3, 1, 3, 2, 5]) == [3, 1, 3, 2, 5])
    }
}

@Suite("Cohort analysis")
struct CohortAnalysisTests {
    /// A synthetic cohort in which responders carry higher immune-inflamed genes.
    func cohort(seed: UInt64) -> (ExpressionMatrix, ClinicalTable) {
        var rng = SeededGenerator(seed: seed)
        let signatureGenes = Set(MechanismCatalog.geneSets.flatMap(\.genes) + Baselines.impresPairs.flatMap { [$0.high, $0.low] })
        let genes = signatureGenes.sorted() + (0..<300).map { "FILLER\($0)" }
        let immune = ResponseModel.knowledgeDefault.features[0].mechanisms
        let inflamed = Set(immune.flatMap { MechanismCatalog.mechanism($0)?.geneSet.genes ?? [] })
        let samples = (0..<24).map { "P\($0)" }
        var labels: [String: Response] = [:]
        let rows = genes.map { gene in
            samples.indices.map { s -> Double in
                let base = Double.random(in: 0...8, using: &rng)
                return inflamed.contains(gene) && s % 2 == 0 ? base + 3 : base
            }
        }
        for (s, id) in samples.enumerated() { labels[id] = s % 2 == 0 ? .responder : .nonResponder }
        return (ExpressionMatrix(genes: genes, samples: samples, rows: rows), ClinicalTable(response: labels))
    }

    @Test func predictorAndBaselinesSeparateSyntheticResponders() throws {
        let (m, clinical) = cohort(seed: 7)
        let scores = try CohortAnalysis.run(m)
        let result = try CohortAnalysis.evaluate(scores, clinical: clinical)
        #expect(result.responders == 12 && result.nonResponders == 12)
        let auc = Dictionary(uniqueKeysWithValues: result.scores.map { ($0.name, $0.estimate.auc) })
        #expect((auc["blockade"] ?? 0) > 0.8)
        #expect((auc["gep18"] ?? 0) > 0.8)
        for (_, e) in result.scores { #expect(e.auc.isFinite && e.ci95.allSatisfy(\.isFinite)) }
        let profiles = MechanismProfileBuilder.build(scores)
        #expect(profiles.count == 24)
        #expect(profiles.allSatisfy { $0.dominant.count <= MechanismProfileBuilder.maxDominant })
    }

    @Test func referencePlacementIsMonotone() throws {
        let (m, _) = cohort(seed: 8)
        let scores = try CohortAnalysis.run(m, placement: .reference)
        #expect(scores.placement == .reference)
        guard let raw = scores.mechanisms.row("t-cell-inflamed"), let pct = scores.percentiles["t-cell-inflamed"] else {
            Issue.record("t-cell-inflamed not scored"); return
        }
        for i in raw.indices { for j in raw.indices where raw[i] < raw[j] { #expect(pct[i] <= pct[j]) } }
        #expect(pct.allSatisfy { $0 >= 0 && $0 <= 100 })
    }
}

/// One mechanism vocabulary: readouts speak the model's knob names.
@Suite("Mechanism vocabulary shared with the model")
struct MechanismVocabularyTests {
    @Test("a readout named like a model knob informs that knob, and every knob a tumour biopsy can show has a readout")
    func readoutsUseTheModelNames() {
        for r in MechanismCatalog.all {
            if let knob = TumorImmune.Mechanism(rawValue: r.id) {
                #expect(r.informs == knob, "readout \(r.id) carries the knob's name but informs \(String(describing: r.informs))")
            }
            #expect(!MechanismCatalog.renamedIDs.keys.contains(r.id), "\(r.id) is a retired name")
        }
        let informed = Set(MechanismCatalog.all.compactMap(\.informs))
        // Antigenicity is read from TMB, and acquired antigen loss happens under therapy: neither is a
        // pre-treatment expression readout.
        let expected = Set(TumorImmune.Mechanism.allCases).subtracting([.lowAntigenicity, .acquiredAntigenLoss])
        #expect(informed == expected, "knobs without a readout: \(expected.subtracting(informed))")
    }

    @Test("a response model written with retired readout ids loads under the current names")
    func retiredIDsLoad() throws {
        let json = #"{"name":"myeloid-suppression","mechanisms":["mdsc","stromal-ecm"],"sign":-1,"weight":0.25}"#
        let f = try JSONDecoder().decode(ModelFeature.self, from: Data(json.utf8))
        #expect(f.mechanisms == ["mdsc-suppression", "stromal-barrier"])
    }
}
