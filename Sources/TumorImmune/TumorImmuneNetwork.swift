import Reactions

/// The rate laws' short names for the core species and parameters.
typealias S = CoreSpecies
typealias P = CoreParameter

/// Indices of the species shared by every regimen (therapy species follow, per ``DrugSlot``).
public enum CoreSpecies: Int, CaseIterable, Sendable {
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
public struct TumorImmuneNetwork: ReactionEmittingNetwork {
    /// The therapies present, in regimen order.
    public let slots: [DrugSlot]
    /// Each slot's model unit (species, parameters, reactions, doses), in slot order.
    let therapies: [Therapy]
    // Effects, flattened: slot, channel, site and index of `emax` (EC50 and Hill follow).
    public let effectSlot: [Int]
    public let effectChannel: [EffectChannel]
    public let effectSite: [EffectSite]
    public let effectParameter: [Int]
    /// Whether an effect's declared Hill coefficient is 1 (lets the rate law skip `pow`; the
    /// parameter stays in the model and the SBML export uses the general form only where needed).
    let effectHillIsOne: [Bool]
    /// The slots with plasma PK and the index in ``observables`` of each one's total plasma
    /// concentration, in slot order.
    public let plasmaObservables: [(slot: Int, observable: Int)]

    public init(slots: [DrugSlot]) {
        self.slots = slots
        var therapies: [Therapy] = []
        var eSlot: [Int] = [], eCh: [EffectChannel] = [], eSite: [EffectSite] = [], eP: [Int] = [], eHill: [Bool] = []
        var s = S.allCases.count, p = P.allCases.count, o = Readout.allCases.count
        var plasma: [(slot: Int, observable: Int)] = []
        for (k, slot) in slots.enumerated() {
            let therapy = Therapy(slot: slot, speciesStart: s, parameterStart: p)
            let layout = therapy.unit.layout
            for (j, e) in slot.drug.effects.enumerated() {
                eSlot.append(k); eCh.append(e.channel); eSite.append(e.site); eP.append(layout.effectStart + 3 * j)
                eHill.append(e.hill == 1)
            }
            therapies.append(therapy)
            s = layout.speciesEnd
            p = layout.parameterEnd
            if therapy.unit.observesPlasma { plasma.append((k, o)) }
            o += therapy.unit.observables(slot).count
        }
        plasmaObservables = plasma
        self.therapies = therapies
        effectSlot = eSlot; effectChannel = eCh; effectSite = eSite; effectParameter = eP; effectHillIsOne = eHill
    }

    /// The model's own observables, by name, in ``observables`` order (therapy observables follow).
    public enum Readout: Int, CaseIterable, Sendable {
        case tumourVolume, tumourDiameter, cancerCells, pd1Inhibition, mhcLevel
    }

    /// Where slot `k`'s species and parameters sit.
    public func layout(slot k: Int) -> TherapyLayout { therapies[k].unit.layout }
    /// Index of a slot's first species: the plasma (central) amount of a drug with PK, the first
    /// pool of other therapies.
    public func centralIndex(slot k: Int) -> Int { layout(slot: k).speciesStart }
    /// The state indices that belong to slot `k` (for holding or stopping its doses).
    public func stateRange(slot k: Int) -> Range<Int> { layout(slot: k).speciesStart..<layout(slot: k).speciesEnd }
    /// Index of a slot's oral input-rate species (nil for non-oral drugs).
    public func oralInputIndex(slot k: Int) -> Int? { therapies[k].unit.oralInput }
    /// Indices of a carried slot's encapsulated plasma pool and anti-carrier immunity level.
    public func carrierIndices(slot k: Int) -> (encapsulated: Int, immunity: Int)? { therapies[k].unit.carrierPools }
    /// Plasma concentration (nM) of slot `k` at `state` (nil for therapies without plasma PK).
    public func plasmaConcentration(slot k: Int, state: [Double], parameters p: ContiguousArray<Double>) -> Double? {
        therapies[k].unit.plasmaConcentration(state: state, parameters: p)
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
        for (therapy, slot) in zip(therapies, slots) { list += therapy.unit.species(slot) }
        return list
    }

    public var parameters: [Parameter] {
        var list = TumorImmuneParameters.table
        for (therapy, slot) in zip(therapies, slots) {
            let unit = therapy.unit
            list += unit.kineticParameters(slot)
            list += slot.effectParameters(concentrationUnits: type(of: unit).concentrationUnits)
            list += unit.trailingParameters(slot)
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
        for (therapy, slot) in zip(therapies, slots) { list += therapy.unit.observables(slot) }
        return list
    }
}
