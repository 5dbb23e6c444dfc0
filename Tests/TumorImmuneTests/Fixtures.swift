import Integrators
@testable import TumorImmune

/// Simulations several suites read, run once per test process (a global `let` is initialised
/// lazily and exactly once, so parallel tests share them).
enum Melanoma {
    static let tumor = try! TumorType.named("melanoma")
    static var typicalPatient: Patient { Patient(typical: tumor) }

    /// The typical melanoma patient, 365 days, daily output.
    static let nivolumab = try! Simulator().run(patient: typicalPatient, regimen: Regimen(parsing: "nivolumab"))
    static let ipilimumab = try! Simulator().run(patient: typicalPatient, regimen: Regimen(parsing: "ipilimumab"))
    static let placebo = try! Simulator().run(patient: typicalPatient, regimen: Regimen(parsing: "placebo"))
}

extension SimulationResult {
    /// Index of `day` in the saved series (daily output includes every whole day).
    func index(ofDay day: Double) -> Int? { days.firstIndex(of: day) }

    /// Amount of species `s` at saved day `day`.
    func amount(_ s: S, atDay day: Double) -> Double? {
        guard let i = index(ofDay: day) else { return nil }
        let row = solution.state(at: i)
        return row[row.startIndex + s.rawValue]
    }

    /// Plasma concentration (µg/mL) of `drug` at each saved day.
    func plasma(_ drug: String) -> [Double]? {
        plasmaConcentration.first { $0.drug == drug }?.values
    }
}

/// A typical melanoma patient with `acquired-antigen-loss` off (so a knob under test is the only
/// route to resistance) and `overrides` applied.
func melanomaPatient(_ overrides: [Mechanism: Double] = [:]) -> Patient {
    var p = Melanoma.typicalPatient
    p.mechanisms[.acquiredAntigenLoss] = 0
    for (m, v) in overrides { p.mechanisms[m] = v }
    return p
}

extension SimulationResult {
    /// Amount of the species with SBML id `id` at every saved day.
    func series(_ id: String) -> [Double]? {
        guard let k = speciesIDs.firstIndex(of: id) else { return nil }
        return stride(from: k, to: solution.states.count, by: speciesIDs.count).map { solution.states[$0] }
    }

    /// Value of `id` at saved day `day`.
    func value(_ id: String, atDay day: Double) -> Double? {
        guard let i = index(ofDay: day), let s = series(id) else { return nil }
        return s[i]
    }
}

/// A simulator with the given horizon and output spacing (days).
func simulator(days: Double, every step: Double = 1) -> Simulator {
    var settings = SimulationSettings()
    settings.days = days
    settings.outputIntervalDays = step
    return Simulator(settings: settings)
}
