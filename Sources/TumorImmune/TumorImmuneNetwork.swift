import Reactions

/// Indices of the species shared by every regimen (therapy species follow, per ``DrugSlot``).
public enum S: Int, CaseIterable, Sendable {
    case cancerPositive, cancerLoss, dead, effector, exhausted, treg, mdsc, m1, m2
    case ecm, ifng, il10, tgfb, cxcl, altCheckpoints, apc, primedLN, effectorBlood, steroid, angioEscape
}

/// The tumour–immune checkpoint model as a ``ReactionNetwork``.
///
/// Compartments: blood (central and peripheral, for drugs), tumour and tumour-draining lymph node.
/// Cancer cells come as antigen-positive and antigen-loss clones; effector CD8 T cells are primed in
/// the lymph node (APC maturation from antigen released by dying cancer cells, CTLA-4 competing
/// with CD28), circulate and infiltrate the tumour along CXCL9/10 (silenced by EZH2/DNMT1) and
/// against the ECM barrier, kill antigen-positive cells through MHC-I, and are held back by
/// PD-1/PD-L1 engagement (PD-L1 induced by IFN-γ), TIM-3/LAG-3/TIGIT (upregulated under chronic
/// stimulation, more so under PD-1 blockade), Tregs, MDSCs and M2/IL-10/TGF-β; chronic
/// stimulation exhausts them.
///
/// Therapies enter as ``DrugSlot``s. Drugs with plasma PK have central, peripheral, tumour and
/// lymph-node amounts (plus an oral input rate, and encapsulated pools when carried by a
/// nanocarrier); each acts through ``EffectChannel``s as E = emax·Cⁿ/(Cⁿ + EC50ⁿ) at its site,
/// with receptor binding at equilibrium (fast against day-scale dynamics: a stated simplification
/// that avoids the stiffness of synapse kinetics). Oncolytic virus, CAR-T and radiotherapy carry
/// their own kinetics. Effects of several drugs on one channel combine by fixed rules (Bliss
/// independence for fractions, sums for rates): no combination has a term of its own.
///
/// Cytokines, ECM, APC maturation, alternative-checkpoint expression and corticosteroid level are
/// dimensionless (1 = half-maximal effect, or a 0–1 density).
public struct TumorImmuneNetwork: ReactionNetwork {
    /// The therapies present, in regimen order.
    public let slots: [DrugSlot]

    // Layout, computed once: where each slot's species and parameters start.
    let kinds: [DrugSlot.Kind]
    let speciesStart: [Int]
    public let parameterStart: [Int]
    let isOral: [Bool]
    /// Species offset of the encapsulated pools (−1 without carrier); parameter offset of carrier parameters.
    let carrierSpecies: [Int]
    let carrierParameters: [Int]
    // Effects, flattened: slot, channel, site and index of `emax` (EC50 and Hill follow).
    public let effectSlot: [Int]
    public let effectChannel: [EffectChannel]
    public let effectSite: [EffectSite]
    public let effectParameter: [Int]
    /// Whether an effect's declared Hill coefficient is 1 (lets the rate law skip `pow`; the
    /// parameter stays in the model and the SBML export uses the general form only where needed).
    let effectHillIsOne: [Bool]

    /// PK parameters per slot before its effects: CL, Vc, Vp, Q, k_T, γ_T, MW, F.
    static let pkParameterCount = 8
    static let carrierParameterCount = 7

    public init(slots: [DrugSlot]) {
        self.slots = slots
        var kinds: [DrugSlot.Kind] = [], sStart: [Int] = [], pStart: [Int] = [], oral: [Bool] = []
        var cS: [Int] = [], cP: [Int] = [], eSlot: [Int] = [], eCh: [EffectChannel] = [], eSite: [EffectSite] = [], eP: [Int] = []
        var eHill: [Bool] = []
        var s = S.allCases.count, p = P.allCases.count
        for (k, slot) in slots.enumerated() {
            kinds.append(slot.kind); sStart.append(s); pStart.append(p)
            let isPK = slot.kind == .pharmacokinetic
            let firstEffect = p + (isPK ? Self.pkParameterCount : 0)
            for (j, e) in slot.drug.effects.enumerated() {
                eSlot.append(k); eCh.append(e.channel); eSite.append(e.site); eP.append(firstEffect + 3 * j)
                eHill.append(e.hill == 1)
            }
            let effectsEnd = firstEffect + 3 * slot.drug.effects.count
            switch slot.kind {
            case .pharmacokinetic:
                let isOralSlot = slot.drug.route == .oral
                oral.append(isOralSlot)
                s += 4 + (isOralSlot ? 1 : 0)
                if slot.carrier != nil {
                    cS.append(s - sStart[k]); cP.append(effectsEnd - pStart[k])
                    s += 3
                    p = effectsEnd + Self.carrierParameterCount
                } else {
                    cS.append(-1); cP.append(-1)
                    p = effectsEnd
                }
            case .oncolyticVirus: oral.append(false); cS.append(-1); cP.append(-1); s += 2; p = effectsEnd
            case .cellTherapy: oral.append(false); cS.append(-1); cP.append(-1); s += 3; p = effectsEnd
            case .radiotherapy: oral.append(false); cS.append(-1); cP.append(-1); s += 1; p = effectsEnd
            }
        }
        self.kinds = kinds; speciesStart = sStart; parameterStart = pStart; isOral = oral
        carrierSpecies = cS; carrierParameters = cP
        effectSlot = eSlot; effectChannel = eCh; effectSite = eSite; effectParameter = eP; effectHillIsOne = eHill
    }

