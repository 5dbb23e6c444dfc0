import Testing
import Reactions
@testable import TumorImmune

/// Effects of several drugs on one channel combine by fixed rules only: Bliss independence for
/// fractional channels (fraction left = Π(1 − eᵢ)), sums for rate channels.
@Suite("Effects combine by Bliss independence or by sums")
struct EffectCombinationTests {
    /// Channel effects with the tumour amount (nmol) of each slot set; tumour volume 0.1 L.
    static func effects(_ network: TumorImmuneNetwork, tumourNanomol: [Double]) throws -> TumorImmuneNetwork.Effects<Double> {
        let model = try CompiledNetwork(network)
        var x = Array(model.initialState)
        for (k, amount) in tumourNanomol.enumerated() where hasPK(network, k) {
            x[network.centralIndex(slot: k) + 2] = amount
        }
        let p = Array(model.parameterValues)
        return x.withUnsafeBufferPointer { xb in p.withUnsafeBufferPointer { pb in network.effects(x: xb, p: pb, volume: 0.1) } }
    }

    /// Whether slot `k` is a drug with plasma pharmacokinetics.
    static func hasPK(_ network: TumorImmuneNetwork, _ k: Int) -> Bool {
        if case .drug = network.therapies[k] { return true }
        return false
    }

    static func network(_ ids: [String]) throws -> TumorImmuneNetwork {
        TumorImmuneNetwork(slots: try ids.map { DrugSlot(drug: try Drug.named($0)) })
    }

    @Test("two PD-1 antibodies: the unblocked fraction is the product of each one's")
    func blissForFractionalChannels() throws {
        let pair = try Self.network(["nivolumab", "pembrolizumab"])
        let amounts = [0.01, 0.002]
        let both = try Self.effects(pair, tumourNanomol: amounts)
        let first = try Self.effects(pair, tumourNanomol: [amounts[0], 0])
        let second = try Self.effects(pair, tumourNanomol: [0, amounts[1]])
        #expect(first.freePD1 < 1 && second.freePD1 < 1 && first.freePD1 > 0.05 && second.freePD1 > 0.05, "premise: partial occupancy")
        #expect(abs(both.freePD1 - first.freePD1 * second.freePD1) < 1e-14)
        // Occupancy is E = C/(C + Kd) at the tumour concentration (γ_T = 0.522 of 0.1 L).
        let nivolumab = try Drug.named("nivolumab")
        let c = amounts[0] / (0.522 * 0.1)
        #expect(abs((1 - first.freePD1) - c / (c + nivolumab.effects[0].ec50)) < 1e-14)
    }

    @Test("two cytotoxic drugs: kill rates add")
    func sumForRateChannels() throws {
        let pair = try Self.network(["doxorubicin", "docetaxel"])
        let amounts = [20.0, 30.0]
        let both = try Self.effects(pair, tumourNanomol: amounts)
        let first = try Self.effects(pair, tumourNanomol: [amounts[0], 0])
        let second = try Self.effects(pair, tumourNanomol: [0, amounts[1]])
        #expect(first.cytotoxic > 0 && second.cytotoxic > 0)
        #expect(abs(both.cytotoxic - (first.cytotoxic + second.cytotoxic)) < 1e-14)
        // Immunogenic death is fractional: Bliss again.
        #expect(abs(both.icdLeft - first.icdLeft * second.icdLeft) < 1e-14)
    }

    /// Every fractional channel stays in [0, 1] however many drugs act on it.
    @Test("fractional channels stay within [0, 1] with every catalogue drug at high exposure")
    func fractionsBounded() throws {
        let all = TumorImmuneNetwork(slots: Drug.catalogue.filter { !["ipilimumab", "tremelimumab"].contains($0.id) }.map { DrugSlot(drug: $0) })
        let amounts = all.slots.indices.map { Self.hasPK(all, $0) ? 1e6 : 0 }
        let e = try Self.effects(all, tumourNanomol: amounts)
        for (name, left) in [("PD-1", e.freePD1), ("PD-L1", e.freePDL1), ("growth", e.growthLeft), ("silencing", e.silencingLeft),
                             ("MHC loss", e.mhcLossLeft), ("normalisation", e.normalisationLeft), ("ICD", e.icdLeft)] {
            #expect((0...1).contains(left), "\(name) fraction left \(left)")
        }
    }
}

@Suite("Direct drug sensitivity")
struct DirectSensitivityTests {
    @Test("cytotoxic, targeted and antiangiogenic drugs and the oncolytic virus have a direct sensitivity; checkpoint antibodies and vaccines do not")
    func whichDrugs() throws {
        func sensitive(_ id: String) throws -> Bool { DrugSlot(drug: try Drug.named(id)).hasDirectSensitivity }
        for id in ["docetaxel", "sunitinib", "cetuximab", "t-vec", "enfortumab-vedotin"] { #expect(try sensitive(id), "\(id)") }
        for id in ["nivolumab", "ipilimumab", "gp100"] { #expect(try !sensitive(id), "\(id)") }
    }
}
