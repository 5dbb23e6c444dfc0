import Reactions

extension TumorImmuneNetwork {
    /// Drug effects on every channel, combined over slots: fractional channels as the fraction
    /// left (Π(1 − eᵢ), Bliss independence), rate channels as sums.
    struct Effects<T: ModelScalar> {
        var freePD1: T = 1, freePDL1: T = 1, freeCTLA4LN: T = 1, freeCTLA4T: T = 1
        var freeLAG3: T = 1, freeTIM3: T = 1, freeTIGIT: T = 1
        var growthLeft: T = 1, normalisationLeft: T = 1, mhcLossLeft: T = 1, silencingLeft: T = 1
        var apcLeft: T = 1, primingLeft: T = 1, icdLeft: T = 1, myeloLeft: T = 1
        var cytotoxic: T = 0, pruning: T = 0, targeted: T = 0, lymphodepletion: T = 0, mdscDepletion: T = 0, tregDepletion: T = 0

        mutating func apply(_ channel: EffectChannel, site: EffectSite, _ e: T) {
            switch channel {
            case .pd1Blockade: freePD1 = freePD1 * (1 - e)
            case .pdl1Blockade: freePDL1 = freePDL1 * (1 - e)
            case .ctla4Blockade:
                if site == .lymphNode { freeCTLA4LN = freeCTLA4LN * (1 - e) } else { freeCTLA4T = freeCTLA4T * (1 - e) }
            case .lag3Blockade: freeLAG3 = freeLAG3 * (1 - e)
            case .tim3Blockade: freeTIM3 = freeTIM3 * (1 - e)
            case .tigitBlockade: freeTIGIT = freeTIGIT * (1 - e)
            case .growthInhibition: growthLeft = growthLeft * (1 - e)
            case .vesselNormalisation: normalisationLeft = normalisationLeft * (1 - e)
            case .mhcRestoration: mhcLossLeft = mhcLossLeft * (1 - e)
            case .chemokineRestoration: silencingLeft = silencingLeft * (1 - e)
            case .apcActivation: apcLeft = apcLeft * (1 - e)
            case .primingBoost: primingLeft = primingLeft * (1 - e)
            case .immunogenicDeath: icdLeft = icdLeft * (1 - e)
            case .myelosuppression: myeloLeft = myeloLeft * (1 - e)
            case .cytotoxicKill: cytotoxic = cytotoxic + e
            case .vesselPruning: pruning = pruning + e
            case .targetedKill: targeted = targeted + e
            case .lymphodepletion: lymphodepletion = lymphodepletion + e
            case .mdscDepletion: mdscDepletion = mdscDepletion + e
            case .tregDepletion: tregDepletion = tregDepletion + e
            }
        }
    }

    /// Quantities shared by several rate laws.
    struct Derived<T: ModelScalar> {
        var cancer: T, volume: T, mhc: T, chemokine: T, contact: T, pd1Inhibition: T, altInhibition: T
        var suppression: T, stimulation: T, killCD8: T, killCAR: T, pd1AxisBlocked: T, costimulation: T
        var steroidFactor: T, normalisation: T, lesionCells: T, effects: Effects<T>
    }