    /// Index of a slot's plasma (central) amount, or of its first species for non-PK therapies.
    public func centralIndex(slot k: Int) -> Int { speciesStart[k] }
    /// Index of a slot's oral input-rate species (nil for non-oral drugs).
    public func oralInputIndex(slot k: Int) -> Int? { isOral[k] ? speciesStart[k] + 4 : nil }
    /// Indices of a carried slot's encapsulated plasma pool and anti-carrier immunity level.
    public func carrierIndices(slot k: Int) -> (encapsulated: Int, immunity: Int)? {
        carrierSpecies[k] < 0 ? nil : (speciesStart[k] + carrierSpecies[k], speciesStart[k] + carrierSpecies[k] + 2)
    }

    public var compartments: [Compartment] {
        [
            Compartment(id: "central", description: "plasma (central PK compartment); circulating effector CD8", volumeLitres: 3.5, source: "nominal; each drug uses its own Vc"),
            Compartment(id: "peripheral", description: "peripheral tissues (drug distribution)", volumeLitres: 3.0, source: "nominal; each drug uses its own Vp"),
            Compartment(id: "tumour", description: "tumour; its volume is derived from cell numbers (observable tumour_volume)", volumeLitres: 0.1, source: "nominal size; rate laws use the derived volume"),
            Compartment(id: "lymph_node", description: "tumour-draining lymph nodes, 21 × (4/3)π(2.5 mm)³", volumeLitres: 1.374e-3, source: "QSP-IO (Jafarnejad 2019 doi:10.1208/s12248-019-0350-x)"),
        ]
    }

