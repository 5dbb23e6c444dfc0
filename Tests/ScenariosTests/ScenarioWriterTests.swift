import Foundation
import Testing
import TumorImmune
@testable import Scenarios

/// An exported scenario reads back to the regimens it was written from: the same drugs, carriers
/// and co-delivery groups, and schedules that give the same administrations (day and dose, bit for
/// bit), first dose and end of treatment — everything a simulation reads from a slot.
@Suite("Scenario export round trip")
struct ScenarioWriterTests {
    /// Every therapy of the catalogue alone, and each carriable one in every carrier.
    static let single: [String] = Drug.catalogue.map(\.id)
        + Drug.catalogue.filter(\.carriable).flatMap { d in Carrier.catalogue.map { "\(d.id)@\($0.id)" } }

    /// Combinations whose label schedules depend on partners and tumour, and co-delivery.
    static let combinations: [(tumor: String, regimen: String)] = [
        ("melanoma", "nivolumab+ipilimumab"), ("rcc", "nivolumab+ipilimumab"), ("nsclc", "nivolumab+ipilimumab"),
        ("hcc", "durvalumab+tremelimumab"), ("melanoma", "nivolumab+relatlimab"), ("endometrial", "dostarlimab"),
        ("tnbc", "doxorubicin&entinostat@liposome:targeted+nivolumab"), ("nsclc", "radiotherapy+durvalumab"),
        ("melanoma", "t-vec+gp100+gm-csf+ipilimumab"), ("urothelial", "enfortumab-vedotin+car-t+tazemetostat"),
        ("nsclc", "placebo"),
    ]

    static func expectSameEffect(_ a: Regimen, _ b: Regimen, _ context: String) {
        #expect(a.name == b.name, "\(context)")
        #expect(a.slots.count == b.slots.count, "\(context)")
        for (x, y) in zip(a.slots, b.slots) {
            #expect(x.drug == y.drug && x.carrier == y.carrier && x.ligandTargeted == y.ligandTargeted && x.coDeliveryGroup == y.coDeliveryGroup, "\(context)")
            let gx = x.schedule.administrations(horizon: 3650), gy = y.schedule.administrations(horizon: 3650)
            #expect(gx.map(\.day) == gy.map(\.day) && gx.map(\.doseMg) == gy.map(\.doseMg), "\(context): \(x.label)")
            #expect(x.schedule.maxDays == y.schedule.maxDays, "\(context): \(x.label)")
            #expect(x.schedule.phases.first?.doseMg == y.schedule.phases.first?.doseMg, "\(context): \(x.label)")
            let cx = x.schedule.continuousInput(horizon: 3650), cy = y.schedule.continuousInput(horizon: 3650)
            if x.drug.route == .oral {
                #expect(cx.map(\.start) == cy.map(\.start) && cx.map(\.end) == cy.map(\.end) && cx.map(\.mgPerDay) == cy.map(\.mgPerDay), "\(context): \(x.label)")
            }
        }
    }

    static func roundTrip(tumor: String, regimens: [String]) throws {
        let type = try TumorType.named(tumor)
        let original = try regimens.map { try Regimen(parsing: $0, tumor: tumor) }
        let text = ScenarioWriter.yaml(tumor: type, regimens: original, command: "test")
        let read = try Scenario(yaml: text, file: "export.yaml")
        #expect(read.tumor == type)
        #expect(read.arms.count == original.count)
        for (a, b) in zip(original, read.arms.map(\.regimen)) { expectSameEffect(a, b, "\(tumor) \(a.name)") }
    }

    @Test("every therapy of the catalogue, alone and in every carrier", arguments: single)
    func singleTherapy(_ regimen: String) throws {
        try Self.roundTrip(tumor: "melanoma", regimens: [regimen])
    }

    @Test("label combinations, co-delivery and control arms", arguments: combinations.indices)
    func combination(_ k: Int) throws {
        let c = Self.combinations[k]
        try Self.roundTrip(tumor: c.tumor, regimens: [c.regimen])
    }

    @Test("several arms in one file keep their order and names")
    func severalArms() throws {
        try Self.roundTrip(tumor: "melanoma", regimens: ["nivolumab", "ipilimumab", "Nivolumab+Ipilimumab", "placebo"])
    }

    @Test("a custom schedule written back reads the same (start day, break, days)")
    func customSchedules() throws {
        let s = try scenario("""
            tumor: nsclc
            arms:
              - name: custom
                drugs:
                  - drug: nivolumab
                    start_day: 5
                    phases:
                      - {dose_mg: 240, every_days: 14, doses: 6}
                      - break_days: 28
                      - {dose_mg: 480, every_days: 28}
                  - drug: radiotherapy-sbrt
                    dose_gy: 8
                    days: [21, 22, 23]
                  - drug: axitinib
                    phases:
                      - {dose_mg: 10, every_days: 1, doses: 28}
                      - break_days: 14
                      - {dose_mg: 10, every_days: 1}
            """)
        let text = ScenarioWriter.yaml(tumor: s.tumor, regimens: s.arms.map(\.regimen), command: "test")
        let again = try Scenario(yaml: text, file: "again.yaml")
        Self.expectSameEffect(s.arms[0].regimen, again.arms[0].regimen, "custom")
    }
}
