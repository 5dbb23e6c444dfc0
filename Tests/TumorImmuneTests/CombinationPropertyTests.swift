import Testing
import Foundation
import BlockadeTestSupport
@testable import TumorImmune

/// A random regimen text of 1–4 distinct catalogue therapies; carriable drugs are sometimes
/// carried (sometimes ligand-targeted), and two carried drugs sometimes share one carrier.
func randomRegimenText(using rng: inout SeededGenerator) -> String {
    let count = Int.random(in: 1...4, using: &rng)
    let drugs = Array(Drug.catalogue.shuffled(using: &rng).prefix(count))
    var items: [String] = []
    var pendingCoDelivery: String?
    for drug in drugs {
        guard drug.carriable, Double.random(in: 0..<1, using: &rng) < 0.4 else { items.append(drug.id); continue }
        let carrier = Carrier.catalogue.randomElement(using: &rng)!.id
        let targeted = Bool.random(using: &rng) ? ":targeted" : ""
        if let partner = pendingCoDelivery {
            items.append("\(partner)&\(drug.id)@\(carrier)\(targeted)")
            pendingCoDelivery = nil
        } else if Double.random(in: 0..<1, using: &rng) < 0.3 {
            pendingCoDelivery = drug.id
        } else {
            items.append("\(drug.id)@\(carrier)\(targeted)")
        }
    }
    if let partner = pendingCoDelivery { items.append("\(partner)@liposome") }
    return items.joined(separator: "+")
}

/// Every combination goes through the same rate laws: there is no per-combination term, so any
/// mix of catalogue therapies (and carriers) must simulate.
@Suite("Any combination simulates")
struct CombinationPropertyTests {
    static let caseCount = 40
    static let seed: UInt64 = 20_261_129

    struct Case: Sendable, CustomTestStringConvertible {
        var index: Int
        var regimen: String
        var tumor: String
        var testDescription: String { "#\(index) \(tumor): \(regimen)" }
    }

    /// The 40 seeded cases (reproducible: the same seed gives the same regimens).
    static let cases: [Case] = {
        var rng = SeededGenerator(seed: seed)
        return (0..<caseCount).map { k in
            let text = randomRegimenText(using: &rng)
            let tumor = TumorType.catalogue.randomElement(using: &rng)!.id
            return Case(index: k, regimen: text, tumor: tumor)
        }
    }()

    @Test("a random regimen of 1–4 therapies simulates 180 days with finite series", .tags(.slow), .enabled(if: SlowTests.enabled), arguments: cases)
    func randomRegimenSimulates(_ c: Case) throws {
        let regimen = try Regimen(parsing: c.regimen, tumor: c.tumor)
        #expect((1...4).contains(regimen.slots.count))
        let patient = Patient(typical: try TumorType.named(c.tumor))
        let body = { () throws -> Void in
            let r = try simulator(days: 180).run(patient: patient, regimen: regimen)
            #expect(r.returnCode == .success)
            #expect(r.days.last == 180)
            #expect(r.solution.states.allSatisfy { $0.isFinite }, "a species is not finite")
            for (name, values) in [("diameter", r.diameterMM), ("cancer cells", r.cancerCells), ("effector CD8", r.effectorCD8)]
                + r.plasmaConcentration.map({ ("\($0.drug) plasma", $0.values) }) {
                #expect(values.allSatisfy { $0.isFinite }, "\(name) is not finite")
            }
            #expect(r.diameterMM.allSatisfy { $0 >= 0 }, "negative diameter")
        }
        try body()
    }

    @Test("the seeded cases cover every drug class and carrier use")
    func coverage() throws {
        let slots = try Self.cases.flatMap { try Regimen(parsing: $0.regimen, tumor: $0.tumor).slots }
        #expect(Set(slots.map(\.drug.drugClass)).count >= 8, "classes: \(Set(slots.map(\.drug.drugClass)))")
        #expect(slots.contains { $0.carrier != nil })
        #expect(slots.contains { $0.coDeliveryGroup != nil })
    }

    /// Parser property: a regimen written back from its slots' labels parses to the same slots.
    @Test("slot labels joined by '+' parse back to the same slots (seeded random regimens)")
    func labelsRoundTrip() throws {
        var rng = SeededGenerator(seed: Self.seed &+ 1)
        for _ in 0..<500 {
            let text = randomRegimenText(using: &rng)
            let regimen = try Regimen(parsing: text)
            let again = try Regimen(parsing: regimen.slots.map(\.label).joined(separator: "+"))
            #expect(again.slots.map(\.drug.id) == regimen.slots.map(\.drug.id), "\(text)")
            #expect(again.slots.map(\.carrier) == regimen.slots.map(\.carrier), "\(text)")
            #expect(again.slots.map(\.ligandTargeted) == regimen.slots.map(\.ligandTargeted), "\(text)")
            #expect(again.slots.map(\.schedule) == regimen.slots.map(\.schedule), "\(text)")
            // Drugs written with '&' share a co-delivery group; others have none.
            for slot in regimen.slots where slot.coDeliveryGroup != nil {
                #expect(regimen.slots.filter { $0.coDeliveryGroup == slot.coDeliveryGroup }.count == 2, "\(text)")
            }
        }
    }
}
