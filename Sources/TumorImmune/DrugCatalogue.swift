/// Every therapy Blockade knows, as data with sources.
///
/// Conventions. PK values come from labels or population-PK papers; "[recalled]" marks a value
/// written from memory of the cited source that still needs checking against it, and "[checked: …]"
/// says where a value was compared with its source and found to agree. Effect sizes
/// (emax, EC50) of non-antibody drugs are modelling assumptions chosen from the mechanism the
/// source documents; their magnitudes are to be calibrated against the monotherapy arms of
/// `calibration/monotherapy_arms.csv` only. Weight- and surface-based doses use
/// ``Drug/referenceBodyWeightKg`` and ``Drug/referenceBodySurfaceM2``.
extension Drug {
    static let kg = referenceBodyWeightKg
    static let m2 = referenceBodySurfaceM2
    static let qspio = "Jafarnejad 2019 AAPS J doi:10.1208/s12248-019-0350-x / Sové 2020 doi:10.1002/psp4.12546"

    /// IgG antibody PK: tumour exchange 1.4/day and partition 0.522 from QSP-IO.
    static func antibodyPK(cl: Double, vc: Double, vp: Double, q: Double, mw: Double = 146_000) -> PKModel {
        PKModel(clearance: cl, centralVolume: vc, peripheralVolume: vp, intercompartmentalClearance: q,
                tumourExchange: 1.4, tumourPartition: 0.522, molecularWeight: mw)
    }

    /// A checkpoint antibody: occupancy of its target is the fractional effect (EC50 = Kd, n = 1).
    static func checkpoint(_ id: String, _ channel: EffectChannel, kd: Double, pk: PKModel, schedule: DoseSchedule,
                           extra: [DrugEffect] = [], source: String) -> Drug {
        let site: EffectSite = channel == .ctla4Blockade ? .lymphNode : .tumour
        var effects = [DrugEffect(channel, emax: 1, ec50: kd, site: site, source: "occupancy at binding equilibrium; Kd: \(source)")]
        if channel == .ctla4Blockade {
            effects.append(DrugEffect(.ctla4Blockade, emax: 1, ec50: kd, site: .tumour, source: "intratumoural CTLA-4 occupancy"))
        }
        return Drug(id: id, name: id, drugClass: .checkpointAntibody, route: .intravenous, pk: pk, schedule: schedule,
                    effects: effects + extra, carriable: false, source: source)
    }

    /// A small-molecule or backbone chemotherapy given intravenously (exchange with tumour 10/day,
    /// partition 1: small molecules equilibrate within hours — assumption).
    static func smallMolecule(_ id: String, _ name: String, _ cls: DrugClass, route: Route = .intravenous,
                              cl: Double, v: Double, mw: Double, f: Double = 1, schedule: DoseSchedule,
                              effects: [DrugEffect], source: String) -> Drug {
        Drug(id: id, name: name, drugClass: cls, route: route,
             pk: PKModel(clearance: cl, centralVolume: v, peripheralVolume: v * 0.5, intercompartmentalClearance: cl * 0.5,
                         tumourExchange: 10, tumourPartition: 1, molecularWeight: mw, bioavailability: f),
             schedule: schedule, effects: effects, carriable: true, source: source)
    }

    /// Cytotoxic backbone effects written from its documented immunology.
    /// - Parameters: kill: maximal kill rate (1/day) at `ec50` nM; icd: immunogenic-death weight;
    ///   lympho: lymphodepletion (1/day at saturation); mdsc: MDSC depletion (1/day); myelo: bone-marrow toxicity 0–1.
    static func cytotoxic(kill: Double, ec50: Double, icd: Double, lympho: Double, mdsc: Double, myelo: Double, source: String) -> [DrugEffect] {
        var e = [
            DrugEffect(.cytotoxicKill, emax: kill, ec50: ec50, site: .tumour, source: "assumption (log-kill per cycle; calibrate on chemotherapy arms)"),
            DrugEffect(.lymphodepletion, emax: lympho, ec50: ec50, site: .plasma, source: "assumption (lymphopenia after cytotoxics)"),
            DrugEffect(.myelosuppression, emax: myelo, ec50: ec50, site: .plasma, source: "label haematologic toxicity (neutropenia)"),
        ]
        if icd > 0 { e.append(DrugEffect(.immunogenicDeath, emax: icd, ec50: ec50, site: .tumour, source: source)) }
        if mdsc > 0 { e.append(DrugEffect(.mdscDepletion, emax: mdsc, ec50: ec50, site: .plasma, source: source)) }
        return e
    }

