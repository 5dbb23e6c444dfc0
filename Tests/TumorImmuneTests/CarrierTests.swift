import Testing
import Foundation
import Integrators
import Reactions
@testable import TumorImmune

/// Terminal half-life (hours) from a least-squares fit of ln C against time over `window` (days).
func fittedHalfLifeHours(days: [Double], values: [Double], window: ClosedRange<Double>) -> Double {
    let points = zip(days, values).filter { window.contains($0.0) && $0.1 > 0 }
    let n = Double(points.count)
    let mt = points.map(\.0).reduce(0, +) / n, my = points.map { log($0.1) }.reduce(0, +) / n
    let sxy = points.map { ($0.0 - mt) * (log($0.1) - my) }.reduce(0, +)
    let sxx = points.map { ($0.0 - mt) * ($0.0 - mt) }.reduce(0, +)
    return -log(2) / (sxy / sxx) * 24
}

/// Nanocarriers of the review's Table 1: pharmacokinetics of a carried drug, passive tumour
/// delivery, and one test per carrier class showing that its listed physical drawback acts.
///
/// Doxorubicin (135 mg q3w) is the payload throughout: its free form is cleared within hours, so
/// the plasma level of a carried dose is the carrier's.
@Suite("Nanocarriers")
struct CarrierTests {
    static let patient = Melanoma.typicalPatient

    /// Doxorubicin in `carrier` (nil: free) over 42 days (two cycles), output every 3 hours.
    static func doxorubicin(_ carrier: String?, patient: Patient = patient,
                            change: (inout CompiledNetwork<TumorImmuneNetwork>) -> Void = { _ in }) throws -> SimulationResult {
        let sim = simulator(days: 42, every: 0.125)
        let regimen = try Regimen(parsing: carrier.map { "doxorubicin@\($0)" } ?? "doxorubicin")
        var model = try sim.compile(patient: patient, regimen: regimen)
        change(&model)
        return try sim.treat(model: model, baseline: try sim.baselineState(model: model, patient: patient), patient: patient, regimen: regimen)
    }

    static func halfLife(_ r: SimulationResult, after dose: Double = 0) throws -> Double {
        let c = try #require(r.plasmaConcentration.first).values
        return fittedHalfLifeHours(days: r.days, values: c, window: (dose + 2)...(dose + 6))
    }

    /// Released + encapsulated payload in the tumour, nmol.
    static func tumourPayload(_ r: SimulationResult, _ sid: String) throws -> [Double] {
        let released = try #require(r.series("\(sid)_T")), carried = try #require(r.series("\(sid)_enc_T"))
        return zip(released, carried).map { $0 + $1 }
    }

    static let doseNanomol = 135 * (try! Drug.named("doxorubicin")).nanomolPerMg

    @Test("the catalogue has the seven carrier classes of Table 1, each with a drawback")
    func catalogue() throws {
        #expect(Carrier.catalogue.map(\.id) == ["liposome", "niosome", "polymeric", "inorganic", "hybrid", "protein", "carbon"])
        for c in Carrier.catalogue {
            #expect(try Carrier.named(c.id.uppercased()) == c)
            #expect(!c.drawbacks.isEmpty && !c.advantages.isEmpty)
            #expect(c.halfLifeHours > 0 && c.diameterNm > 0 && (0..<1).contains(c.burstFraction))
            // Wilhelm 2016 anchor: the first-pass share of carriers taken up by the tumour is 0.7 %.
            let share = c.tumourUptakePerDay / (c.tumourUptakePerDay + c.clearancePerDay + c.plasmaReleasePerDay)
            #expect(abs(share - 0.007) < 1e-12, "\(c.id): \(share)")
        }
    }

    /// The ABC phenomenon (below) makes the first dose's clearance accelerated too, because the
    /// dose event raises anti-carrier immunity at the moment of the dose (model bug, reported):
    /// the catalogue first dose has t½ ≈ 33 h. Without accelerated clearance the carrier's own
    /// kinetics give the label's 45–55 h (Gabizon 1994; Doxil label).
    @Test("doxorubicin@liposome plasma half-life is 45–55 h, free doxorubicin's is hours")
    func liposomeHalfLife() throws {
        let noABC = try Self.doxorubicin("liposome") { model in
            model.parameterValues[model.parameterIndex("doxorubicin_liposome_abc")!] = 0
        }
        let withoutABC = try Self.halfLife(noABC)
        #expect((45...55).contains(withoutABC), "first-dose t½ without ABC: \(withoutABC) h")
        let catalogue = try Self.halfLife(try Self.doxorubicin("liposome"))
        #expect((45...55).contains(catalogue), "first-dose t½: \(catalogue) h")
        let free = try Self.doxorubicin(nil)
        let c = try #require(free.plasmaConcentration.first).values
        let freeHalfLife = fittedHalfLifeHours(days: free.days, values: c, window: 1...3)
        #expect(freeHalfLife < 12, "free doxorubicin t½ \(freeHalfLife) h")
        #expect(catalogue > 3 * freeHalfLife && withoutABC > 4 * freeHalfLife)
        // The fitted free half-life is the two-compartment terminal half-life of the catalogue PK.
        let pk = try #require(try Drug.named("doxorubicin").pk)
        #expect(abs(freeHalfLife / (pk.terminalHalfLifeDays * 24) - 1) < 0.05, "\(freeHalfLife) h vs \(pk.terminalHalfLifeDays * 24) h")
    }

