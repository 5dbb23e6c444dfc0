import Reactions

/// Indices of the tumour–immune model's shared parameters; each case defines its value, units and
/// source in ``definition`` (an exhaustive switch, so a parameter cannot lack a definition).
///
/// Per-drug parameters follow these in the network's parameter vector (see ``TumorImmuneNetwork``).
///
/// Sources: "QSP-IO" values come from Jafarnejad et al., AAPS J 2019 (doi:10.1208/s12248-019-0350-x)
/// and Sové et al., CPT Pharmacometrics Syst Pharmacol 2020 (doi:10.1002/psp4.12546). Values marked
/// "assumption" are order-of-magnitude modelling choices, to be calibrated against
/// `calibration/monotherapy_arms.csv` — they are not fitted to any trial here.
public enum CoreParameter: Int, CaseIterable, Sendable {
    case knobLowAntigenicity
    case knobAntigenPresentationLoss
    case knobChemokineSilencing
    case knobMdsc
    case knobTreg
    case knobM2
    case knobCompensatory
    case knobStroma
    case knobExhaustion
    case knobAcquiredLoss
    case growthRate
    case tmb
    case pdl1Base
    case cancerCellVolume
    case tCellVolume
    case myeloidCellVolume
    case packingFraction
    case carryingCapacity
    case basalDeath
    case deadClearance
    case mutationToLoss
    case killMax
    case killHalfRatio
    case bystanderFraction
    case stimHalfRatio
    case proliferationMax
    case effectorDeath
    case exhaustionRate
    case exhaustedDeath
    case pd1MaxInhibition
    case pd1HalfEngagement
    case pdl1Induction
    case mhcLossMax
    case tregWeight
    case mdscWeight
    case mdscRatioRef
    case tregRecruitment
    case tregDeath
    case mdscRecruitment
    case mdscDeath
    case macrophageRecruitment
    case macrophageDeath
    case m2Polarisation
    case m1Repolarisation
    case ecmProduction
    case ecmDegradation
    case ecmTCellExclusion
    case ecmDrugExclusion
    case ifnProduction
    case ifnClearance
    case ifnRatioRef
    case il10Clearance
    case tgfClearance
    case cytokineRatioRef
    case tgfBasal
    case cxclBasal
    case cxclClearance
    case cxclSilencingMax
    case cxclHalf
    case altRate
    case altBlockadeBoost
    case altDecay
    case apcMaturation
    case apcDecay
    case deathFluxHalf
    case mdscApcImpairment
    case primingRate
    case tmbHalf
    case antigenicityLossMax
    case ctla4Competition
    case lnExpansion
    case lnEgress
    case bloodEffectorDeath
    case infiltrationRate
    case infiltrationHalfVolume
    case lnExchange
    case lnPartition
    case lnVolume
    case lymphReturn
    case vnInfiltrationGain
    case vnPenetrationGain
    case vnMdscReduction
    case angioEscapeRate
    case steroidSuppression
    case steroidDecay
    case rtSignalDecay
    case rtSignalHalf
    case virusInfection
    case virusLysis
    case virusBurst
    case virusDecay
    case virusAntiviral
    case carExpansion
    case carContraction
    case carMemoryFraction
    case carMemoryDecay
    case carInfiltration
    case carKill
    case carExhaustion
    case rtAlpha
    case rtBeta
    case rtAlphaLymph
    case rtApcWeight
    case antiCarrierDecay

