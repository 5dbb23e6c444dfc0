import Foundation
import TumorImmune

/// Hyper-parameters of a tumour type's virtual population.
///
/// Patients are drawn from these distributions (log-normal for sizes, rates and TMB; logit-normal
/// for mechanism levels), with a shared latent "inflammation" factor that links the chemokine,
/// antigenicity, stroma and compensatory-checkpoint knobs (inflamed tumours express CXCL9/10 and
/// present antigen together; Ayers 2017 doi:10.1172/JCI91190); PD-L1 follows inflammation through
/// the IFN-γ it induces (``PDL1Assay``). Biomarker prevalences carry their sources; the spread
/// parameters are what `blockade calibrate` fits to `calibration/monotherapy_arms.csv`.
public struct PopulationModel: Sendable, Codable, Equatable {
    public var tumor: String
    /// Median untreated volume doubling time, days, and log-scale SD.
    public var doublingTimeDays: Double
    public var doublingTimeLogSD: Double = 0.5
    /// Median baseline sum of diameters, mm, and log-scale SD.
    public var baselineDiameterMM: Double = 60
    public var baselineDiameterLogSD: Double = 0.4
    /// Median TMB (mut/Mb) of MSS tumours and its log-scale SD.
    public var medianTMB: Double
    public var tmbLogSD: Double = 0.8
    /// Fraction of patients with MSI-high / dMMR tumours.
    public var msiHighFraction: Double
    /// Fractions of patients with PD-L1 TPS ≥ 1 % and ≥ 50 %.
    public var pdl1PositiveFraction: Double
    public var pdl1HighFraction: Double
    /// Median level of each mechanism knob.
    public var mechanismMedians: [String: Double]
    /// Logit-scale SD of the mechanism knobs (population heterogeneity).
    public var mechanismLogitSD: Double = 1.2
    /// Loading of the inflammation factor on the inflammation-linked knobs (0–1).
    public var inflammationLoading: Double = 0.6
    /// Weight (0–1) of the adaptive, IFN-γ-induced part in a patient's measured PD-L1 score; the rest
    /// is constitutive expression (``PDL1Assay``). Default 0.6 (assumption: most PD-L1-positive
    /// tumours are inflamed, Taube 2012 doi:10.1126/scitranslmed.3003689, yet oncogenic expression
    /// exists); fitted where a tumour type has PD-L1-selected calibration arms.
    public var pdl1AdaptiveWeight: Double = 0.6
    /// Source of the prevalences.
    public var source: String
    /// Tumour-type sensitivity to non-immune drugs: multiplier of the maximal cytotoxic, targeted-kill
    /// and growth-inhibition effects of each drug, or of an oncolytic virus's infection rate (by drug
    /// id; absent = 1). Fitted to that drug's
    /// monotherapy arms in this tumour type only (chemosensitivity differs between tumour types).
    public var drugSensitivity: [String: Double] = [:]

    /// The sensitivity applied to drug `id`: its fitted ``drugSensitivity``; else, for a VEGFR
    /// tyrosine-kinase inhibitor (a drug with a vessel-pruning effect), the geometric mean of the
    /// VEGFR TKIs fitted in this tumour type, since how far pruning and growth inhibition go depends
    /// on the tumour's vasculature more than on which VEGFR TKI blocks it (e.g. RCC: axitinib and
    /// cabozantinib, which have no monotherapy arm, take the level fitted to sunitinib and lenvatinib);
    /// else, for a cytotoxic chemotherapy, the geometric mean of the chemotherapies fitted in this
    /// tumour type, since chemosensitivity is largely a trait of the tumour type shared across
    /// cytotoxic drugs (assumption, anchored on the fitted values: melanoma 0.12–0.15 for dacarbazine
    /// and carboplatin–paclitaxel, NSCLC 0.35–0.81 for four regimens; `docs/CALIBRATION.md`); else nil
    /// (the catalogue effect).
    public func directSensitivity(of id: String) -> Double? {
        if let fitted = drugSensitivity[id] { return fitted }
        for shares in [Self.prunesVessels, Self.isChemotherapy] where shares(id) {
            let logs = drugSensitivity.keys.sorted().filter(shares).compactMap { drugSensitivity[$0].map(Foundation.log) }
            return logs.isEmpty ? nil : exp(logs.reduce(0, +) / Double(logs.count))
        }
        return nil
    }

    static func isChemotherapy(_ id: String) -> Bool { (try? Drug.named(id))?.drugClass == .chemotherapy }

