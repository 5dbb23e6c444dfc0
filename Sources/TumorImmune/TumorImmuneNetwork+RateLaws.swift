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
        for k in kinds.indices {
            switch kinds[k] {
            case .oncolyticVirus: cancerLike = cancerLike + x[speciesStart[k] + 1]
            case .cellTherapy: lymphocytes = lymphocytes + x[speciesStart[k] + 1]
            default: break
            }
        }
        return (cancerLike * K(.cancerCellVolume) + lymphocytes * K(.tCellVolume)
                + (X(.mdsc) + X(.m1) + X(.m2)) * K(.myeloidCellVolume)) / K(.packingFraction)
    }

    /// Concentration (nM, or infected cells for a virus) of slot `k` at `site`.
    func concentration<T: ModelScalar>(slot k: Int, site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T {
        let s = speciesStart[k], q = parameterStart[k]
        switch kinds[k] {
        case .pharmacokinetic:
            switch site {
            case .plasma: return x[s] / p[q + 1]
            case .tumour: return x[s + 2] / (p[q + 5] * volume)
            case .lymphNode: return x[s + 3] / (p[P.lnPartition.rawValue] * p[P.lnVolume.rawValue])
            }
        case .oncolyticVirus: return x[s + 1]
        case .cellTherapy, .radiotherapy: return 0
        }
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
        for k in kinds.indices where kinds[k] == .cellTherapy {
            let carRatio = x[speciesStart[k] + 1] / (cancer + 1)
            killCAR = killCAR + K(.carKill) * contact * (1 - pd1Inhibition) * suppression * steroidFactor * carRatio / (carRatio + K(.killHalfRatio))
        }
        let stimulation = mhc * contact * X(.cancerPositive) / (X(.cancerPositive) + X(.effector) / K(.stimHalfRatio) + 1)
        return Derived(cancer: cancer, volume: volume, mhc: mhc, chemokine: chemokine, contact: contact,
                       pd1Inhibition: pd1Inhibition, altInhibition: altInhibition, suppression: suppression,
                       stimulation: stimulation, killCD8: killCD8, killCAR: killCAR,
                       pd1AxisBlocked: 1 - e.freePD1 * e.freePDL1,
                       costimulation: 1 - K(.ctla4Competition) * e.freeCTLA4LN,
                       steroidFactor: steroidFactor, normalisation: normalisation, lesionCells: lesionCells, effects: e)
    }

    public func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                      into v: UnsafeMutableBufferPointer<T>) {
        func X(_ s: S) -> T { x[s.rawValue] }
        func K(_ q: P) -> T { p[q.rawValue] }
        let d = derived(x: x, p: p)
        let e = d.effects
        let cp = X(.cancerPositive), cn = X(.cancerLoss)
        let birth = (K(.growthRate) + K(.basalDeath)) * e.growthLeft
        let crowding = 1 - d.cancer / K(.carryingCapacity)
        var i = 0
        func put(_ value: T) { v[i] = value; i += 1 }
        // Cancer cells
        put(birth * cp * crowding)
        put(birth * cn * crowding)
        put(K(.mutationToLoss) * K(.knobAcquiredLoss) * birth * cp)
        // Vessel pruning kills less as the tumour escapes to other angiogenic pathways.
        let drugKill = e.cytotoxic + e.pruning * (1 - X(.angioEscape))
        put((d.killCD8 + d.killCAR + drugKill + e.targeted) * cp)
        put((K(.bystanderFraction) * d.killCD8 + drugKill) * cn)
        put(K(.basalDeath) * cp)
        put(K(.basalDeath) * cn)
        put(K(.deadClearance) * X(.dead))
        // Effector and exhausted CD8 in the tumour
        let access = (1 - K(.ecmTCellExclusion) * X(.ecm)) * (1 + K(.vnInfiltrationGain) * d.normalisation)
        put(K(.infiltrationRate) * X(.effectorBlood) * d.chemokine * access * d.volume / (d.volume + K(.infiltrationHalfVolume)))
        let active = d.stimulation * (1 - d.pd1Inhibition) * (1 - d.altInhibition)
        put(K(.proliferationMax) * active * d.suppression * d.steroidFactor * X(.effector))
        put((K(.effectorDeath) + e.lymphodepletion) * X(.effector))
        put(K(.exhaustionRate) * K(.knobExhaustion) * d.stimulation * X(.effector))
        put(K(.exhaustedDeath) * X(.exhausted))
        // Suppressive cells: recruitment scales with the number of cancer cells
        put(K(.tregRecruitment) * K(.knobTreg) * d.cancer)
        put((K(.tregDeath) + e.tregDepletion) * X(.treg))
        put(K(.mdscRecruitment) * K(.knobMdsc) * d.cancer * (1 - K(.vnMdscReduction) * d.normalisation))
        put((K(.mdscDeath) + e.mdscDepletion) * X(.mdsc))
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
        let perCell = 1 / d.lesionCells
        put(K(.ifnProduction) * active * X(.effector) * perCell / K(.ifnRatioRef))
        put(K(.ifnClearance) * X(.ifng))
        put(K(.il10Clearance) * (X(.m2) + X(.treg)) * perCell / K(.cytokineRatioRef))
        put(K(.il10Clearance) * X(.il10))
        put(K(.tgfClearance) * (X(.m2) * perCell / K(.cytokineRatioRef) + K(.tgfBasal) * X(.ecm)))
        put(K(.tgfClearance) * X(.tgfb))
        put(K(.cxclClearance) * (K(.cxclBasal) + X(.ifng) / (X(.ifng) + 1))
            * (1 - K(.cxclSilencingMax) * K(.knobChemokineSilencing) * e.silencingLeft))
        put(K(.cxclClearance) * X(.cxcl))
        // Compensatory checkpoints
        put(K(.altRate) * K(.knobCompensatory) * d.stimulation * (1 + K(.altBlockadeBoost) * d.pd1AxisBlocked))
        put(K(.altDecay) * X(.altCheckpoints))
        // Lymph node priming and blood. Antigen reaches APCs from immune killing and basal death
        // (through MHC-I), from drug-killed cells in proportion to their immunogenicity, from
        // virus lysis, and radiation adds its own danger signal.
        var lysis: T = 0, radiation: T = 0
        for k in kinds.indices {
            switch kinds[k] {
            case .oncolyticVirus: lysis = lysis + K(.virusLysis) * x[speciesStart[k] + 1]
            case .radiotherapy: radiation = radiation + x[speciesStart[k]]
            default: break
            }
        }
        let deathFlux = (d.killCD8 + d.killCAR + K(.basalDeath)) * cp * d.mhc
            + (1 - e.icdLeft) * (drugKill + e.targeted) * cp + lysis
        let mdscRatio = X(.mdsc) / (K(.mdscRatioRef) * d.lesionCells)
        let mdscImpair = 1 - K(.mdscApcImpairment) * mdscRatio / (1 + mdscRatio)
        let maturationDrive = deathFlux / (deathFlux + K(.deathFluxHalf)) * mdscImpair
            + K(.rtApcWeight) * radiation / (radiation + K(.rtSignalHalf)) + (1 - e.apcLeft)
        put(K(.apcMaturation) * maturationDrive * (1 - X(.apc)))
        put(K(.apcDecay) * X(.apc))
        let antigenicity = K(.tmb) / (K(.tmb) + K(.tmbHalf)) * (1 - K(.antigenicityLossMax) * K(.knobLowAntigenicity))
        put(K(.primingRate) * d.costimulation * (antigenicity * X(.apc) + (1 - e.primingLeft)))
        put(K(.lnExpansion) * d.costimulation * X(.primedLN))
        put(K(.lnEgress) * X(.primedLN))
        put((K(.bloodEffectorDeath) + e.lymphodepletion) * X(.effectorBlood))
        put(K(.steroidDecay) * X(.steroid))
        put(K(.angioEscapeRate) * d.normalisation * (1 - X(.angioEscape)))
        // Therapies
        let ifnEffect = X(.ifng) / (X(.ifng) + 1)
        let penetration = (1 - K(.ecmDrugExclusion) * X(.ecm)) * (1 + K(.vnPenetrationGain) * d.normalisation)
        for k in kinds.indices {
            let s = speciesStart[k], q = parameterStart[k]
            switch kinds[k] {
            case .pharmacokinetic:
                let plasma = x[s] / p[q + 1]
                put(p[q] * plasma)
                put(p[q + 3] * (plasma - x[s + 1] / p[q + 2]))
                put(p[q + 4] * (p[q + 5] * d.volume * plasma * penetration - x[s + 2]))
                put(K(.lnExchange) * K(.lnPartition) * K(.lnVolume) * plasma)
                put(K(.lymphReturn) * x[s + 3])
                if isOral[k] { put(p[q + 7] * x[s + 4]) }
                if carrierSpecies[k] >= 0 {
                    let c = s + carrierSpecies[k], cq = q + carrierParameters[k]
                    put(p[cq] * (1 + p[cq + 5] * x[c + 2]) * x[c])
                    put(p[cq + 1] * x[c])
                    let uptake = p[cq + 3] * p[cq + 6] * d.volume / 0.1 * (1 - (1 - p[cq + 4]) * X(.ecm))
                    put(uptake * x[c])
                    put(p[cq + 2] * x[c + 1])
                    put(K(.antiCarrierDecay) * x[c + 2])
                }
            case .oncolyticVirus:
                let virus = x[s], infected = x[s + 1]
                // Mass action in concentrations; dense stroma hinders spread as it hinders drugs.
                let spread = K(.virusInfection) * virus / d.volume * (1 - K(.ecmDrugExclusion) * X(.ecm))
                put(spread * cp)
                put(spread * cn)
                put(K(.virusLysis) * infected)
                put(K(.virusBurst) * K(.virusLysis) * infected)
                put((K(.virusDecay) + K(.virusAntiviral) * ifnEffect) * virus)
                put(K(.virusAntiviral) * ifnEffect * infected)
            case .cellTherapy:
                let blood = x[s], tumour = x[s + 1]
                let engaged = cp / (cp + tumour / K(.stimHalfRatio) + 1)
                put(K(.carInfiltration) * blood * d.chemokine * access)
                put(K(.carContraction) * blood)
                // CAR signalling bypasses MHC and most co-stimulation needs; PD-1 still halves it at most
                // (assumption). Killing (in `derived`) remains limited by ECM contact and suppression.
                put(K(.carExpansion) * engaged * (1 - 0.5 * d.pd1Inhibition) * d.steroidFactor * tumour)
                put(K(.carContraction) * tumour)
                put(K(.carMemoryFraction) * K(.carContraction) * tumour)
                put(K(.carExhaustion) * engaged * tumour)
                put(K(.carMemoryDecay) * x[s + 2])
            case .radiotherapy:
                put(K(.rtSignalDecay) * x[s])
            }
        }
    }

    public func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                        into o: UnsafeMutableBufferPointer<T>) {
        let d = derived(x: x, p: p)
        o[0] = d.volume
        // Sphere of volume V (L → mm³ is × 1e6): diameter = (6V/π)^(1/3).
        o[1] = T.pow(d.volume * T(6e6 / Double.pi), 1.0 / 3.0)
        var infected: T = 0
        for k in kinds.indices where kinds[k] == .oncolyticVirus { infected = infected + x[speciesStart[k] + 1] }
        o[2] = d.cancer + infected
        o[3] = d.pd1Inhibition
        o[4] = d.mhc
        var j = 5
        for k in kinds.indices where kinds[k] == .pharmacokinetic {
            let s = speciesStart[k], q = parameterStart[k]
            var total = x[s]
            if carrierSpecies[k] >= 0 { total = total + x[s + carrierSpecies[k]] }
            // nM × g/mol = 1e-9 g/L × MW = MW × 1e-6 µg/mL
            o[j] = total / p[q + 1] * p[q + 6] * 1e-6
            o[j + 1] = concentration(slot: k, site: .tumour, x: x, p: p, volume: d.volume)
            j += 2
        }
    }
}
