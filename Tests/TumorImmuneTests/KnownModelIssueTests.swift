import Testing
import Reactions
@testable import TumorImmune

/// Regressions of model bugs found by the tests.
@Suite("Model regressions")
struct KnownModelIssueTests {
    /// A CTLA-4 antibody has two effects on `ctla4-blockade` (lymph node and tumour); their
    /// parameter ids must differ by site or the network cannot compile.
    @Test("every regimen with a CTLA-4 antibody compiles and runs",
          arguments: ["ipilimumab", "tremelimumab", "nivolumab+ipilimumab", "durvalumab+tremelimumab"])
    func ctla4AntibodiesCompile(_ text: String) throws {
        let regimen = try Regimen(parsing: text, tumor: "melanoma")
        var settings = SimulationSettings()
        settings.days = 60
        let r = try Simulator(settings: settings).run(patient: Melanoma.typicalPatient, regimen: regimen)
        #expect(r.returnCode == .success)
    }

    @Test("parameter ids of every catalogue therapy are unique")
    func parameterIDsUnique() {
        let ids = TumorImmuneNetwork(slots: Drug.catalogue.map { DrugSlot(drug: $0) }).parameters.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicates: \(ids.duplicates)")
    }
}
