import Foundation
import Integrators
import Reactions

/// A drug with plasma pharmacokinetics — antibodies, chemotherapy, small molecules, ADCs, vaccine
/// and cytokines: central, peripheral, tumour and lymph-node amounts (two-compartment PK with
/// tumour and lymph-node exchange, as QSP-IO), an oral input rate for oral drugs, and, in a
/// nanocarrier, encapsulated plasma and tumour pools with anti-carrier immunity.
struct PharmacokineticDrug: TherapyUnit {
    let layout: TherapyLayout
    /// Index of the oral input-rate species (nil for a drug not given by mouth).
    let oralInput: Int?
    /// First carrier pool — encapsulated in plasma, then in tumour, then anti-carrier immunity —
    /// nil for the free drug.
    private let encapsulatedStart: Int?

    init(slot: DrugSlot, layout: TherapyLayout) {
        self.layout = layout
        oralInput = slot.drug.route == .oral ? layout.speciesStart + 4 : nil
        encapsulatedStart = slot.carrier == nil ? nil : layout.speciesStart + 4 + (oralInput == nil ? 0 : 1)
    }

    /// The kinetic parameters, in layout order.
    enum Kinetic: Int, CaseIterable {
        case clearance, centralVolume, peripheralVolume, intercompartmental, tumourExchange, tumourPartition
        case molecularWeight, bioavailability
    }

    /// The carrier parameters, in layout order (after the effect parameters).
    enum CarrierParameter: Int, CaseIterable {
        case elimination, plasmaRelease, tumourRelease, eprUptake, ecmPenetration, acceleratedClearance, targeting
    }

    /// The species, in layout order (the oral input and carrier pools only where present).
    enum Pool: Int { case central, peripheral, tumour, lymphNode }

    static func speciesCount(for slot: DrugSlot) -> Int {
        4 + (slot.drug.route == .oral ? 1 : 0) + (slot.carrier != nil ? 3 : 0)
    }
    static func kineticParameterCount(for slot: DrugSlot) -> Int { Kinetic.allCases.count }
    static func trailingParameterCount(for slot: DrugSlot) -> Int { slot.carrier != nil ? CarrierParameter.allCases.count : 0 }

    func index(_ pool: Pool) -> Int { layout.speciesStart + pool.rawValue }
    func index(_ q: Kinetic) -> Int { layout.parameterStart + q.rawValue }
    func index(_ q: CarrierParameter) -> Int { layout.afterEffects + q.rawValue }
    var carrierPools: (encapsulated: Int, immunity: Int)? { encapsulatedStart.map { ($0, $0 + 2) } }

    func species(_ slot: DrugSlot) -> [Species] {
        let s = slot.sid, d = slot.drug.id
        var list = [
            Species(id: "\(s)_C", description: "\(d) (released) in plasma", compartment: "central", units: "nmol", initialAmount: 0),
            Species(id: "\(s)_P", description: "\(d) in peripheral tissue", compartment: "peripheral", units: "nmol", initialAmount: 0),
            Species(id: "\(s)_T", description: "\(d) (released) in tumour", compartment: "tumour", units: "nmol", initialAmount: 0),
            Species(id: "\(s)_LN", description: "\(d) in lymph node", compartment: "lymph_node", units: "nmol", initialAmount: 0),
        ]
        if oralInput != nil {
            list.append(Species(id: "\(s)_input", description: "\(d) oral input rate while on treatment (changed by events only)", compartment: "central", units: "nmol/day", initialAmount: 0))
        }
        if let c = slot.carrier {
            list += [
                Species(id: "\(s)_enc_C", description: "\(d) encapsulated in \(c.id) carriers, plasma", compartment: "central", units: "nmol", initialAmount: 0),
                Species(id: "\(s)_enc_T", description: "\(d) encapsulated in \(c.id) carriers, tumour", compartment: "tumour", units: "nmol", initialAmount: 0),
                Species(id: "\(s)_anti_carrier", description: "anti-\(c.id) immunity from prior doses (accelerated clearance)", compartment: "central", units: "dimensionless", initialAmount: 0),
            ]
        }
        return list
    }

    func kineticParameters(_ slot: DrugSlot) -> [Parameter] {
        let s = slot.sid, d = slot.drug
        guard let pk = d.pk else { return [] }
        let antibody = d.drugClass == .checkpointAntibody
        return [
            Parameter(id: "\(s)_CL", description: "\(d.id) linear clearance", value: pk.clearance, units: "L/day", source: d.source),
            Parameter(id: "\(s)_Vc", description: "\(d.id) central volume", value: pk.centralVolume, units: "L", source: d.source),
            Parameter(id: "\(s)_Vp", description: "\(d.id) peripheral volume", value: pk.peripheralVolume, units: "L", source: d.source),
            Parameter(id: "\(s)_Q", description: "\(d.id) inter-compartmental clearance", value: pk.intercompartmentalClearance, units: "L/day", source: d.source),
            Parameter(id: "\(s)_kT", description: "\(d.id) plasma–tumour exchange rate", value: pk.tumourExchange, units: "1/day", source: antibody ? "QSP-IO q_T over a 10 mL tumour" : "assumption (small molecules equilibrate within hours)"),
            Parameter(id: "\(s)_gammaT", description: "\(d.id) tumour available-volume fraction", value: pk.tumourPartition, units: "dimensionless", source: antibody ? "QSP-IO (γ_T = 0.522)" : "assumption"),
            Parameter(id: "\(s)_MW", description: "\(d.id) molecular weight", value: pk.molecularWeight, units: "g/mol", source: d.source),
            Parameter(id: "\(s)_F", description: "\(d.id) bioavailability", value: pk.bioavailability, units: "dimensionless", source: d.source),
        ]
    }

