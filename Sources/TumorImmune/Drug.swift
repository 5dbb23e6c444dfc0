/// The kind of therapy a drug is; it decides which model machinery carries it.
public enum DrugClass: String, Sendable, Codable, CaseIterable {
    case checkpointAntibody = "checkpoint-antibody"
    case chemotherapy
    case targeted
    case antibodyDrugConjugate = "adc"
    case vaccine
    case epigenetic
    case cytokine
    case oncolyticVirus = "oncolytic-virus"
    case cellTherapy = "car-t"
    case radiotherapy
}

/// How a dose enters the body.
public enum Route: String, Sendable, Codable {
    /// Bolus into plasma (infusions of ≤ 1 h are treated as boluses on the day scale).
    case intravenous
    /// Daily oral dosing, modelled as a zero-order input while on treatment (dose × F per day):
    /// exact for the mean exposure, ignores the within-day peak/trough (stated approximation).
    case oral
    /// Injection into the lesion.
    case intralesional
}

/// Where a drug's concentration is read for an effect.
public enum EffectSite: String, Sendable, Codable {
    case plasma, tumour, lymphNode = "lymph-node"
}

/// A process of the tumour–immune model a drug can act on.
///
/// Fractional channels (blockades, inhibitions, restorations) combine across drugs by Bliss
/// independence, 1 − Π(1 − eᵢ); rate channels (kill and depletion rates, per day) add. A
/// combination's effect therefore comes only from each drug's pharmacology and these rules — there
/// is no per-combination term anywhere.
public enum EffectChannel: String, Sendable, Codable, CaseIterable {
    // Fractional, 0–1.
    case pd1Blockade = "pd1-blockade", pdl1Blockade = "pdl1-blockade", ctla4Blockade = "ctla4-blockade"
    case lag3Blockade = "lag3-blockade", tim3Blockade = "tim3-blockade", tigitBlockade = "tigit-blockade"
    /// Fraction of cancer-cell proliferation blocked.
    case growthInhibition = "growth-inhibition"
    /// Vessel normalisation: more T-cell and drug entry, fewer MDSCs (Fukumura 2018 doi:10.1038/nrclinonc.2018.29).
    case vesselNormalisation = "vessel-normalisation"
    /// Fraction of MHC-I loss reversed (MAPK/PI3K inhibition, epigenetic de-repression).
    case mhcRestoration = "mhc-restoration"
    /// Fraction of CXCL9/10 silencing reversed (EZH2/DNMT/HDAC inhibition).
    case chemokineRestoration = "chemokine-restoration"
    /// Extra APC maturation (GM-CSF, adjuvants), as a fraction of the maximal maturation rate.
    case apcActivation = "apc-activation"
    /// Extra priming of tumour-specific CD8 by a vaccine's antigen, as a fraction of the maximal priming rate.
    case primingBoost = "priming-boost"
    /// Antigenicity of drug-killed cells relative to CD8-killed cells (immunogenic cell death).
    case immunogenicDeath = "immunogenic-death"
    // Rates, per day.
    /// Kill rate of cancer cells (both clones), per day.
    case cytotoxicKill = "cytotoxic-kill"
    /// Kill rate of cancer cells (both clones) by vessel pruning, per day: ischaemic death under
    /// VEGFR blockade, lost as the tumour escapes to other angiogenic pathways (`AngioEscape`).
    case vesselPruning = "vessel-pruning"
    /// Kill rate of antigen-positive cancer cells only (antigen-targeted payloads), per day.
    case targetedKill = "targeted-kill"
    /// Extra death rate of effector T cells in blood, lymph node and tumour, per day.
    case lymphodepletion
    /// Extra MDSC death rate, per day.
    case mdscDepletion = "mdsc-depletion"
    /// Extra Treg death rate (Fc-mediated depletion), per day.
    case tregDepletion = "treg-depletion"
    /// Bone-marrow toxicity (drives haematologic adverse events only), dimensionless 0–1.
    case myelosuppression

