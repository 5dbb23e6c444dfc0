import Testing
@testable import BlockadeCLI
import TumorImmune

@Suite("blockade list")
struct ListCommandTests {
    static let expectedNames: [(ListCommand.Topic, [String])] = [
        (.tumors, TumorType.catalogue.map(\.id)),
        (.drugs, Drug.catalogue.map(\.id) + Regimen.controls.sorted()),
        (.regimens, Drug.catalogue.map(\.id)),
        (.carriers, Carrier.catalogue.map(\.id)),
        (.mechanisms, Mechanism.allCases.map(\.rawValue)),
    ]

    @Test("each topic lists every catalogue id", arguments: expectedNames)
    func listsEveryID(_ topic: ListCommand.Topic, _ ids: [String]) {
        let text = ListCommand.render(topic)
        #expect(!ids.isEmpty)
        for id in ids { #expect(text.contains(id), "`list \(topic.rawValue)` does not mention \(id)") }
        #expect(text.hasSuffix("\n"))
    }

    @Test("each tumour and mechanism starts its own line, so the ids can be copied", arguments: [ListCommand.Topic.tumors, .mechanisms])
    func idsStartLines(_ topic: ListCommand.Topic) {
        let firstWords = Set(ListCommand.render(topic).split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let ids = topic == .tumors ? TumorType.catalogue.map(\.id) : Mechanism.allCases.map(\.rawValue)
        for id in ids { #expect(firstWords.contains(id), "\(id) does not start a line") }
    }

    @Test("drug list shows each label schedule, PK, effect and source")
    func drugDetails() {
        let text = ListCommand.render(.drugs)
        for d in Drug.catalogue {
            #expect(text.contains(d.schedule.source), "\(d.id) schedule source missing")
            #expect(text.contains(d.source), "\(d.id) source missing")
            for e in d.effects { #expect(text.contains(e.source), "\(d.id) \(e.channel.rawValue) source missing") }
            // Each id starts its own line, padded to the name column.
            #expect(text.contains("\n" + d.id.padding(toLength: 24, withPad: " ", startingAt: 0) + " " + d.name + "\n"), "\(d.id) line missing")
        }
        for cls in DrugClass.allCases { #expect(text.contains("[\(cls.rawValue)]"), "class \(cls.rawValue) has no heading") }
        #expect(text.contains("    schedule: Yervoy label (3 mg/kg q3w × 4)"))
        #expect(text.contains("    PK: CL 0.2256 L/day, Vc 3.63 L, Vp 2.78 L"), "nivolumab PK line")
    }

    /// Each carrier of the review's Table 1 with its physical parameters and every drawback,
    /// with what the drawback does in the model.
    @Test("carrier list shows all seven carriers with their drawbacks and model effects")
    func carrierDetails() {
        let text = ListCommand.render(.carriers)
        #expect(Carrier.catalogue.count == 7)
        let firstWords = Set(text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        for c in Carrier.catalogue {
            #expect(firstWords.contains(c.id), "\(c.id) does not start a line")
            #expect(text.contains(c.name), "\(c.id) name missing")
            #expect(!c.drawbacks.isEmpty, "\(c.id) lists no drawback")
            for d in c.drawbacks {
                #expect(text.contains("    drawback: \(d.text) → in the model: \(d.modelEffect)\n"), "\(c.id): \(d.text)")
            }
            for a in c.advantages { #expect(text.contains(a), "\(c.id) advantage \(a)") }
        }
        #expect(text.components(separatedBy: "    drawback: ").count - 1 == Carrier.catalogue.map(\.drawbacks.count).reduce(0, +))
        #expect(text.contains("drug@carrier"))
    }

    @Test("the topic argument parses, and an unknown topic is refused")
    func topicParsing() throws {
        #expect(try ListCommand.parse(["mechanisms"]).topic == .mechanisms)
        #expect(throws: (any Error).self) { try ListCommand.parse(["antibodies"]) }
    }
}
