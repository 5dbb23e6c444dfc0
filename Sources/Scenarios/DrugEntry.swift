import TumorImmune

/// How a scenario converts weight- and surface-based doses to mg.
struct BodySize {
    /// Body weight, kg.
    var weightKg: Double
    /// Body-surface area, m².
    var surfaceM2: Double
}

/// One entry of an arm's `drugs:` list: the therapy (with its carrier) and the schedule keys as
/// written. The schedule is resolved against the label schedule once the arm's partner drugs and
/// the tumour type are known (``schedule(label:body:)``).
struct DrugEntry {
    let mapping: YAMLMapping
    /// The therapy as a one-item regimen gives it: drug, carrier, ligand targeting, label schedule.
    let slot: DrugSlot
    /// Co-delivery group name (drugs sharing it are loaded into one carrier).
    let coDelivery: String?

    /// Where the entry starts (its `drug:` key).
    var location: ScenarioLocation { mapping.location(of: "drug") }
    var drug: Drug { slot.drug }

    /// Ranges of the schedule keys.
    static let intervalRange = ValueRange.from(1, to: 3650, "days")
    static let dayRange = ValueRange.from(0, to: 3650, "(day 0 is the first day of treatment)")
    static let spanRange = ValueRange.positive(upTo: 3650, "days")
    static let doseCountRange = 1...1000

    init(_ value: YAMLValue) throws(ScenarioError) {
        mapping = try value.mapping(ScenarioKeys.drug)
        let drugValue = try mapping.required("drug", "a drug id from `blockade list drugs`, optionally in a carrier (doxorubicin@liposome)")
        let text = try drugValue.string(expected: "a drug id (see `blockade list drugs`)")
        guard !text.contains("+") else {
            throw drugValue.error("drug '\(text)': one drug per entry; list each drug of the arm as its own '- drug:' entry")
        }
        guard !text.contains("&") else {
            throw drugValue.error("drug '\(text)': for co-delivery write each drug as its own entry with the same carrier and the same 'co_delivery' name")
        }
        let parsed: Regimen
        do { parsed = try Regimen(parsing: text) } catch { throw drugValue.error(error.description) }
        guard let slot = parsed.slots.first else {
            throw drugValue.error("'\(text)' gives no drug; an untreated arm is written 'drugs: []'")
        }
        self.slot = slot
        if let group = mapping["co_delivery"] {
            let name = try group.string(expected: "a name shared by the co-delivered drugs")
            guard slot.carrier != nil else {
                throw group.error("co_delivery '\(name)': \(slot.drug.id) has no carrier; co-delivered drugs share one carrier (e.g. drug: \(slot.drug.id)@liposome)")
            }
            coDelivery = name
        } else {
            coDelivery = nil
        }
    }

    // MARK: Schedule

    /// The dose written in this entry's mapping (or a phase's), in the model's unit, if any.
    static func dose(in mapping: YAMLMapping, drug: Drug, carrier: Carrier?, body: BodySize) throws(ScenarioError) -> Double? {
        let written = ScenarioKeys.doseKeys.filter { mapping[$0] != nil }
        guard let key = written.first, let value = mapping[key], let unit = DoseUnit.allCases.first(where: { $0.key == key }) else { return nil }
        guard written.count == 1 else {
            throw mapping.value.error("\(mapping.value.name): give one dose, not \(written.joined(separator: " and "))")
        }
        let allowed = DoseUnit.units(for: drug.drugClass)
        guard allowed.contains(unit) else {
            let kind = drug.drugClass.rawValue == drug.id ? "" : " (\(drug.drugClass.rawValue))"
            throw value.error("\(key): \(drug.id)\(kind) is dosed in \(allowed.map(\.symbol).joined(separator: ", ")); write \(allowed.map(\.key).joined(separator: " or "))")
        }
        let dose = unit.modelDose(try value.number(unit.range), bodyWeightKg: body.weightKg, bodySurfaceM2: body.surfaceM2)
        if let carrier, let cap = carrier.maxPayloadMg, dose > cap {
            throw value.error("\(key): \(YAMLNumber.text(dose)) mg is more than a \(carrier.id) carrier holds (at most \(YAMLNumber.text(cap)) mg per administration)")
        }
        return dose
    }

    /// `doses: N` or `doses: unlimited` (nil count: until the end of treatment).
    static func count(_ value: YAMLValue) throws(ScenarioError) -> Int? {
        if (try? value.string(expected: "")) == "unlimited" { return nil }
        do {
            return try value.integer(doseCountRange)
        } catch {
            throw value.error(error.message + ", or 'unlimited' (until the end of treatment)")
        }
    }

