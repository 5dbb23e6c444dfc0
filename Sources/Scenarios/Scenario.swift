import Foundation
import Trials
import TumorImmune
import Yams

/// A custom scenario read from a YAML file (format: `docs/SCENARIOS.md`): a tumour type, arms
/// whose drugs have doses and schedules the label regimens cannot express, and optionally one
/// patient's parameters (for `simulate`) and the trial's population settings (for `trial`).
///
/// Everything is checked when the file is read — names, keys, ranges, schedules — so a mistake is
/// reported with its file, line and column before any simulation starts. Regimens are resolved for
/// the tumour type (label schedules of drugs the file leaves unchanged depend on it).
public struct Scenario: Sendable {
    /// One arm: its regimen (named as the output will echo it) and where it is written.
    public struct Arm: Sendable {
        /// The drugs with their schedules; `regimen.name` is the arm's name.
        public var regimen: Regimen
        /// Where the arm starts in the file.
        public var location: ScenarioLocation
        /// Where each drug of ``regimen`` is written, in the order of `regimen.slots`.
        public var drugLocations: [ScenarioLocation]
    }

    /// Population settings of `blockade trial` (the `trial:` part); nil values: the command's defaults.
    public struct TrialSettings: Sendable {
        /// Selected patients, 1–10,000,000.
        public var patients: Int?
        /// Population seed.
        public var seed: UInt64?
        /// Biomarker selection (checked by ``Selection``).
        public var selection: String?
        /// Line of therapy.
        public var line: TherapyLine?
    }

    /// The file as named by the user (used in messages).
    public var file: String
    /// The file's text, kept for provenance (the run history records it).
    public var text: String
    /// The tumour type (the file's, or the command line's override).
    public var tumor: TumorType
    /// Days simulated from the first dose (nil: the command's default).
    public var days: Double?
    /// Where `days` is written (for a command that accepts a narrower range).
    public var daysLocation: ScenarioLocation?
    /// Body weight converting mg/kg doses, kg.
    public var bodyWeightKg: Double
    /// Body-surface area converting mg/m² doses, m².
    public var bodySurfaceM2: Double
    /// The arms, in the file's order (the first is a trial's control).
    public var arms: [Arm]
    /// The patient of `simulate` with the file's values set and checked (nil: no `patient:` part).
    public var patient: Patient?
    /// Where `patient:` is written.
    public var patientLocation: ScenarioLocation?
    /// The `trial:` part (all nil when absent).
    public var trial: TrialSettings

    /// The scenario format this reader accepts (`version:` in the file).
    public static let formatVersion = 1

    /// Default body weight, kg: the reference patient at which the drug catalogue converts every
    /// weight-based label dose (``Drug/referenceBodyWeightKg``), so a scenario and a label regimen
    /// give the same mg.
    public static let defaultBodyWeightKg = Drug.referenceBodyWeightKg
    /// Default body-surface area, m²: the catalogue's reference patient (``Drug/referenceBodySurfaceM2``).
    public static let defaultBodySurfaceM2 = Drug.referenceBodySurfaceM2

    static let bodyWeightRange = ValueRange.from(30, to: 250, "kg")
    static let bodySurfaceRange = ValueRange.from(1, to: 3, "m²")
    /// `days:` as any command accepts it (a trial needs at least 56 days, see ``checkDays(_:command:)``).
    public static let daysRange = 1.0...3650.0
    static let patientsRange = 1...10_000_000

