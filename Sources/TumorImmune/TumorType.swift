/// A solid tumour type with the defaults a typical untreated patient of that type starts from.
///
/// These are population centres, not fits: `blockade calibrate` fits the spread.
/// TMB medians are the approximate per-type medians of Chalmers 2017 (Genome Med,
/// doi:10.1186/s13073-017-0424-2) [recalled, rounded; Chalmers 2017 Additional file 3 Table S1, as transcribed in
/// pirl-unc/oncoref docs/audits/tmb-ici-apd1.csv, gives liver hepatocellular carcinoma 3.6 (here 3.5) and colon
/// adenocarcinoma 4.5 (here crc 3.6); the other rows were not found]; MSI-H solid tumours use the MSI-H median
/// (≈ 40 mut/Mb, Chalmers 2017 [recalled]). Doubling times and knob levels are modelling
/// assumptions written from the biology each review section describes, to be calibrated against
/// `calibration/monotherapy_arms.csv`.
public struct TumorType: Sendable, Equatable, Codable {
    /// Identifier (`melanoma`, `nsclc`, ...).
    public var id: String
    public var name: String
    /// Median tumour mutational burden, mutations per megabase.
    public var medianTMB: Double
    /// Volume doubling time of the untreated tumour, days (assumption).
    public var doublingTimeDays: Double
    /// Baseline PD-L1 expression relative to a typical PD-L1-positive tumour (1 = typical).
    public var pdl1Expression: Double
    /// Default resistance-mechanism levels.
    public var mechanisms: MechanismLevels
    /// Biomarker prevalences in advanced disease, with their source.
    public var prevalence: BiomarkerPrevalence

    public init(id: String, name: String, medianTMB: Double, doublingTimeDays: Double, pdl1Expression: Double,
                mechanisms: [Mechanism: Double], prevalence: BiomarkerPrevalence) {
        self.id = id; self.name = name; self.medianTMB = medianTMB; self.doublingTimeDays = doublingTimeDays
        self.pdl1Expression = pdl1Expression; self.prevalence = prevalence
        var levels = MechanismLevels(uniform: 0)
        for m in Mechanism.firstCatalogue { levels[m] = 0.3 }
        for (m, v) in mechanisms { levels[m] = v }
        self.mechanisms = levels
    }
}

/// MSI-high and PD-L1 TPS ≥ 1 % / ≥ 50 % prevalences of a tumour type in advanced disease
/// (fractions 0–1), the starting point of its virtual population's biomarkers.
public struct BiomarkerPrevalence: Sendable, Equatable, Codable {
    public var msiHigh: Double
    public var pdl1Positive: Double
    public var pdl1High: Double
    public var source: String

    public init(msiHigh: Double, pdl1Positive: Double, pdl1High: Double, source: String) {
        self.msiHigh = msiHigh; self.pdl1Positive = pdl1Positive; self.pdl1High = pdl1High; self.source = source
    }
}

