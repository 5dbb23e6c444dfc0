import Foundation
import Testing
@testable import TumorImmune

/// Adverse-event risk must emerge from exposure and mechanism: no regimen has a term of its own.
@Suite("Adverse-event hazards")
struct ToxicityTests {
    /// Mean exposure over the first 12 weeks of a regimen in the typical melanoma patient, and the
    /// summed hazards it implies (immune-related organs and all organs).
    static func hazards(_ text: String) throws -> (immune: Double, all: Double) {
        var settings = SimulationSettings()
        settings.days = 84
        let sim = Simulator(settings: settings)
        let patient = Patient(typical: try TumorType.named("melanoma"))
        let regimen = try Regimen(parsing: text, tumor: "melanoma")
        let result = try sim.run(patient: patient, regimen: regimen)
        let model = try sim.compile(patient: patient, regimen: regimen)
        let toxicity = ToxicityModel()
        var immune = 0.0, all = 0.0
        for i in result.days.indices {
            let e = sim.exposure(model: model, state: Array(result.solution.state(at: i)), toxicity: toxicity)
            for (organ, h) in toxicity.hazards(e) {
                all += h
                if toxicity.isImmuneRelated(organ) { immune += h }
            }
        }
        let n = Double(result.days.count)
        return (immune / n, all / n)
    }

    @Test("dual checkpoint blockade carries more immune-related risk than either single agent")
    func dualBlockade() throws {
        let nivo = try Self.hazards("nivolumab").immune
        let ipi = try Self.hazards("ipilimumab").immune
        let dual = try Self.hazards("nivolumab+ipilimumab").immune
        #expect(ipi > nivo, "ipilimumab \(ipi) vs nivolumab \(nivo)")
        #expect(dual > ipi && dual > nivo, "dual \(dual), ipilimumab \(ipi), nivolumab \(nivo)")
        // More than additive: the product form of the hazard (priming × tissue release).
        #expect(dual > ipi + nivo, "dual \(dual) vs sum \(ipi + nivo)")
    }

    @Test("chemotherapy plus a checkpoint inhibitor carries more risk than the inhibitor alone")
    func chemoPlusICI() throws {
        let ici = try Self.hazards("pembrolizumab").all
        let combined = try Self.hazards("pembrolizumab+platinum-doublet").all
        #expect(combined > ici, "pembrolizumab+chemo \(combined) vs pembrolizumab \(ici)")
    }

    @Test("a VEGFR TKI adds its on-target toxicity to a checkpoint inhibitor's")
    func tkiToxicity() throws {
        let tki = try Self.hazards("sunitinib")
        #expect(tki.all > 0 && tki.immune == 0, "sunitinib: \(tki)")
        #expect(try Self.hazards("pembrolizumab+axitinib").all > Self.hazards("pembrolizumab").all)
    }

    @Test("a peptide vaccine carries vaccine-reaction hazard only, and adds it to a checkpoint inhibitor's")
    func vaccineToxicity() throws {
        let vaccine = try Self.hazards("gp100")
        #expect(vaccine.all > 0 && vaccine.immune == 0, "gp100: \(vaccine)")
        #expect(try Self.hazards("ipilimumab+gp100").all > Self.hazards("ipilimumab").all)
        #expect(try Self.hazards("gm-csf").all == 0, "GM-CSF is a cytokine, not a vaccine: no vaccine-reaction channel")
    }

    @Test("no exposure, no hazard")
    func placebo() throws {
        #expect(try Self.hazards("placebo").all == 0)
    }

    @Test("the dual-blockade product term is fixed by the single-agent weights")
    func productForm() {
        let model = ToxicityModel()
        let p = 0.9, q = 0.7
        for (organ, both) in model.hazards(ToxicityExposure(pd: p, ctla4: q)) {
            guard let o = model.organs.first(where: { $0.organ == organ }) else { continue }
            let pdOnly = model.hazards(ToxicityExposure(pd: p)).first { $0.0 == organ }!.1
            let ctlaOnly = model.hazards(ToxicityExposure(ctla4: q)).first { $0.0 == organ }!.1
            let interaction = model.immuneScale * o.base * o.pdWeight * p * o.ctla4Weight * q
            #expect(abs(both - (pdOnly + ctlaOnly + interaction)) < 1e-15)
        }
    }
}