    static let icdSource = "ICD: Obeid 2007 doi:10.1038/nm1523; Tesniere 2010 doi:10.1038/onc.2009.356 (anthracyclines, oxaliplatin strong; cisplatin weak)"
    static let mdscSource = "MDSC depletion: Suzuki 2005 doi:10.1158/1078-0432.CCR-05-0883 (gemcitabine); Vincent 2010 doi:10.1158/0008-5472.CAN-09-3690 (5-FU)"
    /// Death of cancer cells cut off from their blood supply when a VEGFR tyrosine-kinase inhibitor
    /// prunes immature tumour vessels: antigen-agnostic (both clones), at the exposure of the drug's
    /// antiangiogenic growth inhibition. Without it a VEGFR TKI could only slow growth, and tumours
    /// would shrink by basal death alone (≈ 4 % in diameter over 8 weeks), far short of RECIST
    /// responses of sunitinib in RCC. Sources: Griffioen 2012 Clin Cancer Res 18:3961 (sunitinib before
    /// nephrectomy: lower microvessel density, apoptosis of tumour and endothelial cells). The maximal
    /// rate 0.02/day is an assumption; each tumour type's calibrated drug sensitivity scales it.
    static func vesselPruningKill(ec50: Double) -> DrugEffect {
        DrugEffect(.vesselPruning, emax: 0.02, ec50: ec50, site: .plasma,
                   source: "vessel pruning → ischaemic cell death (Griffioen 2012 Clin Cancer Res 18:3961; emax assumption, scaled by the calibrated sensitivity)")
    }

    static let carboplatinPK = "carboplatin: CL = GFR + 25 mL/min (Calvert 1989 doi:10.1200/JCO.1989.7.11.1748) = 125 mL/min = 180 L/day at the assumed GFR 100 mL/min, V ≈ 16 L [recalled]"

    /// Glomerular filtration rate of the reference patient, mL/min (assumption); the GFR of every carboplatin dose.
    static let referenceGFR = 100

    /// Carboplatin dose (mg) for a target AUC (mg/mL·min) by the Calvert formula, dose = AUC × (GFR + 25 mL/min)
    /// (Calvert 1989 doi:10.1200/JCO.1989.7.11.1748), at the reference GFR.
    static func carboplatinDose(auc: Int) -> Double { Double(auc * (referenceGFR + 25)) }

    /// The schedule text of a carboplatin dose: the Calvert formula written out with its numbers.
    static func carboplatinDoseText(auc: Int) -> String {
        "carboplatin AUC \(auc) × (GFR \(referenceGFR) + 25) mL/min = \(auc * (referenceGFR + 25)) mg "
            + "(Calvert 1989 doi:10.1200/JCO.1989.7.11.1748; GFR \(referenceGFR) mL/min assumption)"
    }

    /// The catalogue.
    public static let catalogue: [Drug] = checkpointAntibodies + chemotherapies + targetedDrugs + immunomodulators + specialModalities

