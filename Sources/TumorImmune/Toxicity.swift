import Foundation

/// Organ classes of treatment-related adverse events.
public enum AdverseEventOrgan: String, Sendable, Codable, CaseIterable {
    case colitis, skin, hepatitis, pneumonitis, endocrine, haematologic, myocarditis, carrierReaction = "carrier-reaction"
    /// On-target toxicity of targeted drugs (VEGFR TKIs: hypertension, hand–foot skin reaction,
    /// proteinuria, hepatotoxicity; mTOR/EGFR inhibitors: stomatitis, rash, pneumonitis).
    case targetedTherapy = "targeted-therapy"
    /// Reactions to a therapeutic vaccine and its adjuvant: injection-site reactions (granulomas,
    /// ulceration with water-in-oil emulsions), fever, fatigue, myalgia (van Doorn 2016,
    /// doi:10.1080/21645515.2015.1071455, a systematic review of 91 Montanide ISA-51 trials).
    case vaccineReaction = "vaccine-reaction"
}

/// A regimen's systemic exposure on each toxicity channel at one moment (dimensionless effects,
/// each already weighted by its drugs' toxicity factors).
public struct ToxicityExposure: Sendable, Equatable {
    /// PD-1 axis blockade and lymph-node CTLA-4 blockade (fractions of receptor blocked at toxicity EC50).
    public var pd = 0.0, ctla4 = 0.0
    /// Myelosuppression effect, carrier toxicity load, targeted drugs' on-target effect and
    /// vaccines' priming effect.
    public var myelo = 0.0, carrier = 0.0, targeted = 0.0, vaccine = 0.0

    public init(pd: Double = 0, ctla4: Double = 0, myelo: Double = 0, carrier: Double = 0, targeted: Double = 0, vaccine: Double = 0) {
        self.pd = pd; self.ctla4 = ctla4; self.myelo = myelo; self.carrier = carrier; self.targeted = targeted; self.vaccine = vaccine
    }

    /// The channel-wise sum (for averaging exposures over time).
    public static func + (a: Self, b: Self) -> Self {
        Self(pd: a.pd + b.pd, ctla4: a.ctla4 + b.ctla4, myelo: a.myelo + b.myelo, carrier: a.carrier + b.carrier,
             targeted: a.targeted + b.targeted, vaccine: a.vaccine + b.vaccine)
    }

    /// Every channel divided by `n`.
    public func divided(by n: Double) -> Self {
        Self(pd: pd / n, ctla4: ctla4 / n, myelo: myelo / n, carrier: carrier / n, targeted: targeted / n, vaccine: vaccine / n)
    }
}

/// The toxicity channels a drug effect can feed (see ``ToxicityModel/channel(of:in:)``).
public enum ToxicityChannel: Sendable, Equatable {
    case pd1, pdl1, ctla4, myelosuppression, targeted, vaccine
}

/// Hazard model of treatment-related adverse events, with graded management.
///
/// Immune-related events follow systemic checkpoint blockade. Each drug's plasma exposure blocks
/// its target with a toxicity EC50 (`E_tox = C/(C + EC50_tox)`, a dose-dependent fraction); the
/// PD-1 axis exposure P and the CTLA-4 exposure Q set each organ's hazard as
///
///     h_organ = base_organ · [(1 + a_organ·P)(1 + b_organ·Q) − 1]
///
/// i.e. a product of two independent "releases" of autoreactive T cells: CTLA-4 blockade at
/// priming and PD-1 blockade in tissue (Postow 2018, doi:10.1056/NEJMra1703481). The product term
/// of a dual blockade is fixed by the two monotherapy coefficients — there is no combination
/// constant. PD-L1 blockade counts at 0.7 × its exposure because PD-L2 stays free (assumption from
/// lower pneumonitis rates with anti-PD-L1, Khunger 2017 doi:10.1016/j.chest.2017.04.177).
/// Drug-specific toxicity adds haematologic events in proportion to the myelosuppression channel
/// and carrier reactions in proportion to the carrier's toxicity.
///
/// Coefficients are calibrated only against monotherapy grade ≥ 3 TRAE rates (anti-PD-1 ≈ 14 %,
/// Wang 2019 JAMA Oncol doi:10.1001/jamaoncol.2019.0393; ipilimumab 3 mg/kg ≈ 25–28 %,
/// `calibration/monotherapy_arms.csv`; chemotherapy arms likewise) — see `docs/CALIBRATION.md`.
public struct ToxicityModel: Sendable {
    /// Per-organ coefficients: base hazard (1/day), PD-axis weight a, CTLA-4 weight b, and the
    /// probability that an event is grade ≥ 3 (and grade 5).
    public struct OrganRisk: Sendable {
        public var organ: AdverseEventOrgan
        public var base: Double
        public var pdWeight: Double
        public var ctla4Weight: Double
        public var severeFraction: Double
        public var fatalFraction: Double
    }

