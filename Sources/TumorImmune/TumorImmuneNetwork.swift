import Reactions

/// Indices of the species shared by every regimen (antibody species follow, four per antibody).
public enum S: Int, CaseIterable, Sendable {
    case cancerPositive, cancerLoss, dead, effector, exhausted, treg, mdsc, m1, m2
    case ecm, ifng, il10, tgfb, cxcl, altCheckpoints, apc, primedLN, effectorBlood
}

/// The tumour–immune checkpoint model as a ``ReactionNetwork``.
///
/// Four compartments: blood (central and peripheral, for antibodies), tumour and tumour-draining
/// lymph node. Cancer cells come as antigen-positive and antigen-loss clones; effector CD8 T cells
/// are primed in the lymph node (APC maturation from antigen released by dying cancer cells,
/// CTLA-4 competing with CD28), circulate and infiltrate the tumour along CXCL9/10 (silenced by
/// EZH2/DNMT1) and against the ECM barrier, kill antigen-positive cells through MHC-I, and are held
/// back by PD-1/PD-L1 engagement (PD-L1 induced by IFN-γ), TIM-3/LAG-3/TIGIT (upregulated under
/// chronic stimulation, more so under PD-1 blockade), Tregs, MDSCs and M2/IL-10/TGF-β; chronic
/// stimulation exhausts them. Each antibody has central, peripheral, tumour and lymph-node amounts;
/// receptor occupancy is at binding equilibrium in each tissue (binding is fast against the
/// day-scale dynamics — a stated simplification that avoids the stiffness of synapse kinetics).
///
/// Cytokines, ECM, APC maturation and alternative-checkpoint expression are dimensionless levels
/// (1 = half-maximal effect), held as amounts in the tumour or lymph node.
public struct TumorImmuneNetwork: ReactionNetwork {
    /// The antibodies present (their PK species and parameters are added in this order).
    public let antibodies: [Antibody]
    /// The antibodies' targets, kept apart so the rate laws iterate over plain enums rather than
    /// over structs holding strings (which would cost reference counting in the hot loop).
    let targets: [CheckpointTarget]

    public init(antibodies: [Antibody]) {
        self.antibodies = antibodies
        targets = antibodies.map(\.target)
    }

    /// Number of species per antibody: central, peripheral, tumour, lymph node.
    static let antibodySpeciesCount = 4
    /// Number of parameters per antibody: CL, Vc, Vp, Q, Kd, MW-free Fc depletion.
    static let antibodyParameterCount = 6

    public static func speciesIndex(antibody k: Int, _ part: Int) -> Int { S.allCases.count + k * antibodySpeciesCount + part }
    static func parameterIndex(antibody k: Int, _ field: Int) -> Int { P.allCases.count + k * antibodyParameterCount + field }

    /// Index of antibody `k`'s central amount (where doses go).
    public static func centralIndex(antibody k: Int) -> Int { speciesIndex(antibody: k, 0) }

    public var compartments: [Compartment] {
        [
            Compartment(id: "central", description: "plasma (central PK compartment); effector CD8 in blood", volumeLitres: 3.5, source: "nominal; each antibody uses its own Vc from population PK"),
            Compartment(id: "peripheral", description: "peripheral tissues (antibody distribution)", volumeLitres: 3.0, source: "nominal; each antibody uses its own Vp"),
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
        ]
        for a in antibodies {
            list += [
                Species(id: "\(a.sid)_C", description: "\(a.id) in plasma", compartment: "central", units: "nmol", initialAmount: 0),
                Species(id: "\(a.sid)_P", description: "\(a.id) in peripheral tissue", compartment: "peripheral", units: "nmol", initialAmount: 0),
                Species(id: "\(a.sid)_T", description: "\(a.id) in tumour interstitium", compartment: "tumour", units: "nmol", initialAmount: 0),
                Species(id: "\(a.sid)_LN", description: "\(a.id) in lymph node", compartment: "lymph_node", units: "nmol", initialAmount: 0),
            ]
        }
        return list
    }

