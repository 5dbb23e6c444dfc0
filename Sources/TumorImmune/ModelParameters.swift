import Reactions

/// Indices of the tumour–immune model's shared parameters (order = ``TumorImmuneParameters/table``).
///
/// Per-drug PK parameters follow these, four per antibody in the regimen (see
/// ``TumorImmuneNetwork``).
public enum P: Int, CaseIterable, Sendable {
    // Knobs (0–1), one per Mechanism, in Mechanism.allCases order.
    case knobLowAntigenicity, knobAntigenPresentationLoss, knobChemokineSilencing, knobMdsc, knobTreg,
         knobM2, knobCompensatory, knobStroma, knobExhaustion, knobAcquiredLoss
    // Patient-specific
    case growthRate, tmb, pdl1Base
    // Tumour geometry and growth
    case cancerCellVolume, tCellVolume, myeloidCellVolume, packingFraction, carryingCapacity, basalDeath, deadClearance
    case mutationToLoss
    // Killing and T cells in the tumour
    case killMax, killHalfRatio, bystanderFraction, stimHalfRatio, proliferationMax, effectorDeath
    case exhaustionRate, exhaustedDeath, pd1MaxInhibition, pd1HalfEngagement, pdl1Induction
    case mhcLossMax, tregWeight, mdscWeight, mdscRatioRef
    // Suppressive cells
    case tregRecruitment, tregDeath, fcDepletionRate, mdscRecruitment, mdscDeath
    case macrophageRecruitment, macrophageDeath, m2Polarisation, m1Repolarisation
    // Stroma
    case ecmProduction, ecmDegradation, ecmTCellExclusion, ecmDrugExclusion
    // Cytokines (dimensionless levels, 1 = half-maximal effect)
    case ifnProduction, ifnClearance, ifnRatioRef, il10Clearance, tgfClearance, cytokineRatioRef, tgfBasal
    case cxclBasal, cxclClearance, cxclSilencingMax, cxclHalf
    // Compensatory checkpoints
    case altRate, altBlockadeBoost, altDecay
    // Lymph node and blood
    case apcMaturation, apcDecay, deathFluxHalf, mdscApcImpairment, primingRate, tmbHalf, antigenicityLossMax
    case ctla4Competition, lnExpansion, lnEgress, bloodEffectorDeath, infiltrationRate, infiltrationHalfVolume
    // Antibody distribution (shared by all antibodies)
    case tumourExchange, tumourPartition, lnExchange, lnPartition, lnVolume, lymphReturn
}

/// The shared parameter table: value, units and source of every constant of the model.
///
/// Sources: "QSP-IO" values come from Jafarnejad et al., AAPS J 2019 (doi:10.1208/s12248-019-0350-x)
/// and Sové et al., CPT Pharmacometrics Syst Pharmacol 2020 (doi:10.1002/psp4.12546). Values marked
/// "assumption" are order-of-magnitude modelling choices, to be calibrated against
/// `calibration/monotherapy_arms.csv` (issue 4) — they are not fitted to any trial here.
public enum TumorImmuneParameters {
    static let knobSource = "mechanism knob (0 = absent, 1 = fully active); see `blockade list mechanisms`"

