import Testing
import TumorImmune
@testable import Scenarios

/// Every mistake is reported with its line and column and what would be accepted.
@Suite("Scenario files: errors")
struct ScenarioErrorTests {
    struct BadCase: Sendable, CustomTestStringConvertible {
        var label: String
        var yaml: String
        var line: Int?
        var column: Int?
        /// Fragments the message must contain.
        var mentions: [String]
        var testDescription: String { label }
    }

    static let drugArm = "tumor: melanoma\narms:\n  - drugs:\n      - drug: "

    static let cases: [BadCase] = [
        BadCase(label: "unknown drug lists the drugs", yaml: drugArm + "nivolumb\n", line: 4, column: 15,
                mentions: ["unknown drug 'nivolumb'", "nivolumab", "pembrolizumab", "radiotherapy-sbrt"]),
        BadCase(label: "unknown key lists the allowed keys", yaml: drugArm + "nivolumab\n        dose: 240\n", line: 5, column: 9,
                mentions: ["unknown key 'dose'", "dose_mg_per_kg", "allowed keys: drug, co_delivery", "treatment_days"]),
        BadCase(label: "a mistyped key is suggested", yaml: drugArm + "nivolumab\n        every_day: 14\n", line: 5, column: 9,
                mentions: ["did you mean 'every_days'?"]),
        BadCase(label: "a negative dose states the range", yaml: drugArm + "nivolumab\n        dose_mg: -240\n", line: 5, column: 18,
                mentions: ["dose_mg: -240 is out of range", "more than 0 and at most 50000 mg"]),
        BadCase(label: "a dose in the wrong unit names the right one", yaml: drugArm + "radiotherapy\n        dose_mg: 2\n", line: 5, column: 18,
                mentions: ["radiotherapy is dosed in Gy", "dose_gy"]),
        BadCase(label: "two doses in one entry", yaml: drugArm + "nivolumab\n        dose_mg: 240\n        dose_mg_per_kg: 3\n", line: 4, column: 9,
                mentions: ["one dose", "dose_mg and dose_mg_per_kg"]),
        BadCase(label: "not a number", yaml: drugArm + "nivolumab\n        every_days: fortnight\n", line: 5, column: 21,
                mentions: ["'fortnight' is not a number", "from 1 to 3650 days"]),
        BadCase(label: "unknown tumour lists the tumours", yaml: "tumor: melanom\narms:\n  - regimen: nivolumab\n", line: 1, column: 8,
                mentions: ["unknown tumour type 'melanom'", "melanoma, nsclc"]),
        BadCase(label: "no tumour", yaml: "arms:\n  - regimen: nivolumab\n", line: nil, column: nil,
                mentions: ["tumor: T", "--tumor"]),
        BadCase(label: "unknown mechanism lists the mechanisms", yaml: "tumor: melanoma\npatient:\n  mechanisms:\n    stroma: 1\narms:\n  - regimen: nivolumab\n",
                line: 4, column: 5, mentions: ["unknown mechanism 'stroma'", "stromal-barrier"]),
        BadCase(label: "a mechanism level outside 0–1", yaml: "tumor: melanoma\npatient:\n  mechanisms:\n    stromal-barrier: 1.5\narms:\n  - regimen: nivolumab\n",
                line: 4, column: 22, mentions: ["stromal-barrier: 1.5 is out of range", "from 0 to 1"]),
        BadCase(label: "a patient value outside its range", yaml: "tumor: melanoma\npatient:\n  diameter_mm: 5\narms:\n  - regimen: nivolumab\n",
                line: 3, column: 16, mentions: ["diameter_mm: 5 is out of range", "from 10 to 250 mm"]),
        BadCase(label: "a bad label regimen", yaml: "tumor: melanoma\narms:\n  - regimen: nivolumab+\n", line: 3, column: 14,
                mentions: ["empty component"]),
        BadCase(label: "regimen and drugs in one arm", yaml: "tumor: melanoma\narms:\n  - regimen: nivolumab\n    drugs: []\n", line: 4, column: 5,
                mentions: ["'regimen:'", "'drugs:'", "not both"]),
        BadCase(label: "two arms with one name", yaml: "tumor: melanoma\narms:\n  - regimen: nivolumab\n  - regimen: nivolumab\n", line: 4, column: 5,
                mentions: ["two arms are named 'nivolumab'", "name:"]),
        BadCase(label: "a drug twice in an arm", yaml: drugArm + "nivolumab\n      - drug: nivolumab\n", line: 5, column: 9,
                mentions: ["listed twice", "phases:"]),
        BadCase(label: "a multi-phase label cannot take every_days", yaml: drugArm + "dostarlimab\n        every_days: 21\n", line: 5, column: 21,
                mentions: ["2 phases", "500 mg every 21 days × 4, then 1000 mg every 42 days", "dose, every_days and doses", "phases:"]),
        BadCase(label: "a label whose doses differ cannot take one dose", yaml: drugArm + "dostarlimab\n        dose_mg: 500\n", line: 5, column: 18,
                mentions: ["changes dose between phases", "phases:"]),
        BadCase(label: "an unlimited phase must be the last", yaml: drugArm + "nivolumab\n        phases:\n          - {dose_mg: 240, every_days: 14}\n          - {dose_mg: 480, every_days: 28}\n",
                line: 6, column: 13, mentions: ["only the last phase", "doses: N"]),
        BadCase(label: "a break at the end", yaml: drugArm + "nivolumab\n        phases:\n          - {dose_mg: 240, every_days: 14, doses: 2}\n          - break_days: 28\n",
                line: 7, column: 13, mentions: ["a break must come before a phase"]),
        BadCase(label: "a break with a dose", yaml: drugArm + "nivolumab\n        phases:\n          - {break_days: 28, dose_mg: 240}\n          - {dose_mg: 240, every_days: 14}\n",
                line: 6, column: 30, mentions: ["'dose_mg' with 'break_days'"]),
        BadCase(label: "phases with a dose beside them", yaml: drugArm + "nivolumab\n        dose_mg: 240\n        phases:\n          - {dose_mg: 240, every_days: 14}\n",
                line: 5, column: 9, mentions: ["'dose_mg' with 'phases'"]),
        BadCase(label: "days out of order", yaml: drugArm + "radiotherapy-sbrt\n        days: [0, 2, 1]\n", line: 5, column: 22,
                mentions: ["1 does not come after 2"]),
        BadCase(label: "days for an oral drug", yaml: drugArm + "axitinib\n        days: [0, 7]\n", line: 5, column: 15,
                mentions: ["continuous daily input", "break_days"]),
        BadCase(label: "a carrier's payload limit", yaml: drugArm + "doxorubicin@protein\n        dose_mg: 400\n", line: 5, column: 18,
                mentions: ["more than a protein carrier holds", "300 mg"]),
        BadCase(label: "a drug that cannot be carried", yaml: drugArm + "nivolumab@liposome\n", line: 4, column: 15,
                mentions: ["cannot be loaded into a liposome carrier"]),
        BadCase(label: "co-delivery of one drug", yaml: drugArm + "doxorubicin@liposome\n        co_delivery: a\n", line: 5, column: 9,
                mentions: ["has only doxorubicin"]),
        BadCase(label: "co-delivery in two carriers", yaml: drugArm + "doxorubicin@liposome\n        co_delivery: a\n      - drug: entinostat@polymeric\n        co_delivery: a\n",
                line: 7, column: 9, mentions: ["not in the same carrier"]),
        BadCase(label: "two drugs in one entry", yaml: drugArm + "nivolumab+ipilimumab\n", line: 4, column: 15, mentions: ["one drug per entry"]),
        BadCase(label: "several lesions are refused with the reason", yaml: "tumor: melanoma\nlesions: 2\narms:\n  - regimen: nivolumab\n", line: 2, column: 1,
                mentions: ["'lesions' is not supported yet", "one equivalent lesion"]),
        BadCase(label: "a radiotherapy target lesion is refused", yaml: drugArm + "radiotherapy-sbrt\n        lesion: liver\n", line: 5, column: 9,
                mentions: ["'lesion' is not supported yet"]),
        BadCase(label: "a trial key at the top level says where it goes", yaml: "tumor: melanoma\npatients: 20\narms:\n  - regimen: nivolumab\n", line: 2, column: 1,
                mentions: ["'patients'", "under 'trial:'"]),
        BadCase(label: "a bad selection", yaml: "tumor: melanoma\ntrial:\n  selection: pdl1 >= 50\narms:\n  - regimen: nivolumab\n", line: 3, column: 14,
                mentions: ["unknown attribute 'pdl1'", "pdl1_tps"]),
        BadCase(label: "a bad line of therapy", yaml: "tumor: melanoma\ntrial:\n  line: second\narms:\n  - regimen: nivolumab\n", line: 3, column: 9,
                mentions: ["first or pretreated"]),
        BadCase(label: "a key given twice", yaml: "tumor: melanoma\ntumor: nsclc\narms:\n  - regimen: nivolumab\n", line: 2, column: 1,
                mentions: ["'tumor' is given twice"]),
        BadCase(label: "YAML syntax", yaml: "tumor: melanoma\narms: [ {regimen: nivolumab\n", line: 3, column: 1, mentions: ["YAML syntax"]),
        BadCase(label: "an empty file", yaml: "", line: nil, column: nil, mentions: ["empty", "tumor:", "arms:"]),
        BadCase(label: "no arms", yaml: "tumor: melanoma\narms: []\n", line: 2, column: 1, mentions: ["at least one arm"]),
        BadCase(label: "an unknown format version", yaml: "version: 2\ntumor: melanoma\narms:\n  - regimen: nivolumab\n", line: 1, column: 10,
                mentions: ["version 2", "version: 1"]),
        BadCase(label: "a counted course longer than the label's duration", yaml: drugArm + "pembrolizumab\n        dose_mg: 400\n        every_days: 42\n",
                line: 6, column: 21, mentions: ["last dose would fall on day 1428", "day 730", "treatment_days"]),
        BadCase(label: "a radiotherapy course longer than the label's", yaml: drugArm + "radiotherapy-sbrt\n        dose_gy: 6\n        every_days: 1\n        doses: 15\n",
                line: 7, column: 16, mentions: ["day 14", "day 10", "radiotherapy-sbrt's label duration, 10 days"]),
        BadCase(label: "listed days after the end of treatment", yaml: drugArm + "radiotherapy-sbrt\n        days: [0, 20]\n        treatment_days: 10\n",
                line: 6, column: 25, mentions: ["day 20 falls after the end of treatment"]),
    ]

    @Test("the error names file, line, column and what is accepted", arguments: cases)
    func reports(_ c: BadCase) {
        do {
            _ = try scenario(c.yaml)
            Issue.record("no error for \(c.label)")
        } catch {
            #expect(error.location.file == "test.yaml")
            #expect(error.location.line == c.line, "\(error)")
            #expect(error.location.column == c.column, "\(error)")
            for fragment in c.mentions { #expect(error.message.contains(fragment), "'\(fragment)' not in: \(error.message)") }
            #expect(error.description.hasPrefix("test.yaml" + (c.line.map { ":\($0)" } ?? "")))
        }
    }

    @Test("a file that cannot be read is named")
    func unreadable() {
        do {
            _ = try Scenario(contentsOf: "/nonexistent/x.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/x.yaml: cannot read the scenario"))
        }
    }
}
