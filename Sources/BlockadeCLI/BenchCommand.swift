import ArgumentParser
import Dispatch
import Foundation
import TumorImmune

/// `blockade bench`: wall time of the simulation engine, for the benchmark scripts in `scripts/`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time repeated simulations of one patient (used by scripts/bench-simulate.sh).",
        discussion: """
        Times only the treatment simulation from the baseline state — the same work an SBML \
        simulator does on `blockade export sbml` output — with the state saved once a day. Prints \
        one JSON object with the median, minimum and maximum wall time per simulation.
        """,
        shouldDisplay: false)

    @OptionGroup var patientOptions: PatientOptions

    @Option(name: .long, help: "Drugs joined by '+'.")
    var regimen: String = "nivolumab"

    @Option(name: .long, parsing: .unconditional, help: "Days simulated.")
    var days: Double = 730

    @Option(name: .long, parsing: .unconditional, help: "Number of timed simulations.")
    var repeats: Int = 200

    @Option(name: .long, parsing: .unconditional, help: "Relative tolerance of the solver.")
    var rtol: Double = 1e-6

    @Option(name: .long, parsing: .unconditional, help: "Absolute tolerance of the solver.")
    var atol: Double = 1e-6

    func validate() throws {
        guard repeats > 0 else { throw ValidationError("--repeats \(repeats): expected a positive number") }
        guard days.isFinite, days > 0, days <= 3650 else { throw ValidationError("--days \(days): expected 1–3650 days") }
        guard rtol.isFinite, rtol > 0, rtol < 0.1 else { throw ValidationError("--rtol \(rtol): expected a number between 0 and 0.1") }
        guard atol.isFinite, atol > 0 else { throw ValidationError("--atol \(atol): expected a positive number") }
    }

    func run() throws {
        let patient = try patientOptions.patient()
        let regimen = try Regimen(parsing: regimen, tumor: patient.tumor.id)
        var settings = SimulationSettings()
        settings.days = days
        settings.solver.relativeTolerance = rtol
        settings.solver.absoluteTolerance = atol
        let simulator = Simulator(settings: settings)
        let model = try simulator.compile(patient: patient, regimen: regimen)
        let baseline = try simulator.baselineState(model: model, patient: patient)
        var times: [Double] = []
        var steps = 0
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try simulator.treat(model: model, baseline: baseline, patient: patient, regimen: regimen)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
            steps = result.statistics.acceptedSteps
        }
        times.sort()
        let json: [String: Any] = ["blockade_median_s": times[times.count / 2], "blockade_min_s": times[0],
                                   "blockade_max_s": times[times.count - 1], "repeats": repeats, "accepted_steps": steps,
                                   "days": days, "rtol": rtol, "atol": atol]
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
