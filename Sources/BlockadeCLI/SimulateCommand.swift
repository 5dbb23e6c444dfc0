import ArgumentParser
import Foundation
import Reports
import Trials
import TumorImmune

/// Output formats of `simulate`.
enum SimulationFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// `blockade simulate`: one patient, one regimen, with RECIST response and mechanism attribution.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate one patient under one regimen and explain the response.",
        discussion: """
        Runs the tumour–immune model for a typical patient of the tumour type (change it with the \
        patient options and --mechanism), reads the response by RECIST 1.1 on scans every 8 weeks, \
        and, for a non-responder or a patient who relapses, switches each active resistance \
        mechanism off in turn to find the one that holds the tumour back.

        Examples:
          blockade simulate --tumor melanoma --regimen nivolumab
          blockade simulate --tumor melanoma --regimen nivolumab --mechanism stromal-barrier=0.9 --format json
          blockade simulate --tumor nsclc --regimen pembrolizumab --days 730 --format csv > run.csv
        """)

    @OptionGroup var patientOptions: PatientOptions
    @OptionGroup var populationData: PopulationDataOptions

    @Option(name: .long, help: ArgumentHelp("Drugs joined by '+', e.g. nivolumab+ipilimumab (see `blockade list drugs`).", valueName: "regimen"))
    var regimen: String = "nivolumab"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Days simulated from the first dose.", valueName: "days"))
    var days: Double = 365

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Days between RECIST scans.", valueName: "days"))
    var scanInterval: Double = 56

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Spacing of the time series in csv/json output, days.", valueName: "days"))
    var outputInterval: Double = 7

    @Option(name: .long, help: "Output format: table (readable), csv (time series of every species), json (series + response).")
    var format: SimulationFormat = .table

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Relative tolerance of the ODE solver.", valueName: "x"))
    var rtol: Double = 1e-6

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Absolute tolerance of the ODE solver (cells, nmol and dimensionless levels alike).", valueName: "x"))
    var atol: Double = 1e-6

    @Flag(name: .long, help: "Skip the counterfactual mechanism attribution (faster).")
    var noAttribution = false

    func validate() throws {
        guard days.isFinite, days > 0, days <= 3650 else { throw ValidationError("--days \(days): expected 1–3650 days") }
        guard scanInterval.isFinite, scanInterval >= 7 else { throw ValidationError("--scan-interval \(scanInterval): expected at least 7 days") }
        guard rtol.isFinite, rtol > 0, rtol < 0.1 else { throw ValidationError("--rtol \(rtol): expected a number between 0 and 0.1") }
        guard atol.isFinite, atol > 0 else { throw ValidationError("--atol \(atol): expected a positive number") }
        guard outputInterval.isFinite, outputInterval > 0 else { throw ValidationError("--output-interval \(outputInterval): expected a positive number of days") }
    }

    func run() throws {
        let toxicity = try populationData.file().toxicityModel
        let patient = try patientOptions.patient()
        let regimen = try Regimen(parsing: regimen, tumor: patient.tumor.id)
        var settings = SimulationSettings()
        settings.days = days
        settings.rules.scanIntervalDays = scanInterval
        settings.outputIntervalDays = outputInterval
        settings.solver.relativeTolerance = rtol
        settings.solver.absoluteTolerance = atol
        let simulator = Simulator(settings: settings)
        let result = try simulator.run(patient: patient, regimen: regimen)
        let attribution = noAttribution ? [] : try simulator.attribute(patient: patient, regimen: regimen, factual: result)
        let risk = simulator.adverseEventRisk(model: try simulator.compile(patient: patient, regimen: regimen), result: result, toxicity: toxicity)
        switch format {
        case .json: print(try SimulationJSON(result: result, attribution: attribution, risk: risk).encoded())
        case .csv: print(try SimulationCSV.render(simulator: simulator, result: result), terminator: "")
        case .table: print(SimulationTable.render(result: result, attribution: attribution, risk: risk), terminator: "")
        }
    }
}
