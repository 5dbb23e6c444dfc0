/// One therapy as it sits in a network: the drug, its carrier (if any) and its schedule.
public struct DrugSlot: Sendable, Equatable {
    public var drug: Drug
    /// Nanocarrier holding the drug, nil for the free drug.
    public var carrier: Carrier?
    /// Whether the carrier bears a tumour-targeting ligand.
    public var ligandTargeted: Bool
    /// Slots co-delivered in one carrier share this group number (and its anti-carrier immunity).
    public var coDeliveryGroup: Int?
    /// The dose schedule actually given (label for the tumour type and partner drugs).
    public var schedule: DoseSchedule

    public init(drug: Drug, carrier: Carrier? = nil, ligandTargeted: Bool = false, coDeliveryGroup: Int? = nil, schedule: DoseSchedule? = nil) {
        self.drug = drug; self.carrier = carrier; self.ligandTargeted = ligandTargeted
        self.coDeliveryGroup = coDeliveryGroup; self.schedule = schedule ?? drug.schedule
    }

    /// `drug`, `drug@carrier` or `drug@carrier:targeted`.
    public var label: String {
        guard let carrier else { return drug.id }
        return "\(drug.id)@\(carrier.id)\(ligandTargeted ? ":targeted" : "")"
    }

    /// SBML-safe prefix of this slot's species and parameters.
    public var sid: String { drug.sid + (carrier.map { "_" + $0.id.replacingOccurrences(of: "-", with: "_") } ?? "") }
}