    static let checkpointAntibodies: [Drug] = [
        checkpoint("nivolumab", .pd1Blockade, kd: 0.26, pk: antibodyPK(cl: 0.2256, vc: 3.63, vp: 2.78, q: 0.770),
                   schedule: DoseSchedule(doseMg: 240, everyDays: 14, source: "Opdivo label (240 mg q2w)"),
                   source: "PK Bajaj 2017 doi:10.1002/psp4.12143 Table 1, reference patient (CL 9.4 mL/h = 0.2256 L/day, Q 32.1 mL/h = 0.770 L/day, Vc 3.63 L, Vp 2.78 L; time-varying CL not modelled) [checked: Table 1 as transcribed in nlmixr2lib Bajaj_2017_nivolumab; Centanni 2019 doi:10.1007/s40262-019-00748-2 Table 2]; Kd 0.26 nM Jafarnejad 2019 doi:10.1208/s12248-019-0350-x"),
        checkpoint("pembrolizumab", .pd1Blockade, kd: 0.029, pk: antibodyPK(cl: 0.22, vc: 3.48, vp: 2.52, q: 0.795, mw: 149_000),
                   schedule: DoseSchedule(doseMg: 200, everyDays: 21, count: 35, source: "Keytruda label (200 mg q3w, up to 35 doses)"),
                   source: "PK Ahamadi 2017 doi:10.1002/psp4.12139 Table 3 (CL 0.22 L/day, Vc 3.48 L, Q 0.795 L/day) [checked: Table 3 as transcribed in nlmixr2lib Ahamadi_2017_pembrolizumab]; Vp 2.52 L = Vss 6.0 L − Vc [checked: Keytruda label, clinical pharmacology (geometric mean Vss 6.0 L)] (Ahamadi Table 3 has Vp 4.06 L); Kd 29 pM Keytruda label"),
        checkpoint("atezolizumab", .pdl1Blockade, kd: 0.4, pk: antibodyPK(cl: 0.200, vc: 3.28, vp: 3.63, q: 0.546, mw: 145_000),
                   schedule: DoseSchedule(doseMg: 1200, everyDays: 21, source: "Tecentriq label (1200 mg q3w)"),
                   source: "PK Tecentriq label; Stroh 2017 doi:10.1002/cpt.587 (CL 0.200 L/day, Vc 3.28 L, Vss 6.91 L; Q 0.546 L/day, Vp 3.63 L) [checked: Tecentriq product information, pharmacokinetics (V1 3.28 L, Vss 6.91 L, CL 0.200 L/day; Swiss Fachinformation); Centanni 2019 doi:10.1007/s40262-019-00748-2 Table 2 (Vp 3.63 L, Q 0.546 L/day)]; Kd 0.4 nM Sové 2020 doi:10.1002/psp4.12546"),
        checkpoint("durvalumab", .pdl1Blockade, kd: 0.667, pk: antibodyPK(cl: 0.232, vc: 3.51, vp: 3.45, q: 0.476),
                   schedule: DoseSchedule(doseMg: 1500, everyDays: 28, source: "Imfinzi label (1500 mg q4w)"),
                   source: "PK Baverel 2018 doi:10.1002/cpt.982 (linear part: CL 0.232 L/day, Vc 3.51 L, Vp 3.45 L, Q 0.476 L/day; nonlinear CL and time-varying CL not modelled) [checked: Centanni 2019 doi:10.1007/s40262-019-00748-2 Table 2, durvalumab row]; Kd [recalled] Stewart 2015 doi:10.1158/2326-6066.CIR-14-0191"),
        checkpoint("avelumab", .pdl1Blockade, kd: 0.0467, pk: antibodyPK(cl: 0.59, vc: 2.83, vp: 1.17, q: 0.42, mw: 147_000),
                   schedule: DoseSchedule(doseMg: 800, everyDays: 14, source: "Bavencio label (800 mg q2w)"),
                   source: "PK Bavencio label; CL 0.59 L/day, Vc 2.83 L, Vp 1.17 L [checked: Centanni 2019 doi:10.1007/s40262-019-00748-2 Table 2, avelumab row]; Q 0.42 L/day [recalled]; time-varying CL (Wilkins 2019 doi:10.1002/psp4.12406) not modelled; Kd [recalled]"),
        checkpoint("ipilimumab", .ctla4Blockade, kd: 18.2, pk: antibodyPK(cl: 0.36, vc: 4.15, vp: 3.11, q: 0.9864, mw: 148_000),
                   schedule: DoseSchedule(doseMg: 3 * kg, everyDays: 21, count: 4, source: "Yervoy label (3 mg/kg q3w × 4)"),
                   extra: [DrugEffect(.tregDepletion, emax: 0.3, ec50: 18.2, site: .tumour, source: "Fc-mediated Treg depletion, IgG1: Simpson 2013 doi:10.1084/jem.20130579; rate assumption")],
                   source: "PK Feng 2014 doi:10.1111/bcp.12323 Table 2, reference patient (CL 0.0150 L/h = 0.36 L/day, Vc 4.15 L, Vp 3.11 L, Q 0.0411 L/h = 0.9864 L/day) [checked: Table 2 as transcribed in nlmixr2lib Feng_2014_ipilimumab; Centanni 2019 doi:10.1007/s40262-019-00748-2 Table 2]; Kd 18.2 nM Sové 2020 doi:10.1002/psp4.12546"),
        checkpoint("tremelimumab", .ctla4Blockade, kd: 0.28, pk: antibodyPK(cl: 0.276, vc: 3.64, vp: 2.40, q: 0.357, mw: 147_000),
                   schedule: DoseSchedule(doseMg: 75, everyDays: 28, count: 4, source: "Imjudo label (75 mg q4w × 4)"),
                   extra: [DrugEffect(.tregDepletion, emax: 0.06, ec50: 0.28, site: .tumour, source: "IgG2, weak Fc effector function (assumption: 0.2 of ipilimumab)")],
                   source: "PK Hwang 2023 Br J Clin Pharmacol 89:1601 doi:10.1111/bcp.15622 Table 3 (baseline CL 0.276 L/day, Vc 3.64 L, Vp 2.40 L, Q 0.357 L/day; time-varying CL not modelled) [checked: Table 3 as transcribed in nlmixr2lib Hwang_2022_tremelimumab]; the melanoma monotherapy analysis of Wang 2014 (J Clin Pharmacol, PMID 24737343) gives CL 0.26 L/day, Vc 3.97 L; Kd [recalled]"),
        checkpoint("relatlimab", .lag3Blockade, kd: 0.12, pk: antibodyPK(cl: 0.24, vc: 3.5, vp: 2.9, q: 0.6, mw: 148_000),
                   schedule: DoseSchedule(doseMg: 160, everyDays: 28, source: "Opdualag label (relatlimab 160 mg q4w)"),
                   source: "PK Opdualag label [recalled: CL ≈ 0.24 L/day]; IgG4 volumes Ryman & Meibohm 2017 doi:10.1002/psp4.12224"),
        checkpoint("tiragolumab", .tigitBlockade, kd: 0.5, pk: antibodyPK(cl: 0.25, vc: 3.5, vp: 2.9, q: 0.6, mw: 148_000),
                   schedule: DoseSchedule(doseMg: 600, everyDays: 21, source: "CITYSCAPE protocol (600 mg q3w; investigational)"),
                   source: "PK: typical IgG1 (Ryman & Meibohm 2017 doi:10.1002/psp4.12224) — assumption; Kd assumption"),
        checkpoint("cobolimab", .tim3Blockade, kd: 0.5, pk: antibodyPK(cl: 0.25, vc: 3.5, vp: 2.9, q: 0.6, mw: 148_000),
                   schedule: DoseSchedule(doseMg: 300, everyDays: 21, source: "COSTAR Lung protocol (300 mg q3w; investigational)"),
                   source: "PK: typical IgG4 (Ryman & Meibohm 2017 doi:10.1002/psp4.12224) — assumption; Kd assumption"),
        checkpoint("dostarlimab", .pd1Blockade, kd: 0.3, pk: antibodyPK(cl: 0.24, vc: 3.5, vp: 2.6, q: 0.6, mw: 144_000),
                   schedule: DoseSchedule([DosePhase(doseMg: 500, everyDays: 21, count: 4), DosePhase(doseMg: 1000, everyDays: 42)],
                                          source: "Jemperli label (500 mg q3w × 4, then 1000 mg q6w)"),
                   source: "PK Jemperli label [recalled: t1/2 ≈ 25 days]; Kd [recalled]"),
    ]

