import Dispatch
import Foundation
import Reactions
import TumorImmune

/// PD-L1 immunohistochemistry on a virtual patient's tumour at baseline (TPS, CPS, IC).
///
/// A PD-L1 stain sees two kinds of expression: constitutive (oncogenic signalling, e.g. PTEN loss;
/// Parsa 2007 doi:10.1038/nm1517) and adaptive, induced by IFN-γ from T cells already attacking
/// the tumour (PD-L1+ melanocytes sit next to IFN-γ-producing infiltrates: 98 % of PD-L1+ lesions
/// had TILs against 28 % of PD-L1− ones; Taube 2012 doi:10.1126/scitranslmed.3003689). The measured
/// score of a patient is
///
///     s = w · z_IFN + √(1 − w²) · z_c
///
/// where `z_c` is the standard-normal draw behind the constitutive `pdl1_base`, `z_IFN` the
/// standardised log IFN-γ level in the tumour at the end of the untreated run-in (a pre-existing
/// response), and `w` the adaptive weight (``PopulationModel/pdl1AdaptiveWeight``, fitted where a
/// tumour type has PD-L1-selected arms). The score's rank among a fixed reference sample of the same
/// population places it on the tumour type's prevalence scale (``PopulationModel/pdl1PositiveFraction``,
/// ``PopulationModel/pdl1HighFraction``). TPS is thereby partly a readout of a PD-1-restrained
/// response, which is why it predicts anti-PD-1 benefit far more than chemotherapy benefit.
///
/// Until data v11 the TPS was drawn and mapped into `pdl1_base` with no IFN-γ part; anti-PD-1 ORR in
/// first-line NSCLC was then 26 / 39 / 40 % at TPS < 1 / 1–49 / ≥ 50 (published about 10 / 17 / 40 %)
/// and chemotherapy ORR fell with TPS (34 / 28 / 22 %; published flat).
public struct PDL1Assay: Sendable {
    /// Scores of the reference patients, ascending.
    public let reference: [Double]
    let positiveFraction: Double
    let highFraction: Double
    let adaptiveWeight: Double
    /// Mean and SD of log IFN-γ at baseline in the reference sample.
    let logIFNMean: Double
    let logIFNSD: Double

    /// The reference sample is the enrolled patients `0..<referencePatients` of this seed, whatever
    /// the trial's seed, so a patient's TPS is a function of (population model, trial seed, index) alone.
    public static let referenceSeed: UInt64 = 0x00C0_FFEE_0D11
    /// 1,000 reference patients place a prevalence threshold within about ±1.5 points (binomial SE).
    public static let referencePatients = 1000

    /// Measures the reference sample of `enrollment`'s population (enrolled like trial patients,
    /// baselines simulated in parallel).
    /// - Throws: ``BlockadeError`` when a reference patient cannot be enrolled.
    public init(enrollment: Enrollment) throws {
        let population = enrollment.population
        positiveFraction = population.model.pdl1PositiveFraction
        highFraction = population.model.pdl1HighFraction
        adaptiveWeight = min(1, max(0, population.model.pdl1AdaptiveWeight))
        var sample = enrollment
        sample.population.seed = Self.referenceSeed
        let pairs = try parallelMap(count: Self.referencePatients) { [sample] i in
            let (vp, baseline) = try sample.patient(i)
            return (Self.logIFN(baseline), vp.pdl1ConstitutiveNormal)
        }
        let n = Double(pairs.count)
        let mean = pairs.reduce(0) { $0 + $1.0 } / n
        let sd = max(1e-9, (pairs.reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) } / (n - 1)).squareRoot())
        logIFNMean = mean
        logIFNSD = sd
        reference = pairs.map { [adaptiveWeight] in
            Self.score(logIFN: $0.0, constitutive: $0.1, weight: adaptiveWeight, mean: mean, sd: sd)
        }.sorted()
    }

    static func logIFN(_ baseline: [Double]) -> Double { log(max(baseline[CoreSpecies.ifng.rawValue], 1e-12)) }

    static func score(logIFN: Double, constitutive: Double, weight: Double, mean: Double, sd: Double) -> Double {
        weight * (logIFN - mean) / sd + (1 - weight * weight).squareRoot() * constitutive
    }

    /// Fraction of the reference sample below score `level`, interpolated between neighbours (0–1).
    func rank(of level: Double) -> Double {
        let n = reference.count
        guard n > 1 else { return 0.5 }
        var lo = 0, hi = n
        while lo < hi { let mid = (lo + hi) / 2; if reference[mid] < level { lo = mid + 1 } else { hi = mid } }
        if lo == 0 { return 0.25 / Double(n) }
        if lo == n { return 1 - 0.5 / Double(n) }
        let a = reference[lo - 1], b = reference[lo]
        let within = b > a ? (level - a) / (b - a) : 0.5
        return (Double(lo) - 0.5 + within) / Double(n)
    }

    /// Tumour proportion score (%) at population rank `u` (0–1): 0 below the PD-L1-negative
    /// fraction, 1–49 through the middle band, 50–100 in the high band (linear in rank within each).
    static func tps(rank u: Double, positiveFraction: Double, highFraction: Double) -> Double {
        let negative = 1 - positiveFraction, belowHigh = 1 - highFraction
        if u < negative { return 0 }
        if u < belowHigh { return 1 + 49 * (u - negative) / max(belowHigh - negative, 1e-9) }
        return min(100, 50 + 50 * (u - belowHigh) / max(1 - belowHigh, 1e-9))
    }

    /// `vp` with `pdl1_tps`, `pdl1_cps` and `pdl1_ic` measured in its baseline state `baseline`.
    public func measured(_ vp: VirtualPatient, baseline: [Double]) -> VirtualPatient {
        var vp = vp
        let u = rank(of: Self.score(logIFN: Self.logIFN(baseline), constitutive: vp.pdl1ConstitutiveNormal,
                                    weight: adaptiveWeight, mean: logIFNMean, sd: logIFNSD))
        let tps = Self.tps(rank: u, positiveFraction: positiveFraction, highFraction: highFraction)
        // CPS and IC add immune-cell PD-L1 to TPS in proportion to inflammation: a rough mapping
        // (assumption) so that CPS ≥ TPS and IC rises with the inflamed phenotype.
        let inflamed = NormalCDF.phi(vp.inflammation)
        vp.biomarkers["pdl1_tps"] = tps
        vp.biomarkers["pdl1_cps"] = min(100, tps + 20 * max(0, inflamed - 0.3))
        vp.biomarkers["pdl1_ic"] = min(50, 10 * inflamed * (tps > 0 ? 1.5 : 0.5))
        return vp
    }
}

/// `transform(0..<count)` computed on all cores, in index order.
/// - Throws: the first error thrown by `transform` (by index), after every call has finished.
func parallelMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
    let slots = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize(); slots.deallocate() }
    nonisolated(unsafe) let shared = slots
    DispatchQueue.concurrentPerform(iterations: count) { i in
        shared[i] = Result { try transform(i) }
    }
    // concurrentPerform has filled every slot when it returns.
    return try slots.compactMap { try $0?.get() }
}
