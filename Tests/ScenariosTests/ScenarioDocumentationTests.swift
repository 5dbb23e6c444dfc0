import Foundation
import Testing
import TumorImmune
@testable import Scenarios

/// docs/SCENARIOS.md documents the format the reader accepts: every key, every dose unit.
@Suite("Scenario format documentation")
struct ScenarioDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every key the reader accepts or reserves is in docs/SCENARIOS.md")
    func everyKey() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/SCENARIOS.md"), encoding: .utf8)
        for section in ScenarioKeys.all {
            for key in section.allowed + section.reserved.keys.sorted() {
                #expect(doc.contains("`\(key)`"), "\(key) (\(section.what)) is not documented")
            }
        }
        for unit in DoseUnit.allCases { #expect(doc.contains(unit.symbol), "unit \(unit.symbol)") }
        #expect(doc.contains(YAMLNumber.text(Scenario.defaultBodyWeightKg) + " kg") && doc.contains(YAMLNumber.text(Scenario.defaultBodySurfaceM2) + " m²"))
    }
}
