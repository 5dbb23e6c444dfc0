import Testing
import Foundation
@testable import TumorImmune

@Suite("Model documentation")
struct ModelDocumentationTests {
    static let regenerate = "regenerate it with `swift run blockade export model-doc -o docs/MODEL.md` and commit it"

    /// `docs/MODEL.md` is generated from the code; a change to the model must come with the new file.
    @Test("docs/MODEL.md is the generated model document")
    func committedDocumentIsFresh() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/MODEL.md")
        let committed = try #require(try? String(contentsOf: url, encoding: .utf8), "\(url.path) is missing: \(Self.regenerate)")
        let generated = ModelDocumentation.markdown()
        if committed != generated {
            let a = committed.split(separator: "\n", omittingEmptySubsequences: false)
            let b = generated.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                docs/MODEL.md is out of date (first difference at line \(line + 1)): \(Self.regenerate).
                committed: \(line < a.count ? String(a[line]) : "<end of file>")
                generated: \(line < b.count ? String(b[line]) : "<end of file>")
                """)
        }
    }

    @Test("the document names every parameter, every drug and every knob")
    func documentComplete() {
        let text = ModelDocumentation.markdown()
        for p in TumorImmuneParameters.table { #expect(text.contains(p.id), "\(p.id) missing") }
        // A therapy is named by its id or, in SBML ids, by its SBML-safe id (`car-t` → `car_t_blood`).
        for d in Drug.catalogue { #expect(text.contains(d.id) || text.contains("`\(d.sid)_"), "\(d.id) missing") }
        for c in Carrier.catalogue { #expect(text.contains("`\(c.id)`"), "carrier \(c.id) missing") }
        // The carried example shows the carrier machinery (encapsulated pools, EPR uptake).
        #expect(text.contains("doxorubicin_liposome_enc_C") && text.contains("doxorubicin_liposome_epr_uptake"))
        for m in Mechanism.allCases { #expect(text.contains("`\(m.rawValue)`"), "\(m.rawValue) missing") }
    }
}
