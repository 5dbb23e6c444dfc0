import TumorImmune

/// Which end of a score points to resistance.
public enum ResistanceDirection: String, Sendable, Codable {
    /// A low score suggests the mechanism is active (e.g. lost antigen presentation).
    case low
    /// A high score suggests the mechanism is active (e.g. a TGF-β stromal barrier).
    case high
}

/// The transcriptional readout of a resistance mechanism of the review.
///
/// The mechanism vocabulary is the model's (``TumorImmune/Mechanism``): a readout whose high-end
/// sense is the knob's carries the knob's id (`mdsc-suppression`, `stromal-barrier`, ...), and every
/// readout names the knob it informs, if any (``informs``). Readouts with no knob (pathway activity,
/// a single-gene marker) keep ids of their own.
public struct MechanismReadout: Sendable, Equatable {
    /// Identifier, lowercase-with-hyphens; also the gene set's name.
    public var id: String
    /// Short human-readable title.
    public var title: String
    /// The genes whose ssGSEA score reads the mechanism out, with their source.
    public var geneSet: GeneSet
    /// Which end of the score points to resistance.
    public var resistanceWhen: ResistanceDirection
    /// Plain-language explanation shown when the mechanism is among a sample's dominant ones.
    public var explanation: String
    /// Where the review discusses it (immunotherapy-resistance-review, section and reference numbers).
    public var reviewReference: String
    /// True when the readout is weak (gene membership rather than validated activity targets).
    public var caveat: String?
    /// The model's knob this readout informs: its level rises as the readout points to resistance.
    public var informs: TumorImmune.Mechanism? = nil
}

