import ArgumentParser
import Foundation
import Omics

/// `blockade evaluate`: how well each score separates responders from non-responders.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "AUC (with DeLong 95% CI) of Blockade's predictor and the published baselines against response.",
        discussion: """
        Scores every sample of EXPR and compares each score between responders (R) and non-responders \
        (NR) from the clinical table; samples labelled NA or missing from it are ignored.

        Scores: `blockade` (Blockade's predictor; the built-in knowledge-weighted model unless --model \
        is given), the baselines `cyt` (Rooney 2015), `ifng6` and `gep18` (Ayers 2017), `cd274`, \
        `impres` (Auslander 2018), then each mechanism's raw ssGSEA score (higher = larger score; an \
        AUC below 0.5 means the score is lower in responders).

        AUC = P(score of a responder > score of a non-responder), ties counting 1/2 (= Mann–Whitney \
        U / (n1·n0)); 95% CI by DeLong et al. 1988.

        Examples (from the package root; the cohorts are in ../shared/data/icb):
          blockade evaluate ../shared/data/icb/liu2019/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/liu2019/clinical.tsv
          blockade evaluate ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/riaz2017/clinical.tsv --format json
          blockade train ../shared/data/icb/liu2019/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/liu2019/clinical.tsv --output model.json
          blockade evaluate ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/riaz2017/clinical.tsv --model model.json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "Expression TSV or TSV.gz: genes (HGNC symbols) as rows, samples as columns; log2 TPM, TPM/FPKM or counts (detected).")
    var expression: String

    @Option(help: "Clinical TSV with columns `sample` and `response` (R, NR or NA).")
    var clinical: String

    @Option(help: "Output format: table (human readable) or json.")
    var format: Format = .table

    @Option(help: "A model file written by `blockade train`; default: the built-in knowledge-weighted model.")
    var model: String?

    func run() throws {
        let responseModel = try model.map { path throws(OmicsError) in try ResponseModel.load(path: path) } ?? .knowledgeDefault
        let (matrix, _) = try OmicsCommandSupport.loadExpression(expression)
        let labels = try ClinicalTable.read(path: clinical)
        let start = Date()
        let scores = try CohortAnalysis.run(matrix, model: responseModel, file: expression)
        let result = try CohortAnalysis.evaluate(scores, clinical: labels)
        OmicsCommandSupport.note("blockade: scored \(matrix.samples.count) samples in \(OmicsCommandSupport.seconds(since: start)) s")
        switch format {
        case .json:
            let report = EvaluationReport(
                nResponders: result.responders, nNonresponders: result.nonResponders,
                scores: result.scores.map {
                    EvaluationReport.Score(name: $0.name, auc: OmicsCommandSupport.rounded($0.estimate.auc),
                                           ci95: $0.estimate.ci95.map { OmicsCommandSupport.rounded($0) })
                })
            print(try OmicsCommandSupport.json(report))
        case .table:
            print("responders: \(result.responders)   non-responders: \(result.nonResponders)")
            print("score".padding(toLength: 26, withPad: " ", startingAt: 0) + "AUC     95% CI (DeLong)")
            for s in result.scores {
                let ci = s.estimate.ci95.map { OmicsCommandSupport.format($0, digits: 3) }.joined(separator: "–")
                print(s.name.padding(toLength: 26, withPad: " ", startingAt: 0) + OmicsCommandSupport.format(s.estimate.auc, digits: 3) + "   " + ci)
            }
        }
    }
}

/// The `evaluate --format json` contract of DESIGN.md.
struct EvaluationReport: Encodable {
    struct Score: Encodable {
        var name: String
        var auc: Double
        var ci95: [Double]
    }
    var nResponders: Int
    var nNonresponders: Int
    var scores: [Score]

    enum CodingKeys: String, CodingKey {
        case nResponders = "n_responders", nNonresponders = "n_nonresponders", scores
    }
}