@Suite("Per-drug toxicity factors")
struct DrugToxicityFactorTests {
    @Test("a drug's factor scales its own channel's exposure and no other drug's")
    func factorScalesOwnChannel() {
        var a = ChannelExposure()
        a.add(0.5, factor: 1)
        #expect(abs(a.value - 0.5) < 1e-12)
        var b = ChannelExposure()
        b.add(0.5, factor: 2)
        #expect(abs(b.value - 1.0) < 1e-12)
        // Two drugs on one channel: Bliss combination, weighted mean of the factors.
        var c = ChannelExposure()
        c.add(0.5, factor: 2); c.add(0.5, factor: 1)
        #expect(abs(c.value - 0.75 * 1.5) < 1e-12)
        #expect(ChannelExposure().value == 0)
    }

    @Test("a combination inherits its drugs' factors: a factor on ipilimumab changes the dual regimen's hazard")
    func combinationInherits() throws {
        var settings = SimulationSettings()
        settings.days = 42
        let sim = Simulator(settings: settings)
        let patient = Patient(typical: try TumorType.named("melanoma"))
        let regimen = try Regimen(parsing: "nivolumab+ipilimumab", tumor: "melanoma")
        let result = try sim.run(patient: patient, regimen: regimen)
        let model = try sim.compile(patient: patient, regimen: regimen)
        var toxicity = ToxicityModel()
        let state = Array(result.solution.state(at: result.days.count / 2))
        let plain = sim.exposure(model: model, state: state, toxicity: toxicity)
        toxicity.drugScales = ["ipilimumab": 2]
        let scaled = sim.exposure(model: model, state: state, toxicity: toxicity)
        #expect(abs(scaled.ctla4 - 2 * plain.ctla4) < 1e-12 && plain.ctla4 > 0)
        #expect(scaled.pd == plain.pd, "nivolumab's PD-axis exposure is untouched")
    }
}

@Suite("Immune-toxicity frailty")
struct ImmuneFrailtyTests {
    @Test("the Gauss–Hermite rule integrates the standard normal's moments and the frailty's mean exactly")
    func quadratureMoments() {
        let rule = ToxicityModel.hermite
        #expect(rule.count == 16)
        #expect(abs(rule.reduce(0) { $0 + $1.w } - 1) < 1e-10)
        #expect(abs(rule.reduce(0) { $0 + $1.w * $1.z * $1.z } - 1) < 1e-10)
        #expect(abs(rule.reduce(0) { $0 + $1.w * pow($1.z, 4) } - 3) < 1e-9)
        var model = ToxicityModel()
        for sigma in [0.5, 1.0, 2.0] {
            model.immuneFrailtyLogSD = sigma
            let mean = rule.reduce(0) { $0 + $1.w * model.susceptibility(normal: $1.z) }
            #expect(abs(mean - 1) < 1e-3, "E[Z] at σ = \(sigma): \(mean)")
        }
    }

    @Test("without frailty the average risk is 1 − exp(−H); with it the risk is lower and grows less with exposure")
    func frailtyFlattensRisk() {
        var model = ToxicityModel()
        for h in [0.01, 0.1, 0.5, 2.0] {
            #expect(abs(model.averageImmuneRisk(cumulativeHazard: h) - (1 - exp(-h))) < 1e-15)
        }
        model.immuneFrailtyLogSD = 1.5
        for h in [0.01, 0.1, 0.5, 2.0] {
            // Jensen: E[1 − exp(−ZH)] < 1 − exp(−E[Z]H) for a non-degenerate Z.
            #expect(model.averageImmuneRisk(cumulativeHazard: h) < 1 - exp(-h))
        }
        let plain = (1 - exp(-0.4)) / (1 - exp(-0.1))
        let frail = model.averageImmuneRisk(cumulativeHazard: 0.4) / model.averageImmuneRisk(cumulativeHazard: 0.1)
        #expect(frail < plain - 0.3, "4× the exposure: risk ratio \(frail) with frailty vs \(plain) without")
    }

    @Test("a patient's susceptibility multiplies the immune-related hazards only")
    func susceptibilityScope() {
        var model = ToxicityModel()
        let before = model.hazards(ToxicityExposure(pd: 0.9, ctla4: 0.5, myelo: 0.4, carrier: 0.1, targeted: 0.2, vaccine: 0.3))
        model.immuneSusceptibility = 3
        let after = model.hazards(ToxicityExposure(pd: 0.9, ctla4: 0.5, myelo: 0.4, carrier: 0.1, targeted: 0.2, vaccine: 0.3))
        let immune = Set(model.organs.map(\.organ))
        for ((organ, h0), (_, h1)) in zip(before, after) {
            if immune.contains(organ) { #expect(abs(h1 - 3 * h0) < 1e-15 * max(1, h0)) } else { #expect(h1 == h0) }
        }
    }
}