    /// Reads and checks the scenario at `path`.
    /// - Parameters:
    ///   - path: the YAML file.
    ///   - tumor: a tumour type that replaces the file's `tumor:` (a command-line `--tumor`).
    /// - Throws: ``ScenarioError`` naming the file, line and column of the first problem.
    public init(contentsOf path: String, tumor: String? = nil) throws(ScenarioError) {
        let location = ScenarioLocation(file: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw location.error("cannot read the scenario (no such file, a directory, or no read permission)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw location.error("the scenario is not UTF-8 text") }
        try self.init(yaml: text, file: path, tumor: tumor)
    }

    /// Reads and checks a scenario from its text.
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - file: the name used in messages.
    ///   - tumor: a tumour type that replaces the file's `tumor:`.
    public init(yaml: String, file: String, tumor override: String? = nil) throws(ScenarioError) {
        self.file = file
        text = yaml
        let root = try Self.compose(yaml, file: file)
        let top = try root.mapping(ScenarioKeys.scenario)
        if let version = top["version"] {
            let v = try version.integer(1...1000)
            guard v == Self.formatVersion else {
                throw version.error("version \(v): this Blockade reads scenario format \(Self.formatVersion); write 'version: \(Self.formatVersion)'")
            }
        }
        if let description = top["description"] { _ = try description.string(expected: "a line of text") }
        tumor = try Self.tumor(top["tumor"], override: override, file: file)
        if let days = top["days"] {
            self.days = try days.number(.from(Self.daysRange.lowerBound, to: Self.daysRange.upperBound, "days"))
            daysLocation = days.location
        }
        bodyWeightKg = try top["body_weight_kg"]?.number(Self.bodyWeightRange) ?? Self.defaultBodyWeightKg
        bodySurfaceM2 = try top["body_surface_m2"]?.number(Self.bodySurfaceRange) ?? Self.defaultBodySurfaceM2
        if let part = top["patient"] {
            patient = try Self.patient(part, tumor: tumor)
            patientLocation = top.location(of: "patient")
        }
        trial = try top["trial"].map { part throws(ScenarioError) in try Self.trialSettings(part) } ?? TrialSettings()
        let armList = try top.required("arms", "a list of arms, each with 'regimen:' or 'drugs:'").list(expected: "arms")
        guard !armList.isEmpty else { throw top.location(of: "arms").error("arms: give at least one arm") }
        var arms: [Arm] = []
        let body = BodySize(weightKg: bodyWeightKg, surfaceM2: bodySurfaceM2)
        for value in armList {
            let arm = try Self.arm(value, tumor: tumor.id, body: body)
            if let same = arms.first(where: { $0.regimen.name == arm.regimen.name }) {
                throw arm.location.error("two arms are named '\(arm.regimen.name)' (the other at line \(same.location.line ?? 0)); give each arm its own 'name:'")
            }
            arms.append(arm)
        }
        self.arms = arms
    }

    /// The arm named `name`, or number `name` (from 1) when no arm has that name.
    /// - Throws: ``BlockadeError/invalidArgument(_:)`` listing the arms (a command-line choice, not
    ///   a problem of the file).
    public func arm(named name: String) throws(BlockadeError) -> Arm {
        if let arm = arms.first(where: { $0.regimen.name == name }) { return arm }
        if let k = Int(name), (1...arms.count).contains(k) { return arms[k - 1] }
        throw .invalidArgument("--arm '\(name)': \(file) has no such arm; its arms: \(armList) (or their number, 1–\(arms.count))")
    }

    /// Checks the file's `days:` (if any) against a command's range.
    /// - Parameters:
    ///   - minimum: the command's shortest horizon, days (a trial needs 56: one scan after baseline).
    ///   - command: the command, for the message (`trial`).
    public func checkFileDays(minimum: Double, command: String) throws(ScenarioError) {
        guard let days, let daysLocation, days < minimum else { return }
        throw daysLocation.error("days \(YAMLNumber.text(days)): \(command) needs \(YAMLNumber.text(minimum))–\(YAMLNumber.text(Self.daysRange.upperBound)) days")
    }

    /// Checks that every drug of every arm is given at least once within `days`.
    /// - Parameters:
    ///   - days: the days simulated (the file's, or the command line's).
    ///   - arms: the arms to check (nil: all).
    public func checkDoses(within days: Double, arms chosen: [Arm]? = nil) throws(ScenarioError) {
        for arm in chosen ?? arms {
            for (slot, location) in zip(arm.regimen.slots, arm.drugLocations) where slot.schedule.administrations(horizon: days).isEmpty {
                let first = slot.schedule.phases.first?.delayDays ?? 0
                throw location.error("\(slot.drug.id) in arm '\(arm.regimen.name)' is never given: its first dose (day \(YAMLNumber.text(first))) is not within the \(YAMLNumber.text(days)) days simulated; give an earlier start_day or more days")
            }
        }
    }

    /// The arms' names, quoted, for messages.
    public var armList: String { arms.map { "'\($0.regimen.name)'" }.joined(separator: ", ") }

    // MARK: Parts of the file

    /// The document's root, or the YAML syntax error with its place.
    static func compose(_ yaml: String, file: String) throws(ScenarioError) -> YAMLValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ScenarioLocation(file: file).error("not readable as YAML: \(error)")
        }
        guard let node else { throw ScenarioLocation(file: file).error("the scenario is empty; it needs at least 'tumor:' and 'arms:' (see docs/SCENARIOS.md)") }
        return YAMLValue(node: node, file: file, name: "the scenario")
    }