    /// Value, units and source of this parameter.
    ///
    /// A table rather than logic, and long for that reason: one case per parameter with its value,
    /// units and source side by side, in an exhaustive switch so no parameter can lack them.
    public var definition: Parameter {
        let knobSource = TumorImmuneParameters.knobSource
        return switch self {
        case .knobLowAntigenicity: Parameter(id: "knob_low_antigenicity", description: "low antigenicity level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobAntigenPresentationLoss: Parameter(id: "knob_antigen_presentation_loss", description: "MHC-I / B2M loss level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobChemokineSilencing: Parameter(id: "knob_chemokine_silencing", description: "EZH2/DNMT1 silencing of CXCL9/10 level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobMdsc: Parameter(id: "knob_mdsc_suppression", description: "MDSC recruitment level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobTreg: Parameter(id: "knob_treg_suppression", description: "Treg recruitment level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobM2: Parameter(id: "knob_m2_macrophages", description: "M2 polarisation level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobCompensatory: Parameter(id: "knob_compensatory_checkpoints", description: "TIM-3/LAG-3/TIGIT upregulation level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobStroma: Parameter(id: "knob_stromal_barrier", description: "CAF/ECM barrier level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobExhaustion: Parameter(id: "knob_t_cell_exhaustion", description: "T-cell exhaustion level", value: 0.3, units: "dimensionless", source: knobSource)
        case .knobAcquiredLoss: Parameter(id: "knob_acquired_antigen_loss", description: "antigen-loss clone level", value: 0.3, units: "dimensionless", source: knobSource)
        case .growthRate: Parameter(id: "r_growth", description: "net growth rate of untreated cancer cells (ln2 / doubling time)", value: 0.0116, units: "1/day", source: "patient-specific; default ln2/60 days (assumption; QSP-IO uses 0.007/day, Usuda 1994)")
        case .tmb: Parameter(id: "tmb", description: "tumour mutational burden", value: 13.5, units: "mutations/Mb", source: "patient-specific; tumour-type median, Chalmers 2017 doi:10.1186/s13073-017-0424-2 [recalled]")
        case .pdl1Base: Parameter(id: "pdl1_base", description: "baseline PD-L1 expression relative to a typical PD-L1+ tumour", value: 1.0, units: "dimensionless", source: "patient-specific; assumption")
        case .cancerCellVolume: Parameter(id: "v_cancer", description: "volume of one cancer cell (16.9 µm diameter)", value: 2.527e-12, units: "L/cell", source: "QSP-IO (Jafarnejad 2019)")
        case .tCellVolume: Parameter(id: "v_tcell", description: "volume of one T cell (6.94 µm diameter)", value: 1.75e-13, units: "L/cell", source: "QSP-IO (Jafarnejad 2019)")
        case .myeloidCellVolume: Parameter(id: "v_myeloid", description: "volume of one myeloid cell (10 µm diameter)", value: 5.24e-13, units: "L/cell", source: "assumption (typical macrophage/MDSC diameter)")
        case .packingFraction: Parameter(id: "packing", description: "cell volume fraction of the tumour", value: 0.75, units: "dimensionless", source: "QSP-IO (Jafarnejad 2019: V_T = cells·v / 0.75)")
        case .carryingCapacity: Parameter(id: "c_max", description: "carrying capacity of the logistic growth (≈ 300 mm sphere, far above any lesion a trial measures)", value: 1e13, units: "cell", source: "assumption: QSP-IO uses 1.5e11 (≈ 99 mm) for one lesion, but that made untreated large lesions plateau or shrink; here growth saturates only beyond the lethal burden")
        case .basalDeath: Parameter(id: "k_death_basal", description: "basal death rate of cancer cells (releases antigen)", value: 0.002, units: "1/day", source: "assumption (slow turnover; Jafarnejad 2019 uses 1e-4/day)")
        case .deadClearance: Parameter(id: "k_dead_clear", description: "clearance of dead cells from the lesion", value: 0.3, units: "1/day", source: "assumption (dead cells cleared within days; QSP-IO order 0.1–1/day)")
        case .mutationToLoss: Parameter(id: "mu_loss", description: "rate of antigen loss per division at full knob", value: 1e-6, units: "1/division", source: "assumption: order of a per-gene inactivation rate (point mutation, deletion or LOH of B2M/HLA/JAK1/2; Zaretsky 2016 doi:10.1056/NEJMoa1604958); the earlier 1e-4 made every responder relapse within 2 years, whereas most melanoma responses to PD-1 blockade last (Ribas 2016 doi:10.1001/jama.2016.4059)")
        case .killMax: Parameter(id: "k_kill", description: "maximal kill rate per antigen-positive cancer cell by CD8 T cells", value: 0.7, units: "1/day", source: "assumption (below QSP-IO 0.9/day per T cell; ratio-dependent form of de Pillis 2005 doi:10.1158/0008-5472.CAN-05-0564)")
        case .killHalfRatio: Parameter(id: "r_kill_half", description: "effector:target ratio giving half-maximal killing", value: 0.05, units: "dimensionless", source: "assumption (de Pillis 2005 s ≈ 0.08)")
        case .bystanderFraction: Parameter(id: "f_bystander", description: "kill of antigen-loss cells relative to antigen-positive cells", value: 0.05, units: "dimensionless", source: "assumption (IFN-γ/FasL bystander killing)")
        case .stimHalfRatio: Parameter(id: "r_stim_half", description: "effector:cancer ratio at which half of the effectors are engaged", value: 0.02, units: "dimensionless", source: "assumption")
        case .proliferationMax: Parameter(id: "k_prolif", description: "maximal antigen-driven proliferation of tumour CD8", value: 1.0, units: "1/day", source: "assumption (activated CD8 divide up to 2–3 times a day; reinvigoration drives the anti-PD-1 response, Yost 2019 doi:10.1038/s41591-019-0522-3)")
        case .effectorDeath: Parameter(id: "k_teff_death", description: "death of tumour effector CD8", value: 0.1, units: "1/day", source: "assumption (effector half-life ≈ 1 week)")
        case .exhaustionRate: Parameter(id: "k_exhaust", description: "exhaustion rate at full stimulation and full knob", value: 0.2, units: "1/day", source: "assumption (QSP-IO uses 0.1/day on all tumour CD8; here it applies to engaged cells only)")
        case .exhaustedDeath: Parameter(id: "k_texh_death", description: "death of exhausted CD8", value: 0.05, units: "1/day", source: "assumption")
        case .pd1MaxInhibition: Parameter(id: "h_pd1_max", description: "maximal inhibition of effector function by PD-1 engagement", value: 0.9, units: "dimensionless", source: "assumption (QSP-IO Hill form)")
        case .pd1HalfEngagement: Parameter(id: "e_pd1_half", description: "PD-1/PD-L1 engagement at half-maximal inhibition", value: 0.5, units: "dimensionless", source: "assumption; Hill coefficient 2 as in QSP-IO")
        case .pdl1Induction: Parameter(id: "pdl1_induction", description: "maximal fold-increase of PD-L1 by IFN-γ minus 1", value: 5, units: "dimensionless", source: "QSP-IO (PD-L1 induced up to 6× by IFN-γ)")
        case .mhcLossMax: Parameter(id: "mhc_loss_max", description: "fraction of MHC-I lost at full knob", value: 0.95, units: "dimensionless", source: "assumption (B2M loss abolishes presentation)")
        case .tregWeight: Parameter(id: "w_treg", description: "Treg:effector ratio that halves killing", value: 1.0, units: "dimensionless", source: "assumption (QSP-IO uses T/(T + 11·Treg))")
        case .mdscWeight: Parameter(id: "w_mdsc", description: "suppression per unit of reference MDSC density", value: 1.0, units: "dimensionless", source: "assumption")
        case .mdscRatioRef: Parameter(id: "rho_mdsc", description: "MDSC per cancer cell at which suppression halves killing", value: 0.02, units: "dimensionless", source: "assumption")
        case .tregRecruitment: Parameter(id: "k_treg_in", description: "Treg recruitment per cancer cell at full knob", value: 0.001, units: "1/day", source: "assumption")
        case .tregDeath: Parameter(id: "k_treg_death", description: "Treg death", value: 0.1, units: "1/day", source: "assumption")
        case .mdscRecruitment: Parameter(id: "k_mdsc_in", description: "MDSC recruitment per cancer cell at full knob", value: 0.004, units: "1/day", source: "assumption")
        case .mdscDeath: Parameter(id: "k_mdsc_death", description: "MDSC death", value: 0.1, units: "1/day", source: "assumption")
        case .macrophageRecruitment: Parameter(id: "k_mac_in", description: "macrophage recruitment per cancer cell", value: 0.002, units: "1/day", source: "assumption")
        case .macrophageDeath: Parameter(id: "k_mac_death", description: "macrophage death", value: 0.05, units: "1/day", source: "assumption")
        case .m2Polarisation: Parameter(id: "k_m2_pol", description: "M1→M2 polarisation at full knob", value: 0.1, units: "1/day", source: "assumption")
        case .m1Repolarisation: Parameter(id: "k_m1_repol", description: "M2→M1 repolarisation at saturating IFN-γ", value: 0.1, units: "1/day", source: "assumption")
        case .ecmProduction: Parameter(id: "k_ecm_prod", description: "ECM deposition by CAFs at full knob", value: 0.05, units: "1/day", source: "assumption")
        case .ecmDegradation: Parameter(id: "k_ecm_deg", description: "ECM turnover", value: 0.05, units: "1/day", source: "assumption")
        case .ecmTCellExclusion: Parameter(id: "ecm_t_excl", description: "fraction of T-cell entry and tumour-cell contact blocked at full ECM density", value: 0.9, units: "dimensionless", source: "assumption (T-cell exclusion, Mariathasan 2018 doi:10.1038/nature25501; T cells trapped in stroma, Salmon 2012 doi:10.1172/JCI45817)")
        case .ecmDrugExclusion: Parameter(id: "ecm_drug_excl", description: "fraction of antibody penetration lost at full ECM density", value: 0.5, units: "dimensionless", source: "assumption (interstitial pressure; Jain 2013 doi:10.1200/JCO.2012.46.3653 qualitative)")
        case .ifnProduction: Parameter(id: "k_ifn_prod", description: "IFN-γ production per unit active effector density", value: 2, units: "1/day", source: "assumption (set equal to clearance so level = active-effector ratio / reference)")
        case .ifnClearance: Parameter(id: "k_ifn_clear", description: "IFN-γ clearance from tumour tissue", value: 2, units: "1/day", source: "assumption")
        case .ifnRatioRef: Parameter(id: "rho_ifn", description: "active effector per cancer cell giving half-maximal IFN-γ effects", value: 0.002, units: "dimensionless", source: "assumption")
        case .il10Clearance: Parameter(id: "k_il10_clear", description: "IL-10 clearance (production equals clearance at reference density)", value: 2, units: "1/day", source: "assumption")
        case .tgfClearance: Parameter(id: "k_tgf_clear", description: "TGF-β clearance (production equals clearance at reference density)", value: 2, units: "1/day", source: "assumption")
        case .cytokineRatioRef: Parameter(id: "rho_cyt", description: "suppressive cells per cancer cell giving a cytokine level of 1", value: 0.05, units: "dimensionless", source: "assumption")
        case .tgfBasal: Parameter(id: "tgf_basal", description: "TGF-β level from cancer cells and CAFs at full ECM", value: 0.3, units: "dimensionless", source: "assumption")
        case .cxclBasal: Parameter(id: "cxcl_basal", description: "IFN-γ-independent CXCL9/10 level", value: 0.2, units: "dimensionless", source: "assumption")
        case .cxclClearance: Parameter(id: "k_cxcl_clear", description: "chemokine turnover", value: 1, units: "1/day", source: "assumption")
        case .cxclSilencingMax: Parameter(id: "cxcl_silencing_max", description: "fraction of chemokine output lost at full silencing", value: 0.9, units: "dimensionless", source: "assumption (EZH2/DNMT1, Peng 2015 doi:10.1038/nature15520)")
        case .cxclHalf: Parameter(id: "cxcl_half", description: "chemokine level giving half-maximal recruitment and intratumoural positioning", value: 0.3, units: "dimensionless", source: "assumption")
        case .altRate: Parameter(id: "k_alt", description: "TIM-3/LAG-3/TIGIT upregulation at full stimulation and knob", value: 0.02, units: "1/day", source: "assumption (months-scale rise, Koyama 2016 doi:10.1038/ncomms10501)")
        case .altBlockadeBoost: Parameter(id: "alt_blockade_boost", description: "extra upregulation when the PD-1 axis is blocked", value: 3, units: "dimensionless", source: "assumption (Koyama 2016 doi:10.1038/ncomms10501)")
        case .altDecay: Parameter(id: "k_alt_decay", description: "decay of alternative checkpoint expression", value: 0.02, units: "1/day", source: "assumption")
        case .apcMaturation: Parameter(id: "k_apc", description: "APC maturation rate at saturating antigen release", value: 0.5, units: "1/day", source: "assumption")
        case .apcDecay: Parameter(id: "k_apc_decay", description: "mature APC turnover in the lymph node", value: 0.5, units: "1/day", source: "assumption (DC lifespan of days)")
        case .deathFluxHalf: Parameter(id: "death_flux_half", description: "antigen-positive cell deaths per day giving half-maximal APC maturation", value: 1e8, units: "cell/day", source: "assumption")
        case .mdscApcImpairment: Parameter(id: "mdsc_apc_impair", description: "maximal impairment of APC maturation by MDSCs", value: 0.5, units: "dimensionless", source: "assumption (review §2.2)")
        case .primingRate: Parameter(id: "k_prime", description: "tumour-specific CD8 primed per day at full antigenicity and APC maturation", value: 3e8, units: "cell/day", source: "assumption (QSP-IO: 10/day × clone fraction × naive repertoire)")
        case .tmbHalf: Parameter(id: "tmb_half", description: "TMB at which antigenicity is half-maximal", value: 10, units: "mutations/Mb", source: "assumption (TMB-high cut-off 10 mut/Mb, KEYNOTE-158, Marabelle 2020 doi:10.1016/S1470-2045(20)30445-9)")
        case .antigenicityLossMax: Parameter(id: "antigenicity_loss_max", description: "fraction of priming lost at full low-antigenicity knob", value: 0.9, units: "dimensionless", source: "assumption")
        case .ctla4Competition: Parameter(id: "ctla4_competition", description: "fraction of CD28 co-stimulation lost to CTLA-4 competition without blockade", value: 0.6, units: "dimensionless", source: "assumption (CTLA-4 binds CD80 ≈ 10× tighter than CD28: QSP-IO Kd 0.42 µM vs 4 µM)")
        case .lnExpansion: Parameter(id: "k_ln_expand", description: "proliferation of primed CD8 in the lymph node at full co-stimulation", value: 0.8, units: "1/day", source: "assumption (QSP-IO: 2^N expansion)")
        case .lnEgress: Parameter(id: "k_ln_egress", description: "egress of primed CD8 from lymph node to blood", value: 1.5, units: "1/day", source: "assumption")
        case .bloodEffectorDeath: Parameter(id: "k_blood_death", description: "death of circulating effector CD8", value: 0.05, units: "1/day", source: "assumption")
        case .infiltrationRate: Parameter(id: "k_infiltrate", description: "maximal infiltration of circulating effectors into the tumour", value: 0.5, units: "1/day", source: "assumption")
        case .infiltrationHalfVolume: Parameter(id: "v_infiltrate_half", description: "tumour volume at half-maximal infiltration", value: 0.01, units: "L", source: "assumption (QSP-IO trafficking grows with tumour volume)")
        case .lnExchange: Parameter(id: "k_ln_exchange", description: "antibody exchange rate between plasma and lymph node", value: 0.5, units: "1/day", source: "assumption (QSP-IO q_LN = 3.25e-6 mL/s)")
        case .lnPartition: Parameter(id: "gamma_ln", description: "antibody partition in lymph node", value: 0.2, units: "dimensionless", source: "QSP-IO (γ_LN = 0.2)")
        case .lnVolume: Parameter(id: "v_ln", description: "tumour-draining lymph node volume, 21 × (4/3)π(2.5 mm)³", value: 1.374e-3, units: "L", source: "QSP-IO (Jafarnejad 2019)")
        case .lymphReturn: Parameter(id: "k_lymph_return", description: "lymphatic return of lymph-node antibody to blood", value: 0.5, units: "1/day", source: "assumption (balances k_ln_exchange)")
        case .vnInfiltrationGain: Parameter(id: "vn_infiltration_gain", description: "relative increase of T-cell entry at full vessel normalisation", value: 1.0, units: "dimensionless", source: "assumption (normalised vessels double T-cell entry; Huang 2012 doi:10.1073/pnas.1215397109)")
        case .vnPenetrationGain: Parameter(id: "vn_penetration_gain", description: "relative increase of drug penetration at full vessel normalisation", value: 0.5, units: "dimensionless", source: "assumption (Jain 2013 doi:10.1200/JCO.2012.46.3653)")
        case .vnMdscReduction: Parameter(id: "vn_mdsc_reduction", description: "fraction of MDSC recruitment removed at full vessel normalisation", value: 0.5, units: "dimensionless", source: "assumption (VEGF recruits MDSCs; Fukumura 2018 doi:10.1038/nrclinonc.2018.29)")
        case .angioEscapeRate: Parameter(id: "k_angio_escape", description: "rate at which the tumour escapes VEGF-pathway blockade (switch to other angiogenic factors), per unit vessel normalisation; escape removes the vessel-pruning kill", value: 0.024, units: "1/day", source: "evasive resistance to antiangiogenic therapy: Bergers & Hanahan 2008 doi:10.1038/nrc2442; value chosen on the RCC and HCC calibration arms (calibration/monotherapy_arms.csv) among 0.008, 0.016 and 0.024 (time constants 250, 125 and 83 days under sunitinib’s half-maximal normalisation): 0.008 left first-line sunitinib’s median PFS at 13 months against 8.4–11, and 0.024 passed the most ORR, G≥3 and median-PFS targets in total over the fit and three held-out patient samples (104, against 97 for 0.016 and 90 for 0.008; ORR alone tied with 0.008 at 33; docs/TRIALS-ACCEPTANCE.md); a coarse 1-D choice, not a fit")
        case .steroidSuppression: Parameter(id: "steroid_suppression", description: "fraction of effector proliferation and killing suppressed at full corticosteroid level", value: 0.5, units: "dimensionless", source: "assumption (high-dose steroids blunt T-cell activity; Faje 2018 doi:10.1002/cncr.31629 shows outcome effect)")
        case .steroidDecay: Parameter(id: "k_steroid_taper", description: "taper of corticosteroid level after an irAE course starts", value: 0.05, units: "1/day", source: "ASCO/NCCN irAE guidelines: taper over ≥ 4–6 weeks (Brahmer 2018 doi:10.1200/JCO.2017.77.6385)")
        case .rtSignalDecay: Parameter(id: "k_rt_signal", description: "decay of the radiation-induced antigen-release (ICD) signal", value: 0.2, units: "1/day", source: "assumption (danger signals for days after a fraction)")
        case .rtSignalHalf: Parameter(id: "rt_signal_half", description: "radiation signal (Gy) giving half-maximal extra APC maturation", value: 10, units: "Gy", source: "assumption (abscopal priming needs ≥ 8 Gy-class doses; Dewan 2009 doi:10.1158/1078-0432.CCR-09-0265)")
        case .virusInfection: Parameter(id: "ov_infection", description: "infection rate per virion concentration in the tumour (mass action in tumour volume)", value: 6e-15, units: "L/(PFU·day)", source: "assumption: intratumoural R0 ≈ 0.9 (k·cell density·burst/decay) so spread is self-limiting once antiviral immunity rises; the 5.25e-12 of model-facts.md is a per-count rate for a different geometry")
        case .virusLysis: Parameter(id: "ov_lysis", description: "lysis rate of infected cells (1/48 h)", value: 0.5, units: "1/day", source: "model-facts.md (lysis 1/48 h)")
        case .virusBurst: Parameter(id: "ov_burst", description: "virions released per lysed cell", value: 1000, units: "PFU/cell", source: "model-facts.md (burst 1000)")
        case .virusDecay: Parameter(id: "ov_decay", description: "non-immune clearance of free virus in the tumour", value: 2, units: "1/day", source: "assumption (Wodarz 2001 order)")
        case .virusAntiviral: Parameter(id: "ov_antiviral", description: "antiviral clearance of virus and infected cells at full immune activation", value: 0.3, units: "1/day", source: "assumption (antiviral immunity clears HSV-1 within weeks)")
        case .carExpansion: Parameter(id: "car_expansion", description: "maximal antigen-driven CAR-T expansion in tumour", value: 0.9, units: "1/day", source: "Stein 2019 doi:10.1002/psp4.12388 (≈ 3,900-fold by day 9.3)")
        case .carContraction: Parameter(id: "car_contraction", description: "contraction rate of effector CAR-T", value: 0.16, units: "1/day", source: "Stein 2019 doi:10.1002/psp4.12388 (α 0.16/day)")
        case .carMemoryFraction: Parameter(id: "car_memory", description: "fraction of contracting CAR-T becoming memory", value: 0.0079, units: "dimensionless", source: "Stein 2019 doi:10.1002/psp4.12388")
        case .carMemoryDecay: Parameter(id: "car_memory_decay", description: "decay of memory CAR-T", value: 0.0032, units: "1/day", source: "Stein 2019 doi:10.1002/psp4.12388 (β 0.0032/day)")
        case .carInfiltration: Parameter(id: "car_infiltration", description: "entry of circulating CAR-T into the tumour", value: 0.3, units: "1/day", source: "assumption (solid-tumour trafficking is the bottleneck; review §3.1)")
        case .carKill: Parameter(id: "car_kill", description: "maximal kill rate of antigen-positive cells by CAR-T (MHC-independent)", value: 1.0, units: "1/day", source: "assumption")
        case .carExhaustion: Parameter(id: "car_exhaustion", description: "CAR-T exhaustion under chronic antigen and PD-L1", value: 0.05, units: "1/day", source: "assumption")
        case .rtAlpha: Parameter(id: "rt_alpha", description: "linear-quadratic α of cancer cells", value: 0.2, units: "1/Gy", source: "model-facts.md (cell-line α 0.18–0.31/Gy)")
        case .rtBeta: Parameter(id: "rt_beta", description: "linear-quadratic β of cancer cells (α/β = 10 Gy)", value: 0.02, units: "1/Gy^2", source: "model-facts.md (α/β ≈ 10 Gy for most tumours)")
        case .rtAlphaLymph: Parameter(id: "rt_alpha_lymph", description: "linear-quadratic α of lymphocytes in the field (β = α/10)", value: 0.45, units: "1/Gy", source: "assumption (lymphocytes: SF2 ≈ 0.4; radiosensitive)")
        case .rtApcWeight: Parameter(id: "rt_apc_weight", description: "maximal extra APC maturation from radiation-induced ICD, fraction of k_apc", value: 0.5, units: "dimensionless", source: "assumption (radiation ICD and abscopal priming; Golden 2015 doi:10.1016/S1470-2045(15)00007-8)")
        case .antiCarrierDecay: Parameter(id: "k_anti_carrier_decay", description: "waning of anti-carrier (anti-PEG) immunity", value: 0.033, units: "1/day", source: "assumption (anti-PEG IgM wanes over ≈ 3 weeks; Ishida 2006 doi:10.1016/j.ijpharm.2005.10.044)")
        }
    }
}

/// The shared parameter table in index order.
public enum TumorImmuneParameters {
    static let knobSource = "mechanism knob (0 = absent, 1 = fully active); see `blockade list mechanisms`"
    public static let table: [Parameter] = P.allCases.map(\.definition)
}
