/// A solid tumour type with the defaults a typical untreated patient of that type starts from.
///
/// These are population centres, not fits: `blockade calibrate` fits the spread.
/// TMB medians are the approximate per-type medians of Chalmers 2017 (Genome Med,
/// doi:10.1186/s13073-017-0424-2) [recalled, rounded]; MSI-H solid tumours use the MSI-H median
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

    public init(id: String, name: String, medianTMB: Double, doublingTimeDays: Double, pdl1Expression: Double,
                mechanisms: [Mechanism: Double]) {
        self.id = id; self.name = name; self.medianTMB = medianTMB; self.doublingTimeDays = doublingTimeDays
        self.pdl1Expression = pdl1Expression
        var levels = MechanismLevels(uniform: 0)
        for m in Mechanism.firstCatalogue { levels[m] = 0.3 }
        for (m, v) in mechanisms { levels[m] = v }
        self.mechanisms = levels
    }
}

extension TumorType {
    /// The tumour types of DESIGN.md. Mechanism levels not listed default to 0.3 (moderate) for the
    /// knobs of ``Mechanism/firstCatalogue`` and to 0 for knobs added since.
    public static let catalogue: [TumorType] = [
        TumorType(id: "melanoma", name: "Cutaneous melanoma", medianTMB: 13.5, doublingTimeDays: 60, pdl1Expression: 1.0,
                  mechanisms: [.lowAntigenicity: 0.1, .chemokineSilencing: 0.2, .stromalBarrier: 0.2]),
        TumorType(id: "nsclc", name: "Non-small-cell lung cancer", medianTMB: 8, doublingTimeDays: 90, pdl1Expression: 1.0,
                  mechanisms: [.lowAntigenicity: 0.3, .stromalBarrier: 0.4]),
        TumorType(id: "sclc", name: "Small-cell lung cancer", medianTMB: 9, doublingTimeDays: 45, pdl1Expression: 0.2,
                  mechanisms: [.antigenPresentationLoss: 0.6, .chemokineSilencing: 0.5]),
        TumorType(id: "rcc", name: "Renal cell carcinoma", medianTMB: 2, doublingTimeDays: 120, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.3, .m2Macrophages: 0.4, .stromalBarrier: 0.2]),
        TumorType(id: "crc", name: "Colorectal cancer (MSS unless selected)", medianTMB: 3.6, doublingTimeDays: 100, pdl1Expression: 0.2,
                  mechanisms: [.lowAntigenicity: 0.8, .chemokineSilencing: 0.6, .stromalBarrier: 0.6, .tregSuppression: 0.5]),
        TumorType(id: "urothelial", name: "Urothelial carcinoma", medianTMB: 7.2, doublingTimeDays: 80, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.3, .stromalBarrier: 0.5]),
        TumorType(id: "hcc", name: "Hepatocellular carcinoma", medianTMB: 3.5, doublingTimeDays: 110, pdl1Expression: 0.5,
                  mechanisms: [.lowAntigenicity: 0.5, .mdscSuppression: 0.5, .stromalBarrier: 0.5]),
        TumorType(id: "gastric", name: "Gastric / GEJ adenocarcinoma", medianTMB: 4, doublingTimeDays: 90, pdl1Expression: 0.6,
                  mechanisms: [.lowAntigenicity: 0.5, .stromalBarrier: 0.5]),
        TumorType(id: "esophageal", name: "Oesophageal carcinoma", medianTMB: 4.5, doublingTimeDays: 90, pdl1Expression: 0.7,
                  mechanisms: [.lowAntigenicity: 0.4, .stromalBarrier: 0.4]),
        TumorType(id: "tnbc", name: "Triple-negative breast cancer", medianTMB: 3.6, doublingTimeDays: 70, pdl1Expression: 0.6,
                  mechanisms: [.lowAntigenicity: 0.5, .mdscSuppression: 0.5, .m2Macrophages: 0.4]),
        TumorType(id: "hnscc", name: "Head and neck squamous cell carcinoma", medianTMB: 5, doublingTimeDays: 80, pdl1Expression: 0.9,
                  mechanisms: [.lowAntigenicity: 0.4, .mdscSuppression: 0.4]),
        TumorType(id: "ovarian", name: "Ovarian carcinoma", medianTMB: 2.7, doublingTimeDays: 90, pdl1Expression: 0.4,
                  mechanisms: [.lowAntigenicity: 0.6, .chemokineSilencing: 0.5, .tregSuppression: 0.5]),
        TumorType(id: "endometrial", name: "Endometrial carcinoma (MMR-proficient unless selected)", medianTMB: 5.4, doublingTimeDays: 90, pdl1Expression: 0.5,
                  mechanisms: [.lowAntigenicity: 0.5]),
        TumorType(id: "msi-h-solid", name: "MSI-high / dMMR solid tumours", medianTMB: 40, doublingTimeDays: 90, pdl1Expression: 0.8,
                  mechanisms: [.lowAntigenicity: 0.0, .chemokineSilencing: 0.1]),
        TumorType(id: "hodgkin", name: "Classical Hodgkin lymphoma (optional; PD-L1 amplified)", medianTMB: 5, doublingTimeDays: 60, pdl1Expression: 3.0,
                  mechanisms: [.antigenPresentationLoss: 0.5]),
    ]

    /// Looks up a tumour type, listing the valid ids on failure.
    public static func named(_ id: String) throws(BlockadeError) -> TumorType {
        guard let t = catalogue.first(where: { $0.id == id.lowercased() }) else {
            throw .unknownName(kind: "tumour type", name: id, valid: catalogue.map(\.id))
        }
        return t
    }
}
