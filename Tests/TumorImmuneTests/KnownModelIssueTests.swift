import Testing
import Reactions
@testable import TumorImmune

/// Model bugs found by the tests, kept as expectations of the right behaviour inside
/// `withKnownIssue`: each passes while the bug is there and fails once it is fixed (the known
/// issue is no longer recorded), which is the signal to drop the wrapper and the workarounds.
@Suite("Known model issues")
struct KnownModelIssueTests {
    /// A CTLA-4 antibody has two effects on `ctla4-blockade` (lymph node and tumour), and the emax
    /// parameter id omits the site, so both are `<drug>_ctla4_blockade_emax` and
    /// `CompiledNetwork` refuses the network: every regimen with ipilimumab or tremelimumab throws.
    @Test("every regimen with a CTLA-4 antibody compiles and runs",
          arguments: ["ipilimumab", "tremelimumab", "nivolumab+ipilimumab", "durvalumab+tremelimumab"])
    func ctla4AntibodiesCompile(_ text: String) throws {
        let regimen = try Regimen(parsing: text, tumor: "melanoma")
        withKnownIssue("duplicate parameter id <drug>_ctla4_blockade_emax") {
            var settings = SimulationSettings()
            settings.days = 60
            let r = try Simulator(settings: settings).run(patient: Melanoma.typicalPatient, regimen: regimen)
            #expect(r.returnCode == .success)
        }
    }

    @Test("parameter ids of every catalogue therapy are unique")
    func parameterIDsUnique() {
        let ids = TumorImmuneNetwork(slots: Drug.catalogue.map { DrugSlot(drug: $0) }).parameters.map(\.id)
        withKnownIssue("ipilimumab/tremelimumab ctla4_blockade_emax appear twice") {
            #expect(Set(ids).count == ids.count, "duplicates: \(ids.duplicates)")
        }
    }
}