    public var species: [Species] {
        var list = [
            Species(id: "C_pos", description: "antigen-positive cancer cells", compartment: "tumour", units: "cell", initialAmount: 3e10),
            Species(id: "C_neg", description: "antigen-loss cancer cells (invisible to CD8)", compartment: "tumour", units: "cell", initialAmount: 3e7),
            Species(id: "C_dead", description: "dead cancer cells not yet cleared", compartment: "tumour", units: "cell", initialAmount: 1e8),
            Species(id: "T_eff", description: "effector CD8 T cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 3e8),
            Species(id: "T_exh", description: "exhausted CD8 T cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 3e8),
            Species(id: "Treg", description: "regulatory T cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 1e8),
            Species(id: "MDSC", description: "myeloid-derived suppressor cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 1e8),
            Species(id: "Mac_M1", description: "M1 (pro-inflammatory) macrophages", compartment: "tumour", units: "cell", initialAmount: 3e8),
            Species(id: "Mac_M2", description: "M2 (suppressive) macrophages", compartment: "tumour", units: "cell", initialAmount: 3e8),
            Species(id: "ECM", description: "ECM / CAF barrier density (0–1)", compartment: "tumour", units: "dimensionless", initialAmount: 0.2),
            Species(id: "IFNg", description: "IFN-γ level", compartment: "tumour", units: "dimensionless", initialAmount: 0.3),
            Species(id: "IL10", description: "IL-10 level", compartment: "tumour", units: "dimensionless", initialAmount: 0.3),
            Species(id: "TGFb", description: "TGF-β level", compartment: "tumour", units: "dimensionless", initialAmount: 0.3),
            Species(id: "CXCL", description: "CXCL9/CXCL10 level", compartment: "tumour", units: "dimensionless", initialAmount: 0.3),
            Species(id: "ALT", description: "TIM-3/LAG-3/TIGIT expression on tumour CD8", compartment: "tumour", units: "dimensionless", initialAmount: 0.1),
            Species(id: "APC_mat", description: "mature antigen-presenting cell level in the lymph node", compartment: "lymph_node", units: "dimensionless", initialAmount: 0.3),
            Species(id: "T_LN", description: "primed, proliferating CD8 in the lymph node", compartment: "lymph_node", units: "cell", initialAmount: 1e6),
            Species(id: "T_blood", description: "tumour-specific effector CD8 in blood", compartment: "central", units: "cell", initialAmount: 1e7),
            Species(id: "Steroid", description: "corticosteroid level for irAE management (1 = full dose)", compartment: "central", units: "dimensionless", initialAmount: 0),
            Species(id: "AngioEscape", description: "escape from VEGF-pathway blockade (0 = none, 1 = vessel pruning lost)", compartment: "tumour", units: "dimensionless", initialAmount: 0),
        ]
        for slot in slots {
            let s = slot.sid, d = slot.drug.id
            switch slot.kind {
            case .pharmacokinetic:
                list += [
                    Species(id: "\(s)_C", description: "\(d) (released) in plasma", compartment: "central", units: "nmol", initialAmount: 0),
                    Species(id: "\(s)_P", description: "\(d) in peripheral tissue", compartment: "peripheral", units: "nmol", initialAmount: 0),
                    Species(id: "\(s)_T", description: "\(d) (released) in tumour", compartment: "tumour", units: "nmol", initialAmount: 0),
                    Species(id: "\(s)_LN", description: "\(d) in lymph node", compartment: "lymph_node", units: "nmol", initialAmount: 0),
                ]
                if slot.drug.route == .oral {
                    list.append(Species(id: "\(s)_input", description: "\(d) oral input rate while on treatment (changed by events only)", compartment: "central", units: "nmol/day", initialAmount: 0))
                }
                if let c = slot.carrier {
                    list += [
                        Species(id: "\(s)_enc_C", description: "\(d) encapsulated in \(c.id) carriers, plasma", compartment: "central", units: "nmol", initialAmount: 0),
                        Species(id: "\(s)_enc_T", description: "\(d) encapsulated in \(c.id) carriers, tumour", compartment: "tumour", units: "nmol", initialAmount: 0),
                        Species(id: "\(s)_anti_carrier", description: "anti-\(c.id) immunity from prior doses (accelerated clearance)", compartment: "central", units: "dimensionless", initialAmount: 0),
                    ]
                }
            case .oncolyticVirus:
                list += [
                    Species(id: "\(s)_virus", description: "\(d) virions in the tumour", compartment: "tumour", units: "PFU", initialAmount: 0),
                    Species(id: "\(s)_infected", description: "cancer cells infected by \(d)", compartment: "tumour", units: "cell", initialAmount: 0),
                ]
            case .cellTherapy:
                list += [
                    Species(id: "\(s)_blood", description: "CAR-T cells in blood", compartment: "central", units: "cell", initialAmount: 0),
                    Species(id: "\(s)_tumour", description: "CAR-T cells in the tumour", compartment: "tumour", units: "cell", initialAmount: 0),
                    Species(id: "\(s)_memory", description: "memory CAR-T cells", compartment: "central", units: "cell", initialAmount: 0),
                ]
            case .radiotherapy:
                list.append(Species(id: "\(s)_signal", description: "radiation-induced antigen-release signal", compartment: "tumour", units: "Gy", initialAmount: 0))
            }
        }
        return list
    }

    public var parameters: [Parameter] {
        var list = TumorImmuneParameters.table
        for slot in slots {
            let s = slot.sid, d = slot.drug
            if slot.kind == .pharmacokinetic, let pk = d.pk {
                list += [
                    Parameter(id: "\(s)_CL", description: "\(d.id) linear clearance", value: pk.clearance, units: "L/day", source: d.source),
                    Parameter(id: "\(s)_Vc", description: "\(d.id) central volume", value: pk.centralVolume, units: "L", source: d.source),
                    Parameter(id: "\(s)_Vp", description: "\(d.id) peripheral volume", value: pk.peripheralVolume, units: "L", source: d.source),
                    Parameter(id: "\(s)_Q", description: "\(d.id) inter-compartmental clearance", value: pk.intercompartmentalClearance, units: "L/day", source: d.source),
                    Parameter(id: "\(s)_kT", description: "\(d.id) plasma–tumour exchange rate", value: pk.tumourExchange, units: "1/day", source: d.drugClass == .checkpointAntibody ? "QSP-IO q_T over a 10 mL tumour" : "assumption (small molecules equilibrate within hours)"),
                    Parameter(id: "\(s)_gammaT", description: "\(d.id) tumour available-volume fraction", value: pk.tumourPartition, units: "dimensionless", source: d.drugClass == .checkpointAntibody ? "QSP-IO (γ_T = 0.522)" : "assumption"),
                    Parameter(id: "\(s)_MW", description: "\(d.id) molecular weight", value: pk.molecularWeight, units: "g/mol", source: d.source),
                    Parameter(id: "\(s)_F", description: "\(d.id) bioavailability", value: pk.bioavailability, units: "dimensionless", source: d.source),
                ]
            }
            for e in d.effects {
                let c = e.channel.rawValue.replacingOccurrences(of: "-", with: "_")
                let units = d.drugClass == .oncolyticVirus ? "cell" : "nM"
                list += [
                    Parameter(id: "\(s)_\(c)_\(e.site.rawValue.replacingOccurrences(of: "-", with: "_"))_emax", description: "\(d.id) maximal \(e.channel.rawValue) at the \(e.site.rawValue)", value: e.emax, units: e.channel.isFractional ? "dimensionless" : "1/day", source: e.source),
                    Parameter(id: "\(s)_\(c)_\(e.site.rawValue.replacingOccurrences(of: "-", with: "_"))_ec50", description: "\(d.id) EC50 for \(e.channel.rawValue)", value: e.ec50, units: units, source: e.source),
                    Parameter(id: "\(s)_\(c)_\(e.site.rawValue.replacingOccurrences(of: "-", with: "_"))_hill", description: "\(d.id) Hill coefficient for \(e.channel.rawValue)", value: e.hill, units: "dimensionless", source: e.source),
                ]
            }
            if let c = slot.carrier {
                let src = c.source
                let gain = slot.ligandTargeted ? Carrier.ligandTargetingGain : 1
                list += [
                    Parameter(id: "\(s)_carrier_kel", description: "\(c.id) carrier elimination (t½ \(c.halfLifeHours) h)", value: c.clearancePerDay, units: "1/day", source: src),
                    Parameter(id: "\(s)_release_plasma", description: "\(c.id) payload release in plasma", value: c.plasmaReleasePerDay, units: "1/day", source: src),
                    Parameter(id: "\(s)_release_tumour", description: "\(c.id) payload release in tumour", value: c.tumourReleasePerDay, units: "1/day", source: src),
                    Parameter(id: "\(s)_epr_uptake", description: "\(c.id) tumour uptake per day for a 0.1 L tumour (EPR)", value: c.tumourUptakePerDay, units: "1/day", source: "Wilhelm 2016 doi:10.1038/natrevmats.2016.14 (median 0.7 % ID)"),
                    Parameter(id: "\(s)_ecm_penetration", description: "\(c.id) uptake remaining at full ECM density (\(Int(c.diameterNm)) nm)", value: c.ecmPenetration, units: "dimensionless", source: "Chauhan 2012 doi:10.1038/nnano.2012.45 (size-dependent penetration; linear assumption)"),
                    Parameter(id: "\(s)_abc", description: "\(c.id) extra clearance per unit anti-carrier immunity", value: c.acceleratedClearance, units: "dimensionless", source: "Ishida 2006 doi:10.1016/j.ijpharm.2005.10.044 (accelerated blood clearance)"),
                    Parameter(id: "\(s)_targeting", description: "tumour uptake multiplier of ligand targeting", value: gain, units: "dimensionless", source: "Wilhelm 2016 (0.9 % vs 0.6 % median delivery)"),
                ]
            }
        }
        return list
    }

    public var reactions: [Reaction] {
        func r(_ id: String, _ d: String, _ s: [(String, Double)]) -> Reaction {
            Reaction(id: id, description: d, stoichiometry: s.map { StoichiometryTerm($0.0, $0.1) })
        }
        var list = [
            r("growth_pos", "logistic growth of antigen-positive cells (minus growth inhibition)", [("C_pos", 1)]),
            r("growth_neg", "logistic growth of antigen-loss cells (minus growth inhibition)", [("C_neg", 1)]),
            r("antigen_loss", "antigen loss at division (immunoediting)", [("C_pos", -1), ("C_neg", 1)]),
            r("kill_pos", "killing of antigen-positive cells: CD8, CAR-T, cytotoxic and targeted drugs", [("C_pos", -1), ("C_dead", 1)]),
            r("kill_neg", "killing of antigen-loss cells: bystander CD8 and cytotoxic drugs", [("C_neg", -1), ("C_dead", 1)]),
            r("death_pos", "basal death of antigen-positive cells", [("C_pos", -1), ("C_dead", 1)]),
            r("death_neg", "basal death of antigen-loss cells", [("C_neg", -1), ("C_dead", 1)]),
            r("dead_clearance", "clearance of dead cells", [("C_dead", -1)]),
            r("infiltration", "effector CD8 entry from blood into tumour", [("T_blood", -1), ("T_eff", 1)]),
            r("teff_proliferation", "antigen-driven proliferation in the tumour", [("T_eff", 1)]),
            r("teff_death", "effector death (basal plus lymphodepletion)", [("T_eff", -1)]),
            r("exhaustion", "exhaustion under chronic stimulation", [("T_exh", 1), ("T_eff", -1)]),
            r("texh_death", "exhausted-cell death", [("T_exh", -1)]),
            r("treg_recruitment", "Treg recruitment", [("Treg", 1)]),
            r("treg_death", "Treg death (basal plus Fc-mediated depletion)", [("Treg", -1)]),
            r("mdsc_recruitment", "MDSC recruitment (reduced by vessel normalisation)", [("MDSC", 1)]),
            r("mdsc_death", "MDSC death (basal plus drug depletion)", [("MDSC", -1)]),
            r("mac_recruitment", "macrophage recruitment (as M1)", [("Mac_M1", 1)]),
            r("m2_polarisation", "M1→M2 polarisation (knob; up to doubled by IL-10 + TGF-β)", [("Mac_M1", -1), ("Mac_M2", 1)]),
            r("m1_repolarisation", "M2→M1 repolarisation by IFN-γ", [("Mac_M2", -1), ("Mac_M1", 1)]),
            r("m1_death", "M1 death", [("Mac_M1", -1)]),
            r("m2_death", "M2 death", [("Mac_M2", -1)]),
            r("ecm_deposition", "ECM deposition by CAFs, raised by TGF-β", [("ECM", 1)]),
            r("ecm_turnover", "ECM turnover", [("ECM", -1)]),
            r("ifng_production", "IFN-γ from active effectors", [("IFNg", 1)]),
            r("ifng_clearance", "IFN-γ clearance", [("IFNg", -1)]),
            r("il10_production", "IL-10 from M2 and Tregs", [("IL10", 1)]),
            r("il10_clearance", "IL-10 clearance", [("IL10", -1)]),
            r("tgfb_production", "TGF-β from M2, CAFs and cancer cells", [("TGFb", 1)]),
            r("tgfb_clearance", "TGF-β clearance", [("TGFb", -1)]),
            r("cxcl_production", "CXCL9/10 induced by IFN-γ, minus (restorable) silencing", [("CXCL", 1)]),
            r("cxcl_clearance", "CXCL9/10 turnover", [("CXCL", -1)]),
            r("alt_upregulation", "TIM-3/LAG-3/TIGIT upregulation", [("ALT", 1)]),
            r("alt_decay", "alternative-checkpoint decay", [("ALT", -1)]),
            r("apc_maturation", "APC maturation from released antigen, radiation and APC-activating drugs", [("APC_mat", 1)]),
            r("apc_decay", "mature APC turnover", [("APC_mat", -1)]),
            r("priming", "priming of tumour-specific CD8 in the lymph node (neoantigens plus vaccine antigen)", [("T_LN", 1)]),
            r("ln_expansion", "clonal expansion in the lymph node", [("T_LN", 1)]),
            r("ln_egress", "egress of primed CD8 to blood", [("T_LN", -1), ("T_blood", 1)]),
            r("blood_death", "death of circulating effectors (basal plus lymphodepletion)", [("T_blood", -1)]),
            r("steroid_taper", "corticosteroid taper", [("Steroid", -1)]),
            r("angio_escape", "escape from VEGF-pathway blockade (alternative angiogenic pathways) under antiangiogenic pressure", [("AngioEscape", 1)]),
        ]
        for slot in slots {
            let s = slot.sid, d = slot.drug.id
            switch slot.kind {
            case .pharmacokinetic:
                list += [
                    r("\(s)_elimination", "\(d) linear clearance", [("\(s)_C", -1)]),
                    r("\(s)_distribution", "\(d) plasma ↔ peripheral", [("\(s)_C", -1), ("\(s)_P", 1)]),
                    r("\(s)_tumour_exchange", "\(d) plasma ↔ tumour (penetration reduced by ECM)", [("\(s)_C", -1), ("\(s)_T", 1)]),
                    r("\(s)_ln_uptake", "\(d) plasma → lymph node", [("\(s)_C", -1), ("\(s)_LN", 1)]),
                    r("\(s)_lymph_return", "\(d) lymph node → plasma", [("\(s)_LN", -1), ("\(s)_C", 1)]),
                ]
                if slot.drug.route == .oral {
                    list.append(r("\(s)_absorption", "\(d) oral input (zero-order while on treatment)", [("\(s)_C", 1)]))
                }
                if let c = slot.carrier {
                    list += [
                        r("\(s)_carrier_clearance", "\(c.id) carriers cleared with payload (plus accelerated clearance)", [("\(s)_enc_C", -1)]),
                        r("\(s)_leak_plasma", "payload leaks from \(c.id) in plasma", [("\(s)_enc_C", -1), ("\(s)_C", 1)]),
                        r("\(s)_epr", "\(c.id) carriers reach the tumour (EPR, targeting, size-limited by ECM)", [("\(s)_enc_C", -1), ("\(s)_enc_T", 1)]),
                        r("\(s)_unload_tumour", "payload released from \(c.id) in the tumour", [("\(s)_enc_T", -1), ("\(s)_T", 1)]),
                        r("\(s)_anti_carrier_decay", "waning anti-carrier immunity", [("\(s)_anti_carrier", -1)]),
                    ]
                }
            case .oncolyticVirus:
                list += [
                    r("\(s)_infection_pos", "infection of antigen-positive cells", [("C_pos", -1), ("\(s)_infected", 1)]),
                    r("\(s)_infection_neg", "infection of antigen-loss cells", [("C_neg", -1), ("\(s)_infected", 1)]),
                    r("\(s)_lysis", "lysis of infected cells", [("\(s)_infected", -1), ("C_dead", 1)]),
                    r("\(s)_burst", "virions released by lysis (burst size × lysis)", [("\(s)_virus", 1)]),
                    r("\(s)_virus_clearance", "non-immune and antiviral clearance of virions", [("\(s)_virus", -1)]),
                    r("\(s)_infected_clearance", "antiviral killing of infected cells", [("\(s)_infected", -1), ("C_dead", 1)]),
                ]
            case .cellTherapy:
                list += [
                    r("\(s)_infiltration", "CAR-T entry into the tumour (ECM- and chemokine-limited)", [("\(s)_blood", -1), ("\(s)_tumour", 1)]),
                    r("\(s)_blood_contraction", "CAR-T contraction in blood", [("\(s)_blood", -1)]),
                    r("\(s)_expansion", "antigen-driven CAR-T expansion", [("\(s)_tumour", 1)]),
                    r("\(s)_contraction", "CAR-T contraction", [("\(s)_tumour", -1)]),
                    r("\(s)_memory_formation", "a fraction of contracting CAR-T becomes memory", [("\(s)_memory", 1)]),
                    r("\(s)_exhaustion", "CAR-T exhaustion", [("\(s)_tumour", -1)]),
                    r("\(s)_memory_decay", "memory CAR-T decay", [("\(s)_memory", -1)]),
                ]
            case .radiotherapy:
                list.append(r("\(s)_signal_decay", "decay of the radiation ICD signal", [("\(s)_signal", -1)]))
            }
        }
        return list
    }

    public var observables: [Observable] {
        var list = [
            Observable(id: "tumour_volume", description: "tumour volume from cell numbers", units: "L"),
            Observable(id: "tumour_diameter", description: "diameter of the equivalent sphere (RECIST sum of diameters)", units: "mm"),
            Observable(id: "cancer_cells", description: "viable cancer cells (incl. infected)", units: "cell"),
            Observable(id: "pd1_inhibition", description: "inhibition of effector function by PD-1/PD-L1 (H_PD1)", units: "dimensionless"),
            Observable(id: "mhc_level", description: "MHC-I presentation relative to intact", units: "dimensionless"),
        ]
        for slot in slots where slot.kind == .pharmacokinetic {
            list.append(Observable(id: "\(slot.sid)_plasma", description: "\(slot.drug.id) total plasma concentration (released + encapsulated)", units: "ug/mL"))
            list.append(Observable(id: "\(slot.sid)_tumour_conc", description: "\(slot.drug.id) released concentration in tumour interstitium", units: "nM"))
        }
        return list
    }
}