    static func prunesVessels(_ id: String) -> Bool {
        (try? Drug.named(id))?.effects.contains { $0.channel == EffectChannel.vesselPruning } ?? false
    }
    /// Log-scale SD of a patient's sensitivity to direct-acting (cytotoxic, targeted-kill and
    /// growth-inhibiting) drugs and oncolytic viruses, one factor per patient shared by those drugs. Assumption: tumour
    /// cells from different patients differ in drug sensitivity by an order of magnitude or more
    /// (ex vivo drug-sensitivity screens of patients' cancer cells, Pemovska 2013
    /// doi:10.1158/2159-8290.CD-13-0350); without this spread every patient of a population answers
    /// a chemotherapy alike, so its arms could not show a response rate between 0 and 100 %.
    public var directDrugLogSD: Double = 1.0
    /// Pretreated patients (≥ 1 prior systemic line for advanced disease) relative to first-line
    /// patients of the same tumour type: a shift added to the logit of every mechanism median, and a
    /// multiplier of the growth rate (the doubling time is divided by it). Fitted by
    /// `blockade calibrate` where a tumour type has arms of both lines; otherwise the defaults
    /// below. Defaults (assumption): resistance selected by prior therapy and faster growth after
    /// progression on it — anti-PD-1 response rates fall in later lines (e.g. NSCLC and melanoma arms
    /// of `calibration/monotherapy_arms.csv`) — set at +0.5 logit and ×1.3.
    public var pretreatedResistanceShift: Double = 0.5
    public var pretreatedGrowthScale: Double = 1.3
    /// Median survival after progression, months, of first-line patients whose tumour doubles at
    /// the population's median rate (nil: ``defaultPostProgressionMonths``). Later lines of therapy
    /// are not simulated drug by drug; what they add to survival is summarised by this median,
    /// fitted by `blockade calibrate` to the median overall survival of the tumour type's
    /// monotherapy arms (``postProgressionMonths(doublingTimeDays:unit:)``).
    public var postProgressionMonths: Double?
    /// Survival after progression of pretreated patients relative to first-line patients (nil: 1).
    /// Fitted where a tumour type has median-OS arms of both lines: fewer lines of therapy remain
    /// after a progression in a later line.
    public var pretreatedPostProgressionScale: Double?
    /// Median survival after progression where none is fitted, months. Assumption: the order of
    /// median OS minus median PFS of the anti-PD-1 arms of `calibration/monotherapy_arms.csv`
    /// (melanoma first line 36.9 − 6.9 = 30, NSCLC pretreated 12.2 − 2.3 ≈ 10 months).
    public static let defaultPostProgressionMonths = 12.0
    /// Days a course is followed after progression for adverse events of the stopped regimen; the
    /// survival after it comes from ``postProgressionMonths``. Assumption: the safety-reporting window
    /// of checkpoint-inhibitor trials, adverse events up to 100 days after the last dose (CheckMate
    /// protocols) [recalled].
    public static let followUpAfterProgressionDays = 100.0

    /// Survival after progression, months, of a patient whose untreated tumour doubles in
    /// `doublingTimeDays`, for a standard exponential draw of median 1 (`unit`): the population
    /// median scaled by the patient's doubling time relative to the population's (time to a lethal
    /// burden grows with the doubling time: it is a number of doublings), times the draw.
    /// Assumption: exponential survival after progression, as in the post-progression survival
    /// model of Broglio & Berry 2009 doi:10.1093/jnci/djp369.
    /// The reference burden at progression, mm: a median baseline lesion grown by the RECIST 20 %.
    public var progressionReferenceDiameterMM: Double { 1.2 * baselineDiameterMM }

    /// How much longer (shorter) a patient lives after progressing at `progressionDiameterMM` than at
    /// the reference burden: the ratio of the volume doublings left to the lethal burden,
    /// ln(lethal / d) / ln(lethal / reference), volume ∝ diameter³ (so a patient progressing from a
    /// deep response, at a small burden, has more doublings to go). At least 0.05.
    public static func burdenFactor(progressionDiameterMM d: Double, referenceMM: Double, lethalDiameterMM: Double) -> Double {
        max(0.05, Foundation.log(lethalDiameterMM / max(d, 1)) / Foundation.log(lethalDiameterMM / referenceMM))
    }

    public func postProgressionMonths(doublingTimeDays: Double, unit: Double) -> Double {
        (postProgressionMonths ?? Self.defaultPostProgressionMonths) * doublingTimeDays / self.doublingTimeDays * unit
    }

    /// The population of `line` patients; the model's own parameters describe first-line patients
    /// (and trials that do not say).
    public func forLine(_ line: TherapyLine?) -> PopulationModel {
        guard line == .pretreated else { return self }
        var m = self
        m.mechanismMedians = mechanismMedians(shiftedBy: pretreatedResistanceShift)
        m.doublingTimeDays = doublingTimeDays / pretreatedGrowthScale
        m.postProgressionMonths = (postProgressionMonths ?? Self.defaultPostProgressionMonths) * (pretreatedPostProgressionScale ?? 1)
        return m
    }