    static func q(_ dose: Double, _ days: Double, _ count: Int?, _ src: String) -> DoseSchedule {
        DoseSchedule(doseMg: dose, everyDays: days, count: count, source: src)
    }

    static let chemotherapies: [Drug] = [
        smallMolecule("platinum-doublet", "carboplatin AUC 6 + paclitaxel 200 mg/m² (lumped; carboplatin PK)", .chemotherapy,
                      cl: 180, v: 16, mw: 371.25, schedule: q(carboplatinDose(auc: 6), 21, 4, "4 cycles q3w (NCCN NSCLC backbone); " + carboplatinDoseText(auc: 6)),
                      effects: cytotoxic(kill: 2.0, ec50: 20_000, icd: 0.3, lympho: 0.3, mdsc: 0, myelo: 0.5, source: icdSource), source: carboplatinPK),
        smallMolecule("carboplatin-paclitaxel", "carboplatin AUC 6 + paclitaxel (lumped; carboplatin PK)", .chemotherapy,
                      cl: 180, v: 16, mw: 371.25, schedule: q(carboplatinDose(auc: 6), 21, 4, "4–6 cycles q3w (4 modelled); " + carboplatinDoseText(auc: 6)),
                      effects: cytotoxic(kill: 2.0, ec50: 20_000, icd: 0.3, lympho: 0.3, mdsc: 0.05, myelo: 0.5, source: icdSource), source: carboplatinPK),
        smallMolecule("pemetrexed-platinum", "pemetrexed 500 mg/m² + cis/carboplatin (lumped; carboplatin PK)", .chemotherapy,
                      cl: 180, v: 16, mw: 371.25, schedule: q(carboplatinDose(auc: 6), 21, 4, "4 cycles q3w (then pemetrexed maintenance not modelled); platinum partner lumped as " + carboplatinDoseText(auc: 6) + "; AUC 6 for the lumped cis/carboplatin partner is an assumption"),
                      effects: cytotoxic(kill: 2.2, ec50: 20_000, icd: 0.3, lympho: 0.2, mdsc: 0, myelo: 0.4, source: icdSource), source: carboplatinPK),
        smallMolecule("gemcitabine-platinum", "gemcitabine 1000–1250 mg/m² d1,8 + platinum (lumped; carboplatin PK)", .chemotherapy,
                      cl: 180, v: 16, mw: 371.25, schedule: q(carboplatinDose(auc: 6), 21, 4, "4–6 cycles q3w (4 modelled); platinum partner lumped as " + carboplatinDoseText(auc: 6) + "; AUC 6 for the lumped platinum partner is an assumption"),
                      effects: cytotoxic(kill: 2.0, ec50: 20_000, icd: 0.2, lympho: 0.2, mdsc: 0.3, myelo: 0.6, source: mdscSource), source: carboplatinPK),
        smallMolecule("etoposide-platinum", "etoposide 100 mg/m² d1–3 + carboplatin AUC 5 (lumped; carboplatin PK)", .chemotherapy,
                      cl: 180, v: 16, mw: 371.25, schedule: q(carboplatinDose(auc: 5), 21, 4, "4 cycles q3w (IMpower133 backbone); " + carboplatinDoseText(auc: 5)),
                      effects: cytotoxic(kill: 3.0, ec50: 20_000, icd: 0.3, lympho: 0.3, mdsc: 0, myelo: 0.6, source: icdSource), source: carboplatinPK),
        smallMolecule("cisplatin-fluorouracil", "cisplatin 100 mg/m² + 5-FU 1000 mg/m²/day × 4 (lumped; cisplatin PK)", .chemotherapy,
                      cl: 22, v: 20, mw: 300.05, schedule: q(190, 21, 6, "q3w × 6 (EXTREME/KEYNOTE-048 backbone); cisplatin 100 mg/m²"),
                      effects: cytotoxic(kill: 1.2, ec50: 5_000, icd: 0.2, lympho: 0.3, mdsc: 0.3, myelo: 0.4, source: mdscSource),
                      source: "cisplatin CL ≈ 15 mL/min/m² → ≈ 22 L/day (unbound, [recalled] label); 5-FU MDSC depletion Vincent 2010"),
        smallMolecule("folfox", "oxaliplatin 85 mg/m² + 5-FU/leucovorin q2w (lumped; oxaliplatin PK)", .chemotherapy,
                      cl: 240, v: 40, mw: 397.3, schedule: q(160, 14, 12, "FOLFOX q2w × 12; oxaliplatin 85 mg/m²"),
                      effects: cytotoxic(kill: 1.5, ec50: 2_000, icd: 0.8, lympho: 0.2, mdsc: 0.3, myelo: 0.3, source: icdSource + "; " + mdscSource),
                      source: "oxaliplatin ultrafilterable platinum CL ≈ 10 L/h [recalled] (label)"),
        smallMolecule("docetaxel", "docetaxel 75 mg/m² q3w", .chemotherapy,
                      cl: 1060, v: 110, mw: 807.9, schedule: q(143, 21, 6, "Taxotere label (75 mg/m² q3w)"),
                      effects: cytotoxic(kill: 1.0, ec50: 200, icd: 0.2, lympho: 0.3, mdsc: 0.1, myelo: 0.6, source: icdSource),
                      source: "docetaxel CL ≈ 21 L/h/m² (Taxotere label [recalled]), Vss ≈ 113 L"),
        smallMolecule("nab-paclitaxel", "nab-paclitaxel 100 mg/m² weekly (d1, 8, 15 q4w ≈ weekly)", .chemotherapy,
                      cl: 360, v: 50, mw: 853.9, schedule: q(190, 7, nil, "Abraxane label (100 mg/m² d1,8,15 q3w NSCLC; weekly approximation)"),
                      effects: cytotoxic(kill: 0.5, ec50: 200, icd: 0.2, lympho: 0.2, mdsc: 0.05, myelo: 0.5, source: icdSource),
                      source: "paclitaxel CL ≈ 15 L/h/m² [recalled] (Abraxane label); note: cl here is 360 L/day = 7.9 L/h/m² at 1.9 m², not 15 L/h/m² (= 684 L/day); QSPIO-TNBC uses Chen 2014 PK"),
        smallMolecule("doxorubicin", "doxorubicin 60–75 mg/m² q3w", .chemotherapy,
                      cl: 1080, v: 254, mw: 543.5, schedule: q(135, 21, 6, "label (60–75 mg/m² q3w, cumulative cap ≈ 450 mg/m²)"),
                      effects: cytotoxic(kill: 1.2, ec50: 300, icd: 1.0, lympho: 0.2, mdsc: 0.1, myelo: 0.6, source: icdSource),
                      source: "free doxorubicin CL ≈ 45 L/h, V ≈ 254 L (Gabizon 1994; label) — model-facts.md"),
        smallMolecule("dacarbazine", "dacarbazine 1000 mg/m² q3w", .chemotherapy,
                      cl: 360, v: 50, mw: 182.2, schedule: q(1900, 21, nil, "label (850–1000 mg/m² q3w)"),
                      effects: cytotoxic(kill: 0.8, ec50: 20_000, icd: 0.1, lympho: 0.2, mdsc: 0, myelo: 0.3, source: icdSource),
                      source: "dacarbazine t1/2 ≈ 5 h [recalled] (label)"),
        smallMolecule("capecitabine", "capecitabine 1000–1250 mg/m² bid (oral, continuous approximation)", .chemotherapy, route: .oral,
                      cl: 4800, v: 60, mw: 359.35, f: 1, schedule: q(3800, 1, nil, "Xeloda label (1250 mg/m² bid; 2 of 3 weeks — continuous average ×2/3 not applied: assumption)"),
                      effects: cytotoxic(kill: 0.1, ec50: 100, icd: 0.1, lympho: 0.1, mdsc: 0.2, myelo: 0.2, source: mdscSource),
                      source: "capecitabine → 5-FU; short t1/2 ≈ 1 h [recalled] (label)"),
    ]

