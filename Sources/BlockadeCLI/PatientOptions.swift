import ArgumentParser
import TumorImmune

/// Options that describe the simulated patient, shared by `simulate`, `export sbml` and `demo`.
/// With `simulate --scenario`, each option given overrides the file's value (``patient(from:)``).
struct PatientOptions: ParsableArguments {
    /// The tumour type when none is given.
    static let defaultTumor = "melanoma"

    @Option(name: .long, help: ArgumentHelp("Tumour type (see `blockade list tumors`; default: \(defaultTumor), or the scenario's).", valueName: "tumor"))
    var tumor: String?

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Set a resistance mechanism's level, NAME=LEVEL with LEVEL from 0 (absent) to 1 (fully active). Repeatable. See `blockade list mechanisms`.",
                               valueName: "name=level"))
    var mechanism: [String] = []

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Baseline sum of diameters, mm (one equivalent lesion).", valueName: "mm"))
    var diameter: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Untreated volume doubling time, days (default: tumour type's).", valueName: "days"))
    var doublingTime: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Tumour mutational burden, mutations/Mb (default: tumour type's median).", valueName: "mut/Mb"))
    var tmb: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Baseline PD-L1 expression relative to a typical PD-L1-positive tumour.", valueName: "x"))
    var pdl1: Double?

    /// The patient these options describe: the tumour type's typical patient with the options set.
    func patient() throws -> Patient {
        try patient(from: Patient(typical: try TumorType.named(tumor ?? Self.defaultTumor)))
    }

    /// `base` (e.g. a scenario's patient) with the options given on the command line set, checked.
    func patient(from base: Patient) throws -> Patient {
        var p = base
        for assignment in mechanism {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw ValidationError("--mechanism '\(assignment)': expected NAME=LEVEL, e.g. --mechanism stromal-barrier=0.8")
            }
            let m = try Mechanism.parse(parts[0])
            guard let level = Double(parts[1]) else {
                throw ValidationError("--mechanism '\(assignment)': '\(parts[1])' is not a number; expected a level from 0 to 1")
            }
            try p.mechanisms.set(m, level)
        }
        if let diameter { p.baselineDiameterMM = diameter }
        if let doublingTime { p.doublingTimeDays = doublingTime }
        if let tmb { p.tmb = tmb }
        if let pdl1 { p.pdl1 = pdl1 }
        try p.validate()
        return p
    }
}
