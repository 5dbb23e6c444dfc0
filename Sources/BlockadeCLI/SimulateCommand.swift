import ArgumentParser
import Foundation
import Reports
import Scenarios
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

        Custom doses and schedules (mg/kg, intervals, phases, treatment breaks, radiotherapy \
        fractions, a patient's own parameters) come from a scenario file, --scenario FILE \
        (format: docs/SCENARIOS.md; `blockade export scenario` writes a label regimen as one). \
        Options given on the command line override the file's values (--tumor, --days and the \
        patient options; a --mechanism replaces that mechanism's level only); --regimen cannot be \
        combined with --scenario: choose one of the file's arms with --arm.

        Examples:
          blockade simulate --tumor melanoma --regimen nivolumab
          blockade simulate --tumor melanoma --regimen nivolumab --mechanism stromal-barrier=0.9 --format json
          blockade simulate --tumor nsclc --regimen pembrolizumab --days 730 --format csv > run.csv
          blockade simulate --scenario examples/nivolumab-q2w-vs-q4w.yaml --arm "nivolumab 480 mg q4w"
          blockade simulate --scenario examples/patient-own-parameters.yaml --arm 2 --mechanism stromal-barrier=0.2
        """)

    @OptionGroup var patientOptions: PatientOptions
    @OptionGroup var populationData: PopulationDataOptions

    /// The regimen when neither --regimen nor --scenario is given.
    static let defaultRegimen = "nivolumab"
    /// Days simulated when neither --days nor the scenario gives them.
    static let defaultDays = 365.0

    @Option(name: .long, help: ArgumentHelp("Drugs joined by '+', e.g. nivolumab+ipilimumab (see `blockade list drugs`; default: \(defaultRegimen)). Not with --scenario.", valueName: "regimen"))
    var regimen: String?

    @Option(name: .long, help: ArgumentHelp("A scenario file (YAML, docs/SCENARIOS.md): arms with their own doses and schedules, and the patient. Command-line options override its values.", valueName: "file"))
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("With --scenario: the arm to simulate, by name or number from 1 (needed when the file has several arms).", valueName: "name"))
    var arm: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Days simulated from the first dose (default: 365, or the scenario's).", valueName: "days"))
    var days: Double?

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
        if let days { guard days.isFinite, days > 0, days <= 3650 else { throw ValidationError("--days \(days): expected 1–3650 days") } }
        if scenario != nil, let regimen {
            throw ValidationError("--regimen \(regimen) cannot be combined with --scenario: the scenario's arms are the regimens; choose one with --arm NAME, or add '- regimen: \(regimen)' to the file's arms")
        }
        if scenario == nil, let arm { throw ValidationError("--arm \(arm) chooses an arm of a --scenario file; without one, give the drugs with --regimen") }
        guard scanInterval.isFinite, scanInterval >= 7 else { throw ValidationError("--scan-interval \(scanInterval): expected at least 7 days") }
        guard rtol.isFinite, rtol > 0, rtol < 0.1 else { throw ValidationError("--rtol \(rtol): expected a number between 0 and 0.1") }
        guard atol.isFinite, atol > 0 else { throw ValidationError("--atol \(atol): expected a positive number") }
        guard outputInterval.isFinite, outputInterval > 0 else { throw ValidationError("--output-interval \(outputInterval): expected a positive number of days") }
    }

    /// What to simulate: from the command line, or from the scenario with the command line's overrides.
    func plan() throws -> (patient: Patient, regimen: Regimen, days: Double) {
        guard let scenario else {
            let patient = try patientOptions.patient()
            return (patient, try Regimen(parsing: regimen ?? Self.defaultRegimen, tumor: patient.tumor.id), days ?? Self.defaultDays)
        }
        if let tumor = patientOptions.tumor { _ = try TumorType.named(tumor) }
        let file = try Scenario(contentsOf: scenario, tumor: patientOptions.tumor)
        let chosen: Scenario.Arm
        if let arm {
            chosen = try file.arm(named: arm)
        } else if file.arms.count == 1, let only = file.arms.first {
            chosen = only
        } else {
            throw BlockadeError.invalidArgument("\(scenario) has \(file.arms.count) arms (\(file.armList)); choose one with --arm NAME or number")
        }
        let days = days ?? file.days ?? Self.defaultDays
        try file.checkDoses(within: days, arms: [chosen])
        return (try patientOptions.patient(from: file.patient ?? Patient(typical: file.tumor)), chosen.regimen, days)
    }

    func run() throws {
        let toxicity = try populationData.file().toxicityModel
        let (patient, regimen, days) = try plan()
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