    static let targetedDrugs: [Drug] = [
        smallMolecule("sunitinib", "sunitinib 50 mg daily (4/2 schedule averaged)", .targeted, route: .oral,
                      cl: 816, v: 2230, mw: 398.5, f: 1, schedule: q(33.3, 1, nil, "Sutent label (50 mg 4 weeks on / 2 off → mean 33 mg/day)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.7, ec50: 50, site: .plasma, source: "VEGFR/PDGFR: antiangiogenic growth inhibition (assumption)"),
                                DrugEffect(.vesselNormalisation, emax: 0.5, ec50: 50, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29"),
                                vesselPruningKill(ec50: 50),
                                DrugEffect(.mdscDepletion, emax: 0.1, ec50: 50, site: .plasma, source: "Ko 2009 doi:10.1158/1078-0432.CCR-08-1332")],
                      source: "sunitinib CL/F 34 L/h, V/F 2230 L (label [recalled; a third-party copy of the label text gives total oral clearance 34–62 L/h; the label itself was not found])"),
        smallMolecule("sorafenib", "sorafenib 400 mg bid", .targeted, route: .oral,
                      cl: 200, v: 213, mw: 464.8, f: 0.5, schedule: q(800, 1, nil, "Nexavar label (400 mg bid)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.5, ec50: 5000, site: .plasma, source: "VEGFR/RAF inhibition (assumption)"),
                                DrugEffect(.vesselNormalisation, emax: 0.3, ec50: 5000, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29"),
                                vesselPruningKill(ec50: 5000)],
                      source: "sorafenib CL/F ≈ 8 L/h [recalled] (label)"),
        smallMolecule("axitinib", "axitinib 5 mg bid", .targeted, route: .oral,
                      cl: 912, v: 160, mw: 386.5, f: 0.58, schedule: q(10, 1, nil, "Inlyta label (5 mg bid)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.7, ec50: 20, site: .plasma, source: "VEGFR inhibition (assumption)"),
                                DrugEffect(.vesselNormalisation, emax: 0.5, ec50: 20, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29"),
                                vesselPruningKill(ec50: 20)],
                      source: "axitinib CL 38 L/h, Vss 160 L, F 58 % (Inlyta label [recalled])"),
        smallMolecule("cabozantinib", "cabozantinib 60 mg daily", .targeted, route: .oral,
                      cl: 53, v: 319, mw: 501.5, f: 1, schedule: q(60, 1, nil, "Cabometyx label (60 mg daily)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.6, ec50: 1000, site: .plasma, source: "VEGFR/MET/AXL inhibition (assumption)"),
                                DrugEffect(.vesselNormalisation, emax: 0.4, ec50: 1000, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29"),
                                vesselPruningKill(ec50: 1000),
                                DrugEffect(.mdscDepletion, emax: 0.05, ec50: 1000, site: .plasma, source: "assumption (MET/AXL on myeloid cells)")],
                      source: "cabozantinib CL/F 2.2 L/h, V/F 319 L (Cabometyx label [recalled; the EU SmPC population PK (1883 patients) gives CL/F 2.48 L/h and t1/2 ≈ 110 h, as quoted at https://lawinsider.com/it/clause/elimination; the US label t1/2 ≈ 99 h (cabometyxhcp.com dosing page) fits 2.2 L/h])"),
        smallMolecule("lenvatinib", "lenvatinib 24 mg daily (18 mg with everolimus)", .targeted, route: .oral,
                      cl: 157, v: 97, mw: 426.9, f: 0.85, schedule: q(20, 1, nil, "Lenvima label (24 mg daily thyroid/12 mg HCC/18 mg RCC; 20 mg mean)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.7, ec50: 200, site: .plasma, source: "VEGFR/FGFR inhibition (assumption)"),
                                DrugEffect(.vesselNormalisation, emax: 0.5, ec50: 200, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29"),
                                vesselPruningKill(ec50: 200)],
                      source: "lenvatinib CL/F 6.56 L/h (Lenvima label; population PK Gupta 2016 Br J Clin Pharmacol doi:10.1111/bcp.12907 [checked: abstract, CL/F 6.56 L/h]); F 0.85 and V 97 L [checked: Swiss Lenvima Fachinformation, pharmacokinetics (oddb.org): mass balance ≈ 85 %, Vss 43.2–121 L]"),
        smallMolecule("everolimus", "everolimus 10 mg daily", .targeted, route: .oral,
                      cl: 590, v: 191, mw: 958.2, f: 0.3, schedule: q(10, 1, nil, "Afinitor label (10 mg daily)"),
                      effects: [DrugEffect(.growthInhibition, emax: 0.4, ec50: 10, site: .plasma, source: "mTOR (PI3K/AKT axis) inhibition (assumption)"),
                                DrugEffect(.mhcRestoration, emax: 0.3, ec50: 10, site: .tumour, source: "PI3K/AKT downregulates MHC-I (review §2.1, ref 16: Zheng 2024 doi:10.1002/advs.202305922)")],
                      source: "everolimus CL/F ≈ 24.6 L/h [recalled] (label)"),
        Drug(id: "bevacizumab", name: "bevacizumab 15 mg/kg q3w", drugClass: .targeted, route: .intravenous,
             pk: antibodyPK(cl: 0.207, vc: 2.66, vp: 2.76, q: 0.47, mw: 149_000),
             schedule: q(15 * kg, 21, nil, "Avastin label (15 mg/kg q3w, NSCLC)"),
             effects: [DrugEffect(.growthInhibition, emax: 0.4, ec50: 10, site: .plasma, source: "VEGF-A neutralisation (assumption)"),
                       DrugEffect(.vesselNormalisation, emax: 0.6, ec50: 10, site: .plasma, source: "Fukumura 2018 doi:10.1038/nrclinonc.2018.29; Huang 2012 doi:10.1073/pnas.1215397109"),
                       DrugEffect(.mdscDepletion, emax: 0.05, ec50: 10, site: .plasma, source: "VEGF recruits MDSCs (assumption)")],
             carriable: false, source: "PK Lu 2008 doi:10.1007/s00280-007-0664-8 (CL 0.207 L/day, Vc 2.66 L [recalled])"),
        Drug(id: "cetuximab", name: "cetuximab 400 mg/m² then 250 mg/m² weekly", drugClass: .targeted, route: .intravenous,
             pk: antibodyPK(cl: 0.5, vc: 2.9, vp: 1.5, q: 0.4, mw: 152_000),
             schedule: DoseSchedule([DosePhase(doseMg: 760, everyDays: 7, count: 1), DosePhase(doseMg: 475, everyDays: 7)], source: "Erbitux label"),
             effects: [DrugEffect(.growthInhibition, emax: 0.4, ec50: 5, site: .tumour, source: "EGFR/MAPK blockade (assumption)"),
                       DrugEffect(.mhcRestoration, emax: 0.3, ec50: 5, site: .tumour, source: "EGFR/MAPK signalling suppresses MHC-I (review §2.1); Pollack 2011 doi:10.1158/1078-0432.CCR-10-2701"),
                       DrugEffect(.targetedKill, emax: 0.02, ec50: 5, site: .tumour, source: "ADCC, IgG1 (assumption)")],
             carriable: false, source: "PK Erbitux label (nonlinear; linearised CL ≈ 0.5 L/day [recalled])"),
        Drug(id: "enfortumab-vedotin", name: "enfortumab vedotin 1.25 mg/kg d1, 8, 15 q4w", drugClass: .antibodyDrugConjugate, route: .intravenous,
             pk: antibodyPK(cl: 2.6, vc: 3.2, vp: 2.0, q: 0.8, mw: 152_000),
             schedule: q(1.25 * kg, 9.33, nil, "Padcev label (1.25 mg/kg d1, 8, 15 of 28 → every 9.3 days on average)"),
             effects: [DrugEffect(.targetedKill, emax: 0.15, ec50: 2, site: .tumour, source: "Nectin-4-targeted MMAE payload (assumption: Nectin-4 on antigen-positive cells)"),
                       DrugEffect(.cytotoxicKill, emax: 0.03, ec50: 2, site: .tumour, source: "bystander MMAE diffusion (assumption)"),
                       DrugEffect(.immunogenicDeath, emax: 0.6, ec50: 2, site: .tumour, source: "MMAE induces ICD: Müller 2014 doi:10.1158/2326-6066.CIR-14-0112"),
                       DrugEffect(.myelosuppression, emax: 0.2, ec50: 2, site: .plasma, source: "Padcev label")],
             carriable: false, source: "PK Padcev label (ADC CL 0.11 L/h, t1/2 3.4 days [recalled])"),
    ]

    static let immunomodulators: [Drug] = [
        Drug(id: "gp100", name: "gp100:209-217(210M) peptide vaccine in Montanide", drugClass: .vaccine, route: .intravenous,
             pk: PKModel(clearance: 0.7, centralVolume: 5, peripheralVolume: 0.1, intercompartmentalClearance: 0.01,
                         tumourExchange: 0.1, tumourPartition: 0.01, molecularWeight: 1000),
             schedule: q(1, 21, 4, "Hodi 2010 doi:10.1056/NEJMoa1003466 (1 mg q3w × 4, HLA-A*0201)"),
             effects: [DrugEffect(.primingBoost, emax: 0.3, ec50: 20, site: .plasma, source: "HLA-A2-restricted priming; depot t1/2 ≈ 5 days (Montanide; assumption)")],
             carriable: true, source: "peptide depot modelled as slow plasma compartment (assumption)"),
        Drug(id: "gm-csf", name: "GM-CSF 125 µg/m² SC daily d1–14 q28", drugClass: .cytokine, route: .oral,
             pk: PKModel(clearance: 60, centralVolume: 10, peripheralVolume: 1, intercompartmentalClearance: 1,
                         tumourExchange: 5, tumourPartition: 0.5, molecularWeight: 14_500),
             schedule: q(0.119, 1, nil, "OPTiM control (Andtbacka 2015 doi:10.1200/JCO.2014.58.3377): 125 µg/m² × 14/28 days → 0.12 mg/day mean; SC modelled as continuous input"),
             effects: [DrugEffect(.apcActivation, emax: 0.5, ec50: 0.01, site: .lymphNode, source: "GM-CSF drives DC maturation (review §3.1; assumption)")],
             carriable: true, source: "sargramostim t1/2 ≈ 2–3 h SC [recalled]"),
        smallMolecule("entinostat", "entinostat 5 mg weekly (HDAC inhibitor)", .epigenetic, route: .oral,
                      cl: 100, v: 500, mw: 376.4, f: 1, schedule: q(0.714, 1, nil, "ENCORE-601 (5 mg weekly; continuous average)"),
                      effects: [DrugEffect(.chemokineRestoration, emax: 0.6, ec50: 5, site: .tumour, source: "HDAC inhibition re-expresses silenced chemokines (assumption)"),
                                DrugEffect(.mhcRestoration, emax: 0.3, ec50: 5, site: .tumour, source: "HDACi raise MHC-I (assumption)"),
                                DrugEffect(.mdscDepletion, emax: 0.1, ec50: 5, site: .plasma, source: "Orillion 2017 doi:10.1158/1078-0432.CCR-17-0741")],
                      source: "entinostat t1/2 ≈ 50–100 h [recalled]"),
        smallMolecule("tazemetostat", "tazemetostat 800 mg bid (EZH2 inhibitor)", .epigenetic, route: .oral,
                      cl: 5000, v: 1230, mw: 572.7, f: 0.33, schedule: q(1600, 1, nil, "Tazverik label (800 mg bid)"),
                      effects: [DrugEffect(.chemokineRestoration, emax: 0.8, ec50: 200, site: .tumour, source: "EZH2 silences CXCL9/10: Peng 2015 doi:10.1038/nature15520")],
                      source: "tazemetostat CL/F ≈ 274 L/h [recalled] (label); note: cl here is 5000 L/day = 208 L/h, not 274 L/h (= 6576 L/day)"),
        smallMolecule("azacitidine", "azacitidine 75 mg/m² SC d1–7 q28 (DNMT inhibitor)", .epigenetic, route: .oral,
                      cl: 3000, v: 76, mw: 244.2, f: 1, schedule: q(35.6, 1, nil, "Vidaza label (75 mg/m² × 7/28 days → mean 36 mg/day; continuous approximation)"),
                      effects: [DrugEffect(.chemokineRestoration, emax: 0.6, ec50: 50, site: .tumour, source: "DNMT1 silences CXCL9/10: Peng 2015 doi:10.1038/nature15520"),
                                DrugEffect(.mhcRestoration, emax: 0.4, ec50: 50, site: .tumour, source: "viral mimicry raises antigen presentation: Chiappinelli 2015 doi:10.1016/j.cell.2015.07.011"),
                                DrugEffect(.myelosuppression, emax: 0.4, ec50: 50, site: .plasma, source: "Vidaza label")],
                      source: "azacitidine t1/2 ≈ 40 min SC [recalled]"),
    ]

    static let specialModalities: [Drug] = [
        Drug(id: "t-vec", name: "talimogene laherparepvec (GM-CSF-armed HSV-1), intralesional", drugClass: .oncolyticVirus, route: .intralesional,
             pk: nil, schedule: DoseSchedule([DosePhase(doseMg: 4e6, everyDays: 21, count: 1), DosePhase(doseMg: 4e8, everyDays: 14)],
                                             maxDays: 365, source: "Imlygic label: ≤ 4 mL × 10⁶ PFU/mL, then 10⁸ PFU/mL q2w from week 3 (dose in PFU)"),
             effects: [DrugEffect(.apcActivation, emax: 0.5, ec50: 1e7, site: .tumour, source: "GM-CSF arming (Imlygic label); EC50 in infected cells (assumption)")],
             carriable: false, source: "virus kinetics: Wodarz 2001 (BIOMD0000001043 family) and model-facts.md oncolytic parameter set"),
        Drug(id: "car-t", name: "CAR-T cells (single infusion after lymphodepletion)", drugClass: .cellTherapy, route: .intravenous,
             pk: nil, schedule: DoseSchedule(doseMg: 1e8, everyDays: 10_000, count: 1, source: "typical solid-tumour CAR-T dose 1e8 cells (dose in cells; assumption)"),
             effects: [], carriable: false, source: "cellular kinetics: Stein 2019 doi:10.1002/psp4.12388 (tisagenlecleucel)"),
        Drug(id: "radiotherapy", name: "conventional radiotherapy 2 Gy × 30 (5 fractions/week)", drugClass: .radiotherapy, route: .intravenous,
             pk: nil, schedule: DoseSchedule(fractions(2, count: 30), maxDays: 60, source: "conventional 60 Gy in 30 fractions (chemoradiation, PACIFIC-style; dose in Gy)"),
             effects: [], carriable: false, source: "linear–quadratic model, α/β = 10 Gy (model-facts.md)"),
        Drug(id: "radiotherapy-sbrt", name: "hypofractionated radiotherapy 8 Gy × 3", drugClass: .radiotherapy, route: .intravenous,
             pk: nil, schedule: DoseSchedule(fractions(8, count: 3), maxDays: 10, source: "8 Gy × 3 (SBRT, abscopal studies: Dewan 2009 doi:10.1158/1078-0432.CCR-09-0265; dose in Gy)"),
             effects: [], carriable: false, source: "linear–quadratic model, α/β = 10 Gy (model-facts.md)"),
    ]

    /// Fraction days Monday–Friday from day 0: weekends skipped, `count` fractions of `gray`.
    static func fractions(_ gray: Double, count: Int) -> [DosePhase] {
        // Five consecutive days then a two-day gap: expressed as a phase per fraction.
        var phases: [DosePhase] = []
        for k in 0..<count {
            let gap = (k % 5 == 4) ? 3.0 : 1.0
            phases.append(DosePhase(doseMg: gray, everyDays: gap, count: 1))
        }
        return phases
    }

    /// Looks up a drug by id, listing the valid ids on failure.
    public static func named(_ id: String) throws(BlockadeError) -> Drug {
        guard let d = catalogue.first(where: { $0.id == id.lowercased() }) else {
            throw .unknownName(kind: "drug", name: id, valid: catalogue.map(\.id) + Regimen.controls.sorted())
        }
        return d
    }
}