    static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return ScenarioError("YAML syntax: \(problem)\(where_)", at: ScenarioLocation(file: file, line: mark.line, column: mark.column))
        case let .reader(problem, _, _, _):
            return ScenarioError("YAML syntax: \(problem)", at: ScenarioLocation(file: file))
        default:
            return ScenarioError("not readable as YAML: \(error)", at: ScenarioLocation(file: file))
        }
    }

    static func tumor(_ value: YAMLValue?, override: String?, file: String) throws(ScenarioError) -> TumorType {
        let valid = TumorType.catalogue.map(\.id).joined(separator: ", ")
        if let override {
            do { return try TumorType.named(override) } catch { throw ScenarioLocation(file: file).error("--tumor: \(error.description)") }
        }
        guard let value else { throw ScenarioLocation(file: file).error("no tumour type: add 'tumor: T' (one of \(valid)) or give --tumor") }
        let id = try value.string(expected: "a tumour type (\(valid))")
        do { return try TumorType.named(id) } catch { throw value.error("tumor: \(error.description)") }
    }

    /// The tumour type's typical patient with the file's values, each checked as it is set.
    static func patient(_ value: YAMLValue, tumor: TumorType) throws(ScenarioError) -> Patient {
        let m = try value.mapping(ScenarioKeys.patient)
        var patient = Patient(typical: tumor)
        let fields: [(String, WritableKeyPath<Patient, Double>, ValueRange)] = [
            ("diameter_mm", \.baselineDiameterMM, .from(10, to: 250, "mm")),
            ("doubling_time_days", \.doublingTimeDays, .positive(upTo: 3650, "days")),
            ("tmb", \.tmb, .from(0, to: 10_000, "mutations/Mb")),
            ("pdl1", \.pdl1, .from(0, to: 1000, "× a typical PD-L1-positive tumour")),
        ]
        for (key, path, range) in fields {
            guard let v = m[key] else { continue }
            patient[keyPath: path] = try v.number(range)
            do { try patient.validate() } catch { throw v.error("\(key): \(error.description)") }
        }
        if let mechanisms = m["mechanisms"] {
            guard let mapping = mechanisms.node.mapping else {
                throw mechanisms.error("mechanisms: expected lines of 'name: level' (level from 0 to 1), e.g. stromal-barrier: 0.8")
            }
            var seen: Set<Mechanism> = []
            for (keyNode, levelNode) in mapping {
                let key = YAMLValue(node: keyNode, file: value.file, name: "mechanism")
                let name = try key.string(expected: "a mechanism name")
                let mechanism: Mechanism
                do { mechanism = try Mechanism.parse(name) } catch { throw key.error(error.description) }
                guard seen.insert(mechanism).inserted else { throw key.error("mechanism '\(name)' is given twice") }
                let level = YAMLValue(node: levelNode, file: value.file, name: mechanism.rawValue)
                patient.mechanisms[mechanism] = try level.number(.from(0, to: 1, "(0 absent, 1 fully active)"))
            }
        }
        return patient
    }

    static func trialSettings(_ value: YAMLValue) throws(ScenarioError) -> TrialSettings {
        let m = try value.mapping(ScenarioKeys.trial)
        var settings = TrialSettings()
        settings.patients = try m["patients"]?.integer(patientsRange)
        if let seed = m["seed"] {
            let text = try seed.string(expected: "a seed from 0 to \(UInt64.max)")
            guard let s = UInt64(text.replacingOccurrences(of: "_", with: "")) else {
                throw seed.error("seed: '\(text)' is not a whole number from 0 to \(UInt64.max)")
            }
            settings.seed = s
        }
        if let selection = m["selection"] {
            let text = try selection.string(expected: "a selection such as 'pdl1_tps>=50'")
            do { _ = try Selection(parsing: text) } catch { throw selection.error(error.description) }
            settings.selection = text
        }
        if let line = m["line"] {
            let text = try line.string(expected: "first or pretreated")
            guard let l = TherapyLine(rawValue: text) else {
                throw line.error("line: '\(text)' is not a line of therapy; expected \(TherapyLine.allCases.map(\.rawValue).joined(separator: " or "))")
            }
            settings.line = l
        }
        return settings
    }

    /// An arm: a label regimen (`regimen:`) or drugs with their own doses and schedules (`drugs:`).
    static func arm(_ value: YAMLValue, tumor: String, body: BodySize) throws(ScenarioError) -> Arm {
        let m = try value.mapping(ScenarioKeys.arm)
        let name = try m["name"].map { v throws(ScenarioError) in try v.string(expected: "the arm's name, echoed in the output") }
        if let description = m["description"] { _ = try description.string(expected: "a line of text") }
        switch (m["regimen"], m["drugs"]) {
        case let (regimen?, nil):
            let text = try regimen.string(expected: "drugs joined by '+' at label dose (see `blockade list regimens`)")
            var parsed: Regimen
            do { parsed = try Regimen(parsing: text, tumor: tumor) } catch { throw regimen.error("regimen: \(error.description)") }
            parsed.name = name ?? text
            return Arm(regimen: parsed, location: value.location, drugLocations: parsed.slots.map { _ in regimen.location })
        case let (nil, drugs?):
            var entries: [DrugEntry] = []
            for item in try drugs.list(expected: "drug entries ('- drug: nivolumab')") {
                let entry = try DrugEntry(item)
                if let same = entries.first(where: { $0.drug.id == entry.drug.id }) {
                    throw entry.location.error("\(entry.drug.id) is listed twice in this arm (also at line \(same.location.line ?? 0)); one entry per drug, with 'phases:' for a schedule that changes")
                }
                entries.append(entry)
            }
            return try drugArm(entries, name: name, tumor: tumor, body: body, location: value.location)
        case (.some, .some):
            throw m.location(of: "drugs").error("an arm has 'regimen:' (label doses) or 'drugs:' (your own), not both")
        case (nil, nil):
            throw value.error("\(value.name) needs 'regimen:' (e.g. nivolumab+ipilimumab at label doses) or 'drugs:' (a list of '- drug:' entries)")
        }
    }

    /// An arm of drug entries: the label schedules come from the regimen of the same drugs (so
    /// partner- and tumour-dependent labels apply), then each entry's keys change its drug's schedule.
    static func drugArm(_ entries: [DrugEntry], name: String?, tumor: String, body: BodySize, location: ScenarioLocation) throws(ScenarioError) -> Arm {
        // Regimen items in the order written, co-delivered drugs in one item at the first's place.
        var items: [[DrugEntry]] = []
        for entry in entries {
            if let group = entry.coDelivery, let k = items.firstIndex(where: { $0[0].coDelivery == group }) {
                let first = items[k][0]
                guard first.slot.carrier == entry.slot.carrier, first.slot.ligandTargeted == entry.slot.ligandTargeted else {
                    throw entry.mapping.location(of: "co_delivery").error(
                        "co_delivery '\(group)': \(entry.slot.label) is not in the same carrier as \(first.slot.label); co-delivered drugs share one carrier")
                }
                items[k].append(entry)
            } else {
                items.append([entry])
            }
        }
        if let lone = items.first(where: { $0.count == 1 && $0[0].coDelivery != nil })?[0] {
            throw lone.mapping.location(of: "co_delivery").error(
                "co_delivery '\(lone.coDelivery ?? "")' has only \(lone.drug.id); give the same name to each drug loaded into the carrier, or remove it")
        }
        let text = items.map { item in
            let suffix = item[0].slot.label.dropFirst(item[0].drug.id.count)
            return item.map(\.drug.id).joined(separator: "&") + suffix
        }.joined(separator: "+")
        var regimen: Regimen
        if items.isEmpty {
            regimen = try labelRegimen("placebo", tumor: tumor, location: location)
        } else {
            regimen = try labelRegimen(text, tumor: tumor, location: location)
        }
        let ordered = items.flatMap { $0 }
        for (k, entry) in ordered.enumerated() {
            regimen.slots[k].schedule = try entry.schedule(label: regimen.slots[k].schedule, body: body)
        }
        regimen.name = name ?? (items.isEmpty ? "placebo" : text)
        return Arm(regimen: regimen, location: location, drugLocations: ordered.map(\.location))
    }

    static func labelRegimen(_ text: String, tumor: String, location: ScenarioLocation) throws(ScenarioError) -> Regimen {
        do { return try Regimen(parsing: text, tumor: tumor) } catch { throw location.error(error.description) }
    }
}
