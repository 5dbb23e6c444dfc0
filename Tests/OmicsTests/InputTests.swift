import Testing
@testable import Omics
import Foundation

@Suite("Expression and clinical input")
struct InputTests {
    func parse(_ text: String) throws(OmicsError) -> (matrix: ExpressionMatrix, report: ExpressionReadReport) {
        try ExpressionReader.parse(text: text, file: "x.tsv")
    }

    @Test func readsLog2TableAsGiven() throws {
        let (m, r) = try parse("gene\tA\tB\nCD274\t-1.5\t2\nGZMA\t3.25\t0\n")
        #expect(m.genes == ["CD274", "GZMA"])
        #expect(m.samples == ["A", "B"])
        #expect(r.detectedScale == .log2)
        #expect(m.value(gene: 0, sample: 0) == -1.5)
        #expect(m.value(gene: 1, sample: 0) == 3.25)
    }

    @Test func nonNumericCellNamesLineAndColumn() {
        #expect(throws: OmicsError.nonNumeric(file: "x.tsv", line: 3, column: 3, value: "abc")) {
            try parse("gene\tA\tB\nCD274\t1\t2\nGZMA\t3\tabc\n")
        }
    }

    @Test(arguments: ["NA", "NaN", "", "inf", "1e400"])
    func missingOrNonFiniteValuesAreRejected(cell: String) {
        #expect(throws: OmicsError.self) { try parse("gene\tA\tB\nCD274\t1\t\(cell)\n") }
    }

    @Test func raggedRowIsReported() {
        #expect(throws: OmicsError.raggedRow(file: "x.tsv", line: 2, expected: 3, found: 2)) {
            try parse("gene\tA\tB\nCD274\t1\n")
        }
    }

    @Test func duplicatedSampleIsRejected() {
        #expect(throws: OmicsError.duplicatedSample(file: "x.tsv", sample: "A")) {
            try parse("gene\tA\tA\nCD274\t1\t2\n")
        }
    }

    @Test(arguments: ["", "\n\n", "gene\tA\tB\n"])
    func emptyFileIsReported(text: String) {
        #expect(throws: OmicsError.emptyFile(file: "x.tsv")) { try parse(text) }
    }

    @Test func crlfAndBlankLinesAreTolerated() throws {
        let (m, _) = try parse("gene\tA\r\nX\t1.5\r\n\r\nY\t2\r\n")
        #expect(m.genes == ["X", "Y"])
    }

    @Test func duplicatedGenesKeepHighestMean() throws {
        let (m, r) = try parse("gene\tA\tB\nX\t1\t1\nY\t0\t0\nX\t5\t5\n")
        #expect(m.genes == ["X", "Y"])
        #expect(m.value(gene: 0, sample: 1) == 5)
        #expect(r.duplicatedGenesDropped == 1)
    }

    @Test func aliasesAreMappedUnlessCurrentSymbolPresent() throws {
        let (m, r) = try parse("gene\tA\nC10orf54\t1\nPD-L1\t2\nCTGF\t3\nRFLNB\t4\nFAM101B\t5\n")
        #expect(m.genes.contains("VSIR"))
        #expect(m.genes.contains("CD274"))
        #expect(m.genes.contains("CCN2"))
        // RFLNB is already present, so FAM101B keeps its own name rather than overwrite real data.
        #expect(m.genes.contains("FAM101B"))
        #expect(r.aliasesMapped.count == 3)
    }

    @Test func detectsCountsAndLinearScales() {
        #expect(ScaleDetector.detect([0, 5, 1200, 33]) == .counts)
        #expect(ScaleDetector.detect([0, 5.5, 1200.25, 33]) == .linear)
        #expect(ScaleDetector.detect([0, 12.5, 3]) == .log2)
        #expect(ScaleDetector.detect([-9.9658, 250]) == .log2)
        // Counts become log2(CPM + 1): a gene holding the whole library reaches log2(10⁶ + 1).
        let cpm = ScaleDetector.toLog2([1000, 0], scale: .counts, geneCount: 2)
        #expect(abs(cpm[0] - log2(1e6 + 1)) < 1e-12 && cpm[1] == 0)
    }

    @Test func readsGzipThroughGzipBinary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("omics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("e.tsv")
        try "gene\tA\tB\nCD274\t1\t2\n".write(to: plain, atomically: true, encoding: .utf8)
        let gz = Process()
        gz.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gz.arguments = [plain.path]
        try gz.run()
        gz.waitUntilExit()
        let (m, _) = try ExpressionReader.read(path: plain.path + ".gz")
        #expect(m.samples == ["A", "B"])
        #expect(throws: OmicsError.self) { try ExpressionReader.read(path: dir.appendingPathComponent("none.tsv").path) }
    }

    @Test func clinicalLabelsSkipNAAndRejectOthers() throws {
        let c = try ClinicalTable.parse(text: "sample\trecist\tresponse\nA\tPR\tR\nB\tPD\tNR\nC\tSD\tNA\n", file: "c.tsv")
        #expect(c.response == ["A": .responder, "B": .nonResponder])
        #expect(throws: OmicsError.badResponse(file: "c.tsv", line: 2, value: "maybe")) {
            try ClinicalTable.parse(text: "sample\tresponse\nA\tmaybe\n", file: "c.tsv")
        }
        #expect(throws: OmicsError.missingColumn(file: "c.tsv", column: "response")) {
            try ClinicalTable.parse(text: "sample\tx\nA\t1\n", file: "c.tsv")
        }
    }

    @Test func gmtRoundTrip() throws {
        let text = GMTReader.format(MechanismCatalog.geneSets)
        let sets = try GMTReader.parse(text: text, file: "m.gmt")
        #expect(sets == MechanismCatalog.geneSets)
        #expect(throws: OmicsError.badDefinition(file: "b.gmt", line: 1, reason: "a GMT line needs a name, a description and at least one gene, separated by tabs")) {
            try GMTReader.parse(text: "lonely\tdesc\n", file: "b.gmt")
        }
    }
}