    /// Whether the channel acts on cancer cells directly (kill or growth inhibition), so that a
    /// patient's or tumour type's drug sensitivity scales it
    /// (``CompiledNetwork/scaleDirectEffects(factor:)``).
    public var isDirectActing: Bool {
        // Exhaustive on purpose: a new channel must say whether it acts on cancer cells directly.
        switch self {
        case .cytotoxicKill, .vesselPruning, .targetedKill, .growthInhibition: true
        case .pd1Blockade, .pdl1Blockade, .ctla4Blockade, .lag3Blockade, .tim3Blockade, .tigitBlockade, .vesselNormalisation,
             .mhcRestoration, .chemokineRestoration, .apcActivation, .primingBoost, .immunogenicDeath, .lymphodepletion,
             .mdscDepletion, .tregDepletion, .myelosuppression: false
        }
    }

    /// Whether effects on this channel combine by Bliss independence (true) or add (false).
    public var isFractional: Bool {
        // Exhaustive on purpose: a new channel must say how it combines across drugs.
        switch self {
        case .cytotoxicKill, .vesselPruning, .targetedKill, .lymphodepletion, .mdscDepletion, .tregDepletion: false
        case .pd1Blockade, .pdl1Blockade, .ctla4Blockade, .lag3Blockade, .tim3Blockade, .tigitBlockade, .growthInhibition,
             .vesselNormalisation, .mhcRestoration, .chemokineRestoration, .apcActivation, .primingBoost, .immunogenicDeath,
             .myelosuppression: true
        }
    }
}

/// One pharmacodynamic effect: E = emax · Cⁿ / (Cⁿ + EC50ⁿ) at `site`.
public struct DrugEffect: Sendable, Equatable, Codable {
    public var channel: EffectChannel
    /// Maximal effect (fraction for fractional channels, 1/day for rate channels).
    public var emax: Double
    /// Concentration at half-maximal effect, nM (nmol/L).
    public var ec50: Double
    public var hill: Double
    public var site: EffectSite
    public var source: String

    public init(_ channel: EffectChannel, emax: Double, ec50: Double, hill: Double = 1, site: EffectSite = .tumour, source: String) {
        self.channel = channel; self.emax = emax; self.ec50 = ec50; self.hill = hill; self.site = site; self.source = source
    }
}

/// Two-compartment PK plus exchange with the tumour interstitium and the draining lymph node.
public struct PKModel: Sendable, Equatable, Codable {
    /// Linear clearance, L/day.
    public var clearance: Double
    /// Central volume, L.
    public var centralVolume: Double
    /// Peripheral volume, L.
    public var peripheralVolume: Double
    /// Inter-compartmental clearance, L/day.
    public var intercompartmentalClearance: Double
    /// Relaxation rate of the tumour amount towards equilibrium with plasma, 1/day.
    public var tumourExchange: Double
    /// Tumour:plasma concentration ratio at equilibrium (available volume fraction for antibodies).
    public var tumourPartition: Double
    /// Molecular weight, g/mol (mg → nmol).
    public var molecularWeight: Double
    /// Oral bioavailability (1 for parenteral drugs).
    public var bioavailability: Double

    public init(clearance: Double, centralVolume: Double, peripheralVolume: Double, intercompartmentalClearance: Double,
                tumourExchange: Double, tumourPartition: Double, molecularWeight: Double, bioavailability: Double = 1) {
        self.clearance = clearance; self.centralVolume = centralVolume; self.peripheralVolume = peripheralVolume
        self.intercompartmentalClearance = intercompartmentalClearance; self.tumourExchange = tumourExchange
        self.tumourPartition = tumourPartition; self.molecularWeight = molecularWeight; self.bioavailability = bioavailability
    }

    /// Terminal half-life of the two-compartment model, days.
    public var terminalHalfLifeDays: Double {
        let k10 = clearance / centralVolume, k12 = intercompartmentalClearance / centralVolume
        let k21 = intercompartmentalClearance / max(peripheralVolume, 1e-12)
        let sum = k10 + k12 + k21
        let beta = (sum - (sum * sum - 4 * k10 * k21).squareRoot()) / 2
        return 0.6931471805599453 / beta
    }
}

/// One phase of a dose schedule: after `delayDays` without treatment, `count` doses of `doseMg`
/// every `intervalDays` (nil: until the end of treatment).
public struct DosePhase: Sendable, Equatable, Codable {
    /// Dose per administration: mg for drugs, Gy per fraction for radiotherapy, PFU for a virus,
    /// cells for a cell therapy.
    public var doseMg: Double
    /// Days between administrations (for an oral drug, the days one dose lasts: the input rate is
    /// `doseMg / intervalDays` per day).
    public var intervalDays: Double
    /// Number of administrations; nil: until the end of treatment (only the last phase).
    public var count: Int?
    /// Days without treatment before the phase's first dose, on top of the previous phase's last
    /// interval (a treatment break); for the first phase, the day of the first dose. 0 for label
    /// schedules.
    public var delayDays: Double

