import Foundation

/// A treatment regimen: therapies joined by `+`, each at its label dose and schedule for the
/// tumour type.
///
/// Grammar: `item ('+' item)*`, where `item` is `drug`, `drug@carrier`, `drug@carrier:targeted`,
/// or a co-delivery `drugA&drugB@carrier` (both payloads in one carrier). `placebo` and
/// `best-supportive-care` give nothing.
public struct Regimen: Sendable, Equatable {
    /// The regimen as the user wrote it (echoed in output).
    public var name: String
    public var slots: [DrugSlot]

    /// Control arms that give no drug.
    public static let controls: Set<String> = ["placebo", "best-supportive-care"]

    /// Parses a regimen for a tumour type (labels differ by tumour for some combinations).
    /// - Throws: ``BlockadeError`` naming the unknown drug or carrier (listing valid ones), a drug
    ///   that cannot be carried, a repeated drug, or an empty component.
    public init(parsing text: String, tumor: String = "") throws(BlockadeError) {
        name = text
        let parts = text.lowercased().split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: \.isEmpty) else {
            throw .invalidArgument("regimen '\(text)' has an empty component: write therapies joined by '+', e.g. nivolumab+ipilimumab")
        }
        var slots: [DrugSlot] = []
        var group = 0
        for part in parts where !Self.controls.contains(part) {
            let pieces = part.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2 else { throw .invalidArgument("regimen '\(text)': '\(part)' has more than one '@'") }
            var carrier: Carrier?
            var targeted = false
            if pieces.count == 2 {
                guard !pieces[1].isEmpty else {
                    throw .invalidArgument("regimen '\(text)': '\(part)' has no carrier after '@'; valid carriers: \(Carrier.catalogue.map(\.id).joined(separator: ", "))")
                }
                var carrierName = pieces[1]
                if carrierName.hasSuffix(":targeted") { targeted = true; carrierName.removeLast(":targeted".count) }
                carrier = try Carrier.named(carrierName)
            }
            let drugNames = pieces[0].split(separator: "&", omittingEmptySubsequences: false).map(String.init)
            guard !drugNames.contains(where: \.isEmpty) else { throw .invalidArgument("regimen '\(text)': empty drug name in '\(part)'") }
            guard drugNames.count == 1 || carrier != nil else {
                throw .invalidArgument("regimen '\(text)': co-delivery '\(pieces[0])' needs a carrier, e.g. \(pieces[0])@liposome")
            }
            group += drugNames.count > 1 ? 1 : 0
            for drugName in drugNames {
                let drug = try Drug.named(drugName)
                if let carrier, !drug.carriable {
                    throw .invalidArgument("regimen '\(text)': \(drug.id) (\(drug.drugClass.rawValue)) cannot be loaded into a \(carrier.id) carrier; carriable drugs: \(Drug.catalogue.filter(\.carriable).map(\.id).joined(separator: ", "))")
                }
                guard !slots.contains(where: { $0.drug.id == drug.id }) else { throw .invalidArgument("regimen '\(text)' lists \(drug.id) twice") }
                var slot = DrugSlot(drug: drug, carrier: carrier, ligandTargeted: targeted, coDeliveryGroup: drugNames.count > 1 ? group : nil)
                if let cap = carrier?.maxPayloadMg {
                    slot.schedule.phases = slot.schedule.phases.map { phase in
                        var phase = phase
                        phase.doseMg = min(phase.doseMg, cap)
                        return phase
                    }
                }
                slots.append(slot)
            }
        }
        let ids = Set(slots.map(\.drug.id))
        for k in slots.indices {
            if let label = LabelSchedules.schedule(for: slots[k].drug.id, with: ids, tumor: tumor) {
                slots[k].schedule = label
            }
        }
        self.slots = slots
    }
}

/// Label schedules that depend on the partner drugs and the tumour type (drug labels).
///
/// These are doses and schedules, not efficacy: a combination's effect still comes only from each
/// drug's pharmacology.
public enum LabelSchedules {
    struct Entry {
        var drug: String, partners: Set<String>, tumors: Set<String>, schedule: DoseSchedule
    }
    static let kg = Drug.referenceBodyWeightKg

    static let entries: [Entry] = [
        Entry(drug: "nivolumab", partners: ["ipilimumab"], tumors: ["melanoma", "hcc"],
              schedule: DoseSchedule([DosePhase(doseMg: 1 * kg, everyDays: 21, count: 4), DosePhase(doseMg: 240, everyDays: 14)],
                                     source: "Opdivo label: 1 mg/kg + ipilimumab 3 mg/kg q3w × 4, then 240 mg q2w (melanoma, HCC)")),
        Entry(drug: "ipilimumab", partners: ["nivolumab"], tumors: ["melanoma", "hcc"],
              schedule: DoseSchedule(doseMg: 3 * kg, everyDays: 21, count: 4, source: "Yervoy label: 3 mg/kg q3w × 4 with nivolumab 1 mg/kg")),
        Entry(drug: "nivolumab", partners: ["ipilimumab"], tumors: ["rcc", "crc", "msi-h-solid"],
              schedule: DoseSchedule([DosePhase(doseMg: 3 * kg, everyDays: 21, count: 4), DosePhase(doseMg: 240, everyDays: 14)],
                                     source: "Opdivo label: 3 mg/kg + ipilimumab 1 mg/kg q3w × 4, then 240 mg q2w (RCC, MSI-H CRC)")),
        Entry(drug: "ipilimumab", partners: ["nivolumab"], tumors: ["rcc", "crc", "msi-h-solid"],
              schedule: DoseSchedule(doseMg: 1 * kg, everyDays: 21, count: 4, source: "Yervoy label: 1 mg/kg q3w × 4 with nivolumab 3 mg/kg")),
        Entry(drug: "nivolumab", partners: ["ipilimumab"], tumors: ["nsclc", "esophageal"],
              schedule: DoseSchedule(doseMg: 3 * kg, everyDays: 14, source: "Opdivo label: 3 mg/kg q2w with ipilimumab 1 mg/kg q6w (NSCLC)")),
        Entry(drug: "ipilimumab", partners: ["nivolumab"], tumors: ["nsclc", "esophageal"],
              schedule: DoseSchedule(doseMg: 1 * kg, everyDays: 42, source: "Yervoy label: 1 mg/kg q6w with nivolumab (NSCLC)")),
        Entry(drug: "tremelimumab", partners: ["durvalumab"], tumors: ["hcc"],
              schedule: DoseSchedule(doseMg: 300, everyDays: 28, count: 1, source: "Imjudo label (STRIDE): single 300 mg dose with durvalumab 1500 mg q4w")),
        Entry(drug: "nivolumab", partners: ["relatlimab"], tumors: [],
              schedule: DoseSchedule(doseMg: 480, everyDays: 28, source: "Opdualag label: nivolumab 480 mg + relatlimab 160 mg q4w")),
    ]

    /// One line per entry, for `blockade list regimens`.
    public static var described: [String] {
        entries.map { e in
            "\(e.drug) with \(e.partners.sorted().joined(separator: "+"))\(e.tumors.isEmpty ? "" : " in " + e.tumors.sorted().joined(separator: ", ")): \(e.schedule.source)"
        }
    }

    /// The label schedule of `drug` given the regimen's drugs and the tumour, if one applies.
    /// An entry with no tumour listed applies to every tumour.
    public static func schedule(for drug: String, with drugs: Set<String>, tumor: String) -> DoseSchedule? {
        entries.first { $0.drug == drug && $0.partners.isSubset(of: drugs) && ($0.tumors.isEmpty || $0.tumors.contains(tumor)) }?.schedule
    }
}
