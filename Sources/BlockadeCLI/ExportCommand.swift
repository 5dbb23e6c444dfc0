import ArgumentParser
import Foundation
import Reactions
import Scenarios
import TumorImmune

/// `blockade export`: the model in exchange formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the model (SBML Level 3, the Markdown model document, or label regimens as a scenario file).",
        subcommands: [ExportSBML.self, ExportModelDocument.self, ExportScenario.self])
}

/// `blockade export sbml`: the patient's model at baseline with every dose as an SBML event.
struct ExportSBML: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sbml",
        abstract: "Write the model for one patient and regimen as SBML Level 3 Version 2.",
        discussion: """
        The document starts at baseline (day 0, after the untreated run-in) and carries every dose of \
        the regimen within --days as an event, so any SBML simulator (libRoadRunner, COPASI) \
        reproduces `blockade simulate` with the same options. Parameters carry units and sources as notes.

        Example:
          blockade export sbml --tumor melanoma --regimen nivolumab --days 730 --output nivo.xml
        """)

    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "Drugs joined by '+'.")
    var regimen: String = "nivolumab"

    @Option(name: .long, parsing: .unconditional, help: "Days of dosing events to include.")
    var days: Double = 365

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (written atomically).")
    var output: String?

    func validate() throws {
        guard days.isFinite, days > 0, days <= 3650 else { throw ValidationError("--days \(days): expected 1–3650 days") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let patient = try patientOptions.patient()
        let regimen = try Regimen(parsing: regimen, tumor: patient.tumor.id)
        var settings = SimulationSettings()
        settings.days = days
        let simulator = Simulator(settings: settings)
        let model = try simulator.compile(patient: patient, regimen: regimen)
        let baseline = try simulator.baselineState(model: model, patient: patient)
        let exporter = SBMLExporter(modelID: "blockade_\(patient.tumor.id.replacingOccurrences(of: "-", with: "_"))",
                                    modelName: "Blockade tumour–immune model: \(patient.tumor.name), \(regimen.name)")
        let xml = try exporter.document(model.network, parameterValues: Array(model.parameterValues),
                                        initialState: baseline, events: simulator.doseEvents(model: model, days: days))
        try writeOutput(xml, to: output)
    }
}

/// `blockade export model-doc`: the generated model document (docs/MODEL.md).
struct ExportModelDocument: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-doc",
        abstract: "Write the Markdown model document (compartments, species, equations, parameters with sources).")

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        try writeOutput(ModelDocumentation.markdown(), to: output)
    }
}

/// `blockade export scenario`: label regimens written out as a scenario file to edit.
struct ExportScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Write label regimens as a scenario file (YAML) with every dose and schedule spelled out.",
        discussion: """
        Each --regimen becomes an arm named as the regimen, its drugs at the label dose and schedule for \
        the tumour type (doses in mg, Gy per fraction, PFU or cells). Run unchanged, the file gives the \
        same result as the regimens: `simulate --scenario F` as `simulate --regimen R`, `trial --scenario F` \
        as `trial --arm R ...`. Edit it to change doses, intervals, phases, breaks or start days \
        (format: docs/SCENARIOS.md).

        Examples:
          blockade export scenario --tumor melanoma --regimen nivolumab+ipilimumab --output nivo-ipi.yaml
          blockade simulate --scenario nivo-ipi.yaml
          blockade export scenario --tumor nsclc --regimen pembrolizumab --regimen radiotherapy-sbrt+pembrolizumab
        """)

    @Option(name: .long, help: "Tumour type (see `blockade list tumors`): label schedules depend on it.")
    var tumor: String

    @Option(name: .long, help: ArgumentHelp("A regimen (drugs joined by '+'); repeat for each arm.", valueName: "regimen"))
    var regimen: [String] = []

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (written atomically).")
    var output: String?

    func validate() throws {
        guard !regimen.isEmpty else { throw ValidationError("give at least one --regimen, e.g. --regimen nivolumab") }
        if let output { try OutputPath.checkWritable(output, option: "--output") }
    }

    func run() throws {
        let type = try TumorType.named(tumor)
        let regimens = try regimen.map { text throws(BlockadeError) in try Regimen(parsing: text, tumor: type.id) }
        let command = (["blockade", "export", "scenario", "--tumor", tumor] + regimen.flatMap { ["--regimen", $0] }).joined(separator: " ")
        try writeOutput(ScenarioWriter.yaml(tumor: type, regimens: regimens, command: command), to: output)
    }
}