extension TumorType {
    /// The tumour types of DESIGN.md. Mechanism levels not listed default to 0.3 (moderate) for the
    /// knobs of ``Mechanism/firstCatalogue`` and to 0 for knobs added since.
    public static let catalogue: [TumorType] = [
        TumorType(id: "melanoma", name: "Cutaneous melanoma", medianTMB: 13.5, doublingTimeDays: 60, pdl1Expression: 1.0,
                  mechanisms: [.lowAntigenicity: 0.1, .chemokineSilencing: 0.2, .stromalBarrier: 0.2],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.45, pdl1High: 0.15, source: "PD-L1 ≥1 % ≈ 45 % (CheckMate 067, Larkin 2015 [recalled]); MSI rare")),
        TumorType(id: "nsclc", name: "Non-small-cell lung cancer", medianTMB: 8, doublingTimeDays: 90, pdl1Expression: 1.0,
                  mechanisms: [.lowAntigenicity: 0.3, .stromalBarrier: 0.4],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.66, pdl1High: 0.29, source: "TPS ≥1 % ≈ 66 %, ≥50 % ≈ 29 % (KEYNOTE-042 screening, Mok 2019 [recalled])")),
        TumorType(id: "sclc", name: "Small-cell lung cancer", medianTMB: 9, doublingTimeDays: 45, pdl1Expression: 0.2,
                  mechanisms: [.antigenPresentationLoss: 0.6, .chemokineSilencing: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.2, pdl1High: 0.05, source: "PD-L1 rarely expressed in SCLC [recalled]")),
        TumorType(id: "rcc", name: "Renal cell carcinoma", medianTMB: 2, doublingTimeDays: 120, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.3, .m2Macrophages: 0.4, .stromalBarrier: 0.2],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.25, pdl1High: 0.08, source: "PD-L1 ≥1 % ≈ 25 % (CheckMate 214 [recalled])")),
        TumorType(id: "crc", name: "Colorectal cancer (MSS unless selected)", medianTMB: 3.6, doublingTimeDays: 100, pdl1Expression: 0.2,
                  mechanisms: [.lowAntigenicity: 0.8, .chemokineSilencing: 0.6, .stromalBarrier: 0.6, .tregSuppression: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.04, pdl1Positive: 0.2, pdl1High: 0.05, source: "MSI-H ≈ 4 % of metastatic CRC (Le 2015 [recalled])")),
        TumorType(id: "urothelial", name: "Urothelial carcinoma", medianTMB: 7.2, doublingTimeDays: 80, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.3, .stromalBarrier: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.02, pdl1Positive: 0.4, pdl1High: 0.15, source: "[recalled]")),
        TumorType(id: "hcc", name: "Hepatocellular carcinoma", medianTMB: 3.5, doublingTimeDays: 110, pdl1Expression: 0.5,
                  mechanisms: [.lowAntigenicity: 0.5, .mdscSuppression: 0.5, .stromalBarrier: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.25, pdl1High: 0.08, source: "[recalled]")),
        TumorType(id: "gastric", name: "Gastric / GEJ adenocarcinoma", medianTMB: 4, doublingTimeDays: 90, pdl1Expression: 0.6,
                  mechanisms: [.lowAntigenicity: 0.5, .stromalBarrier: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.05, pdl1Positive: 0.6, pdl1High: 0.2, source: "CPS ≥1 ≈ 60 % (KEYNOTE-062 [recalled]); MSI-H ≈ 5 % advanced")),
        TumorType(id: "esophageal", name: "Oesophageal carcinoma", medianTMB: 4.5, doublingTimeDays: 90, pdl1Expression: 0.7,
                  mechanisms: [.lowAntigenicity: 0.4, .stromalBarrier: 0.4],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.02, pdl1Positive: 0.5, pdl1High: 0.2, source: "[recalled]")),
        TumorType(id: "tnbc", name: "Triple-negative breast cancer", medianTMB: 3.6, doublingTimeDays: 70, pdl1Expression: 0.6,
                  mechanisms: [.lowAntigenicity: 0.5, .mdscSuppression: 0.5, .m2Macrophages: 0.4],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.4, pdl1High: 0.1, source: "PD-L1 IC ≥1 % ≈ 40 % (IMpassion130 [checked: PD-L1 IC+ 41 % of each arm, Schmid 2018 NEJM as tabulated in https://pmc.ncbi.nlm.nih.gov/articles/PMC7678394/table/T1; 369 (185 + 184) PD-L1 IC+ patients, FDA approval summary table at https://clincancerres.aacrjournals.org/highwire/markup/181360, of 902 randomised])")),
        TumorType(id: "hnscc", name: "Head and neck squamous cell carcinoma", medianTMB: 5, doublingTimeDays: 80, pdl1Expression: 0.9,
                  mechanisms: [.lowAntigenicity: 0.4, .mdscSuppression: 0.4],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.01, pdl1Positive: 0.8, pdl1High: 0.3, source: "CPS ≥1 ≈ 85 % (KEYNOTE-048 [recalled; KEYNOTE-048 gives CPS ≥1 in 754 of 882 = 85 % and, by difference, CPS ≥20 in 381 of 882 = 43 % (Burtness 2022 J Clin Oncol doi:10.1200/JCO.21.02198 abstract: 128 CPS <1, 373 CPS 1–19), against pdl1Positive 0.8 here])")),
        TumorType(id: "ovarian", name: "Ovarian carcinoma", medianTMB: 2.7, doublingTimeDays: 90, pdl1Expression: 0.4,
                  mechanisms: [.lowAntigenicity: 0.6, .chemokineSilencing: 0.5, .tregSuppression: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.02, pdl1Positive: 0.35, pdl1High: 0.1, source: "[recalled]")),
        TumorType(id: "endometrial", name: "Endometrial carcinoma (MMR-proficient unless selected)", medianTMB: 5.4, doublingTimeDays: 90, pdl1Expression: 0.5,
                  mechanisms: [.lowAntigenicity: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.25, pdl1Positive: 0.5, pdl1High: 0.15, source: "dMMR ≈ 25–30 % of advanced endometrial cancer [recalled]")),
        TumorType(id: "msi-h-solid", name: "MSI-high / dMMR solid tumours", medianTMB: 40, doublingTimeDays: 90, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.0, .chemokineSilencing: 0.1],
                  prevalence: BiomarkerPrevalence(msiHigh: 1.0, pdl1Positive: 0.5, pdl1High: 0.2, source: "selected MSI-H/dMMR by definition")),
        TumorType(id: "hodgkin", name: "Classical Hodgkin lymphoma (optional; PD-L1 amplified)", medianTMB: 5, doublingTimeDays: 60, pdl1Expression: 3.0,
                  mechanisms: [.antigenPresentationLoss: 0.5],
                  prevalence: BiomarkerPrevalence(msiHigh: 0.0, pdl1Positive: 0.95, pdl1High: 0.8, source: "9p24.1 amplification: PD-L1 near-universal (Roemer 2016 [checked: Roemer 2016 J Clin Oncol doi:10.1200/JCO.2016.66.4482 abstract: 9p24.1 PD-L1/PD-L2 alterations in 97 % of 108 cHL, pdl1Positive 0.95 within rounding; pdl1High 0.8 not in the source])")),
    ]

    /// Looks up a tumour type, listing the valid ids on failure.
    public static func named(_ id: String) throws(BlockadeError) -> TumorType {
        guard let t = catalogue.first(where: { $0.id == id.lowercased() }) else {
            throw .unknownName(kind: "tumour type", name: id, valid: catalogue.map(\.id))
        }
        return t
    }
}
