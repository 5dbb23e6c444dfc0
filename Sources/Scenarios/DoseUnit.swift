import TumorImmune

/// How a scenario writes a dose: one key per unit. The model doses drugs in mg, radiotherapy in Gy
/// per fraction, an oncolytic virus in plaque-forming units and a cell therapy in cells; weight- and
/// surface-based doses are converted to mg with the scenario's body weight and body-surface area.
///
/// Each unit accepts a dose above 0 up to a sanity bound about ten times the largest label dose in
/// that unit, so a typo (an extra zero) is refused rather than simulated.
public enum DoseUnit: String, CaseIterable, Sendable {
    /// mg; per kg of body weight; per m² of body-surface area; Gy per fraction; plaque-forming
    /// units; cells.
    case mg, mgPerKg, mgPerM2, gray, pfu, cells

    /// The key of a scenario file.
    public var key: String {
        switch self {
        case .mg: "dose_mg"
        case .mgPerKg: "dose_mg_per_kg"
        case .mgPerM2: "dose_mg_per_m2"
        case .gray: "dose_gy"
        case .pfu: "dose_pfu"
        case .cells: "dose_cells"
        }
    }

    /// The unit as written after a number.
    public var symbol: String {
        switch self {
        case .mg: "mg"
        case .mgPerKg: "mg/kg"
        case .mgPerM2: "mg/m²"
        case .gray: "Gy"
        case .pfu: "PFU"
        case .cells: "cells"
        }
    }

    /// Accepted values: above 0, at most about ten times the largest label dose in this unit
    /// (capecitabine 3,800 mg/day; bevacizumab 15 mg/kg; 5-fluorouracil 2,400 mg/m²; SBRT up to
    /// 20–30 Gy in one fraction; talimogene 4 × 10⁸ PFU; CAR-T ≈ 10⁸–10⁹ cells).
    var range: ValueRange {
        switch self {
        case .mg: .positive(upTo: 50_000, "mg")
        case .mgPerKg: .positive(upTo: 100, "mg/kg")
        case .mgPerM2: .positive(upTo: 10_000, "mg/m²")
        case .gray: .positive(upTo: 30, "Gy per fraction")
        case .pfu: .positive(upTo: 1e10, "PFU")
        case .cells: .positive(upTo: 1e11, "cells")
        }
    }

    /// The units a drug's doses may be written in.
    public static func units(for drugClass: DrugClass) -> [DoseUnit] {
        switch drugClass {
        case .radiotherapy: [.gray]
        case .oncolyticVirus: [.pfu]
        case .cellTherapy: [.cells]
        default: [.mg, .mgPerKg, .mgPerM2]
        }
    }

    /// The unit the model doses a drug class in (what an exported scenario writes).
    public static func modelUnit(for drugClass: DrugClass) -> DoseUnit {
        units(for: drugClass)[0]
    }

    /// The dose in the model's unit (mg, Gy, PFU or cells).
    /// - Parameters:
    ///   - value: the dose as written, in this unit.
    ///   - bodyWeightKg: converts mg/kg, kg.
    ///   - bodySurfaceM2: converts mg/m², m².
    func modelDose(_ value: Double, bodyWeightKg: Double, bodySurfaceM2: Double) -> Double {
        switch self {
        case .mgPerKg: value * bodyWeightKg
        case .mgPerM2: value * bodySurfaceM2
        default: value
        }
    }
}