    public init(doseMg: Double, everyDays: Double, count: Int? = nil, delayDays: Double = 0) {
        self.doseMg = doseMg; intervalDays = everyDays; self.count = count; self.delayDays = delayDays
    }

    enum CodingKeys: String, CodingKey { case doseMg, intervalDays, count, delayDays }

    /// Reads a phase; `delayDays` may be absent (0).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        doseMg = try c.decode(Double.self, forKey: .doseMg)
        intervalDays = try c.decode(Double.self, forKey: .intervalDays)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        delayDays = try c.decodeIfPresent(Double.self, forKey: .delayDays) ?? 0
    }
}

/// A dose schedule: phases run one after the other; treatment stops at `maxDays` (2 years by
/// default), counted from day 0 (the start of the simulation, not the drug's first dose).
public struct DoseSchedule: Sendable, Equatable, Codable {
    public var phases: [DosePhase]
    /// Longest treatment duration, days from day 0.
    public var maxDays: Double
    public var source: String

    public init(_ phases: [DosePhase], maxDays: Double = 730, source: String) {
        self.phases = phases; self.maxDays = maxDays; self.source = source
    }
    /// A single-phase schedule.
    public init(doseMg: Double, everyDays: Double, count: Int? = nil, maxDays: Double = 730, source: String) {
        self.init([DosePhase(doseMg: doseMg, everyDays: everyDays, count: count)], maxDays: maxDays, source: source)
    }

    /// (day, mg) of every administration within `[0, horizon)`.
    public func administrations(horizon: Double) -> [(day: Double, doseMg: Double)] {
        var list: [(Double, Double)] = []
        var day = 0.0
        let end = min(horizon, maxDays)
        for phase in phases {
            day += phase.delayDays
            var given = 0
            while day < end, given < (phase.count ?? .max) {
                list.append((day, phase.doseMg))
                day += phase.intervalDays
                given += 1
            }
            if phase.count == nil { break }
        }
        return list
    }

    /// The schedule as a continuous (zero-order) input, as oral drugs take it: each phase from its
    /// first dose for `count × intervalDays` days (an unlimited phase: to the end of treatment) at
    /// `doseMg / intervalDays` per day, cut at `min(horizon, maxDays)`. Periods are in time order
    /// and do not overlap; a period that would start at or after the end is left out.
    public func continuousInput(horizon: Double) -> [(start: Double, end: Double, mgPerDay: Double)] {
        var periods: [(Double, Double, Double)] = []
        var day = 0.0
        let end = min(horizon, maxDays)
        for phase in phases {
            day += phase.delayDays
            guard day < end else { break }
            let stop = phase.count.map { min(end, day + Double($0) * phase.intervalDays) } ?? end
            periods.append((day, stop, phase.doseMg / phase.intervalDays))
            guard let count = phase.count else { break }
            day += Double(count) * phase.intervalDays
        }
        return periods
    }
}

/// A therapy of the review: its class, route, PK, label schedule and mechanism effects, with sources.
public struct Drug: Sendable, Equatable, Codable {
    /// INN or backbone id, lowercase with hyphens (`nivolumab`, `platinum-doublet`).
    public var id: String
    public var name: String
    public var drugClass: DrugClass
    public var route: Route
    /// Nil for therapies without plasma PK (radiotherapy, cells, virus use their own kinetics).
    public var pk: PKModel?
    public var schedule: DoseSchedule
    public var effects: [DrugEffect]
    /// Whether the drug can be loaded into a nanocarrier (small molecules and peptides: yes).
    public var carriable: Bool
    public var source: String

    /// Reference patient for weight- and surface-based doses (assumption: a typical adult trial
    /// patient of 80 kg and 1.9 m²).
    public static let referenceBodyWeightKg = 80.0
    public static let referenceBodySurfaceM2 = 1.9

    /// nmol per mg.
    public var nanomolPerMg: Double { 1e6 / (pk?.molecularWeight ?? 1e6) }

    /// SBML-safe identifier (`platinum-doublet` → `platinum_doublet`).
    public var sid: String { id.replacingOccurrences(of: "-", with: "_") }
}
