/// A nanocarrier class of the review's Table 1, with the physical parameters through which its
/// advantages and drawbacks act in the model.
///
/// Quantities are modelling assumptions anchored on the cited facts: median passive tumour delivery
/// ≈ 0.7 % of the injected dose (Wilhelm 2016, doi:10.1038/natrevmats.2016.14), ligand targeting
/// raising it only modestly (0.9 % vs 0.6 % in the same meta-analysis), pegylated liposomal
/// doxorubicin with t½ ≈ 45–55 h and ≥ 90 % encapsulated in circulation (Gabizon 1994; label),
/// accelerated blood clearance of repeated PEGylated doses by anti-PEG IgM (Ishida 2006,
/// doi:10.1016/j.ijpharm.2005.10.044), and penetration falling with particle size in dense ECM
/// (Chauhan 2012, doi:10.1038/nnano.2012.45). Drawbacks without a physical effect in a PK/PD
/// model (cost, manufacturing, characterisation) are listed but change nothing, and say so.
public struct Carrier: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    /// Circulation half-life of the carrier, hours.
    public var halfLifeHours: Double
    /// Hydrodynamic diameter, nm.
    public var diameterNm: Double
    /// First-order release of payload in plasma, 1/day (leakage; higher = less stable).
    public var plasmaReleasePerDay: Double
    /// First-order release inside the tumour, 1/day (stimulus-responsive carriers release faster there).
    public var tumourReleasePerDay: Double
    /// Fraction of each dose released at once on injection (burst).
    public var burstFraction: Double
    /// Extra clearance per prior dose recognised by anti-carrier antibodies (ABC phenomenon), fraction.
    public var acceleratedClearance: Double
    /// Hazard multiplier of carrier-related (infusion, hepatic) adverse events, 0 = none.
    public var carrierToxicity: Double
    /// Largest payload per administration, mg (loading capacity); nil = no practical limit.
    public var maxPayloadMg: Double?
    public var advantages: [String]
    public var drawbacks: [(text: String, modelEffect: String)]
    public var source: String

    public static func == (a: Carrier, b: Carrier) -> Bool { a.id == b.id }

    enum CodingKeys: String, CodingKey {
        case id, name, halfLifeHours, diameterNm, plasmaReleasePerDay, tumourReleasePerDay, burstFraction,
             acceleratedClearance, carrierToxicity, maxPayloadMg, advantages, source
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        guard let known = Carrier.catalogue.first(where: { $0.id == id }) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "unknown carrier '\(id)'")
        }
        self = known
    }

    init(id: String, name: String, halfLifeHours: Double, diameterNm: Double, plasmaReleasePerDay: Double, tumourReleasePerDay: Double,
         burstFraction: Double, acceleratedClearance: Double, carrierToxicity: Double, maxPayloadMg: Double?,
         advantages: [String], drawbacks: [(String, String)], source: String) {
        self.id = id; self.name = name; self.halfLifeHours = halfLifeHours; self.diameterNm = diameterNm
        self.plasmaReleasePerDay = plasmaReleasePerDay; self.tumourReleasePerDay = tumourReleasePerDay
        self.burstFraction = burstFraction; self.acceleratedClearance = acceleratedClearance
        self.carrierToxicity = carrierToxicity; self.maxPayloadMg = maxPayloadMg; self.advantages = advantages
        self.drawbacks = drawbacks.map { (text: $0.0, modelEffect: $0.1) }; self.source = source
    }

    /// Elimination rate of the carrier from plasma (without release), 1/day.
    public var clearancePerDay: Double { 0.6931471805599453 / (halfLifeHours / 24) }

    /// Fraction of the carrier's tumour uptake that survives the ECM barrier at full density:
    /// particles diffuse through the interstitium with a hindrance that grows with size
    /// (assumption: linear in diameter, 10 nm → 0.95, 200 nm → 0.1; Chauhan 2012 qualitative).
    public var ecmPenetration: Double { max(0.05, 1 - diameterNm / 220) }

    /// Per-day tumour uptake rate from plasma for a 0.1 L tumour, chosen so that a long-circulating
    /// carrier delivers ≈ 0.7 % of the dose (Wilhelm 2016): k_up = 0.007 · k_el / 0.993.
    public var tumourUptakePerDay: Double { 0.007 * (clearancePerDay + plasmaReleasePerDay) / 0.993 }

    /// Multiplier of tumour uptake by ligand targeting (Wilhelm 2016: 0.9 % vs 0.6 % median delivery).
    public static let ligandTargetingGain = 1.5

    static let reviewTable = "review Table 1 (refs 47, 50, 52–55)"

    /// The six carrier classes of the review (liposomes and niosomes listed separately).
    public static let catalogue: [Carrier] = [
        Carrier(id: "liposome", name: "PEGylated liposome", halfLifeHours: 55, diameterNm: 90, plasmaReleasePerDay: 0.05,
                tumourReleasePerDay: 0.3, burstFraction: 0.05, acceleratedClearance: 0.5, carrierToxicity: 0.1, maxPayloadMg: nil,
                advantages: ["high biocompatibility", "biodegradable", "low toxicity and immunogenicity", "hydrophilic and lipophilic payloads", "scalable manufacturing"],
                drawbacks: [("short half-life without PEG; anti-PEG antibodies on repeat dosing", "accelerated clearance of 50 % per prior dose (ABC, Ishida 2006)"),
                            ("oxidation / hydrolysis, low stability", "plasma leakage 0.05/day"),
                            ("high production costs", "none (not physical)")],
                source: "PLD: t½ ≈ 45–55 h, ≥ 90 % encapsulated (Gabizon 1994; Doxil label); " + reviewTable),
        Carrier(id: "niosome", name: "niosome (non-ionic surfactant vesicle)", halfLifeHours: 20, diameterNm: 150, plasmaReleasePerDay: 0.4,
                tumourReleasePerDay: 0.5, burstFraction: 0.15, acceleratedClearance: 0.2, carrierToxicity: 0.1, maxPayloadMg: nil,
                advantages: ["biocompatible", "cheaper and more stable surfactants than phospholipids"],
                drawbacks: [("short half-life", "t½ 20 h (assumption)"), ("low physical stability (leakage, fusion)", "plasma leakage 0.4/day and 15 % burst")],
                source: reviewTable),
        Carrier(id: "polymeric", name: "polymeric nanoparticle / micelle (PLGA, PEG-PLA)", halfLifeHours: 30, diameterNm: 80, plasmaReleasePerDay: 0.15,
                tumourReleasePerDay: 0.15, burstFraction: 0.25, acceleratedClearance: 0.3, carrierToxicity: 0.1, maxPayloadMg: nil,
                advantages: ["easy loading of hydrophobic drugs", "sustained, controlled release", "lower production cost"],
                drawbacks: [("dependency on the critical micelle concentration: dilution in blood dissociates micelles", "25 % burst release on injection"),
                            ("low stability, lower biocompatibility", "plasma leakage 0.15/day"), ("complex characterisation", "none (not physical)")],
                source: reviewTable),
        Carrier(id: "inorganic", name: "inorganic nanoparticle (gold, silica, iron oxide)", halfLifeHours: 16, diameterNm: 50, plasmaReleasePerDay: 0.02,
                tumourReleasePerDay: 1.0, burstFraction: 0.02, acceleratedClearance: 0, carrierToxicity: 1.0, maxPayloadMg: nil,
                advantages: ["versatile surface functionalisation", "stimulus-responsive release", "uniform particle size"],
                drawbacks: [("higher toxicity, less biocompatible", "carrier adverse-event hazard × 1.0 (highest)"),
                            ("rapid uptake by the mononuclear phagocyte system", "t½ 16 h"), ("poor long-term stability data", "none (unknown, not modelled)")],
                source: reviewTable),
        Carrier(id: "hybrid", name: "lipid–polymer hybrid nanoparticle", halfLifeHours: 40, diameterNm: 100, plasmaReleasePerDay: 0.03,
                tumourReleasePerDay: 0.4, burstFraction: 0.03, acceleratedClearance: 0.3, carrierToxicity: 0.1, maxPayloadMg: nil,
                advantages: ["high stability", "controllable release", "low toxicity"],
                drawbacks: [("complex industrial manufacturing, high cost", "none (not physical)")],
                source: reviewTable),
        Carrier(id: "protein", name: "protein nanoparticle (albumin, casein micelles)", halfLifeHours: 12, diameterNm: 130, plasmaReleasePerDay: 0.6,
                tumourReleasePerDay: 0.8, burstFraction: 0.3, acceleratedClearance: 0, carrierToxicity: 0.05, maxPayloadMg: 300,
                advantages: ["natural origin, biodegradable", "non-immunogenic", "non-toxic"],
                drawbacks: [("less blood circulation time, enzymatic degradation", "t½ 12 h, leakage 0.6/day"),
                            ("lower loading capacity", "at most 300 mg payload per administration (assumption)"), ("expensive manufacturing", "none (not physical)")],
                source: reviewTable),
        Carrier(id: "carbon", name: "carbon-based nanomaterial (nanotubes, graphene, carbon dots)", halfLifeHours: 10, diameterNm: 200, plasmaReleasePerDay: 0.05,
                tumourReleasePerDay: 0.3, burstFraction: 0.05, acceleratedClearance: 0, carrierToxicity: 0.8, maxPayloadMg: nil,
                advantages: ["high drug-loading capacity (surface area)", "efficient delivery"],
                drawbacks: [("potential biological toxicity", "carrier adverse-event hazard × 0.8"),
                            ("large, fibrous particles penetrate dense stroma poorly", "ECM penetration falls with 200 nm size"),
                            ("complex manufacturing", "none (not physical)")],
                source: reviewTable),
    ]

    /// Looks up a carrier, listing the valid ids on failure.
    public static func named(_ id: String) throws(BlockadeError) -> Carrier {
        guard let c = catalogue.first(where: { $0.id == id.lowercased() }) else {
            throw .unknownName(kind: "carrier", name: id, valid: catalogue.map(\.id))
        }
        return c
    }
}