    /// The schedule this entry gives, from the label schedule of the drug in its arm and tumour.
    ///
    /// No schedule key: the label. A dose key alone: the label with that dose at every
    /// administration (labels whose phases differ in dose need `phases:`). `every_days`/`doses`:
    /// the label's single phase with those values (or, with a dose too, that phase outright).
    /// `days:` or `phases:` replace the label. `start_day` delays the first dose; `treatment_days`
    /// counts from the first dose.
    func schedule(label: DoseSchedule, body: BodySize) throws(ScenarioError) -> DoseSchedule {
        let m = mapping
        guard m.keys.contains(where: { ScenarioKeys.scheduleKeys.contains($0) }) else { return label }
        try checkExclusive()
        var (phases, listed) = try basePhases(label: label, dose: try Self.dose(in: m, drug: drug, carrier: slot.carrier, body: body), body: body)
        if let start = m["start_day"] { phases[0].delayDays += try start.number(Self.dayRange) }
        let maxDays = try treatmentEnd(phases, listed: listed, label: label)
        return DoseSchedule(phases, maxDays: maxDays, source: "\(Self.describe(DoseSchedule(phases, source: ""), drug: drug)) (scenario \(m.value.file))")
    }

    /// The phases the dose and schedule keys give (before `start_day`), and the `days:` list if
    /// that is how they were given.
    private func basePhases(label: DoseSchedule, dose: Double?, body: BodySize) throws(ScenarioError) -> ([DosePhase], [Double]?) {
        let m = mapping
        if let list = m["phases"] {
            return (try Self.phases(list, drug: drug, carrier: slot.carrier, body: body), nil)
        }
        if let days = m["days"] {
            guard drug.route != .oral else {
                throw days.error("days: \(drug.id) is modelled as a continuous daily input (oral route); write every_days, doses, and phases with break_days instead")
            }
            let list = try Self.days(days)
            let amount: Double
            if let dose { amount = dose } else { amount = try uniformDose(of: label, replacing: "days") }
            var phases = zip(list, list.dropFirst().map(Optional.some) + [nil]).map { day, next in
                DosePhase(doseMg: amount, everyDays: next.map { $0 - day } ?? 1, count: 1)
            }
            phases[0].delayDays = list[0]
            return (phases, list)
        }
        if m["every_days"] != nil || m["doses"] != nil {
            // With a dose, every_days and doses nothing comes from the label; otherwise it must
            // have one phase to take the missing values from.
            let complete = dose != nil && m["every_days"] != nil && m["doses"] != nil
            guard complete || label.phases.count == 1, var phase = complete ? DosePhase(doseMg: 0, everyDays: 1) : label.phases.first else {
                throw (m["every_days"] ?? m["doses"] ?? m.value).error(
                    "\(drug.id)'s label schedule here has \(label.phases.count) phases (\(Self.describe(label, drug: drug))); give a dose, every_days and doses, or write 'phases:' (see docs/SCENARIOS.md)")
            }
            if let dose { phase.doseMg = dose }
            if let every = m["every_days"] { phase.intervalDays = try every.number(Self.intervalRange) }
            if let n = m["doses"] { phase.count = try Self.count(n) }
            return ([phase], nil)
        }
        if let dose {
            _ = try uniformDose(of: label, replacing: ScenarioKeys.doseKeys.first { m[$0] != nil } ?? "dose")
            return (label.phases.map { var p = $0; p.doseMg = dose; return p }, nil)
        }
        return (label.phases, nil)
    }

    /// The last day of treatment (`maxDays`, from day 0): `treatment_days` after the first dose, or
    /// the label's duration after it — lengthened to cover listed days, and refused when it would
    /// cut short a course the file counts out.
    private func treatmentEnd(_ phases: [DosePhase], listed: [Double]?, label: DoseSchedule) throws(ScenarioError) -> Double {
        let firstDay = phases[0].delayDays
        if let span = mapping["treatment_days"] {
            let end = firstDay + (try span.number(Self.spanRange))
            if let last = listed?.last, last >= end {
                throw span.error("treatment_days: the listed day \(YAMLNumber.text(last)) falls after the end of treatment (day \(YAMLNumber.text(end))); raise treatment_days or leave it out")
            }
            return end
        }
        let end = label.maxDays + firstDay
        if let last = listed?.last { return max(end, last + 1) }
        guard phases.allSatisfy({ $0.count != nil }),
              let last = DoseSchedule(phases, maxDays: .infinity, source: "").administrations(horizon: .infinity).last, last.day >= end else { return end }
        throw (mapping["doses"] ?? mapping["phases"] ?? mapping["every_days"] ?? mapping.value).error(
            "the last dose would fall on day \(YAMLNumber.text(last.day)), after the end of treatment on day \(YAMLNumber.text(end)) (\(drug.id)'s label duration, \(YAMLNumber.text(label.maxDays)) days from the first dose); give fewer doses, or treatment_days")
    }

