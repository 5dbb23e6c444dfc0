import Testing
@testable import TumorImmune

/// The regimen grammar: `a+b`, `drug@carrier`, `drug@carrier:targeted`, `a&b@carrier`.
@Suite("Regimen grammar")
struct RegimenGrammarTests {
    @Test("carriers, ligand targeting and co-delivery parse into slots")
    func goodRegimens() throws {
        let carried = try Regimen(parsing: "doxorubicin@liposome")
        #expect(carried.slots.count == 1)
        #expect(carried.slots[0].carrier?.id == "liposome" && !carried.slots[0].ligandTargeted)
        #expect(carried.slots[0].label == "doxorubicin@liposome")
        let targeted = try Regimen(parsing: "Doxorubicin@Liposome:Targeted")
        #expect(targeted.slots[0].ligandTargeted && targeted.slots[0].label == "doxorubicin@liposome:targeted")
        let r = try Regimen(parsing: "doxorubicin&entinostat@polymeric+nivolumab+docetaxel&azacitidine@hybrid")
        #expect(r.slots.map(\.label) == ["doxorubicin@polymeric", "entinostat@polymeric", "nivolumab", "docetaxel@hybrid", "azacitidine@hybrid"])
        let groups = r.slots.map(\.coDeliveryGroup)
        #expect(groups[0] != nil && groups[0] == groups[1] && groups[2] == nil && groups[3] != nil && groups[3] == groups[4])
        #expect(groups[0] != groups[3], "two co-deliveries share one group")
        #expect(try Regimen(parsing: "placebo+nivolumab").slots.map(\.drug.id) == ["nivolumab"])
    }

    @Test("an unknown drug is named, with the valid drugs", arguments: ["aspirin", "doxorubicin+aspirin", "aspirin@liposome", "doxorubicin&aspirin@liposome"])
    func unknownDrug(_ text: String) {
        #expect(throws: BlockadeError.unknownName(kind: "drug", name: "aspirin", valid: Drug.catalogue.map(\.id) + Regimen.controls.sorted())) {
            try Regimen(parsing: text)
        }
    }

    @Test("an unknown carrier is named, and the error lists the valid carriers")
    func unknownCarrier() throws {
        let expected = BlockadeError.unknownName(kind: "carrier", name: "micelle", valid: Carrier.catalogue.map(\.id))
        #expect(throws: expected) { try Regimen(parsing: "doxorubicin@micelle") }
        #expect(throws: expected) { try Carrier.named("micelle") }
        for c in Carrier.catalogue { #expect(expected.description.contains(c.id)) }
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var text: String
        var mentions: [String]
        var testDescription: String { "'\(text)'" }
    }

    static let invalid: [BadCase] = [
        BadCase(text: "nivolumab@liposome", mentions: ["nivolumab", "cannot be loaded into a liposome", "carriable drugs", "doxorubicin"]),
        BadCase(text: "bevacizumab@protein", mentions: ["bevacizumab", "cannot be loaded"]),
        BadCase(text: "t-vec@liposome", mentions: ["t-vec", "cannot be loaded"]),
        BadCase(text: "doxorubicin&entinostat", mentions: ["co-delivery", "needs a carrier", "doxorubicin&entinostat@liposome"]),
        BadCase(text: "doxorubicin+doxorubicin", mentions: ["doxorubicin twice"]),
        BadCase(text: "doxorubicin+doxorubicin@liposome", mentions: ["doxorubicin twice"]),
        BadCase(text: "doxorubicin&doxorubicin@liposome", mentions: ["doxorubicin twice"]),
        BadCase(text: "nivolumab+", mentions: ["empty component"]),
        BadCase(text: "+nivolumab", mentions: ["empty component"]),
        BadCase(text: "", mentions: ["empty component"]),
        BadCase(text: "nivolumab++doxorubicin", mentions: ["empty component"]),
        BadCase(text: "&doxorubicin@liposome", mentions: ["empty drug name"]),
        BadCase(text: "doxorubicin&@liposome", mentions: ["empty drug name"]),
        BadCase(text: "doxorubicin@liposome@niosome", mentions: ["more than one '@'"]),
    ]

    @Test("malformed regimens are invalid arguments that quote the regimen", arguments: invalid)
    func invalidRegimen(_ c: BadCase) {
        #expect {
            try Regimen(parsing: c.text)
        } throws: { error in
            guard case let .invalidArgument(message) = error as? BlockadeError else { return false }
            return message.contains("'\(c.text)'") && c.mentions.allSatisfy { message.contains($0) }
        }
    }
}