    /// Passive (EPR) delivery is a small share of the dose: median 0.7 % of the injected dose,
    /// range ≈ 0.1–2 % (Wilhelm 2016, doi:10.1038/natrevmats.2016.14). Measured as the peak
    /// payload in the tumour (encapsulated + released) after the first dose over the dose; it is a
    /// lower bound on the share delivered, as released drug also leaves the tumour.
    @Test("passive tumour delivery is 0.1–2 % of the injected dose", arguments: Carrier.catalogue.map(\.id))
    func passiveDelivery(_ carrier: String) throws {
        let r = try Self.doxorubicin(carrier)
        let payload = try Self.tumourPayload(r, "doxorubicin_\(carrier)")
        let firstCycle = r.days.indices.filter { r.days[$0] < 21 }
        let peak = firstCycle.map { payload[$0] }.max()!
        let share = peak / Self.doseNanomol
        #expect((0.001...0.02).contains(share), "\(carrier): peak tumour payload \(100 * share) % of the dose")
    }

    /// Liposome drawback: anti-PEG antibodies clear a repeated dose faster (ABC, Ishida 2006).
    @Test("liposome: the second dose is cleared faster than the first (ABC)")
    func liposomeABC() throws {
        let r = try Self.doxorubicin("liposome")
        let first = try Self.halfLife(r), second = try Self.halfLife(r, after: 21)
        #expect(second < 0.95 * first, "t½ first dose \(first) h, second dose \(second) h")
        // Without anti-carrier immunity both doses clear alike.
        let noABC = try Self.doxorubicin("liposome") { model in
            model.parameterValues[model.parameterIndex("doxorubicin_liposome_abc")!] = 0
        }
        #expect(abs(try Self.halfLife(noABC, after: 21) / Self.halfLife(noABC) - 1) < 0.02)
    }

    /// Niosome and polymeric drawbacks: low stability (leakage) and burst release (micelles
    /// dissociate on dilution) put more free drug in plasma than a stable liposome.
    @Test("niosome and polymeric carriers leak: higher free plasma peak than liposome", arguments: ["niosome", "polymeric"])
    func leakage(_ carrier: String) throws {
        func freePeak(_ c: String) throws -> Double {
            let r = try Self.doxorubicin(c)
            let free = try #require(r.series("doxorubicin_\(c)_C"))
            return r.days.indices.filter { r.days[$0] > 0 && r.days[$0] < 21 }.map { free[$0] }.max()!
        }
        let leaky = try freePeak(carrier), liposome = try freePeak("liposome")
        #expect(leaky > 2 * liposome, "free doxorubicin peak: \(carrier) \(leaky) nmol vs liposome \(liposome) nmol")
        // The burst itself: the free amount given at the dose is the carrier's burst fraction.
        let model = try Simulator().compile(patient: Self.patient, regimen: Regimen(parsing: "doxorubicin@\(carrier)"))
        let day0 = try #require(Simulator().doseEvents(model: model, days: 21).first)
        let c = try Carrier.named(carrier)
        #expect(day0.changes.contains(StateChange(index: model.network.centralIndex(slot: 0), .add(Self.doseNanomol * c.burstFraction))))
        #expect(c.burstFraction > (try Carrier.named("liposome")).burstFraction)
    }

    /// Inorganic and carbon drawbacks: higher toxicity. The model carries it as the carrier
    /// adverse-event hazard multiplier; no adverse-event model reads it within a simulation.
    @Test("inorganic and carbon carriers are the most toxic", arguments: ["inorganic", "carbon"])
    func toxicity(_ id: String) throws {
        let c = try Carrier.named(id)
        for other in Carrier.catalogue where !["inorganic", "carbon"].contains(other.id) {
            #expect(c.carrierToxicity > 4 * other.carrierToxicity, "\(id) \(c.carrierToxicity) vs \(other.id) \(other.carrierToxicity)")
        }
        #expect(c.drawbacks.contains { $0.modelEffect.contains("adverse-event hazard") })
    }