    public var parameters: [Parameter] {
        var list = TumorImmuneParameters.table
        for a in antibodies {
            list += [
                Parameter(id: "\(a.sid)_CL", description: "\(a.id) linear clearance", value: a.clearance, units: "L/day", source: a.source),
                Parameter(id: "\(a.sid)_Vc", description: "\(a.id) central volume", value: a.centralVolume, units: "L", source: a.source),
                Parameter(id: "\(a.sid)_Vp", description: "\(a.id) peripheral volume", value: a.peripheralVolume, units: "L", source: a.source),
                Parameter(id: "\(a.sid)_Q", description: "\(a.id) inter-compartmental clearance", value: a.intercompartmentalClearance, units: "L/day", source: a.source),
                Parameter(id: "\(a.sid)_Kd", description: "\(a.id) dissociation constant for \(a.target.rawValue)", value: a.kdNanomolar, units: "nM", source: a.source),
                Parameter(id: "\(a.sid)_fc", description: "\(a.id) relative Fc-mediated Treg depletion", value: a.fcDepletion, units: "dimensionless", source: a.source),
            ]
        }
        return list
    }

    public var reactions: [Reaction] {
        func r(_ id: String, _ d: String, _ s: [(String, Double)]) -> Reaction {
            Reaction(id: id, description: d, stoichiometry: s.map { StoichiometryTerm($0.0, $0.1) })
        }
        var list = [
            r("growth_pos", "logistic growth of antigen-positive cells", [("C_pos", 1)]),
            r("growth_neg", "logistic growth of antigen-loss cells", [("C_neg", 1)]),
            r("antigen_loss", "antigen loss at division (immunoediting)", [("C_pos", -1), ("C_neg", 1)]),
            r("kill_pos", "CD8 killing of antigen-positive cells", [("C_pos", -1), ("C_dead", 1)]),
            r("kill_neg", "bystander killing of antigen-loss cells", [("C_neg", -1), ("C_dead", 1)]),
            r("death_pos", "basal death of antigen-positive cells", [("C_pos", -1), ("C_dead", 1)]),
            r("death_neg", "basal death of antigen-loss cells", [("C_neg", -1), ("C_dead", 1)]),
            r("dead_clearance", "clearance of dead cells", [("C_dead", -1)]),
            r("infiltration", "effector CD8 entry from blood into tumour", [("T_blood", -1), ("T_eff", 1)]),
            r("teff_proliferation", "antigen-driven proliferation in the tumour", [("T_eff", 1)]),
            r("teff_death", "effector death", [("T_eff", -1)]),
            r("exhaustion", "exhaustion under chronic stimulation", [("T_eff", -1), ("T_exh", 1)]),
            r("texh_death", "exhausted-cell death", [("T_exh", -1)]),
            r("treg_recruitment", "Treg recruitment", [("Treg", 1)]),
            r("treg_death", "Treg death", [("Treg", -1)]),
            r("treg_depletion", "Fc-mediated Treg depletion by anti-CTLA-4", [("Treg", -1)]),
            r("mdsc_recruitment", "MDSC recruitment", [("MDSC", 1)]),
            r("mdsc_death", "MDSC death", [("MDSC", -1)]),
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
            r("cxcl_production", "CXCL9/10 induced by IFN-γ, minus silencing", [("CXCL", 1)]),
            r("cxcl_clearance", "CXCL9/10 turnover", [("CXCL", -1)]),
            r("alt_upregulation", "TIM-3/LAG-3/TIGIT upregulation", [("ALT", 1)]),
            r("alt_decay", "alternative-checkpoint decay", [("ALT", -1)]),
            r("apc_maturation", "APC maturation from released antigen", [("APC_mat", 1)]),
            r("apc_decay", "mature APC turnover", [("APC_mat", -1)]),
            r("priming", "priming of tumour-specific CD8 in the lymph node", [("T_LN", 1)]),
            r("ln_expansion", "clonal expansion in the lymph node", [("T_LN", 1)]),
            r("ln_egress", "egress of primed CD8 to blood", [("T_LN", -1), ("T_blood", 1)]),
            r("blood_death", "death of circulating effectors", [("T_blood", -1)]),
        ]
        for a in antibodies {
            let s = a.sid
            list += [
                r("\(s)_elimination", "\(a.id) linear clearance", [("\(s)_C", -1)]),
                r("\(s)_distribution", "\(a.id) plasma ↔ peripheral", [("\(s)_C", -1), ("\(s)_P", 1)]),
                r("\(s)_tumour_uptake", "\(a.id) plasma ↔ tumour (reduced by ECM)", [("\(s)_C", -1), ("\(s)_T", 1)]),
                r("\(s)_ln_uptake", "\(a.id) plasma → lymph node", [("\(s)_C", -1), ("\(s)_LN", 1)]),
                r("\(s)_lymph_return", "\(a.id) lymph node → plasma", [("\(s)_LN", -1), ("\(s)_C", 1)]),
            ]
        }
        return list
    }