    func trailingParameters(_ slot: DrugSlot) -> [Parameter] {
        guard let c = slot.carrier else { return [] }
        let s = slot.sid, src = c.source
        let gain = slot.ligandTargeted ? Carrier.ligandTargetingGain : 1
        return [
            Parameter(id: "\(s)_carrier_kel", description: "\(c.id) carrier elimination (t½ \(c.halfLifeHours) h)", value: c.clearancePerDay, units: "1/day", source: src),
            Parameter(id: "\(s)_release_plasma", description: "\(c.id) payload release in plasma", value: c.plasmaReleasePerDay, units: "1/day", source: src),
            Parameter(id: "\(s)_release_tumour", description: "\(c.id) payload release in tumour", value: c.tumourReleasePerDay, units: "1/day", source: src),
            Parameter(id: "\(s)_epr_uptake", description: "\(c.id) tumour uptake per day for a 0.1 L tumour (EPR)", value: c.tumourUptakePerDay, units: "1/day", source: "Wilhelm 2016 doi:10.1038/natrevmats.2016.14 (median 0.7 % ID)"),
            Parameter(id: "\(s)_ecm_penetration", description: "\(c.id) uptake remaining at full ECM density (\(Int(c.diameterNm)) nm)", value: c.ecmPenetration, units: "dimensionless", source: "Chauhan 2012 doi:10.1038/nnano.2012.45 (size-dependent penetration; linear assumption)"),
            Parameter(id: "\(s)_abc", description: "\(c.id) extra clearance per unit anti-carrier immunity", value: c.acceleratedClearance, units: "dimensionless", source: "Ishida 2006 doi:10.1016/j.ijpharm.2005.10.044 (accelerated blood clearance)"),
            Parameter(id: "\(s)_targeting", description: "tumour uptake multiplier of ligand targeting", value: gain, units: "dimensionless", source: "Wilhelm 2016 (0.9 % vs 0.6 % median delivery)"),
        ]
    }