    /// The mechanism medians with `shift` added to each logit (medians clamped to 0.02–0.98 first,
    /// so a knob at 0 or 1 can still move).
    public func mechanismMedians(shiftedBy shift: Double) -> [String: Double] {
        mechanismMedians.mapValues { median in
            let p = min(0.98, max(0.02, median))
            return 1 / (1 + exp(-(log(p / (1 - p)) + shift)))
        }
    }

    /// The default population of a tumour type, from its catalogue entry (biomarker prevalences included).
    public static func standard(for tumor: TumorType) -> PopulationModel {
        let prevalence = tumor.prevalence
        return PopulationModel(
            tumor: tumor.id, doublingTimeDays: tumor.doublingTimeDays, medianTMB: tumor.medianTMB,
            msiHighFraction: prevalence.msiHigh, pdl1PositiveFraction: prevalence.pdl1Positive, pdl1HighFraction: prevalence.pdl1High,
            mechanismMedians: Dictionary(uniqueKeysWithValues: Mechanism.allCases.map { ($0.rawValue, tumor.mechanisms[$0]) }),
            source: prevalence.source)
    }

    /// Inflammation-linked knobs and the sign of their link (+1: higher in inflamed tumours).
    static let inflammationLinked: [Mechanism: Double] = [
        .chemokineSilencing: -1, .lowAntigenicity: -1, .stromalBarrier: -0.5, .compensatoryCheckpoints: 0.5,
    ]
}

/// Line of therapy of a trial's patients.
public enum TherapyLine: String, Sendable, Codable, CaseIterable, Equatable {
    /// First systemic therapy for advanced disease (including maintenance or consolidation after it).
    case first
    /// After at least one prior systemic line for advanced disease.
    case pretreated

    /// Reads the `setting` column of `calibration/monotherapy_arms.csv`: nil when it mixes lines
    /// ("<=1 prior", "any line", "all patients") or says nothing about them.
    public init?(setting: String) {
        let s = setting.lowercased()
        if ["<=1 prior", "any line", "all patients"].contains(where: s.contains) { return nil }
        if s.hasPrefix("1l") || s.contains("treatment-naive") || s.hasPrefix("consolidation") { self = .first; return }
        if ["previously treated", "2l", "3l", "post-", "refractory", "after", "prior"].contains(where: s.contains) {
            self = .pretreated; return
        }
        return nil
    }
}

/// Chemotherapy sensitivities a tumour type has no arm for, from the fits of every tumour type:
/// log s(drug, tumour) = a(drug) + b(tumour), with b the mean log sensitivity of the chemotherapies
/// fitted in a tumour type (its chemosensitivity) and a a drug's mean deviation from b where it is
/// fitted (its potency relative to other chemotherapies); an unknown a or b takes the mean of the
/// known ones. Assumption: drug and tumour effects multiply (a two-way additive model on the log
/// scale); anchored on the fitted values (`docs/CALIBRATION.md`), not on any held-out arm.
public struct ChemotherapySensitivityPrior: Sendable {
    var tumourEffect: [String: Double] = [:]
    var drugEffect: [String: Double] = [:]

    public init(models: [PopulationModel]) {
        var deviations: [String: [Double]] = [:]
        // Sums run in a fixed order (sorted keys), so the prior is bit-for-bit reproducible.
        for m in models.sorted(by: { $0.tumor < $1.tumor }) {
            let fitted = m.drugSensitivity.sorted { $0.key < $1.key }.filter { PopulationModel.isChemotherapy($0.key) && $0.value > 0 }
            guard !fitted.isEmpty else { continue }
            let b = fitted.reduce(0) { $0 + Foundation.log($1.value) } / Double(fitted.count)
            tumourEffect[m.tumor] = b
            for (drug, s) in fitted { deviations[drug, default: []].append(Foundation.log(s) - b) }
        }
        drugEffect = deviations.mapValues { $0.reduce(0, +) / Double($0.count) }
    }

    /// The sensitivity of `drug` in `tumor` (nil: not a chemotherapy, or no fits at all).
    public func sensitivity(of drug: String, in tumor: String) -> Double? {
        guard PopulationModel.isChemotherapy(drug), !tumourEffect.isEmpty else { return nil }
        func mean(_ d: [String: Double]) -> Double { d.isEmpty ? 0 : d.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } / Double(d.count) }
        return exp((drugEffect[drug] ?? mean(drugEffect)) + (tumourEffect[tumor] ?? mean(tumourEffect)))
    }

    /// `model` with every catalogue chemotherapy it has no fitted sensitivity for filled in.
    public func completing(_ model: PopulationModel) -> PopulationModel {
        var m = model
        for drug in Drug.catalogue where drug.drugClass == .chemotherapy && m.drugSensitivity[drug.id] == nil {
            m.drugSensitivity[drug.id] = sensitivity(of: drug.id, in: model.tumor)
        }
        return m
    }
}