    /// Refuses keys that contradict each other.
    private func checkExclusive() throws(ScenarioError) {
        let m = mapping
        let single = ["every_days", "doses"] + ScenarioKeys.doseKeys
        if m["phases"] != nil, let clash = (single + ["days"]).first(where: { m[$0] != nil }) {
            throw m.location(of: clash).error("'\(clash)' with 'phases': each phase gives its own dose, every_days and doses")
        }
        if m["days"] != nil, let clash = ["every_days", "doses", "start_day"].first(where: { m[$0] != nil }) {
            throw m.location(of: clash).error("'\(clash)' with 'days': the listed days are the administration days (day 0 is the first day of treatment)")
        }
    }

    /// The one dose every phase of `label` gives (a dose key or `days:` keeps it), or an error
    /// saying the label's doses differ.
    private func uniformDose(of label: DoseSchedule, replacing key: String) throws(ScenarioError) -> Double {
        guard let first = label.phases.first, label.phases.allSatisfy({ $0.doseMg == first.doseMg }) else {
            throw (mapping[key] ?? mapping.value).error(
                "\(drug.id)'s label schedule here changes dose between phases (\(Self.describe(label, drug: drug))); write 'phases:' with a dose for each")
        }
        return first.doseMg
    }

    /// Administration days of `days: [...]`: whole days, increasing, from day 0.
    static func days(_ value: YAMLValue) throws(ScenarioError) -> [Double] {
        let items = try value.list(expected: "administration days")
        guard !items.isEmpty, items.count <= doseCountRange.upperBound else {
            throw value.error("days: expected 1 to \(doseCountRange.upperBound) administration days, e.g. [0, 1, 2]")
        }
        var list: [Double] = []
        for item in items {
            let day = Double(try item.integer(0...Int(dayRange.upper), unit: "(day 0 is the first day of treatment)"))
            if let last = list.last, day <= last {
                throw item.error("days: \(YAMLNumber.text(day)) does not come after \(YAMLNumber.text(last)); list the days in increasing order, each once")
            }
            list.append(day)
        }
        return list
    }

    /// The phases of `phases: [...]`: dose phases, with `break_days` items adding a treatment break
    /// before the next phase.
    static func phases(_ value: YAMLValue, drug: Drug, carrier: Carrier?, body: BodySize) throws(ScenarioError) -> [DosePhase] {
        let items = try value.list(expected: "phases (each with a dose, every_days and doses, or a break_days)")
        var phases: [DosePhase] = []
        var pendingBreak = 0.0, breakItem: YAMLValue?
        for (k, item) in items.enumerated() {
            let m = try item.mapping(ScenarioKeys.phase)
            if let pause = m["break_days"] {
                if let other = m.keys.first(where: { $0 != "break_days" }) {
                    throw m.location(of: other).error("'\(other)' with 'break_days': a break is its own item of the list ('- break_days: 28'), between two phases")
                }
                pendingBreak += try pause.number(spanRange)
                breakItem = item
                continue
            }
            guard let dose = try Self.dose(in: m, drug: drug, carrier: carrier, body: body) else {
                throw item.error("\(item.name): a phase needs a dose (\(DoseUnit.units(for: drug.drugClass).map(\.key).joined(separator: " or ")))")
            }
            let every = try m.required("every_days", "days between doses, \(intervalRange.description)").number(intervalRange)
            let isLast = !items[(k + 1)...].contains { $0.node.mapping?["break_days"] == nil }
            var count: Int?
            if let n = m["doses"] { count = try Self.count(n) }
            if count == nil, !isLast {
                throw (m["doses"] ?? item).error("\(item.name): only the last phase may run until the end of treatment; give 'doses: N'")
            }
            phases.append(DosePhase(doseMg: dose, everyDays: every, count: count, delayDays: pendingBreak))
            pendingBreak = 0
            breakItem = nil
        }
        if let breakItem { throw breakItem.error("\(breakItem.name): a break must come before a phase; remove it or add the phase that follows") }
        guard !phases.isEmpty else { throw value.error("phases: expected at least one phase with a dose, every_days and doses") }
        return phases
    }

    /// A schedule in words: `80 mg every 21 days × 4, then 240 mg every 14 days`.
    static func describe(_ schedule: DoseSchedule, drug: Drug) -> String {
        let unit = DoseUnit.modelUnit(for: drug.drugClass).symbol
        return schedule.phases.map { p in
            "\(YAMLNumber.text(p.doseMg)) \(unit) every \(YAMLNumber.text(p.intervalDays)) days" + (p.count.map { " × \($0)" } ?? "")
        }.joined(separator: ", then ")
    }
}

extension ScenarioLocation {
    func error(_ message: String) -> ScenarioError { ScenarioError(message, at: self) }
}
