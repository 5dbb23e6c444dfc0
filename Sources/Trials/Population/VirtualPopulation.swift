import Foundation
import TumorImmune

/// One virtual patient with the biomarkers a trial can select on.
public struct VirtualPatient: Sendable {
    /// Index in the population (the same patient in every arm and every run with this seed).
    public var index: Int
    public var patient: Patient
    /// `pdl1_tps`, `pdl1_cps`, `pdl1_ic` (%), `tmb` (mut/Mb), `msi` (1 = high, 0 = stable).
    public var biomarkers: [String: Double]
    /// Multiplier of the direct anti-tumour effects of every non-immune drug in this patient
    /// (``PopulationModel/directDrugLogSD``).
    public var directDrugSensitivity: Double = 1
    /// Standard-normal draw of this patient's immune-toxicity susceptibility; the toxicity model
    /// maps it to a multiplier (``ToxicityModel/susceptibility(normal:)``).
    public var immuneToxicityNormal: Double = 0
}

/// A deterministic virtual population: patient `i` of seed `s` is a pure function of (model, s, i).
public struct VirtualPopulation: Sendable {
    public var model: PopulationModel
    public var tumor: TumorType
    public var seed: UInt64

    public init(model: PopulationModel, tumor: TumorType, seed: UInt64) {
        self.model = model; self.tumor = tumor; self.seed = seed
    }

    /// Patient `index`.
    public func patient(_ index: Int) -> VirtualPatient {
        var rng = CourseRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03 &+ 0x2545_F491_4F6C_DD1D)
        func normal() -> Double {
            // Box–Muller on two uniforms in (0, 1].
            let u1 = 1 - rng.uniform(), u2 = rng.uniform()
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        let inflammation = normal()
        var p = Patient(typical: tumor)
        p.doublingTimeDays = model.doublingTimeDays * exp(model.doublingTimeLogSD * normal())
        p.baselineDiameterMM = min(200, max(10, model.baselineDiameterMM * exp(model.baselineDiameterLogSD * normal())))
        let msiHigh = rng.uniform() < model.msiHighFraction
        p.tmb = (msiHigh ? 40 : model.medianTMB) * exp(model.tmbLogSD * normal())
        // PD-L1 TPS from a latent score correlated with inflammation, placed on the prevalence scale.
        let rho = model.pdl1InflammationCorrelation
        let latent = rho * inflammation + (1 - rho * rho).squareRoot() * normal()
        let u = NormalCDF.phi(latent)
        let tps: Double
        let negative = 1 - model.pdl1PositiveFraction, belowHigh = 1 - model.pdl1HighFraction
        if u < negative { tps = 0 }
        else if u < belowHigh { tps = 1 + 49 * (u - negative) / max(belowHigh - negative, 1e-9) }
        else { tps = 50 + 50 * (u - belowHigh) / max(1 - belowHigh, 1e-9) }
        // Model PD-L1 expression (`pdl1_base`): 0.2 at TPS 0 rising to 1.8 at TPS 100 (typical PD-L1+
        // ≈ 1 at TPS 50; assumption). The model also induces PD-L1 by IFN-γ, so this counts part of
        // the adaptive expression twice, and PD-L1-negative patients answer chemotherapy better than
        // PD-L1-high ones (NSCLC arms: flat, 23–33 %). A flatter mapping (0.6–1.4) was tried in
        // session 3: it flattened chemotherapy ORR across PD-L1 strata but removed the patients in
        // whom ipilimumab alone works (melanoma ipilimumab ORR 0.8 % against 11–19 %), so the steeper
        // mapping stays until the PD-L1 brake is modelled per compartment.
        p.pdl1 = 0.2 + 1.6 * tps / 100
        for m in Mechanism.allCases {
            let median = min(0.98, max(0.02, model.mechanismMedians[m.rawValue] ?? 0.3))
            let link = (PopulationModel.inflammationLinked[m] ?? 0) * model.inflammationLoading
            let z = link * inflammation + (1 - link * link).squareRoot() * normal()
            let logit = log(median / (1 - median)) + model.mechanismLogitSD * z
            p.mechanisms[m] = 1 / (1 + exp(-logit))
        }
        if msiHigh { p.mechanisms[.lowAntigenicity] = min(p.mechanisms[.lowAntigenicity], 0.05) }
        // CPS and IC add immune-cell PD-L1 to TPS in proportion to inflammation: a rough mapping
        // (assumption) so that CPS ≥ TPS and IC rises with the inflamed phenotype.
        let cps = min(100, tps + 20 * max(0, NormalCDF.phi(inflammation) - 0.3))
        let ic = min(50, 10 * NormalCDF.phi(inflammation) * (tps > 0 ? 1.5 : 0.5))
        // Drawn last, so the draws above are the same as in populations without them.
        let direct = exp(model.directDrugLogSD * normal())
        let immuneToxicity = normal()
        return VirtualPatient(index: index, patient: p, biomarkers: [
            "pdl1_tps": tps, "pdl1_cps": cps, "pdl1_ic": ic, "tmb": p.tmb, "msi": msiHigh ? 1 : 0,
        ], directDrugSensitivity: direct, immuneToxicityNormal: immuneToxicity)
    }
}

/// Standard normal distribution function (via erfc).
enum NormalCDF {
    static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.squareRoot()) }
}