    public var observables: [Observable] {
        var list = [
            Observable(id: "tumour_volume", description: "tumour volume from cell numbers", units: "L"),
            Observable(id: "tumour_diameter", description: "diameter of the equivalent sphere (RECIST sum of diameters)", units: "mm"),
            Observable(id: "cancer_cells", description: "viable cancer cells", units: "cell"),
            Observable(id: "pd1_inhibition", description: "inhibition of effector function by PD-1/PD-L1 (H_PD1)", units: "dimensionless"),
            Observable(id: "mhc_level", description: "MHC-I presentation relative to intact", units: "dimensionless"),
        ]
        for a in antibodies {
            list.append(Observable(id: "\(a.sid)_plasma", description: "\(a.id) plasma concentration", units: "ug/mL"))
        }
        return list
    }

    // MARK: Rate laws (written once; evaluated with Double, Dual and Symbolic)

    /// Quantities shared by several rate laws.
    struct Derived<T: ModelScalar> {
        var cancer: T, volume: T, mhc: T, chemokine: T, pd1Inhibition: T, altInhibition: T, suppression: T
        var stimulation: T, killPerCell: T, pd1AxisBlocked: T, ctla4OccupancyLN: T, ctla4OccupancyTumour: T
        var fcWeightedCtla4Tumour: T
    }

