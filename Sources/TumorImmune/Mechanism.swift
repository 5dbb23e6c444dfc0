/// A resistance mechanism of the review, exposed as a knob from 0 (absent) to 1 (fully active).
///
/// Each knob scales one documented process of ``TumorImmuneNetwork``; `docs/MODEL.md` lists the
/// parameter it drives. Levels are clamped to [0, 1] by ``MechanismLevels``.
public enum Mechanism: String, CaseIterable, Sendable, Codable, Comparable {
    case lowAntigenicity = "low-antigenicity"
    case antigenPresentationLoss = "antigen-presentation-loss"
    case chemokineSilencing = "chemokine-silencing"
    case mdscSuppression = "mdsc-suppression"
    case tregSuppression = "treg-suppression"
    case m2Macrophages = "m2-macrophages"
    case compensatoryCheckpoints = "compensatory-checkpoints"
    case stromalBarrier = "stromal-barrier"
    case tCellExhaustion = "t-cell-exhaustion"
    case acquiredAntigenLoss = "acquired-antigen-loss"

    public static func < (a: Mechanism, b: Mechanism) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// The knobs of the first calibrated catalogue, in that order. Never add to this list: tumour
    /// types default these to a moderate 0.3 when they do not list them, and virtual patients draw
    /// them from their main random stream; a knob added later defaults to 0 (absent) and draws
    /// from a stream keyed by its name, so adding one changes no typical patient and no other draw.
    public static let firstCatalogue: [Mechanism] = [
        .lowAntigenicity, .antigenPresentationLoss, .chemokineSilencing, .mdscSuppression, .tregSuppression,
        .m2Macrophages, .compensatoryCheckpoints, .stromalBarrier, .tCellExhaustion, .acquiredAntigenLoss,
    ]

    /// The network parameter that carries this knob's level (the one map from mechanisms to the
    /// model; its id and source are in ``TumorImmuneParameters/table``).
    public var knob: CoreParameter {
        switch self {
        case .lowAntigenicity: .knobLowAntigenicity
        case .antigenPresentationLoss: .knobAntigenPresentationLoss
        case .chemokineSilencing: .knobChemokineSilencing
        case .mdscSuppression: .knobMdsc
        case .tregSuppression: .knobTreg
        case .m2Macrophages: .knobM2
        case .compensatoryCheckpoints: .knobCompensatory
        case .stromalBarrier: .knobStroma
        case .tCellExhaustion: .knobExhaustion
        case .acquiredAntigenLoss: .knobAcquiredLoss
        }
    }

    /// Parameter id in the network that carries this knob's level.
    public var parameterID: String { knob.definition.id }

    /// What the knob does in the model, in one sentence, with the review section it comes from.
    public var summary: String {
        switch self {
        case .lowAntigenicity:
            return "Few immunogenic neoantigens: T-cell priming in the lymph node falls by up to 90 % (review §2.1; TMB as its proxy)."
        case .antigenPresentationLoss:
            return "MHC-I/B2M loss (incl. PI3K/AKT- and MAPK-driven downregulation): CD8 recognition and killing fall by up to 95 % (review §2.1)."
        case .chemokineSilencing:
            return "EZH2/DNMT1 silencing of CXCL9/CXCL10: IFN-γ-induced chemokine output and T-cell recruitment fall by up to 90 % (review §2.1; Peng 2015, doi:10.1038/nature15520)."
        case .mdscSuppression:
            return "Myeloid-derived suppressor cells recruited in proportion to the level; they blunt killing, proliferation and APC priming (review §2.2)."
        case .tregSuppression:
            return "Regulatory T cells recruited in proportion to the level; they suppress effector killing and secrete IL-10 (review §2.2)."
        case .m2Macrophages:
            return "Macrophage polarisation towards M2, which secretes IL-10 and TGF-β (review §2.2)."
        case .compensatoryCheckpoints:
            return "TIM-3/LAG-3/TIGIT rise under chronic stimulation, faster under PD-1 blockade, and inhibit effector function (review §2.2; Koyama 2016, doi:10.1038/ncomms10501)."
        case .stromalBarrier:
            return "CAF-driven ECM density that excludes T cells and slows antibody penetration; TGF-β raises it (review §2.2; Mariathasan 2018, doi:10.1038/nature25501)."
        case .tCellExhaustion:
            return "Chronic antigen stimulation drives effector CD8 T cells into a non-cytotoxic exhausted state (review §2.2)."
        case .acquiredAntigenLoss:
            return "Immunoediting: dividing antigen-positive cells give rise to antigen-loss clones that CD8 T cells cannot see (review §2.1)."
        }
    }

    /// Parses a user-supplied name, listing the valid ones on failure.
    public static func parse(_ name: String) throws(BlockadeError) -> Mechanism {
        guard let m = Mechanism(rawValue: name.lowercased()) else {
            throw .unknownName(kind: "mechanism", name: name, valid: allCases.map(\.rawValue))
        }
        return m
    }
}

/// A level in [0, 1] for every ``Mechanism``.
public struct MechanismLevels: Sendable, Equatable, Codable {
    private var levels: [Mechanism: Double]

    /// All mechanisms at `level`.
    public init(uniform level: Double = 0) {
        levels = Dictionary(uniqueKeysWithValues: Mechanism.allCases.map { ($0, level) })
    }

    public init(_ values: [Mechanism: Double]) {
        self.init(uniform: 0)
        for (m, v) in values { levels[m] = v }
    }

    public subscript(_ m: Mechanism) -> Double {
        get { levels[m] ?? 0 }
        set { levels[m] = newValue }
    }

    /// Sets a level after checking it is a finite number in [0, 1].
    public mutating func set(_ m: Mechanism, _ value: Double) throws(BlockadeError) {
        guard value.isFinite, (0...1).contains(value) else {
            throw .invalidValue(name: m.rawValue, value: value, expected: "a level from 0 (absent) to 1 (fully active)")
        }
        levels[m] = value
    }
}