    /// Toxicity EC50 for checkpoint antibodies, nM (assumption: systemic effects need exposures
    /// well above receptor saturation, giving the dose dependence seen for ipilimumab 10 vs 3 mg/kg,
    /// Ascierto 2017 doi:10.1016/S1470-2045(17)30231-0).
    public var checkpointToxEC50 = 100.0
    public var pdl1Relative = 0.7

    /// Organ table: the organ distributions follow Wang DY 2018 (doi:10.1001/jamaoncol.2018.3923)
    /// and Xu 2019 (model-facts.md): colitis dominates anti-CTLA-4, skin/endocrine/hepatitis/
    /// pneumonitis anti-PD-1; myocarditis rare but often fatal (39.7 % case fatality). Base rates
    /// are the calibrated scale (`immuneScale`) times these relative weights.
    public var organs: [OrganRisk] = [
        OrganRisk(organ: .colitis, base: 1, pdWeight: 0.8, ctla4Weight: 4.0, severeFraction: 0.45, fatalFraction: 0.01),
        OrganRisk(organ: .skin, base: 1, pdWeight: 1.5, ctla4Weight: 1.5, severeFraction: 0.12, fatalFraction: 0.001),
        OrganRisk(organ: .hepatitis, base: 1, pdWeight: 0.6, ctla4Weight: 1.2, severeFraction: 0.45, fatalFraction: 0.01),
        OrganRisk(organ: .pneumonitis, base: 1, pdWeight: 0.5, ctla4Weight: 0.2, severeFraction: 0.35, fatalFraction: 0.02),
        OrganRisk(organ: .endocrine, base: 1, pdWeight: 1.0, ctla4Weight: 1.0, severeFraction: 0.15, fatalFraction: 0.0),
        OrganRisk(organ: .myocarditis, base: 1, pdWeight: 0.03, ctla4Weight: 0.03, severeFraction: 0.7, fatalFraction: 0.4),
    ]
    /// Scale of immune-related hazards, 1/day (calibrated on anti-PD-1 and ipilimumab monotherapy).
    public var immuneScale = 0.0011
    /// Haematologic hazard per unit myelosuppression effect, 1/day, and its grade ≥ 3 fraction.
    public var haematologicScale = 0.02
    public var haematologicSevere = 0.6
    /// Carrier-reaction hazard per unit carrier toxicity per day of exposure to a carried dose.
    public var carrierScale = 0.004
    /// On-target hazard of targeted drugs per unit of their (catalogue) growth-inhibition effect,
    /// 1/day, and its grade ≥ 3 fraction. Set from the sunitinib monotherapy arms of
    /// `calibration/monotherapy_arms.csv` (grade ≥ 3 TRAE 55–71 %, median ≈ 63 %, over ≈ 8 months on
    /// treatment at a steady-state effect ≈ 0.47): 0.6 · k · 0.47 · 250 days ≈ −ln(0.37).
    public var targetedScale = 0.014
    public var targetedSevere = 0.6
    /// Hazard of vaccine reactions per unit of a vaccine's priming effect, 1/day, and their grade ≥ 3
    /// fraction. Most reactions to peptide vaccines in Montanide are grade 1–2 (van Doorn 2016,
    /// doi:10.1080/21645515.2015.1071455), so the severe fraction is low (0.15, assumption). The
    /// scale is set from the one vaccine monotherapy arm with a G≥3 TRAE rate in
    /// `calibration/monotherapy_arms.csv` (gp100 in Montanide, Hodi 2010
    /// doi:10.1056/NEJMoa1003466: 11.4 %): four doses q3w (catalogue PK, depot t½ ≈ 5 days, peak
    /// 200 nM against an EC50 of 20 nM, Emax 0.3) give a priming-effect integral of
    /// 3 · 4.2 + 5.1 ≈ 18 effect-days (each dose: (0.3/k_el)·ln((C₀ + EC50)/(C_end + EC50))), and
    /// 0.15 · k · 18 = −ln(0.886) gives k ≈ 0.045, rounded to 0.05. Holds after grade ≥ 2
    /// reactions shorten the exposure, and the simulated arm comes out at 10.8 % (400 patients).
    /// The data file carries no gp100 factor (1); a full `blockade calibrate` refit would fit one on
    /// this arm (`drugToxicityArms`). Either way the arm is the only one of its channel: it passes
    /// by construction and tests nothing beyond that.
    public var vaccineScale = 0.05
    public var vaccineSevere = 0.15
    /// Per-drug toxicity multipliers (drug id → factor; absent = 1), fitted by `blockade calibrate`
    /// to each drug's monotherapy grade ≥ 3 TRAE across tumour types: drugs on one channel differ in
    /// toxicity (dose, schedule, off-target effects) beyond what their exposure explains. A drug's
    /// factor weights its share of each channel's exposure, so a combination inherits the factors
    /// of its components and has none of its own.
    public var drugScales: [String: Double] = [:]