    /// Protein drawbacks: lower loading capacity (at most 300 mg per administration) and shorter
    /// circulation.
    @Test("protein carrier: dose capped at its payload limit and shorter half-life")
    func proteinCarrier() throws {
        let protein = try Carrier.named("protein")
        let cap = try #require(protein.maxPayloadMg)
        let drug = try Drug.named("gemcitabine-platinum")
        let label = try #require(drug.schedule.phases.first).doseMg
        try #require(label > cap, "premise: the label dose \(label) mg exceeds the cap")
        let slot = try #require(try Regimen(parsing: "gemcitabine-platinum@protein").slots.first)
        #expect(slot.schedule.administrations(horizon: 365).allSatisfy { $0.doseMg == cap })
        let model = try Simulator().compile(patient: Self.patient, regimen: Regimen(parsing: "gemcitabine-platinum@protein"))
        let day0 = try #require(Simulator().doseEvents(model: model, days: 21).first)
        let pools = try #require(model.network.carrierIndices(slot: 0))
        #expect(day0.changes.contains(StateChange(index: pools.encapsulated, .add(cap * drug.nanomolPerMg * (1 - protein.burstFraction)))))
        // A dose under the cap is given whole.
        #expect(try Regimen(parsing: "doxorubicin@protein").slots[0].schedule == Drug.named("doxorubicin").schedule)
        let proteinHalfLife = try Self.halfLife(try Self.doxorubicin("protein"))
        let liposomeHalfLife = try Self.halfLife(try Self.doxorubicin("liposome"))
        #expect(proteinHalfLife < 0.5 * liposomeHalfLife, "t½ protein \(proteinHalfLife) h vs liposome \(liposomeHalfLife) h")
    }

    /// Carbon drawback: large (200 nm), fibrous particles penetrate dense stroma poorly (Chauhan
    /// 2012). Dense ECM (stromal barrier 1 vs 0) costs the carbon carrier a larger share of its
    /// tumour delivery than the 90 nm liposome.
    @Test("carbon carrier: dense stroma cuts its tumour delivery more than a liposome's")
    func carbonPenetration() throws {
        func deliveryKept(_ carrier: String) throws -> Double {
            var dense = Self.patient, open = Self.patient
            dense.mechanisms[.stromalBarrier] = 1
            open.mechanisms[.stromalBarrier] = 0
            let peaks = try [dense, open].map { p in
                let r = try Self.doxorubicin(carrier, patient: p)
                let payload = try Self.tumourPayload(r, "doxorubicin_\(carrier)")
                return r.days.indices.filter { r.days[$0] < 21 }.map { payload[$0] }.max()!
            }
            return peaks[0] / peaks[1]
        }
        let carbon = try deliveryKept("carbon"), liposome = try deliveryKept("liposome")
        #expect(carbon < liposome, "delivery kept in dense stroma: carbon \(carbon), liposome \(liposome)")
        #expect(try Carrier.named("carbon").ecmPenetration < Carrier.named("liposome").ecmPenetration)
    }

    /// Hybrid nanoparticles list only a non-physical drawback (cost), which the model says it does
    /// not represent.
    @Test("hybrid carrier: its only drawback is marked as not physical")
    func hybridHasNoPhysicalDrawback() throws {
        let hybrid = try Carrier.named("hybrid")
        #expect(hybrid.drawbacks.allSatisfy { $0.modelEffect.hasPrefix("none") })
        // Every other carrier has at least one drawback with a model effect.
        for c in Carrier.catalogue where c.id != "hybrid" {
            #expect(c.drawbacks.contains { !$0.modelEffect.hasPrefix("none") }, "\(c.id)")
        }
    }
}

extension CarrierTests {
    /// Ligand targeting raises tumour uptake only modestly (Wilhelm 2016: 0.9 % vs 0.6 % median).
    @Test("ligand targeting raises liposomal tumour delivery by at most 1.5×")
    func ligandTargeting() throws {
        let sim = simulator(days: 21, every: 0.125)
        func peak(_ text: String) throws -> Double {
            let regimen = try Regimen(parsing: text)
            let r = try sim.run(patient: Self.patient, regimen: regimen)
            return try Self.tumourPayload(r, "doxorubicin_liposome").max()!
        }
        let plain = try peak("doxorubicin@liposome"), targeted = try peak("doxorubicin@liposome:targeted")
        #expect(targeted > 1.1 * plain && targeted < 1.5 * plain, "peak tumour payload: \(plain) vs targeted \(targeted) nmol")
    }
}