    /// One entry per case of ``P``, in order.
    public static let table: [Parameter] = [
        Parameter(id: "knob_low_antigenicity", description: "low antigenicity level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_antigen_presentation_loss", description: "MHC-I / B2M loss level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_chemokine_silencing", description: "EZH2/DNMT1 silencing of CXCL9/10 level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_mdsc_suppression", description: "MDSC recruitment level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_treg_suppression", description: "Treg recruitment level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_m2_macrophages", description: "M2 polarisation level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_compensatory_checkpoints", description: "TIM-3/LAG-3/TIGIT upregulation level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_stromal_barrier", description: "CAF/ECM barrier level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_t_cell_exhaustion", description: "T-cell exhaustion level", value: 0.3, units: "dimensionless", source: knobSource),
        Parameter(id: "knob_acquired_antigen_loss", description: "antigen-loss clone level", value: 0.3, units: "dimensionless", source: knobSource),

        Parameter(id: "r_growth", description: "net growth rate of untreated cancer cells (ln2 / doubling time)", value: 0.0116, units: "1/day", source: "patient-specific; default ln2/60 days (assumption; QSP-IO uses 0.007/day, Usuda 1994)"),
        Parameter(id: "tmb", description: "tumour mutational burden", value: 13.5, units: "mutations/Mb", source: "patient-specific; tumour-type median, Chalmers 2017 doi:10.1186/s13073-017-0424-2 [recalled]"),
        Parameter(id: "pdl1_base", description: "baseline PD-L1 expression relative to a typical PD-L1+ tumour", value: 1.0, units: "dimensionless", source: "patient-specific; assumption"),

        Parameter(id: "v_cancer", description: "volume of one cancer cell (16.9 µm diameter)", value: 2.527e-12, units: "L/cell", source: "QSP-IO (Jafarnejad 2019)"),
        Parameter(id: "v_tcell", description: "volume of one T cell (6.94 µm diameter)", value: 1.75e-13, units: "L/cell", source: "QSP-IO (Jafarnejad 2019)"),
        Parameter(id: "v_myeloid", description: "volume of one myeloid cell (10 µm diameter)", value: 5.24e-13, units: "L/cell", source: "assumption (typical macrophage/MDSC diameter)"),
        Parameter(id: "packing", description: "cell volume fraction of the tumour", value: 0.75, units: "dimensionless", source: "QSP-IO (Jafarnejad 2019: V_T = cells·v / 0.75)"),
        Parameter(id: "c_max", description: "carrying capacity of the logistic growth", value: 1.5e11, units: "cell", source: "QSP-IO (Sové 2020, C_max = 1.5e11)"),
        Parameter(id: "k_death_basal", description: "basal death rate of cancer cells (releases antigen)", value: 0.002, units: "1/day", source: "assumption (slow turnover; Jafarnejad 2019 uses 1e-4/day)"),
        Parameter(id: "k_dead_clear", description: "clearance of dead cells from the lesion", value: 0.3, units: "1/day", source: "assumption (dead cells cleared within days; QSP-IO order 0.1–1/day)"),
        Parameter(id: "mu_loss", description: "rate of antigen loss per division at full knob", value: 1e-4, units: "1/division", source: "assumption (order of neoantigen loss by immunoediting; Anagnostou 2017 doi:10.1158/2159-8290.CD-16-0828 qualitative)"),

        Parameter(id: "k_kill", description: "maximal kill rate per antigen-positive cancer cell by CD8 T cells", value: 0.7, units: "1/day", source: "assumption (below QSP-IO 0.9/day per T cell; ratio-dependent form of de Pillis 2005 doi:10.1158/0008-5472.CAN-05-0564)"),
        Parameter(id: "r_kill_half", description: "effector:target ratio giving half-maximal killing", value: 0.05, units: "dimensionless", source: "assumption (de Pillis 2005 s ≈ 0.08)"),
        Parameter(id: "f_bystander", description: "kill of antigen-loss cells relative to antigen-positive cells", value: 0.05, units: "dimensionless", source: "assumption (IFN-γ/FasL bystander killing)"),
        Parameter(id: "r_stim_half", description: "effector:cancer ratio at which half of the effectors are engaged", value: 0.02, units: "dimensionless", source: "assumption"),
        Parameter(id: "k_prolif", description: "maximal antigen-driven proliferation of tumour CD8", value: 1.0, units: "1/day", source: "assumption (activated CD8 divide up to 2–3 times a day; reinvigoration drives the anti-PD-1 response, Yost 2019 doi:10.1038/s41591-019-0522-3)"),
        Parameter(id: "k_teff_death", description: "death of tumour effector CD8", value: 0.1, units: "1/day", source: "assumption (effector half-life ≈ 1 week)"),
        Parameter(id: "k_exhaust", description: "exhaustion rate at full stimulation and full knob", value: 0.2, units: "1/day", source: "assumption (QSP-IO uses 0.1/day on all tumour CD8; here it applies to engaged cells only)"),
        Parameter(id: "k_texh_death", description: "death of exhausted CD8", value: 0.05, units: "1/day", source: "assumption"),
        Parameter(id: "h_pd1_max", description: "maximal inhibition of effector function by PD-1 engagement", value: 0.9, units: "dimensionless", source: "assumption (QSP-IO Hill form)"),
        Parameter(id: "e_pd1_half", description: "PD-1/PD-L1 engagement at half-maximal inhibition", value: 0.5, units: "dimensionless", source: "assumption; Hill coefficient 2 as in QSP-IO"),
        Parameter(id: "pdl1_induction", description: "maximal fold-increase of PD-L1 by IFN-γ minus 1", value: 5, units: "dimensionless", source: "QSP-IO (PD-L1 induced up to 6× by IFN-γ)"),
        Parameter(id: "mhc_loss_max", description: "fraction of MHC-I lost at full knob", value: 0.95, units: "dimensionless", source: "assumption (B2M loss abolishes presentation)"),
        Parameter(id: "w_treg", description: "Treg:effector ratio that halves killing", value: 1.0, units: "dimensionless", source: "assumption (QSP-IO uses T/(T + 11·Treg))"),
        Parameter(id: "w_mdsc", description: "suppression per unit of reference MDSC density", value: 1.0, units: "dimensionless", source: "assumption"),
        Parameter(id: "rho_mdsc", description: "MDSC per cancer cell at which suppression halves killing", value: 0.02, units: "dimensionless", source: "assumption"),

        Parameter(id: "k_treg_in", description: "Treg recruitment per cancer cell at full knob", value: 0.001, units: "1/day", source: "assumption"),
        Parameter(id: "k_treg_death", description: "Treg death", value: 0.1, units: "1/day", source: "assumption"),
        Parameter(id: "k_fc_deplete", description: "Fc-mediated depletion of CTLA-4-high Tregs at full occupancy (IgG1)", value: 0.3, units: "1/day", source: "assumption; mechanism Simpson 2013 doi:10.1084/jem.20130579"),
        Parameter(id: "k_mdsc_in", description: "MDSC recruitment per cancer cell at full knob", value: 0.004, units: "1/day", source: "assumption"),
        Parameter(id: "k_mdsc_death", description: "MDSC death", value: 0.1, units: "1/day", source: "assumption"),
        Parameter(id: "k_mac_in", description: "macrophage recruitment per cancer cell", value: 0.002, units: "1/day", source: "assumption"),
        Parameter(id: "k_mac_death", description: "macrophage death", value: 0.05, units: "1/day", source: "assumption"),
        Parameter(id: "k_m2_pol", description: "M1→M2 polarisation at full knob", value: 0.1, units: "1/day", source: "assumption"),
        Parameter(id: "k_m1_repol", description: "M2→M1 repolarisation at saturating IFN-γ", value: 0.1, units: "1/day", source: "assumption"),

        Parameter(id: "k_ecm_prod", description: "ECM deposition by CAFs at full knob", value: 0.05, units: "1/day", source: "assumption"),
        Parameter(id: "k_ecm_deg", description: "ECM turnover", value: 0.05, units: "1/day", source: "assumption"),
        Parameter(id: "ecm_t_excl", description: "fraction of T-cell entry and tumour-cell contact blocked at full ECM density", value: 0.9, units: "dimensionless", source: "assumption (T-cell exclusion, Mariathasan 2018 doi:10.1038/nature25501; T cells trapped in stroma, Salmon 2012 doi:10.1172/JCI45817)"),
        Parameter(id: "ecm_drug_excl", description: "fraction of antibody penetration lost at full ECM density", value: 0.5, units: "dimensionless", source: "assumption (interstitial pressure; Jain 2013 doi:10.1200/JCO.2012.46.3653 qualitative)"),

        Parameter(id: "k_ifn_prod", description: "IFN-γ production per unit active effector density", value: 2, units: "1/day", source: "assumption (set equal to clearance so level = active-effector ratio / reference)"),
        Parameter(id: "k_ifn_clear", description: "IFN-γ clearance from tumour tissue", value: 2, units: "1/day", source: "assumption"),
        Parameter(id: "rho_ifn", description: "active effector per cancer cell giving half-maximal IFN-γ effects", value: 0.002, units: "dimensionless", source: "assumption"),
        Parameter(id: "k_il10_clear", description: "IL-10 clearance (production equals clearance at reference density)", value: 2, units: "1/day", source: "assumption"),
        Parameter(id: "k_tgf_clear", description: "TGF-β clearance (production equals clearance at reference density)", value: 2, units: "1/day", source: "assumption"),
        Parameter(id: "rho_cyt", description: "suppressive cells per cancer cell giving a cytokine level of 1", value: 0.05, units: "dimensionless", source: "assumption"),
        Parameter(id: "tgf_basal", description: "TGF-β level from cancer cells and CAFs at full ECM", value: 0.3, units: "dimensionless", source: "assumption"),
        Parameter(id: "cxcl_basal", description: "IFN-γ-independent CXCL9/10 level", value: 0.2, units: "dimensionless", source: "assumption"),
        Parameter(id: "k_cxcl_clear", description: "chemokine turnover", value: 1, units: "1/day", source: "assumption"),
        Parameter(id: "cxcl_silencing_max", description: "fraction of chemokine output lost at full silencing", value: 0.9, units: "dimensionless", source: "assumption (EZH2/DNMT1, Peng 2015 doi:10.1038/nature15520)"),
        Parameter(id: "cxcl_half", description: "chemokine level giving half-maximal recruitment and intratumoural positioning", value: 0.3, units: "dimensionless", source: "assumption"),

        Parameter(id: "k_alt", description: "TIM-3/LAG-3/TIGIT upregulation at full stimulation and knob", value: 0.02, units: "1/day", source: "assumption (months-scale rise, Koyama 2016 doi:10.1038/ncomms10501)"),
        Parameter(id: "alt_blockade_boost", description: "extra upregulation when the PD-1 axis is blocked", value: 3, units: "dimensionless", source: "assumption (Koyama 2016 doi:10.1038/ncomms10501)"),
        Parameter(id: "k_alt_decay", description: "decay of alternative checkpoint expression", value: 0.02, units: "1/day", source: "assumption"),

        Parameter(id: "k_apc", description: "APC maturation rate at saturating antigen release", value: 0.5, units: "1/day", source: "assumption"),
        Parameter(id: "k_apc_decay", description: "mature APC turnover in the lymph node", value: 0.5, units: "1/day", source: "assumption (DC lifespan of days)"),
        Parameter(id: "death_flux_half", description: "antigen-positive cell deaths per day giving half-maximal APC maturation", value: 1e8, units: "cell/day", source: "assumption"),
        Parameter(id: "mdsc_apc_impair", description: "maximal impairment of APC maturation by MDSCs", value: 0.5, units: "dimensionless", source: "assumption (review §2.2)"),
        Parameter(id: "k_prime", description: "tumour-specific CD8 primed per day at full antigenicity and APC maturation", value: 3e8, units: "cell/day", source: "assumption (QSP-IO: 10/day × clone fraction × naive repertoire)"),
        Parameter(id: "tmb_half", description: "TMB at which antigenicity is half-maximal", value: 10, units: "mutations/Mb", source: "assumption (TMB-high cut-off 10 mut/Mb, KEYNOTE-158, Marabelle 2020 doi:10.1016/S1470-2045(20)30445-9)"),
        Parameter(id: "antigenicity_loss_max", description: "fraction of priming lost at full low-antigenicity knob", value: 0.9, units: "dimensionless", source: "assumption"),
        Parameter(id: "ctla4_competition", description: "fraction of CD28 co-stimulation lost to CTLA-4 competition without blockade", value: 0.6, units: "dimensionless", source: "assumption (CTLA-4 binds CD80 ≈ 10× tighter than CD28: QSP-IO Kd 0.42 µM vs 4 µM)"),
        Parameter(id: "k_ln_expand", description: "proliferation of primed CD8 in the lymph node at full co-stimulation", value: 0.8, units: "1/day", source: "assumption (QSP-IO: 2^N expansion)"),
        Parameter(id: "k_ln_egress", description: "egress of primed CD8 from lymph node to blood", value: 1.5, units: "1/day", source: "assumption"),
        Parameter(id: "k_blood_death", description: "death of circulating effector CD8", value: 0.05, units: "1/day", source: "assumption"),
        Parameter(id: "k_infiltrate", description: "maximal infiltration of circulating effectors into the tumour", value: 0.5, units: "1/day", source: "assumption"),
        Parameter(id: "v_infiltrate_half", description: "tumour volume at half-maximal infiltration", value: 0.01, units: "L", source: "assumption (QSP-IO trafficking grows with tumour volume)"),

        Parameter(id: "k_tumour_exchange", description: "antibody exchange rate between plasma and tumour interstitium", value: 1.4, units: "1/day", source: "QSP-IO q_T = 8.52e-5 mL/s over a 10 mL tumour with γ_T = 0.522"),
        Parameter(id: "gamma_tumour", description: "antibody partition (available volume fraction) in tumour", value: 0.522, units: "dimensionless", source: "QSP-IO (γ_T = 0.522)"),
        Parameter(id: "k_ln_exchange", description: "antibody exchange rate between plasma and lymph node", value: 0.5, units: "1/day", source: "assumption (QSP-IO q_LN = 3.25e-6 mL/s)"),
        Parameter(id: "gamma_ln", description: "antibody partition in lymph node", value: 0.2, units: "dimensionless", source: "QSP-IO (γ_LN = 0.2)"),
        Parameter(id: "v_ln", description: "tumour-draining lymph node volume, 21 × (4/3)π(2.5 mm)³", value: 1.374e-3, units: "L", source: "QSP-IO (Jafarnejad 2019)"),
        Parameter(id: "k_lymph_return", description: "lymphatic return of lymph-node antibody to blood", value: 0.5, units: "1/day", source: "assumption (balances k_ln_exchange)"),
    ]
}
