import ArgumentParser
import Foundation
import Omics

/// `blockade profile`: which resistance mechanisms are active in each tumour sample.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Per-sample resistance-mechanism profile from tumour RNA-seq.",
        discussion: """
        For each sample: the ssGSEA score (GSVA 1.46-exact, raw and GSVA-normalised) of every \
        mechanism readout, its within-cohort z-score and percentile, the mechanisms that point most \
        strongly to resistance (with a plain-language explanation and the review section), \
        Blockade's response predictor and the published baselines. Percentiles compare samples in \
        the same file, so profile a cohort together (at least ~10 samples); a file with fewer samples \
        is placed against a bundled reference of 208 melanoma biopsies instead (--reference).

        Input: genes (HGNC symbols; outdated aliases such as C10orf54 are renamed) as rows, samples \
        as columns; log2 TPM, linear TPM/FPKM or raw counts, detected and stated on stderr.

        Examples (from the package root; the cohorts are in ../shared/data/icb):
          blockade profile ../shared/data/icb/gide2019_pd1/expr_log2tpm.tsv.gz --format tsv > profile.tsv
          blockade profile ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --clinical ../shared/data/icb/riaz2017/clinical.tsv   # adds the R/NR label
          blockade profile ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --reference builtin   # against the bundled reference, as for a single new sample
          blockade profile --export-gmt > mechanisms.gmt                  # the built-in gene sets
          blockade profile ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --matrix raw --gene-sets mechanisms.gmt   # raw ssGSEA, sets × samples
          blockade profile ../shared/data/icb/riaz2017/expr_log2tpm.tsv.gz --matrix raw --method singscore           # singscore instead
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, tsv }
    enum MatrixKind: String, ExpressibleByArgument, CaseIterable { case raw, normalized }

    @Argument(help: "Expression TSV or TSV.gz (genes × samples).")
    var expression: String?

    @Option(help: "Clinical TSV with `sample` and `response` columns; the label is copied into the profile.")
    var clinical: String?

    @Option(help: "Output format: json or tsv (one row per sample).")
    var format: Format = .json

    @Option(help: "Print only the ssGSEA matrix (gene sets × samples, TSV): raw, or normalized by GSVA's (max − min) rule.")
    var matrix: MatrixKind?

    enum Method: String, ExpressibleByArgument, CaseIterable { case ssgsea, singscore }

    @Option(help: "Scoring method for --matrix: ssgsea (GSVA 1.46-exact) or singscore (Foroutan 2018; 'normalized' is not applicable and prints the same centred scores).")
    var method: Method = .ssgsea

    @Option(name: .customLong("gene-sets"), help: "GMT file of gene sets to score instead of the built-in mechanisms (with --matrix).")
    var geneSets: String?

    @Flag(name: .customLong("export-gmt"), help: "Print the built-in mechanism gene sets as GMT (description = source DOI) and exit.")
    var exportGMT = false

    @Option(help: "A model file written by `blockade train`; default: the built-in knowledge-weighted model.")
    var model: String?

    enum ReferenceChoice: String, ExpressibleByArgument, CaseIterable { case auto, cohort, builtin }

    @Option(help: "Place samples against the other samples of the file (cohort), the bundled melanoma reference of 208 samples (builtin), or cohort when the file has ≥ 10 samples else builtin (auto).")
    var reference: ReferenceChoice = .auto

    func validate() throws {
        if !exportGMT && expression == nil { throw ValidationError("give an expression file (or --export-gmt)") }
        if geneSets != nil && matrix == nil { throw ValidationError("--gene-sets only applies with --matrix raw|normalized") }
    }

    func run() throws {
        if exportGMT {
            print(GMTReader.format(MechanismCatalog.geneSets), terminator: "")
            return
        }
        guard let expression else { return }
        let (matrix, report) = try OmicsCommandSupport.loadExpression(expression)
        if let kind = self.matrix {
            let sets = try geneSets.map { path throws(OmicsError) in try GMTReader.read(path: path) } ?? MechanismCatalog.geneSets
            let start = Date()
            let scores = method == .ssgsea
                ? try SSGSEA.score(matrix, sets: sets, file: expression)
                : try Singscore.score(matrix, sets: sets, file: expression).scores
            OmicsCommandSupport.note("blockade: \(method.rawValue) of \(scores.setNames.count) sets × \(matrix.samples.count) samples in \(OmicsCommandSupport.seconds(since: start)) s")
            reportMissing(scores)
            printMatrix(scores, normalized: kind == .normalized && method == .ssgsea)
            return
        }
        let responseModel = try model.map { path throws(OmicsError) in try ResponseModel.load(path: path) } ?? .knowledgeDefault
        let labels = try clinical.map { path throws(OmicsError) in try ClinicalTable.read(path: path) }
        let placement: Placement
        switch reference {
        case .cohort: placement = .cohort
        case .builtin: placement = .reference
        case .auto: placement = matrix.samples.count >= 10 ? .cohort : .reference
        }
        let cohort = try CohortAnalysis.run(matrix, model: responseModel, placement: placement, file: expression)
        reportMissing(cohort.mechanisms)
        if placement == .cohort && matrix.samples.count < 10 {
            OmicsCommandSupport.note("blockade: warning: only \(matrix.samples.count) samples; within-cohort z-scores and percentiles are unstable below ~10 (try --reference builtin)")
        }
        if placement == .reference {
            OmicsCommandSupport.note("blockade: placing samples against the bundled reference (208 melanoma biopsies); raw ssGSEA depends on the gene universe, so treat percentiles as approximate for other platforms or tumours")
        }
        let profiles = MechanismProfileBuilder.build(cohort)
        switch format {
        case .json:
            print(try OmicsCommandSupport.json(ProfileReport(report: report, matrix: matrix, cohort: cohort, profiles: profiles, labels: labels)))
        case .tsv:
            printTSV(cohort, profiles: profiles, labels: labels)
        }
    }

    private func reportMissing(_ scores: GeneSetScores) {
        for (name, genes) in scores.missingGenes.sorted(by: { $0.key < $1.key }) where !genes.isEmpty {
            let status = scores.genesUsed[name] == nil ? "not scored (no gene present)" : "\(genes.count) missing"
            OmicsCommandSupport.note("blockade: signature \(name): \(status): \(genes.joined(separator: ","))")
        }
    }

    private func printMatrix(_ scores: GeneSetScores, normalized: Bool) {
        let values = normalized ? scores.normalized : scores.raw
        print((["gene_set"] + scores.samples).joined(separator: "\t"))
        let n = scores.samples.count
        for (k, name) in scores.setNames.enumerated() {
            // Shortest round-trip text, so a reader gets exactly the computed double.
            let row = (0..<n).map { "\(values[k * n + $0])" }
            print(([name] + row).joined(separator: "\t"))
        }
    }

    private func printTSV(_ cohort: CohortScores, profiles: [SampleProfile], labels: ClinicalTable?) {
        let mechanismIDs = cohort.mechanisms.setNames
        var header = ["sample", "response", "blockade", "blockade_percentile"]
        header += cohort.baselines.map(\.name)
        for id in mechanismIDs { header += ["\(id)_raw", "\(id)_percentile"] }
        header.append("dominant_mechanisms")
        print(header.joined(separator: "\t"))
        for (s, profile) in profiles.enumerated() {
            var row = [profile.sample, labels?.response[profile.sample]?.rawValue ?? "NA",
                       OmicsCommandSupport.format(profile.predictor), OmicsCommandSupport.format(profile.predictorPercentile, digits: 1)]
            row += cohort.baselines.map { OmicsCommandSupport.format($0.values[s]) }
            // One pair of columns per header readout, even where no percentile exists (a readout the
            // bundled reference cohort does not score): the raw score and "NA".
            for id in mechanismIDs {
                if let m = profile.mechanisms.first(where: { $0.id == id }) {
                    row += [OmicsCommandSupport.format(m.raw), OmicsCommandSupport.format(m.percentile, digits: 1)]
                } else {
                    row += [cohort.mechanisms.row(id).map { OmicsCommandSupport.format($0[s]) } ?? "NA", "NA"]
                }
            }
            row.append(profile.dominant.map(\.id).joined(separator: ";"))
            print(row.joined(separator: "\t"))
        }
    }
}

/// JSON shape of `profile --format json`.
struct ProfileReport: Encodable {
    struct Input: Encodable {
        var file: String
        var detected_scale: String
        var scale_statement: String
        var genes: Int
        var samples: Int
        var duplicated_genes_dropped: Int
        var aliases_mapped: [String]
    }
    struct Mechanism: Encodable {
        var id: String
        var raw: Double
        var normalized: Double
        var z: Double
        var percentile: Double
        var resistance_when: String
        var resistance_signal: Double
    }
    struct Dominant: Encodable {
        var id: String
        var title: String
        var resistance_signal: Double
        var explanation: String
        var reference: String
        var caveat: String?
    }
    struct Sample: Encodable {
        var sample: String
        var response: String?
        var blockade: Double
        var blockade_percentile: Double
        var baselines: [String: Double]
        var mechanisms: [Mechanism]
        var dominant: [Dominant]
    }
    var input: Input
    var placement: String
    var method: String
    var model: String
    var signatures: [String: String]
    var missing_genes: [String: [String]]
    var samples: [Sample]

    init(report: ExpressionReadReport, matrix: ExpressionMatrix, cohort: CohortScores, profiles: [SampleProfile], labels: ClinicalTable?) {
        let r = OmicsCommandSupport.rounded
        input = Input(file: report.file, detected_scale: report.detectedScale.rawValue, scale_statement: report.scaleStatement,
                      genes: matrix.genes.count, samples: matrix.samples.count,
                      duplicated_genes_dropped: report.duplicatedGenesDropped, aliases_mapped: report.aliasesMapped)
        method = "ssGSEA as GSVA 1.46 (alpha 0.25; raw scores and GSVA-normalised = raw / (max − min) over this run); z-scores and percentiles "
            + (cohort.placement == .cohort ? "within this file" : "against the bundled reference (raw / genes, 208 melanoma samples)")
        model = cohort.model.method
        placement = cohort.placement.rawValue
        signatures = Dictionary(uniqueKeysWithValues: MechanismCatalog.all.map { ($0.id, $0.geneSet.source) })
        missing_genes = cohort.mechanisms.missingGenes.filter { !$0.value.isEmpty }
        let normalized = cohort.mechanisms.normalized
        let n = cohort.samples.count
        samples = profiles.enumerated().map { s, p in
            Sample(sample: p.sample, response: labels?.response[p.sample]?.rawValue,
                   blockade: r(p.predictor, 6), blockade_percentile: r(p.predictorPercentile, 1),
                   baselines: Dictionary(uniqueKeysWithValues: cohort.baselines.map { ($0.name, r($0.values[s], 6)) }),
                   mechanisms: p.mechanisms.enumerated().map { k, m in
                       Mechanism(id: m.id, raw: r(m.raw, 6), normalized: r(normalized[k * n + s], 6), z: r(m.z, 4),
                                 percentile: r(m.percentile, 1), resistance_when: m.resistanceWhen.rawValue,
                                 resistance_signal: r(m.resistanceSignal, 1))
                   },
                   dominant: p.dominant.map {
                       Dominant(id: $0.id, title: $0.title, resistance_signal: r($0.resistanceSignal, 1),
                                explanation: $0.explanation, reference: $0.reviewReference, caveat: $0.caveat)
                   })
        }
    }
}