/// The built-in mechanism readouts. Gene lists were written from the cited papers; each list's
/// source sits next to it.
public enum MechanismCatalog {
    /// Every mechanism, in the order the review discusses them (§2.1 tumour-intrinsic, §2.2 TME, §4).
    public static let all: [MechanismReadout] = [
        MechanismReadout(
            id: "antigen-presentation", title: "MHC class I antigen presentation",
            geneSet: GeneSet(name: "antigen-presentation",
                             genes: ["HLA-A", "HLA-B", "HLA-C", "B2M", "TAP1", "TAP2", "TAPBP", "NLRC5", "PSMB8", "PSMB9"],
                             // MHC-I/APM genes: Şenbabaoğlu et al., Genome Biol 2016 (doi:10.1186/s13059-016-1092-z);
                             // NLRC5 as MHC-I transactivator: Yoshihama et al., PNAS 2016 (doi:10.1073/pnas.1602069113).
                             source: "doi:10.1186/s13059-016-1092-z; doi:10.1073/pnas.1602069113"),
            resistanceWhen: .low,
            explanation: "Low expression of MHC class I, B2M and the peptide-loading machinery: tumour cells show fewer antigens to T cells (mutations, promoter methylation, or PI3K/AKT and MAPK signalling), so PD-1 blockade has little to release.",
            reviewReference: "review §2.1, refs [16, 17]", caveat: nil, informs: .antigenPresentationLoss),
        MechanismReadout(
            id: "ifng-signalling", title: "IFN-γ signalling",
            geneSet: GeneSet(name: "ifng-signalling",
                             genes: ["IFNG", "IFNGR1", "IFNGR2", "JAK1", "JAK2", "STAT1", "IRF1", "IRF9", "SOCS1"],
                             // IFN-γ pathway genes lost in ipilimumab non-responders: Gao et al., Cell 2016
                             // (doi:10.1016/j.cell.2016.08.069); JAK1/2 loss: Zaretsky et al., NEJM 2016 (doi:10.1056/NEJMoa1604958).
                             source: "doi:10.1016/j.cell.2016.08.069; doi:10.1056/NEJMoa1604958"),
            resistanceWhen: .low,
            explanation: "Weak IFN-γ pathway activity: without IFN-γ → JAK/STAT1 → IRF1 signalling the tumour does not up-regulate MHC-I and T-cell chemokines, a recognised route to primary and acquired resistance.",
            reviewReference: "review §2.1, refs [15, 16]", caveat: nil),
        MechanismReadout(
            id: "t-cell-inflamed", title: "T-cell-inflamed microenvironment",
            geneSet: GeneSet(name: "t-cell-inflamed", genes: Baselines.gep18Weights.map(\.gene),
                             // The 18 genes of the T-cell-inflamed GEP: Ayers et al., JCI 2017 (doi:10.1172/JCI91190).
                             source: "doi:10.1172/JCI91190"),
            resistanceWhen: .low,
            explanation: "Few T-cell-inflamed signals (the 18-gene GEP set): a 'cold' tumour with little pre-existing anti-tumour immunity, the main reason for primary resistance to PD-1 blockade.",
            reviewReference: "review §2, refs [9, 12]", caveat: nil),
        MechanismReadout(
            id: "cytolytic-activity", title: "Cytolytic activity",
            geneSet: GeneSet(name: "cytolytic-activity",
                             genes: ["GZMA", "PRF1", "GZMB", "GZMH", "GZMK", "NKG7", "GNLY"],
                             // CYT (GZMA, PRF1): Rooney et al., Cell 2015 (doi:10.1016/j.cell.2014.12.033). GZMB,
                             // GZMH, GZMK, NKG7 and GNLY are added by Blockade (assumption: further granule effector
                             // genes of CD8 T and NK cells); Rooney's score itself uses only the two.
                             source: "doi:10.1016/j.cell.2014.12.033 (GZMA, PRF1); other genes: assumption"),
            resistanceWhen: .low,
            explanation: "Low cytolytic (granzyme/perforin) activity: few effector T or NK cells are killing in the tumour.",
            reviewReference: "review §2, refs [9, 11]", caveat: nil),
        MechanismReadout(
            id: "th1-chemokines", title: "T-cell-attracting chemokines CXCL9/10/11",
            geneSet: GeneSet(name: "th1-chemokines", genes: ["CXCL9", "CXCL10", "CXCL11"],
                             // Silenced by EZH2/DNMT1 in ovarian cancer: Peng et al., Nature 2015 (doi:10.1038/nature15520).
                             source: "doi:10.1038/nature15520"),
            resistanceWhen: .low,
            explanation: "Low CXCL9/CXCL10/CXCL11: the Th1 chemokines that recruit effector T cells are not made, so T cells fail to enter the tumour.",
            reviewReference: "review §2.1", caveat: nil, informs: .chemokineSilencing),
        MechanismReadout(
            id: "chemokine-silencing", title: "Epigenetic silencing (EZH2/DNMT1)",
            geneSet: GeneSet(name: "chemokine-silencing", genes: ["EZH2", "DNMT1", "EED", "SUZ12"],
                             // EZH2 (with PRC2 partners EED, SUZ12) H3K27me3 and DNMT1 methylation silence CXCL9/10:
                             // Peng et al., Nature 2015 (doi:10.1038/nature15520); Nagarsheth et al., Cancer Res 2016
                             // (PRC2 silencing of Th1 chemokines in colon cancer).
                             source: "doi:10.1038/nature15520"),
            resistanceWhen: .high,
            explanation: "High EZH2/PRC2 and DNMT1: H3K27 trimethylation and DNA methylation can silence the CXCL9/CXCL10 genes; read together with th1-chemokines (silencing is likely when this is high and they are low). Also tracks proliferation.",
            reviewReference: "review §2.1", caveat: "EZH2 and DNMT1 expression also rise with proliferation", informs: .chemokineSilencing),
        MechanismReadout(
            id: "mdsc-suppression", title: "Myeloid-derived suppressor cells",
            geneSet: GeneSet(name: "mdsc-suppression",
                             genes: ["CD33", "ITGAM", "FUT4", "OLR1", "S100A8", "S100A9", "S100A12", "ARG1", "CXCR2", "CSF3R"],
                             // Markers from Bronte et al., Nat Commun 2016 (doi:10.1038/ncomms12150) and LOX-1 (OLR1)
                             // for PMN-MDSC: Condamine et al., Sci Immunol 2016 (doi:10.1126/sciimmunol.aaf8943).
                             source: "doi:10.1038/ncomms12150; doi:10.1126/sciimmunol.aaf8943"),
            resistanceWhen: .high,
            explanation: "Myeloid-derived suppressor cell markers are high: MDSCs deplete arginine, suppress NK and effector T cells, induce Tregs and weaken antigen-presenting cells.",
            reviewReference: "review §2.2, refs [19–21]", caveat: "markers are shared with neutrophils and monocytes", informs: .mdscSuppression),
        MechanismReadout(
            id: "treg-suppression", title: "Regulatory T cells",
            geneSet: GeneSet(name: "treg-suppression",
                             genes: ["FOXP3", "IL2RA", "CCR8", "IKZF2", "TNFRSF4", "TNFRSF18", "LRRC32", "IL10"],
                             // Tumour Treg markers: Plitas et al., Immunity 2016 (doi:10.1016/j.immuni.2016.10.032);
                             // De Simone et al., Immunity 2016 (doi:10.1016/j.immuni.2016.10.021).
                             source: "doi:10.1016/j.immuni.2016.10.032; doi:10.1016/j.immuni.2016.10.021"),
            resistanceWhen: .high,
            explanation: "Regulatory T-cell markers are high: Tregs release IL-10 and TGF-β and compete for IL-2, damping effector T cells. In bulk RNA they also rise with overall T-cell infiltration.",
            reviewReference: "review §2.2, ref [19]", caveat: "co-varies with T-cell infiltration in bulk tissue", informs: .tregSuppression),
        MechanismReadout(
            id: "m2-macrophages", title: "M2-like tumour-associated macrophages",
            geneSet: GeneSet(name: "m2-macrophages",
                             genes: ["CD163", "MRC1", "MSR1", "CD209", "F13A1", "STAB1", "MS4A4A", "CCL18"],
                             // M2 polarisation markers: Mantovani et al., Trends Immunol 2002 (doi:10.1016/S1471-4906(02)02302-5);
                             // Cassetta et al., Cancer Cell 2019 (doi:10.1016/j.ccell.2019.02.009).
                             source: "doi:10.1016/S1471-4906(02)02302-5; doi:10.1016/j.ccell.2019.02.009"),
            resistanceWhen: .high,
            explanation: "M2-like macrophage markers are high: these macrophages secrete IL-10 and TGF-β and support tissue repair rather than tumour killing.",
            reviewReference: "review §2.2, refs [19, 29]", caveat: nil, informs: .m2Macrophages),
        MechanismReadout(
            id: "tgfb-caf", title: "TGF-β fibroblast response (F-TBRS)",
            geneSet: GeneSet(name: "tgfb-caf",
                             genes: ["ACTA2", "ACTG2", "ADAM12", "ADAM19", "CNN1", "COL4A1", "CCN2", "CTPS1", "RFLNB",
                                     "FSTL3", "HSPB1", "IGFBP3", "PXDC1", "SEMA7A", "SH3PXD2A", "TAGLN", "TGFBI", "TNS1", "TPM1"],
                             // Pan-fibroblast TGF-β response signature: Mariathasan et al., Nature 2018
                             // (doi:10.1038/nature25501); CTGF and FAM101B renamed CCN2 and RFLNB by HGNC.
                             source: "doi:10.1038/nature25501"),
            resistanceWhen: .high,
            explanation: "Fibroblast TGF-β response is high: TGF-β-activated stroma keeps CD8 T cells at the tumour margin (immune exclusion), as seen in atezolizumab non-responders.",
            reviewReference: "review §2.2, refs [28–31]", caveat: nil, informs: .stromalBarrier),
        MechanismReadout(
            id: "stromal-barrier", title: "CAF / extracellular-matrix barrier",
            geneSet: GeneSet(name: "stromal-barrier",
                             genes: ["FAP", "PDGFRB", "COL1A1", "COL1A2", "COL3A1", "COL5A1", "POSTN", "LUM", "FN1", "LOX"],
                             // CAF and ECM markers: Sahai et al., Nat Rev Cancer 2020 (doi:10.1038/s41568-019-0238-1).
                             source: "doi:10.1038/s41568-019-0238-1"),
            resistanceWhen: .high,
            explanation: "Cancer-associated fibroblasts and dense collagen matrix: a stiff ECM is a physical barrier to T cells and to drugs, and promotes M2 polarisation.",
            reviewReference: "review §2.2, refs [28–31]", caveat: nil, informs: .stromalBarrier),
        MechanismReadout(
            id: "compensatory-checkpoints", title: "Compensatory checkpoints (TIM-3, LAG-3, TIGIT, CTLA-4)",
            geneSet: GeneSet(name: "compensatory-checkpoints",
                             genes: ["HAVCR2", "LAG3", "TIGIT", "CTLA4", "LGALS9", "CEACAM1"],
                             // Receptors and the TIM-3 ligands galectin-9 and CEACAM1 named in the review (§2.2, refs [22–27]);
                             // adaptive TIM-3 up-regulation after PD-1 blockade: Koyama et al., Nat Commun 2016 (doi:10.1038/ncomms10501).
                             source: "doi:10.1038/ncomms10501"),
            resistanceWhen: .high,
            explanation: "Other inhibitory checkpoints (TIM-3 with galectin-9/CEACAM1, LAG-3, TIGIT, CTLA-4) are high: they can take over when PD-1 is blocked. In bulk RNA they also mark T-cell presence, so compare with t-cell-inflamed.",
            reviewReference: "review §2.2, refs [22–27]", caveat: "co-varies with T-cell infiltration in bulk tissue", informs: .compensatoryCheckpoints),
        MechanismReadout(
            id: "t-cell-exhaustion", title: "T-cell exhaustion",
            geneSet: GeneSet(name: "t-cell-exhaustion",
                             genes: ["PDCD1", "HAVCR2", "LAG3", "TIGIT", "TOX", "ENTPD1", "LAYN", "CXCL13", "BATF"],
                             // Exhausted CD8 T-cell state: Sade-Feldman et al., Cell 2018 (doi:10.1016/j.cell.2018.10.038);
                             // TOX: Khan et al., Nature 2019 (doi:10.1038/s41586-019-1325-x).
                             source: "doi:10.1016/j.cell.2018.10.038; doi:10.1038/s41586-019-1325-x"),
            resistanceWhen: .high,
            explanation: "Terminal exhaustion programme (PD-1, TIM-3, TOX, CD39): co-expressed inhibitory receptors mark T cells that PD-1 blockade alone may not reinvigorate.",
            reviewReference: "review §2.2, refs [23–26]", caveat: "co-varies with T-cell infiltration in bulk tissue", informs: .tCellExhaustion),
        MechanismReadout(
            id: "pi3k-akt", title: "PI3K/AKT/mTOR pathway",
            geneSet: GeneSet(name: "pi3k-akt",
                             genes: ["PIK3CA", "PIK3CB", "PIK3CD", "AKT1", "AKT2", "AKT3", "MTOR", "RPS6KB1", "EIF4EBP1"],
                             // PTEN loss/PI3K activation and T-cell resistance: Peng et al., Cancer Discov 2016
                             // (doi:10.1158/2159-8290.CD-15-0283). Pathway members, not validated activity targets.
                             source: "doi:10.1158/2159-8290.CD-15-0283"),
            resistanceWhen: .high,
            explanation: "PI3K/AKT pathway genes are high: PI3K/AKT activity (e.g. PTEN loss) lowers MHC-I and T-cell infiltration and raises immunosuppressive cytokines.",
            reviewReference: "review §2.1, ref [16]", caveat: "member expression, not pathway activity; interpret with care"),
        MechanismReadout(
            id: "mapk", title: "MAPK pathway activity (MPAS)",
            geneSet: GeneSet(name: "mapk",
                             genes: ["PHLDA1", "SPRY2", "SPRY4", "DUSP4", "DUSP6", "CCND1", "EPHA2", "EPHA4", "ETV4", "ETV5"],
                             // MAPK Pathway Activity Score target genes: Wagle et al., NPJ Precis Oncol 2018 (doi:10.1038/s41698-017-0041-y).
                             source: "doi:10.1038/s41698-017-0041-y"),
            resistanceWhen: .high,
            explanation: "MAPK output genes are high: oncogenic MAPK signalling can down-regulate MHC-I and drive immunosuppressive cytokines.",
            reviewReference: "review §2.1, ref [16]", caveat: nil),
        MechanismReadout(
            id: "angiogenesis", title: "Angiogenesis",
            geneSet: GeneSet(name: "angiogenesis", genes: ["VEGFA", "KDR", "ESM1", "PECAM1", "ANGPTL4", "CD34"],
                             // Angiogenesis signature of IMmotion150: McDermott et al., Nat Med 2018 (doi:10.1038/s41591-018-0053-3).
                             source: "doi:10.1038/s41591-018-0053-3"),
            resistanceWhen: .high,
            explanation: "Angiogenic, VEGF-driven vasculature: abnormal vessels and VEGF hinder T-cell entry; a rationale for adding an anti-angiogenic drug (vessel normalisation).",
            reviewReference: "review §3.1 (anti-angiogenic combinations)", caveat: nil),
        MechanismReadout(
            id: "tmem92", title: "TMEM92 (single-gene marker)",
            geneSet: GeneSet(name: "tmem92", genes: ["TMEM92"],
                             // TMEM92 as immune-resistance and prognostic marker in pancreatic cancer: Zhang et al., EPMA J 2022
                             // (doi:10.1007/s13167-022-00287-0), the review's ref [58].
                             source: "doi:10.1007/s13167-022-00287-0"),
            resistanceWhen: .high,
            explanation: "High TMEM92: reported as a marker of immune resistance and poor prognosis in pancreatic cancer; not validated in other tumours, shown for information only and not used by the predictor.",
            reviewReference: "review §4, ref [58]", caveat: "single gene, pancreatic cancer only"),
    ]

    /// The mechanisms' gene sets, in catalogue order.
    public static var geneSets: [GeneSet] { all.map(\.geneSet) }

    /// Former readout ids and their current names (the model's knob names), so response-model
    /// files trained before the rename still load.
    public static let renamedIDs: [String: String] = [
        "mdsc": "mdsc-suppression", "treg": "treg-suppression", "m2-macrophage": "m2-macrophages",
        "stromal-ecm": "stromal-barrier", "alternative-checkpoints": "compensatory-checkpoints",
    ]

    /// The mechanism with the given id.
    public static func mechanism(_ id: String) -> MechanismReadout? { all.first { $0.id == id } }
}
