import Foundation
import TumorImmune

/// One virtual patient with the biomarkers a trial can select on.
public struct VirtualPatient: Sendable {
    /// Index in the population (the same patient in every arm and every run with this seed).
    public var index: Int
    /// Which draw of this index the patient is (0 first; a trial enrols the first draw whose
    /// untreated tumour grows, ``Enrollment``).
    public var draw: Int = 0
    public var patient: Patient
    /// `tmb` (mut/Mb) and `msi` (1 = high, 0 = stable) as drawn; `pdl1_tps`, `pdl1_cps`, `pdl1_ic` (%)
    /// only once measured on the baseline tumour (``PDL1Assay/measured(_:baseline:)``).
    public var biomarkers: [String: Double]
    /// The patient's shared inflammation factor (standard normal; higher = more inflamed).
    public var inflammation: Double = 0
    /// Standard-normal draw behind the constitutive PD-L1 expression `pdl1_base`.
    public var pdl1ConstitutiveNormal: Double = 0
    /// Multiplier of the direct anti-tumour effects of every non-immune drug in this patient
    /// (``PopulationModel/directDrugLogSD``).
    public var directDrugSensitivity: Double = 1
    /// Standard-normal draw of this patient's immune-toxicity susceptibility; the toxicity model
    /// maps it to a multiplier (``ToxicityModel/susceptibility(normal:)``).
    public var immuneToxicityNormal: Double = 0
    /// Survival after a progression at the reference burden, months
    /// (``PopulationModel/postProgressionMonths(doublingTimeDays:unit:)``); the trial scales it by the
    /// burden actually reached (``PopulationModel/burdenFactor(progressionDiameterMM:lethalDiameterMM:)``).
    public var postProgressionMonths: Double = PopulationModel.defaultPostProgressionMonths
    /// The population's reference diameter at progression, mm.
    public var progressionReferenceMM: Double = 72
}

/// A deterministic virtual population: patient `i` of seed `s` is a pure function of (model, s, i).
public struct VirtualPopulation: Sendable {
    /// The mechanisms whose levels come from the patient's main random stream, in this order
    /// (``Mechanism/firstCatalogue``). A mechanism added to the model draws from a stream of its own
    /// keyed by its name (``keyedNormal(_:seed:index:draw:)``), so adding one moves no other draw of
    /// any patient and needs no refit of the others.
    static var mainStreamMechanisms: [Mechanism] { Mechanism.firstCatalogue }

    /// A standard-normal draw from a stream keyed by `name` (FNV-1a of its UTF-8 bytes) and the
    /// patient: independent of every other draw.
    static func keyedNormal(_ name: String, seed: UInt64, index: Int, draw: Int) -> Double {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var rng = CourseRandom(seed: hash ^ (seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03
                                             &+ UInt64(draw) &* 0x94D0_49BB_1331_11EB))
        return rng.standardNormal()
    }

    public var model: PopulationModel
    public var tumor: TumorType
    public var seed: UInt64

    public init(model: PopulationModel, tumor: TumorType, seed: UInt64) {
        self.model = model; self.tumor = tumor; self.seed = seed
    }

    /// Draw `draw` of patient `index` (draw 0 is the patient itself; later draws replace a patient
    /// whom trial entry rejects, ``Enrollment``).
    public func patient(_ index: Int, draw: Int = 0) -> VirtualPatient {
        var rng = CourseRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03 &+ 0x2545_F491_4F6C_DD1D
                                   &+ UInt64(draw) &* 0x94D0_49BB_1331_11EB)
        func normal() -> Double { rng.standardNormal() }
        let inflammation = normal()
        var p = Patient(typical: tumor)
        p.doublingTimeDays = model.doublingTimeDays * exp(model.doublingTimeLogSD * normal())
        p.baselineDiameterMM = min(200, max(10, model.baselineDiameterMM * exp(model.baselineDiameterLogSD * normal())))
        let msiHigh = rng.uniform() < model.msiHighFraction
        p.tmb = (msiHigh ? 40 : model.medianTMB) * exp(model.tmbLogSD * normal())
        // Constitutive (oncogenic) PD-L1: a standard-normal draw placed on the prevalence scale as a
        // TPS-like value and mapped to `pdl1_base`, 0.2 at 0 rising to 1.8 at 100 (typical PD-L1+
        // ≈ 1 at 50; assumption). The TPS a trial selects on is measured on the baseline tumour,
        // which adds the IFN-γ-induced part (``PDL1Assay``).
        let pdl1Normal = normal()
        let constitutive = PDL1Assay.tps(rank: NormalCDF.phi(pdl1Normal), positiveFraction: model.pdl1PositiveFraction,
                                         highFraction: model.pdl1HighFraction)
        p.pdl1 = 0.2 + 1.6 * constitutive / 100
        func level(_ m: Mechanism, draw: Double) -> Double {
            // A knob the population file does not fit yet starts at the tumour type's catalogue level.
            let median = min(0.98, max(0.02, model.mechanismMedians[m.rawValue] ?? tumor.mechanisms[m]))
            let link = (PopulationModel.inflammationLinked[m] ?? 0) * model.inflammationLoading
            let z = link * inflammation + (1 - link * link).squareRoot() * draw
            let logit = log(median / (1 - median)) + model.mechanismLogitSD * z
            return 1 / (1 + exp(-logit))
        }
        for m in Self.mainStreamMechanisms { p.mechanisms[m] = level(m, draw: normal()) }
        for m in Mechanism.allCases where !Self.mainStreamMechanisms.contains(m) {
            p.mechanisms[m] = level(m, draw: Self.keyedNormal(m.rawValue, seed: seed, index: index, draw: draw))
        }
        if msiHigh { p.mechanisms[.lowAntigenicity] = min(p.mechanisms[.lowAntigenicity], 0.05) }
        // Drawn last, so the draws above are the same as in populations without them.
        let direct = exp(model.directDrugLogSD * normal())
        let immuneToxicity = normal()
        // Survival after progression: an exponential draw of median 1 from a keyed stream (so the
        // draws above are unchanged), scaled by the patient's doubling time.
        let u = NormalCDF.phi(Self.keyedNormal("post-progression-survival", seed: seed, index: index, draw: draw))
        let unit = -Foundation.log(max(1e-12, 1 - u)) / Foundation.log(2.0)
        return VirtualPatient(index: index, draw: draw, patient: p, biomarkers: ["tmb": p.tmb, "msi": msiHigh ? 1 : 0],
                              inflammation: inflammation, pdl1ConstitutiveNormal: pdl1Normal, directDrugSensitivity: direct, immuneToxicityNormal: immuneToxicity,
                              postProgressionMonths: model.postProgressionMonths(doublingTimeDays: p.doublingTimeDays, unit: unit),
                              progressionReferenceMM: model.progressionReferenceDiameterMM)
    }
}

/// Standard normal distribution function (via erfc).
enum NormalCDF {
    static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
}
