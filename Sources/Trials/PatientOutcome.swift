import TumorImmune

/// How a patient's disease escaped treatment.
public enum ResistanceKind: String, Codable, Sendable, CaseIterable {
    /// Responded and did not progress within follow-up.
    case none
    /// Never responded (best response SD or PD).
    case primary
    /// Responded (confirmed CR/PR), then progressed.
    case acquired
}

/// One organ-level immune-related (or drug-specific) adverse event.
public struct AdverseEvent: Codable, Sendable, Equatable {
    /// Organ class, e.g. `colitis`, `hepatitis`, `pneumonitis`, `skin`, `endocrine`, `haematologic`, `myocarditis`.
    public var organ: String
    /// CTCAE grade 1–5.
    public var grade: Int
    /// Onset, days from the first dose.
    public var day: Double

    public init(organ: String, grade: Int, day: Double) {
        self.organ = organ; self.grade = grade; self.day = day
    }
}

/// Everything a trial keeps about one patient in one arm — a summary, never a trajectory, so a
/// trial's memory grows with patients, not with time points.
public struct PatientOutcome: Codable, Sendable, Equatable {
    /// Index of the patient in the virtual population (the same patient in every arm).
    public var patient: Int
    public var bestResponse: ResponseCategory
    /// Day of the first (confirmed) response scan, nil without a response.
    public var responseOnsetDay: Double?
    /// Progression-free survival, days from the first dose; censored at `pfsDays` if `progressed` is false.
    public var pfsDays: Double
    public var progressed: Bool
    /// Overall survival, days; censored if `died` is false.
    public var osDays: Double
    public var died: Bool
    /// Best (most negative) percentage change of the sum of diameters from baseline (waterfall plot).
    public var bestPercentChange: Double
    /// Scan days and percentage change from baseline at each (spider plot), up to progression.
    public var scanDays: [Double]
    public var scanPercentChange: [Double]
    /// Last day on treatment (swimmer plot).
    public var treatmentEndDay: Double
    public var resistance: ResistanceKind
    /// Mechanisms whose removal alone reverses the resistance (empty when none or not attributed).
    public var drivingMechanisms: [Mechanism]
    public var adverseEvents: [AdverseEvent]
    /// Any treatment-related adverse event of grade ≥ 3.
    public var grade3PlusAdverseEvent: Bool
    /// Treatment permanently stopped for toxicity.
    public var discontinuedForToxicity: Bool
    /// Survival after progression drawn for this patient, days, not censored (nil without progression):
    /// overall survival under another post-progression median is a rescaling of it.
    public var postProgressionDays: Double?
    /// Day of a death before or shortly after progression (fatal adverse event, lethal burden), nil if none.
    public var otherDeathDay: Double?

    public init(patient: Int, bestResponse: ResponseCategory, responseOnsetDay: Double?, pfsDays: Double, progressed: Bool,
                osDays: Double, died: Bool, bestPercentChange: Double, scanDays: [Double], scanPercentChange: [Double],
                treatmentEndDay: Double, resistance: ResistanceKind, drivingMechanisms: [Mechanism],
                adverseEvents: [AdverseEvent], grade3PlusAdverseEvent: Bool, discontinuedForToxicity: Bool) {
        self.patient = patient; self.bestResponse = bestResponse; self.responseOnsetDay = responseOnsetDay
        self.pfsDays = pfsDays; self.progressed = progressed; self.osDays = osDays; self.died = died
        self.bestPercentChange = bestPercentChange; self.scanDays = scanDays; self.scanPercentChange = scanPercentChange
        self.treatmentEndDay = treatmentEndDay; self.resistance = resistance; self.drivingMechanisms = drivingMechanisms
        self.adverseEvents = adverseEvents; self.grade3PlusAdverseEvent = grade3PlusAdverseEvent
        self.discontinuedForToxicity = discontinuedForToxicity
    }
}

/// The outcomes of one arm (or one shard of it), in patient order.
public struct ArmOutcomes: Codable, Sendable, Equatable {
    /// The regimen exactly as given to `--arm`.
    public var regimen: String
    public var outcomes: [PatientOutcome]

    public init(regimen: String, outcomes: [PatientOutcome]) {
        self.regimen = regimen; self.outcomes = outcomes
    }
}
