import Testing
@testable import BlockadeCLI
import TumorImmune

@Suite("blockade list")
struct ListCommandTests {
    static let expectedNames: [(ListCommand.Topic, [String])] = [
        (.tumors, TumorType.catalogue.map(\.id)),
        (.drugs, Antibody.catalogue.map(\.id) + Regimen.controls.sorted()),
        (.regimens, Antibody.catalogue.map(\.id)),
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

    @Test("drug list shows each label schedule and PK source")
    func drugDetails() {
        let text = ListCommand.render(.drugs)
        for a in Antibody.catalogue {
            #expect(text.contains(a.schedule.source), "\(a.id) schedule source missing")
            #expect(text.contains("Kd \(a.kdNanomolar) nM"), "\(a.id) Kd missing")
        }
        #expect(text.contains("ipilimumab     anti-CTLA-4, 240 mg every 21 days × 4"))
    }

    @Test("the topic argument parses, and an unknown topic is refused")
    func topicParsing() throws {
        #expect(try ListCommand.parse(["mechanisms"]).topic == .mechanisms)
        #expect(throws: (any Error).self) { try ListCommand.parse(["antibodies"]) }
    }
}
