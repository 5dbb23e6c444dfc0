import ArgumentParser
import Foundation
import Omics

/// `blockade train`: fit the predictor's few weights on labelled cohorts and write a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit Blockade's response predictor on labelled cohorts; optionally validate leave-one-cohort-out.",
        discussion: """
        The predictor's features are composites of within-cohort z-scores of mechanism ssGSEA scores \
        (immune-inflamed +, stromal-barrier −, myeloid-suppression −). Signs are fixed by biology; \
        training fits only their magnitudes by L2-regularised logistic regression, pooling cohorts \
        (z-scoring within each cohort removes batch effects). The built-in default model needs no \
        training; train only to adapt weights to your own data.

        Give one --clinical per expression file (same order), or one clinical table covering all.

        With --loco, each cohort is held out in turn: weights fitted on the others are evaluated on \
        it and compared with the default model and the baselines (AUC per cohort).

        Examples (from the package root; the cohorts are in ../shared/data/icb):
          blockade train ../shared/data/icb/liu2019/expr_log2tpm.tsv.gz ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz \\
              --clinical ../shared/data/icb/liu2019/clinical.tsv --clinical ../shared/data/icb/riaz2017/clinical.tsv \\
              --output model.json
          blockade train ../shared/data/icb/liu2019/expr_log2tpm.tsv.gz ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz \\
              ../shared/data/icb/gide2019_pd1/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/liu2019/clinical.tsv \\
              --clinical ../shared/data/icb/riaz2017/clinical.tsv --clinical ../shared/data/icb/gide2019_pd1/clinical.tsv --loco
          blockade evaluate ../shared/data/icb/gide2019_pd1/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/gide2019_pd1/clinical.tsv --model model.json
        """)

    @Argument(help: "Expression files, one per cohort.")
    var expressions: [String]

    @Option(help: "Clinical TSV per expression file (repeat), or a single one for all.")
    var clinical: [String]

    @Option(help: "Where to write the model JSON.")
    var output: String?

    @Option(parsing: .unconditional, help: "L2 penalty on the weights (per sample).")
    var lambda: Double = 0.1

    @Flag(help: "Leave-one-cohort-out validation table (markdown) on stdout.")
    var loco = false

    func validate() throws {
        guard !expressions.isEmpty else { throw ValidationError("give at least one expression file") }
        guard clinical.count == 1 || clinical.count == expressions.count else {
            throw ValidationError("give one --clinical per expression file (\(expressions.count)) or a single one")
        }
        guard output != nil || loco else { throw ValidationError("nothing to do: give --output model.json and/or --loco") }
        guard lambda.isFinite, lambda >= 0 else { throw ValidationError("--lambda \(lambda): expected a number ≥ 0") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    struct Cohort {
        var name: String
        var scores: CohortScores
        var labels: ClinicalTable
    }

    func run() throws {
        var cohorts: [Cohort] = []
        for (i, path) in expressions.enumerated() {
            let (matrix, _) = try OmicsCommandSupport.loadExpression(path)
            let labels = try ClinicalTable.read(path: clinical.count == 1 ? clinical[0] : clinical[i])
            let scores = try CohortAnalysis.run(matrix, file: path)
            cohorts.append(Cohort(name: OmicsCommandSupport.cohortName(path), scores: scores, labels: labels))
        }
        if let output {
            let model = ResponseModelTrainer.fit(template: .knowledgeDefault, cohorts: cohorts.map(trainingData), lambda: lambda)
            try OutputPath.write(try model.jsonData(), to: output)
            let weights = model.features.map { "\($0.name) \($0.sign > 0 ? "+" : "−")\(OmicsCommandSupport.format($0.weight, digits: 3))" }
            OmicsCommandSupport.note("blockade: wrote \(output): \(weights.joined(separator: ", "))")
        }
        if loco { try printLOCO(cohorts) }
    }

    private func trainingData(_ c: Cohort) -> ResponseModelTrainer.CohortData {
        let template = ResponseModel.knowledgeDefault
        let labelled = c.scores.samples.enumerated().compactMap { s, id in c.labels.response[id].map { (s, $0) } }
        let features = template.featureValues(z: c.scores.z, sampleCount: c.scores.samples.count)
        let signed = zip(template.features, features).map { f, values in labelled.map { f.sign * values[$0.0] } }
        return .init(name: c.name, features: signed, labels: labelled.map { $0.1 == .responder ? 1 : 0 })
    }

    private func printLOCO(_ cohorts: [Cohort]) throws(OmicsError) {
        var header = ["cohort", "R/NR", "blockade (default)", "blockade (LOCO-fit)"] + Baselines.names
        header.append("LOCO weights (inflamed, stroma, myeloid)")
        print("| " + header.joined(separator: " | ") + " |")
        print("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for (i, held) in cohorts.enumerated() {
            let others = cohorts.enumerated().filter { $0.offset != i }.map { trainingData($0.element) }
            let fitted = ResponseModelTrainer.fit(template: .knowledgeDefault, cohorts: others, lambda: lambda)
            var refit = held.scores
            refit.predictor = fitted.score(z: held.scores.z, sampleCount: held.scores.samples.count)
            let base = try CohortAnalysis.evaluate(held.scores, clinical: held.labels)
            let loco = try CohortAnalysis.evaluate(refit, clinical: held.labels)
            func cell(_ result: [(name: String, estimate: AUCEstimate)], _ name: String) -> String {
                guard let e = result.first(where: { $0.name == name })?.estimate else { return "–" }
                return "\(OmicsCommandSupport.format(e.auc, digits: 3)) (\(OmicsCommandSupport.format(e.ci95[0], digits: 2))–\(OmicsCommandSupport.format(e.ci95[1], digits: 2)))"
            }
            var row = [held.name, "\(base.responders)/\(base.nonResponders)", cell(base.scores, "blockade"), cell(loco.scores, "blockade")]
            row += Baselines.names.map { cell(base.scores, $0) }
            row.append(fitted.features.map { OmicsCommandSupport.format($0.weight, digits: 2) }.joined(separator: ", "))
            print("| " + row.joined(separator: " | ") + " |")
        }
    }
}
