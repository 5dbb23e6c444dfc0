/// The vocabulary of a scenario file: the keys each part accepts, and the keys reserved for what the
/// model cannot do yet (refused with the reason, never ignored). `docs/SCENARIOS.md` documents
/// every key listed here (a test holds the two together).
public enum ScenarioKeys {
    /// The keys of one part of the file.
    public struct Section: Sendable {
        /// What the part is, for messages ("a drug entry").
        public var what: String
        /// Accepted keys, in the order the documentation gives them.
        public var allowed: [String]
        /// Keys refused with the reason.
        public var reserved: [String: String]
        /// Keys of another part, with where they belong ("under 'trial:'").
        public var elsewhere: [String: String] = [:]
    }

    /// The dose keys, one per unit (``DoseUnit``).
    public static let doseKeys = DoseUnit.allCases.map(\.key)

    static let lesionsReason = "the model has one equivalent lesion (patient.diameter_mm is the baseline sum of diameters); several lesions, and radiotherapy aimed at one of them, are not modelled"

    static let patientKeys = ["diameter_mm", "doubling_time_days", "tmb", "pdl1", "mechanisms"]
    static let trialKeys = ["patients", "seed", "selection", "line"]
    static let scheduleKeys = doseKeys + ["every_days", "doses", "start_day", "days", "phases", "treatment_days"]

    /// The top level of the file.
    public static let scenario = Section(
        what: "the top level of the scenario", allowed: ["version", "description", "tumor", "days", "body_weight_kg", "body_surface_m2", "patient", "trial", "arms"],
        reserved: ["lesions": lesionsReason],
        elsewhere: Dictionary(uniqueKeysWithValues: patientKeys.map { ($0, "under 'patient:' (simulate's patient)") }
            + trialKeys.map { ($0, "under 'trial:'") } + [("drugs", "in an arm: 'arms: [- name: ..., drugs: [...]]'"), ("regimen", "in an arm")]))

    /// `patient:` (simulate's one patient).
    public static let patient = Section(
        what: "'patient:'", allowed: patientKeys, reserved: ["lesions": lesionsReason],
        elsewhere: ["body_weight_kg": "at the top level of the file (it converts mg/kg doses for simulate and trial alike)",
                    "body_surface_m2": "at the top level of the file (it converts mg/m² doses for simulate and trial alike)",
                    "days": "at the top level of the file"])

    /// `trial:` (a trial's population settings).
    public static let trial = Section(what: "'trial:'", allowed: trialKeys, reserved: [:],
                                      elsewhere: ["days": "at the top level of the file (the follow-up, default 730 days for a trial)"])

    /// An item of `arms:`.
    public static let arm = Section(what: "an arm", allowed: ["name", "description", "regimen", "drugs"], reserved: [:],
                                    elsewhere: Dictionary(uniqueKeysWithValues: (["drug", "co_delivery"] + scheduleKeys).map { ($0, "in a drug entry under 'drugs:' ('- drug: nivolumab')") }))

    /// An item of an arm's `drugs:`.
    public static let drug = Section(
        what: "a drug entry", allowed: ["drug", "co_delivery"] + scheduleKeys, reserved: ["lesion": lesionsReason],
        elsewhere: ["break_days": "in 'phases:', as its own item between two phases ('- break_days: 28')", "name": "in the arm, beside 'drugs:'"])

    /// An item of a drug entry's `phases:` (a dose phase or a break).
    public static let phase = Section(what: "a phase", allowed: doseKeys + ["every_days", "doses", "break_days"], reserved: [:],
                                      elsewhere: ["start_day": "in the drug entry (it delays the first phase), or use '- break_days: N' before the first phase",
                                                  "treatment_days": "in the drug entry"])

    /// Every section, for the documentation check.
    public static let all: [Section] = [scenario, patient, trial, arm, drug, phase]

    /// The allowed keys a mistyped one may mean: those it begins (`dose` → every dose key), else the
    /// closest within an edit distance of 2, if any.
    static func suggestion(for key: String, among allowed: [String]) -> String? {
        let extending = allowed.filter { $0.hasPrefix(key) && $0 != key }
        if extending.count > 1 { return "one of " + extending.joined(separator: ", ") }
        let scored = allowed.map { ($0, distance(key, $0)) }.filter { $0.1 <= 2 || $0.0.hasPrefix(key) || key.hasPrefix($0.0) }
        return scored.min { $0.1 < $1.1 }.map { "'\($0.0)'" }
    }

    /// Levenshtein distance between two short strings.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