    func derived<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>) -> Derived<T> {
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        let cancer = X(.cancerPositive) + X(.cancerLoss)
        let volume = ((cancer + X(.dead)) * K(.cancerCellVolume)
                      + (X(.effector) + X(.exhausted) + X(.treg)) * K(.tCellVolume)
                      + (X(.mdsc) + X(.m1) + X(.m2)) * K(.myeloidCellVolume)) / K(.packingFraction)
        // Receptor occupancy at binding equilibrium, per target, in tumour and lymph node.
        var freePD1: T = 1, freePDL1: T = 1, freeTIM3: T = 1, freeLAG3: T = 1, freeTIGIT: T = 1
        var freeCTLA4LN: T = 1, freeCTLA4T: T = 1, fcCtla4: T = 0
        for (k, target) in targets.enumerated() {
            let kd = p[Self.parameterIndex(antibody: k, 4)]
            let cT = x[Self.speciesIndex(antibody: k, 2)] / (K(.tumourPartition) * volume)
            let occT = cT / (cT + kd)
            switch target {
            case .pd1: freePD1 = freePD1 * (1 - occT)
            case .pdl1: freePDL1 = freePDL1 * (1 - occT)
            case .tim3: freeTIM3 = freeTIM3 * (1 - occT)
            case .lag3: freeLAG3 = freeLAG3 * (1 - occT)
            case .tigit: freeTIGIT = freeTIGIT * (1 - occT)
            case .ctla4:
                let cLN = x[Self.speciesIndex(antibody: k, 3)] / (K(.lnPartition) * K(.lnVolume))
                freeCTLA4LN = freeCTLA4LN * (1 - cLN / (cLN + kd))
                freeCTLA4T = freeCTLA4T * (1 - occT)
                fcCtla4 = fcCtla4 + p[Self.parameterIndex(antibody: k, 5)] * occT
            }
        }
        let ifnEffect = X(.ifng) / (X(.ifng) + 1)
        let mhc = (1 - K(.mhcLossMax) * K(.knobAntigenPresentationLoss)) * (0.5 + 0.5 * ifnEffect)
        let pdl1 = K(.pdl1Base) * (1 + K(.pdl1Induction) * ifnEffect)
        let engagement = pdl1 * freePD1 * freePDL1
        let e2 = engagement * engagement
        let pd1Inhibition = K(.pd1MaxInhibition) * e2 / (e2 + K(.pd1HalfEngagement) * K(.pd1HalfEngagement))
        let altEffective = X(.altCheckpoints) * (freeTIM3 + freeLAG3 + freeTIGIT) / 3
        let altInhibition = altEffective / (altEffective + 1)
        let tregFactor = X(.effector) / (X(.effector) + K(.tregWeight) * X(.treg) + 1)
        let mdscDensity = X(.mdsc) / (K(.mdscRatioRef) * (cancer + 1))
        let suppression = tregFactor / (1 + K(.mdscWeight) * mdscDensity) / (1 + X(.il10) + X(.tgfb))
        // ECM keeps T cells in the stroma, away from cancer cells (Salmon 2012); CXCR3 ligands
        // position them next to cancer cells and DCs (Chow 2019, doi:10.1016/j.immuni.2019.06.021).
        let chemokine = X(.cxcl) / (X(.cxcl) + K(.cxclHalf))
        let contact = (1 - K(.ecmTCellExclusion) * X(.ecm)) * (0.5 + 0.5 * chemokine)
        let ratio = X(.effector) / (cancer + 1)
        let kill = K(.killMax) * mhc * contact * (1 - pd1Inhibition) * (1 - altInhibition) * suppression * ratio / (ratio + K(.killHalfRatio))
        let stimulation = mhc * contact * X(.cancerPositive) / (X(.cancerPositive) + X(.effector) / K(.stimHalfRatio) + 1)
        return Derived(cancer: cancer, volume: volume, mhc: mhc, chemokine: chemokine, pd1Inhibition: pd1Inhibition, altInhibition: altInhibition,
                       suppression: suppression, stimulation: stimulation, killPerCell: kill,
                       pd1AxisBlocked: 1 - freePD1 * freePDL1, ctla4OccupancyLN: 1 - freeCTLA4LN,
                       ctla4OccupancyTumour: 1 - freeCTLA4T, fcWeightedCtla4Tumour: fcCtla4)
    }

    public func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                      into v: UnsafeMutableBufferPointer<T>) {
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        let d = derived(x: x, p: p)
        let cp = X(.cancerPositive), cn = X(.cancerLoss)
        let birth = K(.growthRate) + K(.basalDeath)
        let crowding = 1 - d.cancer / K(.carryingCapacity)
        var i = 0
        func put(_ value: T) { v[i] = value; i += 1 }
        // Cancer cells
        put(birth * cp * crowding)
        put(birth * cn * crowding)
        put(K(.mutationToLoss) * K(.knobAcquiredLoss) * birth * cp)
        put(d.killPerCell * cp)
        put(K(.bystanderFraction) * d.killPerCell * cn)
        put(K(.basalDeath) * cp)
        put(K(.basalDeath) * cn)
        put(K(.deadClearance) * X(.dead))
        // Effector and exhausted CD8 in the tumour
        let access = 1 - K(.ecmTCellExclusion) * X(.ecm)
        put(K(.infiltrationRate) * X(.effectorBlood) * d.chemokine * access * d.volume / (d.volume + K(.infiltrationHalfVolume)))
        let active = d.stimulation * (1 - d.pd1Inhibition) * (1 - d.altInhibition)
        put(K(.proliferationMax) * active * d.suppression * X(.effector))
        put(K(.effectorDeath) * X(.effector))
        put(K(.exhaustionRate) * K(.knobExhaustion) * d.stimulation * X(.effector))
        put(K(.exhaustedDeath) * X(.exhausted))
        // Suppressive cells: recruitment scales with the number of cancer cells
        put(K(.tregRecruitment) * K(.knobTreg) * d.cancer)
        put(K(.tregDeath) * X(.treg))
        put(K(.fcDepletionRate) * d.fcWeightedCtla4Tumour * X(.treg))
        put(K(.mdscRecruitment) * K(.knobMdsc) * d.cancer)
        put(K(.mdscDeath) * X(.mdsc))
        put(K(.macrophageRecruitment) * d.cancer)
        let cytokines = X(.il10) + X(.tgfb)
        put(K(.m2Polarisation) * K(.knobM2) * (1 + cytokines / (1 + cytokines)) * X(.m1))
        put(K(.m1Repolarisation) * X(.ifng) / (X(.ifng) + 1) * X(.m2))
        put(K(.macrophageDeath) * X(.m1))
        put(K(.macrophageDeath) * X(.m2))
        // Stroma
        put(K(.ecmProduction) * K(.knobStroma) * (1 + X(.tgfb)) * (1 - X(.ecm)))
        put(K(.ecmDegradation) * X(.ecm))
        // Cytokines: production = clearance × (producer density / reference density)
        let perCancer = 1 / (d.cancer + 1)
        put(K(.ifnProduction) * active * X(.effector) * perCancer / K(.ifnRatioRef))
        put(K(.ifnClearance) * X(.ifng))
        put(K(.il10Clearance) * (X(.m2) + X(.treg)) * perCancer / K(.cytokineRatioRef))
        put(K(.il10Clearance) * X(.il10))
        put(K(.tgfClearance) * (X(.m2) * perCancer / K(.cytokineRatioRef) + K(.tgfBasal) * X(.ecm)))
        put(K(.tgfClearance) * X(.tgfb))
        put(K(.cxclClearance) * (K(.cxclBasal) + X(.ifng) / (X(.ifng) + 1)) * (1 - K(.cxclSilencingMax) * K(.knobChemokineSilencing)))
        put(K(.cxclClearance) * X(.cxcl))
        // Compensatory checkpoints
        put(K(.altRate) * K(.knobCompensatory) * d.stimulation * (1 + K(.altBlockadeBoost) * d.pd1AxisBlocked))
        put(K(.altDecay) * X(.altCheckpoints))
        // Lymph node priming and blood
        let deathFlux = (d.killPerCell + K(.basalDeath)) * cp * d.mhc
        let mdscImpair = 1 - K(.mdscApcImpairment) * (X(.mdsc) / (K(.mdscRatioRef) * (d.cancer + 1))) / (1 + X(.mdsc) / (K(.mdscRatioRef) * (d.cancer + 1)))
        put(K(.apcMaturation) * deathFlux / (deathFlux + K(.deathFluxHalf)) * mdscImpair * (1 - X(.apc)))
        put(K(.apcDecay) * X(.apc))
        let costimulation = 1 - K(.ctla4Competition) * (1 - d.ctla4OccupancyLN)
        let antigenicity = K(.tmb) / (K(.tmb) + K(.tmbHalf)) * (1 - K(.antigenicityLossMax) * K(.knobLowAntigenicity))
        put(K(.primingRate) * antigenicity * X(.apc) * costimulation)
        put(K(.lnExpansion) * costimulation * X(.primedLN))
        put(K(.lnEgress) * X(.primedLN))
        put(K(.bloodEffectorDeath) * X(.effectorBlood))
        // Antibody PK: concentrations in nM (nmol/L)
        let ecmPenetration = 1 - K(.ecmDrugExclusion) * X(.ecm)
        for k in targets.indices {
            let a = { (part: Int) in x[Self.speciesIndex(antibody: k, part)] }
            let q = { (field: Int) in p[Self.parameterIndex(antibody: k, field)] }
            let plasma = a(0) / q(1)
            put(q(0) * plasma)
            put(q(3) * (plasma - a(1) / q(2)))
            put(K(.tumourExchange) * (K(.tumourPartition) * d.volume * plasma * ecmPenetration - a(2)))
            put(K(.lnExchange) * K(.lnPartition) * K(.lnVolume) * plasma)
            put(K(.lymphReturn) * a(3))
        }
    }

    public func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                        into o: UnsafeMutableBufferPointer<T>) {
        let d = derived(x: x, p: p)
        o[0] = d.volume
        // Sphere of volume V (L → mm³ is × 1e6): diameter = (6V/π)^(1/3).
        o[1] = T.pow(d.volume * T(6e6 / Double.pi), 1.0 / 3.0)
        o[2] = d.cancer
        o[3] = d.pd1Inhibition
        o[4] = d.mhc
        for (k, a) in antibodies.enumerated() {
            // nmol/L × kDa → µg/mL: nM × MW(g/mol) × 1e-9 g/nmol... = nM × kDa × 1e-3 µg/mL
            let nM = x[Self.speciesIndex(antibody: k, 0)] / p[Self.parameterIndex(antibody: k, 1)]
            o[5 + k] = nM * T(a.molecularWeightKDa * 1e-3)
        }
    }
}

extension Antibody {
    /// SBML-safe identifier (`t-vec` → `t_vec`).
    public var sid: String { id.replacingOccurrences(of: "-", with: "_") }
}