@Suite("Signatures, baselines and predictor")
struct SignatureTests {
    @Test func everySignatureCitesASource() {
        for m in MechanismCatalog.all {
            #expect(m.geneSet.source.contains("doi:"), "\(m.id) has no DOI")
            #expect(!m.geneSet.genes.isEmpty)
        }
        #expect(Baselines.gep18Weights.count == 18)
        #expect(Baselines.impresPairs.count == 15)
    }

    @Test func baselinesFollowTheirDefinitions() {
        let genes = ["GZMA", "PRF1", "CD274", "VSIR"]
        let m = ExpressionMatrix(genes: genes, samples: ["A", "B"], rows: [[2, 0], [4, 0], [5, 1], [3, 2]])
        let scores = Dictionary(uniqueKeysWithValues: Baselines.score(m).map { ($0.name, $0) })
        #expect(scores["cyt"]?.values == [3, 0])
        #expect(scores["cd274"]?.values == [5, 1])
        // Only the CD274 > VSIR pair is computable: true in A, false in B.
        #expect(scores["impres"]?.values == [1, 0])
        #expect(scores["ifng6"] == nil)
    }

    @Test func defaultModelSignsFollowBiology() {
        let model = ResponseModel.knowledgeDefault
        let z: [String: [Double]] = ["t-cell-inflamed": [1, -1], "tgfb-caf": [0, 0]]
        let s = model.score(z: z, sampleCount: 2)
        #expect(s[0] > s[1])
        let stroma: [String: [Double]] = ["tgfb-caf": [1, -1]]
        let t = model.score(z: stroma, sampleCount: 2)
        #expect(t[0] < t[1])
    }

    @Test func trainerFitsPositiveWeightForInformativeFeature() {
        // Feature 0 separates perfectly-ish; features 1 and 2 are noise or point the wrong way.
        let x0: [Double] = [2, 1.5, 1, 0.5, -0.5, -1, -1.5, -2, 0.2, -0.2]
        let y: [Double] = [1, 1, 1, 0, 1, 0, 0, 0, 1, 0]
        let wrong = x0.map { -$0 }
        let noise: [Double] = [0.1, -0.3, 0.2, 0.0, -0.1, 0.3, -0.2, 0.1, 0, 0]
        let data = ResponseModelTrainer.CohortData(name: "c", features: [x0, noise, wrong], labels: y)
        let model = ResponseModelTrainer.fit(template: .knowledgeDefault, cohorts: [data], lambda: 0.01)
        #expect(model.features[0].weight > 0)
        #expect(model.features[2].weight == 0)
        #expect(model.trainedOn == ["c"])
    }

    @Test func modelFileRoundTrip() throws {
        let data = try ResponseModel.knowledgeDefault.jsonData()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString).json")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ResponseModel.load(path: url.path) == .knowledgeDefault)
    }
}

@Suite("Expression layouts written by other tools")
struct LayoutTests {
    @Test func headerWithoutGeneColumnAndQuotedNames() throws {
        // write.table(x, sep = "\t") in R: no header cell for the row names, names quoted.
        let (m, _) = try ExpressionReader.parse(text: "\"A\"\t\"B\"\n\"CD274\"\t1\t2\n", file: "r.tsv")
        #expect(m.samples == ["A", "B"])
        #expect(m.genes == ["CD274"])
    }
}