    /// The multiplier of drug `id` (1 when not fitted).
    public func scale(of id: String) -> Double { drugScales[id] ?? 1 }

    /// Log-SD σ of a patient's immune-toxicity susceptibility, a log-normal frailty with mean 1
    /// multiplying every immune-related hazard (0: all patients alike). Patients differ widely in
    /// their propensity to autoimmunity under checkpoint blockade (pre-existing autoantibodies,
    /// Toi 2019 doi:10.1001/jamaoncol.2018.5860; germline HLA and autoimmune history), so a
    /// population's severe-irAE incidence grows less than linearly with time on treatment: the most
    /// susceptible patients have their events early. Fitted by `blockade calibrate` on the G≥3 TRAE
    /// of checkpoint monotherapy arms, whose rates vary little with treatment duration (anti-PD-1
    /// ≈ 14 % pooled, Wang 2019 doi:10.1001/jamaoncol.2019.0393).
    /// Tried and left out: an immune hazard falling as exp(−t/80 days) after the first
    /// dose (irAE onset medians 5–15 weeks, Weber 2017 doi:10.1200/JCO.2015.66.1389) on top of the
    /// frailty. Refitted (data v11 populations), it passed 2 more G≥3 arms (55/85) but its larger
    /// early hazard gave more steroid-treated early events, and 4 fewer arms had their ORR within
    /// ±5 points (80/111); the toxicity loss rose from 32.8 to 36.7. Tried again with data v23 as a
    /// fitted late fraction f (hazard × f + (1 − f)·exp(−t/80 d)), each checkpoint antibody's factor
    /// re-levelled at every f: on the 38 checkpoint arms with G≥3 targets (1,000 patients) the loss
    /// fell steadily from 23.9 at f = 0.02 to 16.8 at f = 1 with this frailty (σ = 2.14). Replacing
    /// the frailty instead (σ 0.3, f 0.02, checkpoint factors refitted) lowered that loss to 14.3 but
    /// lost 5 ORR + G≥3 + median-PFS passes at 2,000 patients (434 against 439), so the constant
    /// hazard and the frailty stay (docs/TRIALS-ACCEPTANCE.md).
    public var immuneFrailtyLogSD = 0.0
    /// This patient's immune-toxicity susceptibility (set per virtual patient; 1 = the mean).
    public var immuneSusceptibility = 1.0

    /// The susceptibility of a patient whose standard-normal frailty draw is `z`: exp(σz − σ²/2), mean 1.
    public func susceptibility(normal z: Double) -> Double {
        exp(immuneFrailtyLogSD * z - immuneFrailtyLogSD * immuneFrailtyLogSD / 2)
    }