    @inline(__always)
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink) {
        let x = c.x, p = c.p
        func K(_ q: Kinetic) -> Sink.Scalar { p[index(q)] }
        func A(_ pool: Pool) -> Sink.Scalar { x[index(pool)] }
        let plasma = A(.central) / K(.centralVolume)
        sink.reaction("\(slot().sid)_elimination", "\(slot().drug.id) linear clearance", [("\(slot().sid)_C", -1)],
                      rate: K(.clearance) * plasma)
        sink.reaction("\(slot().sid)_distribution", "\(slot().drug.id) plasma ↔ peripheral", [("\(slot().sid)_C", -1), ("\(slot().sid)_P", 1)],
                      rate: K(.intercompartmental) * (plasma - A(.peripheral) / K(.peripheralVolume)))
        sink.reaction("\(slot().sid)_tumour_exchange", "\(slot().drug.id) plasma ↔ tumour (penetration reduced by ECM)", [("\(slot().sid)_C", -1), ("\(slot().sid)_T", 1)],
                      rate: K(.tumourExchange) * (K(.tumourPartition) * c.derived.volume * plasma * c.penetration - A(.tumour)))
        sink.reaction("\(slot().sid)_ln_uptake", "\(slot().drug.id) plasma → lymph node", [("\(slot().sid)_C", -1), ("\(slot().sid)_LN", 1)],
                      rate: c.K(.lnExchange) * c.K(.lnPartition) * c.K(.lnVolume) * plasma)
        sink.reaction("\(slot().sid)_lymph_return", "\(slot().drug.id) lymph node → plasma", [("\(slot().sid)_LN", -1), ("\(slot().sid)_C", 1)],
                      rate: c.K(.lymphReturn) * A(.lymphNode))
        if let input = oralInput {
            sink.reaction("\(slot().sid)_absorption", "\(slot().drug.id) oral input (zero-order while on treatment)", [("\(slot().sid)_C", 1)],
                          rate: K(.bioavailability) * x[input])
        }
        if let enc = encapsulatedStart {
            func C(_ q: CarrierParameter) -> Sink.Scalar { p[index(q)] }
            let inPlasma = x[enc], inTumour = x[enc + 1], immunity = x[enc + 2]
            sink.reaction("\(slot().sid)_carrier_clearance", "\(slot().carrier?.id ?? "") carriers cleared with payload (plus accelerated clearance)", [("\(slot().sid)_enc_C", -1)],
                          rate: C(.elimination) * (1 + C(.acceleratedClearance) * immunity) * inPlasma)
            sink.reaction("\(slot().sid)_leak_plasma", "payload leaks from \(slot().carrier?.id ?? "") in plasma", [("\(slot().sid)_enc_C", -1), ("\(slot().sid)_C", 1)],
                          rate: C(.plasmaRelease) * inPlasma)
            let uptake = C(.eprUptake) * C(.targeting) * c.derived.volume / 0.1 * (1 - (1 - C(.ecmPenetration)) * c.X(.ecm))
            sink.reaction("\(slot().sid)_epr", "\(slot().carrier?.id ?? "") carriers reach the tumour (EPR, targeting, size-limited by ECM)", [("\(slot().sid)_enc_C", -1), ("\(slot().sid)_enc_T", 1)],
                          rate: uptake * inPlasma)
            sink.reaction("\(slot().sid)_unload_tumour", "payload released from \(slot().carrier?.id ?? "") in the tumour", [("\(slot().sid)_enc_T", -1), ("\(slot().sid)_T", 1)],
                          rate: C(.tumourRelease) * inTumour)
            sink.reaction("\(slot().sid)_anti_carrier_decay", "waning anti-carrier immunity", [("\(slot().sid)_anti_carrier", -1)],
                          rate: c.K(.antiCarrierDecay) * immunity)
        }
    }

    @inline(__always)
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T {
        switch site {
        case .plasma: return x[index(.central)] / p[index(.centralVolume)]
        case .tumour: return x[index(.tumour)] / (p[index(.tumourPartition)] * volume)
        case .lymphNode: return x[index(.lymphNode)] / (p[P.lnPartition.rawValue] * p[P.lnVolume.rawValue])
        }
    }

    var observesPlasma: Bool { true }

    func observables(_ slot: DrugSlot) -> [Observable] {
        [Observable(id: "\(slot.sid)_plasma", description: "\(slot.drug.id) total plasma concentration (released + encapsulated)", units: "ug/mL"),
         Observable(id: "\(slot.sid)_tumour_conc", description: "\(slot.drug.id) released concentration in tumour interstitium", units: "nM")]
    }

    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T,
                                 into o: UnsafeMutableBufferPointer<T>, from j: Int) -> Int {
        var total = x[index(.central)]
        if let enc = encapsulatedStart { total = total + x[enc] }
        // nM × g/mol = 1e-9 g/L × MW = MW × 1e-6 µg/mL
        o[j] = total / p[index(.centralVolume)] * p[index(.molecularWeight)] * 1e-6
        o[j + 1] = concentration(at: .tumour, x: x, p: p, volume: volume)
        return j + 2
    }

    func plasmaConcentration(state: [Double], parameters p: ContiguousArray<Double>) -> Double? {
        state[index(.central)] / p[index(.centralVolume)]
    }

    /// IV doses add nmol to plasma (a carried dose goes to the encapsulated pool, minus the
    /// carrier's burst fraction, and raises anti-carrier immunity by one a week later); an oral
    /// drug switches its zero-order input on at the start of each phase
    /// (``DoseSchedule/continuousInput(horizon:)``) and off at its end, unless the next phase
    /// starts then.
    func addDoseEvents(_ slot: DrugSlot, days: Double, parameters p: ContiguousArray<Double>, to byDay: inout [Double: [StateChange]]) {
        if let input = oralInput {
            let periods = slot.schedule.continuousInput(horizon: days)
            for (k, period) in periods.enumerated() {
                byDay[period.start, default: []].append(StateChange(index: input, .set(period.mgPerDay * slot.drug.nanomolPerMg)))
                let resumes = k + 1 < periods.count && periods[k + 1].start == period.end
                if period.end < days && !resumes { byDay[period.end, default: []].append(StateChange(index: input, .set(0))) }
            }
            return
        }
        let given = slot.schedule.administrations(horizon: days)
        for dose in given {
            let nmol = dose.doseMg * slot.drug.nanomolPerMg
            if let carrier = slot.carrier, let pools = carrierPools {
                byDay[dose.day, default: []] += [
                    StateChange(index: index(.central), .add(nmol * carrier.burstFraction)),
                    StateChange(index: pools.encapsulated, .add(nmol * (1 - carrier.burstFraction))),
                ]
                // Anti-carrier IgM appears about a week after a dose (Ishida 2006), so the
                // dose that raises it is cleared at the normal rate.
                let rise = dose.day + Simulator.antiCarrierDelayDays
                if rise < days { byDay[rise, default: []].append(StateChange(index: pools.immunity, .add(1))) }
            } else {
                byDay[dose.day, default: []].append(StateChange(index: index(.central), .add(nmol)))
            }
        }
    }
}