    /// Tumour volume (L): cells × volume per cell / packing.
    func tumourVolume<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>) -> T {
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        var cancerLike = X(.cancerPositive) + X(.cancerLoss) + X(.dead)
        var lymphocytes = X(.effector) + X(.exhausted) + X(.treg)
        for therapy in therapies {
            if let cells = therapy.lesionCancerCells(x: x) { cancerLike = cancerLike + cells }
            if let cells = therapy.lesionLymphocytes(x: x) { lymphocytes = lymphocytes + cells }
        }
        return (cancerLike * K(.cancerCellVolume) + lymphocytes * K(.tCellVolume)
                + (X(.mdsc) + X(.m1) + X(.m2)) * K(.myeloidCellVolume)) / K(.packingFraction)
    }

    /// Concentration (nM, or infected cells for a virus) of slot `k` at `site`.
    func concentration<T: ModelScalar>(slot k: Int, site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T {
        therapies[k].concentration(at: site, x: x, p: p, volume: volume)
    }

    func effects<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> Effects<T> {
        var e = Effects<T>()
        for j in effectSlot.indices {
            let c = concentration(slot: effectSlot[j], site: effectSite[j], x: x, p: p, volume: volume)
            let emax = p[effectParameter[j]], ec50 = p[effectParameter[j] + 1], n = p[effectParameter[j] + 2]
            // Hill coefficients of 1 avoid pow (most effects): same value, cheaper and exact.
            let value: T
            if effectHillIsOne[j] {
                value = emax * c / (c + ec50)
            } else {
                let cn = T.exp(n * T.log(c + 1e-300)), en = T.exp(n * T.log(ec50))
                value = emax * cn / (cn + en)
            }
            e.apply(effectChannel[j], site: effectSite[j], value)
        }
        return e
    }

    func derived<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>) -> Derived<T> {
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        let cancer = X(.cancerPositive) + X(.cancerLoss)
        let volume = tumourVolume(x: x, p: p)
        let e = effects(x: x, p: p, volume: volume)
        let normalisation = 1 - e.normalisationLeft
        let ifnEffect = X(.ifng) / (X(.ifng) + 1)
        // IFN-γ doubles MHC-I surface levels at saturation (assumption: half of the maximal level
        // is constitutive; IFN-γ induction of MHC-I, review §2.1).
        let mhc = (1 - K(.mhcLossMax) * K(.knobAntigenPresentationLoss) * e.mhcLossLeft) * (0.5 + 0.5 * ifnEffect)
        let pdl1 = K(.pdl1Base) * (1 + K(.pdl1Induction) * ifnEffect)
        let engagement = pdl1 * e.freePD1 * e.freePDL1
        let e2 = engagement * engagement
        let pd1Inhibition = K(.pd1MaxInhibition) * e2 / (e2 + K(.pd1HalfEngagement) * K(.pd1HalfEngagement))
        let altEffective = X(.altCheckpoints) * (e.freeTIM3 + e.freeLAG3 + e.freeTIGIT) / 3
        let altInhibition = altEffective / (altEffective + 1)
        let tregFactor = X(.effector) / (X(.effector) + K(.tregWeight) * X(.treg) + 1)
        // Densities are per cell of the lesion (cancer, dead and immune cells), so they stay bounded
        // when cancer cells vanish and the immune infiltrate remains.
        let lesionCells = cancer + X(.dead) + X(.effector) + X(.exhausted) + X(.treg) + X(.mdsc) + X(.m1) + X(.m2) + 1
        let mdscDensity = X(.mdsc) / (K(.mdscRatioRef) * lesionCells)
        let suppression = tregFactor / (1 + K(.mdscWeight) * mdscDensity) / (1 + X(.il10) + X(.tgfb))
        let steroidFactor = 1 - K(.steroidSuppression) * X(.steroid)
        // ECM keeps T cells in the stroma, away from cancer cells (Salmon 2012); CXCR3 ligands
        // position them next to cancer cells and DCs (Chow 2019, doi:10.1016/j.immuni.2019.06.021).
        let chemokine = X(.cxcl) / (X(.cxcl) + K(.cxclHalf))
        // Without CXCR3 ligands half of the contacts still happen (assumption).
        let contact = (1 - K(.ecmTCellExclusion) * X(.ecm)) * (0.5 + 0.5 * chemokine)
        let ratio = X(.effector) / (cancer + 1)
        let checkpointRelief = (1 - pd1Inhibition) * (1 - altInhibition)
        let killCD8 = K(.killMax) * mhc * contact * checkpointRelief * suppression * steroidFactor * ratio / (ratio + K(.killHalfRatio))
        var killCAR: T = 0
        let killing = KillingContext(cancer: cancer, contact: contact, pd1Inhibition: pd1Inhibition, suppression: suppression,
                                     steroidFactor: steroidFactor, volume: volume)
        for therapy in therapies {
            if let kill = therapy.directKilling(x: x, p: p, killing) { killCAR = killCAR + kill }
        }
        let stimulation = mhc * contact * X(.cancerPositive) / (X(.cancerPositive) + X(.effector) / K(.stimHalfRatio) + 1)
        return Derived(cancer: cancer, volume: volume, mhc: mhc, chemokine: chemokine, contact: contact,
                       pd1Inhibition: pd1Inhibition, altInhibition: altInhibition, suppression: suppression,
                       stimulation: stimulation, killCD8: killCD8, killCAR: killCAR,
                       pd1AxisBlocked: 1 - e.freePD1 * e.freePDL1,
                       costimulation: 1 - K(.ctla4Competition) * e.freeCTLA4LN,
                       steroidFactor: steroidFactor, normalisation: normalisation, lesionCells: lesionCells, effects: e)
    }

    /// Every reaction with its rate law: the shared tumour–immune reactions, then each therapy's.
    ///
    /// Long on purpose: it is the model's reaction list, read top to bottom like the equations in
    /// `docs/MODEL.md`; the quantities several rate laws share are computed once in ``derived``.
    public func emitReactions<Sink: ReactionSink>(x: UnsafeBufferPointer<Sink.Scalar>, p: UnsafeBufferPointer<Sink.Scalar>,
                                                  time: Sink.Scalar, into sink: inout Sink) {
        typealias T = Sink.Scalar
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        let d = derived(x: x, p: p)
        let e = d.effects
        let cp = X(.cancerPositive), cn = X(.cancerLoss)
        let birth = (K(.growthRate) + K(.basalDeath)) * e.growthLeft
        let crowding = 1 - d.cancer / K(.carryingCapacity)
        // Cancer cells
        sink.reaction("growth_pos", "logistic growth of antigen-positive cells (minus growth inhibition)", [("C_pos", 1)],
                      rate: birth * cp * crowding)
        sink.reaction("growth_neg", "logistic growth of antigen-loss cells (minus growth inhibition)", [("C_neg", 1)],
                      rate: birth * cn * crowding)
        sink.reaction("antigen_loss", "antigen loss at division (immunoediting)", [("C_pos", -1), ("C_neg", 1)],
                      rate: K(.mutationToLoss) * K(.knobAcquiredLoss) * birth * cp)
        // Vessel pruning kills less as the tumour escapes to other angiogenic pathways.
        let drugKill = e.cytotoxic + e.pruning * (1 - X(.angioEscape))
        sink.reaction("kill_pos", "killing of antigen-positive cells: CD8, CAR-T, cytotoxic and targeted drugs", [("C_pos", -1), ("C_dead", 1)],
                      rate: (d.killCD8 + d.killCAR + drugKill + e.targeted) * cp)
        sink.reaction("kill_neg", "killing of antigen-loss cells: bystander CD8 and cytotoxic drugs", [("C_neg", -1), ("C_dead", 1)],
                      rate: (K(.bystanderFraction) * d.killCD8 + drugKill) * cn)
        sink.reaction("death_pos", "basal death of antigen-positive cells", [("C_pos", -1), ("C_dead", 1)], rate: K(.basalDeath) * cp)
        sink.reaction("death_neg", "basal death of antigen-loss cells", [("C_neg", -1), ("C_dead", 1)], rate: K(.basalDeath) * cn)
        sink.reaction("dead_clearance", "clearance of dead cells", [("C_dead", -1)], rate: K(.deadClearance) * X(.dead))
        // Effector and exhausted CD8 in the tumour
        let access = (1 - K(.ecmTCellExclusion) * X(.ecm)) * (1 + K(.vnInfiltrationGain) * d.normalisation)
        sink.reaction("infiltration", "effector CD8 entry from blood into tumour", [("T_blood", -1), ("T_eff", 1)],
                      rate: K(.infiltrationRate) * X(.effectorBlood) * d.chemokine * access * d.volume / (d.volume + K(.infiltrationHalfVolume)))
        let active = d.stimulation * (1 - d.pd1Inhibition) * (1 - d.altInhibition)
        sink.reaction("teff_proliferation", "antigen-driven proliferation in the tumour", [("T_eff", 1)],
                      rate: K(.proliferationMax) * active * d.suppression * d.steroidFactor * X(.effector))
        sink.reaction("teff_death", "effector death (basal plus lymphodepletion)", [("T_eff", -1)],
                      rate: (K(.effectorDeath) + e.lymphodepletion) * X(.effector))
        sink.reaction("exhaustion", "exhaustion under chronic stimulation", [("T_exh", 1), ("T_eff", -1)],
                      rate: K(.exhaustionRate) * K(.knobExhaustion) * d.stimulation * X(.effector))
        sink.reaction("texh_death", "exhausted-cell death", [("T_exh", -1)], rate: K(.exhaustedDeath) * X(.exhausted))
        // Suppressive cells: recruitment scales with the number of cancer cells
        sink.reaction("treg_recruitment", "Treg recruitment", [("Treg", 1)], rate: K(.tregRecruitment) * K(.knobTreg) * d.cancer)
        sink.reaction("treg_death", "Treg death (basal plus Fc-mediated depletion)", [("Treg", -1)],
                      rate: (K(.tregDeath) + e.tregDepletion) * X(.treg))
        sink.reaction("mdsc_recruitment", "MDSC recruitment (reduced by vessel normalisation)", [("MDSC", 1)],
                      rate: K(.mdscRecruitment) * K(.knobMdsc) * d.cancer * (1 - K(.vnMdscReduction) * d.normalisation))
        sink.reaction("mdsc_death", "MDSC death (basal plus drug depletion)", [("MDSC", -1)],
                      rate: (K(.mdscDeath) + e.mdscDepletion) * X(.mdsc))
        sink.reaction("mac_recruitment", "macrophage recruitment (as M1)", [("Mac_M1", 1)], rate: K(.macrophageRecruitment) * d.cancer)
        let cytokines = X(.il10) + X(.tgfb)
        sink.reaction("m2_polarisation", "M1→M2 polarisation (knob; up to doubled by IL-10 + TGF-β)", [("Mac_M1", -1), ("Mac_M2", 1)],
                      rate: K(.m2Polarisation) * K(.knobM2) * (1 + cytokines / (1 + cytokines)) * X(.m1))
        sink.reaction("m1_repolarisation", "M2→M1 repolarisation by IFN-γ", [("Mac_M2", -1), ("Mac_M1", 1)],
                      rate: K(.m1Repolarisation) * X(.ifng) / (X(.ifng) + 1) * X(.m2))
        sink.reaction("m1_death", "M1 death", [("Mac_M1", -1)], rate: K(.macrophageDeath) * X(.m1))
        sink.reaction("m2_death", "M2 death", [("Mac_M2", -1)], rate: K(.macrophageDeath) * X(.m2))
        // Stroma
        sink.reaction("ecm_deposition", "ECM deposition by CAFs, raised by TGF-β", [("ECM", 1)],
                      rate: K(.ecmProduction) * K(.knobStroma) * (1 + X(.tgfb)) * (1 - X(.ecm)))
        sink.reaction("ecm_turnover", "ECM turnover", [("ECM", -1)], rate: K(.ecmDegradation) * X(.ecm))
        // Cytokines: production = clearance × (producer density / reference density)
        let perCell = 1 / d.lesionCells
        sink.reaction("ifng_production", "IFN-γ from active effectors", [("IFNg", 1)],
                      rate: K(.ifnProduction) * active * X(.effector) * perCell / K(.ifnRatioRef))
        sink.reaction("ifng_clearance", "IFN-γ clearance", [("IFNg", -1)], rate: K(.ifnClearance) * X(.ifng))
        sink.reaction("il10_production", "IL-10 from M2 and Tregs", [("IL10", 1)],
                      rate: K(.il10Clearance) * (X(.m2) + X(.treg)) * perCell / K(.cytokineRatioRef))
        sink.reaction("il10_clearance", "IL-10 clearance", [("IL10", -1)], rate: K(.il10Clearance) * X(.il10))
        sink.reaction("tgfb_production", "TGF-β from M2, CAFs and cancer cells", [("TGFb", 1)],
                      rate: K(.tgfClearance) * (X(.m2) * perCell / K(.cytokineRatioRef) + K(.tgfBasal) * X(.ecm)))
        sink.reaction("tgfb_clearance", "TGF-β clearance", [("TGFb", -1)], rate: K(.tgfClearance) * X(.tgfb))
        sink.reaction("cxcl_production", "CXCL9/10 induced by IFN-γ, minus (restorable) silencing", [("CXCL", 1)],
                      rate: K(.cxclClearance) * (K(.cxclBasal) + X(.ifng) / (X(.ifng) + 1))
                          * (1 - K(.cxclSilencingMax) * K(.knobChemokineSilencing) * e.silencingLeft))
        sink.reaction("cxcl_clearance", "CXCL9/10 turnover", [("CXCL", -1)], rate: K(.cxclClearance) * X(.cxcl))
        // Compensatory checkpoints
        sink.reaction("alt_upregulation", "TIM-3/LAG-3/TIGIT upregulation", [("ALT", 1)],
                      rate: K(.altRate) * K(.knobCompensatory) * d.stimulation * (1 + K(.altBlockadeBoost) * d.pd1AxisBlocked))
        sink.reaction("alt_decay", "alternative-checkpoint decay", [("ALT", -1)], rate: K(.altDecay) * X(.altCheckpoints))
        // Lymph node priming and blood. Antigen reaches APCs from immune killing and basal death
        // (through MHC-I), from drug-killed cells in proportion to their immunogenicity, from
        // virus lysis, and radiation adds its own danger signal.
        var lysis: T = 0, radiation: T = 0
        for therapy in therapies { therapy.addAntigenRelease(x: x, p: p, lysis: &lysis, radiation: &radiation) }
        let deathFlux = (d.killCD8 + d.killCAR + K(.basalDeath)) * cp * d.mhc
            + (1 - e.icdLeft) * (drugKill + e.targeted) * cp + lysis
        let mdscRatio = X(.mdsc) / (K(.mdscRatioRef) * d.lesionCells)
        let mdscImpair = 1 - K(.mdscApcImpairment) * mdscRatio / (1 + mdscRatio)
        let maturationDrive = deathFlux / (deathFlux + K(.deathFluxHalf)) * mdscImpair
            + K(.rtApcWeight) * radiation / (radiation + K(.rtSignalHalf)) + (1 - e.apcLeft)
        sink.reaction("apc_maturation", "APC maturation from released antigen, radiation and APC-activating drugs", [("APC_mat", 1)],
                      rate: K(.apcMaturation) * maturationDrive * (1 - X(.apc)))
        sink.reaction("apc_decay", "mature APC turnover", [("APC_mat", -1)], rate: K(.apcDecay) * X(.apc))
        let antigenicity = K(.tmb) / (K(.tmb) + K(.tmbHalf)) * (1 - K(.antigenicityLossMax) * K(.knobLowAntigenicity))
        sink.reaction("priming", "priming of tumour-specific CD8 in the lymph node (neoantigens plus vaccine antigen)", [("T_LN", 1)],
                      rate: K(.primingRate) * d.costimulation * (antigenicity * X(.apc) + (1 - e.primingLeft)))
        sink.reaction("ln_expansion", "clonal expansion in the lymph node", [("T_LN", 1)], rate: K(.lnExpansion) * d.costimulation * X(.primedLN))
        sink.reaction("ln_egress", "egress of primed CD8 to blood", [("T_LN", -1), ("T_blood", 1)], rate: K(.lnEgress) * X(.primedLN))
        sink.reaction("blood_death", "death of circulating effectors (basal plus lymphodepletion)", [("T_blood", -1)],
                      rate: (K(.bloodEffectorDeath) + e.lymphodepletion) * X(.effectorBlood))
        sink.reaction("steroid_taper", "corticosteroid taper", [("Steroid", -1)], rate: K(.steroidDecay) * X(.steroid))
        sink.reaction("angio_escape", "escape from VEGF-pathway blockade (alternative angiogenic pathways) under antiangiogenic pressure", [("AngioEscape", 1)],
                      rate: K(.angioEscapeRate) * d.normalisation * (1 - X(.angioEscape)))
        // Therapies
        let penetration = (1 - K(.ecmDrugExclusion) * X(.ecm)) * (1 + K(.vnPenetrationGain) * d.normalisation)
        let context = TherapyContext(x: x, p: p, derived: d, access: access, penetration: penetration, ifnEffect: X(.ifng) / (X(.ifng) + 1))
        for k in therapies.indices { therapies[k].emitReactions(context, slot: slots[k], into: &sink) }
    }

    public func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                        into o: UnsafeMutableBufferPointer<T>) {
        let d = derived(x: x, p: p)
        o[Readout.tumourVolume.rawValue] = d.volume
        // Sphere of volume V (L → mm³ is × 1e6): diameter = (6V/π)^(1/3).
        o[Readout.tumourDiameter.rawValue] = T.pow(d.volume * T(6e6 / Double.pi), 1.0 / 3.0)
        var infected: T = 0
        for therapy in therapies { if let cells = therapy.lesionCancerCells(x: x) { infected = infected + cells } }
        o[Readout.cancerCells.rawValue] = d.cancer + infected
        o[Readout.pd1Inhibition.rawValue] = d.pd1Inhibition
        o[Readout.mhcLevel.rawValue] = d.mhc
        var j = Readout.allCases.count
        for therapy in therapies { j = therapy.observe(x: x, p: p, volume: d.volume, into: o, from: j) }
    }
}