    /// Nodes and weights of 16-point Gauss–Hermite quadrature for E[f(Z)], Z standard normal
    /// (probabilists' form; nodes ±z, weights summing to 1), for the population-average risk: the
    /// tabulated physicists' rule (Abramowitz & Stegun table 25.10) rescaled by z = x√2, w/√π
    /// (computing the nodes would need an eigen-solver, Golub–Welsch).
    static let hermite: [(z: Double, w: Double)] = {
        let table: [(Double, Double)] = [
            (0.27348104613815, 0.50792947901661), (0.82295144914466, 0.28064745852853),
            (1.38025853919888, 0.08381004139899), (1.95178799091625, 0.01288031153551),
            (2.54620215784748, 0.00093228400862), (3.17699916197996, 0.00002711860093),
            (3.86944790486012, 0.00000023209808), (4.68873893930582, 0.00000000026548),
        ]
        return table.flatMap { x, w in [(x * 2.squareRoot(), w / Double.pi.squareRoot()), (-x * 2.squareRoot(), w / Double.pi.squareRoot())] }
    }()

    /// Population-average probability of at least one event, 1 − E[exp(−Z·H)], for cumulative
    /// immune hazard `h` over susceptibilities Z of this model's frailty.
    public func averageImmuneRisk(cumulativeHazard h: Double) -> Double {
        guard immuneFrailtyLogSD > 0 else { return 1 - exp(-h) }
        return Self.hermite.reduce(0) { $0 + $1.w * (1 - exp(-susceptibility(normal: $1.z) * h)) }
    }

    public init() {}

    /// The toxicity channel that effect `e` of `drug` feeds, or nil: the one place that says which
    /// drug effects cause adverse events (the exposure and the calibrator's per-drug factors use it).
    /// CTLA-4 blockade counts at the lymph node (priming), where its systemic toxicity arises; a
    /// targeted drug's on-target toxicity follows its catalogue growth inhibition (not the tumour's
    /// sensitivity); a vaccine's reactions follow its priming effect (antigen and adjuvant depot).
    public static func channel(of e: DrugEffect, in drug: Drug) -> ToxicityChannel? {
        // Exhaustive on purpose: a new channel must say whether it causes adverse events.
        switch e.channel {
        case .pd1Blockade: .pd1
        case .pdl1Blockade: .pdl1
        case .ctla4Blockade: e.site == .lymphNode ? .ctla4 : nil
        case .myelosuppression: .myelosuppression
        case .growthInhibition: drug.drugClass == .targeted ? .targeted : nil
        case .primingBoost: drug.drugClass == .vaccine ? .vaccine : nil
        case .lag3Blockade, .tim3Blockade, .tigitBlockade, .vesselNormalisation, .mhcRestoration, .chemokineRestoration,
             .apcActivation, .immunogenicDeath, .cytotoxicKill, .vesselPruning, .targetedKill, .lymphodepletion,
             .mdscDepletion, .tregDepletion: nil
        }
    }

    /// Whether events of `organ` are immune-related (driven by checkpoint blockade, scaled by the
    /// patient's susceptibility and managed with steroids and checkpoint holds).
    public func isImmuneRelated(_ organ: AdverseEventOrgan) -> Bool { organs.contains { $0.organ == organ } }

    /// Hazards (1/day) per organ at exposure `e`: the immune-related organs from the PD-axis and
    /// CTLA-4 exposures, then one organ per drug-specific channel.
    public func hazards(_ e: ToxicityExposure) -> [(AdverseEventOrgan, Double)] {
        var list = organs.map { o in
            (o.organ, immuneSusceptibility * immuneScale * o.base * ((1 + o.pdWeight * e.pd) * (1 + o.ctla4Weight * e.ctla4) - 1))
        }
        list.append((.haematologic, haematologicScale * e.myelo))
        list.append((.carrierReaction, carrierScale * e.carrier))
        list.append((.targetedTherapy, targetedScale * e.targeted))
        list.append((.vaccineReaction, vaccineScale * e.vaccine))
        return list
    }

    /// Probability that an event of `organ` is grade ≥ 3, and grade 5.
    public func severity(of organ: AdverseEventOrgan) -> (severe: Double, fatal: Double) {
        if let o = organs.first(where: { $0.organ == organ }) { return (o.severeFraction, o.fatalFraction) }
        switch organ {
        case .haematologic: return (haematologicSevere, 0.005)
        case .targetedTherapy: return (targetedSevere, 0.002)
        // No grade 5: the reactions are local and systemic inflammation, not organ failure (van Doorn 2016; assumption).
        case .vaccineReaction: return (vaccineSevere, 0)
        default: return (0.2, 0)
        }
    }
}
