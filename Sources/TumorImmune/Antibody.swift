/// The molecule a checkpoint antibody binds, and where blocking it acts in the model.
public enum CheckpointTarget: String, Sendable, Codable, CaseIterable {
    case pd1 = "PD-1", pdl1 = "PD-L1", ctla4 = "CTLA-4", lag3 = "LAG-3", tigit = "TIGIT", tim3 = "TIM-3"
}

/// A label dose and schedule: `dose` every `intervalDays`, at most `maxDoses` times (nil → until
/// the end of the simulation or 2 years, whichever comes first).
public struct DoseSchedule: Sendable, Equatable, Codable {
    /// Dose per administration, in mg.
    public var doseMg: Double
    /// Interval between administrations, in days.
    public var intervalDays: Double
    /// Number of administrations, nil for "until progression / end of treatment".
    public var maxDoses: Int?
    /// Label or paper the schedule comes from.
    public var source: String

    public init(doseMg: Double, intervalDays: Double, maxDoses: Int? = nil, source: String) {
        self.doseMg = doseMg; self.intervalDays = intervalDays; self.maxDoses = maxDoses; self.source = source
    }

    /// Administration days within `[0, horizon)`, capped at two years of treatment.
    public func doseDays(horizon: Double, treatmentCapDays: Double = 730) -> [Double] {
        var days: [Double] = []
        var d = 0.0
        while d < min(horizon, treatmentCapDays), days.count < (maxDoses ?? .max) {
            days.append(d)
            d += intervalDays
        }
        return days
    }
}

/// A therapeutic checkpoint antibody: target, binding and two-compartment population PK.
///
/// PK is linear two-compartment (central Vc, peripheral Vp, inter-compartmental clearance Q,
/// linear clearance CL), as in the population-PK papers cited per drug. Weight-based label doses
/// are converted with a 80 kg reference patient (assumption, stated in ``referenceBodyWeightKg``).
public struct Antibody: Sendable, Equatable, Codable {
    /// INN, lowercase (`nivolumab`).
    public var id: String
    public var target: CheckpointTarget
    /// Molecular weight, in kDa (converts mg to nmol).
    public var molecularWeightKDa: Double
    /// Dissociation constant for its target, in nM.
    public var kdNanomolar: Double
    /// Linear clearance, L/day.
    public var clearance: Double
    /// Central volume, L.
    public var centralVolume: Double
    /// Peripheral volume, L.
    public var peripheralVolume: Double
    /// Inter-compartmental clearance, L/day.
    public var intercompartmentalClearance: Double
    /// Relative Fc-mediated depletion of target-bearing Tregs (1 = IgG1 ipilimumab-like, 0 = none).
    public var fcDepletion: Double
    /// Label monotherapy schedule.
    public var schedule: DoseSchedule
    /// Sources of the PK and binding values.
    public var source: String

    /// Reference body weight for mg/kg doses, kg (assumption: a typical adult trial patient).
    public static let referenceBodyWeightKg = 80.0

    /// nmol per mg of antibody.
    public var nanomolPerMg: Double { 1e6 / (molecularWeightKDa * 1000) }
}

