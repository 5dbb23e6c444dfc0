import TumorImmune

/// Writes regimens as a scenario file with every drug's schedule spelled out (doses in the model's
/// units), so that running the file gives exactly what the regimens give and a user can start from
/// the label to ask their own question.
public enum ScenarioWriter {
    /// The scenario text.
    /// - Parameters:
    ///   - tumor: the tumour type the regimens were resolved for.
    ///   - regimens: the arms; each arm is named as its regimen (the output echoes the name).
    ///   - command: the command line that wrote it, quoted in the header comment.
    public static func yaml(tumor: TumorType, regimens: [Regimen], command: String) -> String {
        var out = """
        # Blockade scenario (format: docs/SCENARIOS.md), written by
        #   \(oneLine(command))
        # Run it with `blockade simulate --scenario FILE` or `blockade trial --scenario FILE`: as written it
        # gives the same result as the label regimens. Change doses and schedules to ask your own question.
        # Doses are in the model's units: mg (weight-based label doses at \(YAMLNumber.text(Scenario.defaultBodyWeightKg)) kg), Gy per fraction, PFU, cells.
        version: \(Scenario.formatVersion)
        tumor: \(tumor.id)
        # body_weight_kg: \(YAMLNumber.text(Scenario.defaultBodyWeightKg))     # converts dose_mg_per_kg (default: the catalogue's reference patient)
        # body_surface_m2: \(YAMLNumber.text(Scenario.defaultBodySurfaceM2))   # converts dose_mg_per_m2
        arms:

        """
        for regimen in regimens {
            out += "  - name: \(quoted(regimen.name))\n"
            guard !regimen.slots.isEmpty else {
                out += "    drugs: []   # no therapy\n"
                continue
            }
            out += "    drugs:\n"
            for slot in regimen.slots { out += drugEntry(slot) }
        }
        return out
    }

    /// One `- drug:` entry, indented for an arm's `drugs:` list.
    static func drugEntry(_ slot: DrugSlot) -> String {
        let s = slot.schedule
        let unit = DoseUnit.modelUnit(for: slot.drug.drugClass).key
        var out = "      - drug: \(quoted(slot.label))\n"
        let pad = "        "
        if let group = slot.coDeliveryGroup { out += pad + "co_delivery: \(quoted("group-\(group)"))\n" }
        out += pad + "# \(oneLine(s.source))\n"
        let firstDay = s.phases.first?.delayDays ?? 0
        if let days = listedDays(s, drug: slot.drug), let dose = s.phases.first?.doseMg {
            out += pad + "\(unit): \(YAMLNumber.text(dose))\n"
            out += pad + "days: [\(days.map(YAMLNumber.text).joined(separator: ", "))]\n"
        } else if s.phases.count == 1, let p = s.phases.first {
            out += pad + "\(unit): \(YAMLNumber.text(p.doseMg))\n"
            out += pad + "every_days: \(YAMLNumber.text(p.intervalDays))\n"
            out += pad + "doses: \(p.count.map(String.init) ?? "unlimited")\n"
            if firstDay > 0 { out += pad + "start_day: \(YAMLNumber.text(firstDay))\n" }
        } else {
            if firstDay > 0 { out += pad + "start_day: \(YAMLNumber.text(firstDay))\n" }
            out += pad + "phases:\n"
            for (k, p) in s.phases.enumerated() {
                if k > 0, p.delayDays > 0 { out += pad + "  - {break_days: \(YAMLNumber.text(p.delayDays))}\n" }
                out += pad + "  - {\(unit): \(YAMLNumber.text(p.doseMg)), every_days: \(YAMLNumber.text(p.intervalDays)), doses: \(p.count.map(String.init) ?? "unlimited")}\n"
            }
        }
        out += pad + "treatment_days: \(YAMLNumber.text(s.maxDays - firstDay))\n"
        return out
    }

    /// The administration days of a schedule of single, equal doses (a radiotherapy course, a
    /// single infusion), when they are whole days and the drug is not taken by mouth; nil otherwise.
    static func listedDays(_ s: DoseSchedule, drug: Drug) -> [Double]? {
        guard drug.route != .oral, let first = s.phases.first,
              s.phases.allSatisfy({ $0.count == 1 && $0.doseMg == first.doseMg }) else { return nil }
        let days = s.administrations(horizon: .infinity).map(\.day)
        guard days.count == s.phases.count, days.allSatisfy({ $0 == $0.rounded() }) else { return nil }
        return days
    }

    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