extension Antibody {
    /// The checkpoint antibodies Blockade knows, with label schedules and PK sources.
    public static let catalogue: [Antibody] = [
        Antibody(id: "nivolumab", target: .pd1, molecularWeightKDa: 146, kdNanomolar: 0.26,
                 clearance: 0.228, centralVolume: 3.63, peripheralVolume: 2.78, intercompartmentalClearance: 0.79,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 240, intervalDays: 14, source: "Opdivo label (240 mg q2w)"),
                 source: "PK: Bajaj 2017 CPT Pharmacometrics Syst Pharmacol doi:10.1002/psp4.12143 (CL 9.5 mL/h, Vc 3.63 L, Vp 2.78 L, Q 0.0329 L/h [recalled]); Kd 0.26 nM: Jafarnejad 2019 AAPS J doi:10.1208/s12248-019-0350-x"),
        Antibody(id: "pembrolizumab", target: .pd1, molecularWeightKDa: 149, kdNanomolar: 0.029,
                 clearance: 0.22, centralVolume: 3.48, peripheralVolume: 2.52, intercompartmentalClearance: 0.795,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 200, intervalDays: 21, maxDoses: 35, source: "Keytruda label (200 mg q3w up to 24 months)"),
                 source: "PK: Ahamadi 2017 CPT Pharmacometrics Syst Pharmacol doi:10.1002/psp4.12139 (CL 0.22 L/day, Vc 3.48 L, Vss 6.0 L; Q [recalled]); Kd 29 pM: Keytruda label / Fessas 2017 doi:10.1053/j.seminoncol.2017.06.002"),
        Antibody(id: "atezolizumab", target: .pdl1, molecularWeightKDa: 145, kdNanomolar: 0.4,
                 clearance: 0.200, centralVolume: 3.28, peripheralVolume: 3.63, intercompartmentalClearance: 0.546,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 1200, intervalDays: 21, source: "Tecentriq label (1200 mg q3w)"),
                 source: "PK: Tecentriq label; Stroh 2017 Clin Pharmacol Ther doi:10.1002/cpt.587 (CL 0.200 L/day, Vc 3.28 L, Vss 6.91 L; Q [recalled]); Kd 0.4 nM: Sové 2020 QSP-IO doi:10.1002/psp4.12546"),
        Antibody(id: "durvalumab", target: .pdl1, molecularWeightKDa: 146, kdNanomolar: 0.667,
                 clearance: 0.232, centralVolume: 3.51, peripheralVolume: 3.45, intercompartmentalClearance: 0.476,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 1500, intervalDays: 28, source: "Imfinzi label (1500 mg q4w)"),
                 source: "PK: Baverel 2018 Clin Pharmacol Ther doi:10.1002/cpt.1029 [recalled: CL 0.232 L/day, Vc 3.51 L, Vp 3.45 L, Q 0.476 L/day]; Kd [recalled] Stewart 2015 doi:10.1158/2326-6066.CIR-14-0191"),
        Antibody(id: "avelumab", target: .pdl1, molecularWeightKDa: 147, kdNanomolar: 0.0467,
                 clearance: 0.59, centralVolume: 2.83, peripheralVolume: 1.17, intercompartmentalClearance: 0.42,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 800, intervalDays: 14, source: "Bavencio label (800 mg q2w)"),
                 source: "PK: Bavencio label, Wilkins 2019 CPT Pharmacometrics Syst Pharmacol doi:10.1002/psp4.12380 [recalled: CL 0.59 L/day, t1/2 ≈ 6 days]; Kd [recalled] Bavencio label"),
        Antibody(id: "ipilimumab", target: .ctla4, molecularWeightKDa: 148, kdNanomolar: 18.2,
                 clearance: 0.367, centralVolume: 4.04, peripheralVolume: 3.23, intercompartmentalClearance: 0.62,
                 fcDepletion: 1,
                 schedule: DoseSchedule(doseMg: 3 * referenceBodyWeightKg, intervalDays: 21, maxDoses: 4, source: "Yervoy label (3 mg/kg q3w × 4)"),
                 source: "PK: Feng 2014 Br J Clin Pharmacol doi:10.1111/bcp.12295 (CL 15.3 mL/h, Vc 4.04 L, Vp 3.23 L [recalled]); Kd 18.2 nM: Sové 2020 QSP-IO doi:10.1002/psp4.12546; Treg depletion by Fc: Simpson 2013 doi:10.1084/jem.20130579"),
        Antibody(id: "tremelimumab", target: .ctla4, molecularWeightKDa: 147, kdNanomolar: 0.28,
                 clearance: 0.276, centralVolume: 3.91, peripheralVolume: 2.35, intercompartmentalClearance: 0.52,
                 fcDepletion: 0.2,
                 schedule: DoseSchedule(doseMg: 75, intervalDays: 28, maxDoses: 4, source: "Imjudo label (75 mg q4w × 4 with durvalumab)"),
                 source: "PK: Wang 2014 [recalled via QSP-IO parameter table; CL 0.276 L/day]; IgG2 with weak Fc effector function (assumption 0.2 of IgG1 depletion)"),
        Antibody(id: "relatlimab", target: .lag3, molecularWeightKDa: 148, kdNanomolar: 0.12,
                 clearance: 0.24, centralVolume: 3.5, peripheralVolume: 2.9, intercompartmentalClearance: 0.6,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 160, intervalDays: 28, source: "Opdualag label (relatlimab 160 mg q4w)"),
                 source: "PK: Opdualag label [recalled: CL ≈ 0.24 L/day, t1/2 ≈ 26 days]; typical IgG4 volumes (Ryman & Meibohm 2017 doi:10.1002/psp4.12224)"),
        Antibody(id: "tiragolumab", target: .tigit, molecularWeightKDa: 148, kdNanomolar: 0.5,
                 clearance: 0.25, centralVolume: 3.5, peripheralVolume: 2.9, intercompartmentalClearance: 0.6,
                 fcDepletion: 0.5,
                 schedule: DoseSchedule(doseMg: 600, intervalDays: 21, source: "CITYSCAPE protocol (600 mg q3w; investigational)"),
                 source: "PK: no published population PK; typical IgG1 values (Ryman & Meibohm 2017 doi:10.1002/psp4.12224) — assumption; Kd assumption"),
        Antibody(id: "cobolimab", target: .tim3, molecularWeightKDa: 148, kdNanomolar: 0.5,
                 clearance: 0.25, centralVolume: 3.5, peripheralVolume: 2.9, intercompartmentalClearance: 0.6,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 300, intervalDays: 21, source: "COSTAR Lung protocol (300 mg q3w; investigational)"),
                 source: "PK: no published population PK; typical IgG4 values (Ryman & Meibohm 2017 doi:10.1002/psp4.12224) — assumption; Kd assumption"),
        Antibody(id: "dostarlimab", target: .pd1, molecularWeightKDa: 144, kdNanomolar: 0.3,
                 clearance: 0.24, centralVolume: 3.5, peripheralVolume: 2.6, intercompartmentalClearance: 0.6,
                 fcDepletion: 0,
                 schedule: DoseSchedule(doseMg: 500, intervalDays: 21, maxDoses: 4, source: "Jemperli label (500 mg q3w × 4, then 1000 mg q6w — only the first phase modelled)"),
                 source: "PK: Jemperli label [recalled: CL 0.007 L/h ≈ 0.17–0.24 L/day, t1/2 ≈ 25 days]; Kd [recalled]"),
    ]

    /// Looks up an antibody by INN, listing the valid names on failure.
    public static func named(_ id: String) throws(BlockadeError) -> Antibody {
        guard let a = catalogue.first(where: { $0.id == id.lowercased() }) else {
            throw .unknownName(kind: "drug", name: id, valid: catalogue.map(\.id))
        }
        return a
    }
}
