import Foundation
import Testing
@testable import Trials
import TumorImmune

@Suite("Trial runner and virtual populations")
struct TrialRunnerTests {
    static func config(_ patients: Int = 6, seed: UInt64 = 11, selection: String? = nil) -> TrialConfiguration {
        var c = TrialConfiguration(tumor: "melanoma", selection: selection, arms: ["nivolumab", "placebo"], patients: patients, seed: seed)
        c.horizonDays = 224
        c.attribution = false
        return c
    }

    @Test("the same seed gives byte-identical trial JSON")
    func deterministic() throws {
        let a = try TrialRunner(configuration: Self.config()).run(patients: 0..<6)
        let b = try TrialRunner(configuration: Self.config()).run(patients: 0..<6)
        let ja = try TrialSummary(tumor: "melanoma", selection: nil, seed: 11, arms: a).jsonString()
        let jb = try TrialSummary(tumor: "melanoma", selection: nil, seed: 11, arms: b).jsonString()
        #expect(ja == jb)
    }

    @Test("shards simulated separately and merged equal the unsharded trial, byte for byte")
    func shardsEqualWhole() throws {
        let runner = try TrialRunner(configuration: Self.config())
        let whole = try TrialSummary(tumor: "melanoma", selection: nil, seed: 11, arms: runner.run(patients: 0..<6)).jsonString()
        let shards = try (0..<3).map { i in
            let range = TrialShard.patientRange(index: i, count: 3, total: 6)
            return TrialShard(tumor: "melanoma", selection: nil, seed: 11, patients: 6,
                              shard: .init(index: i, count: 3), arms: try runner.run(patients: range))
        }
        let merged = try TrialShard.merge(shards: shards.reversed()).summary().jsonString()
        #expect(merged == whole)
    }

    @Test("patient i of seed s is always the same patient, and seeds differ")
    func populationIsAFunction() throws {
        let tumor = try TumorType.named("nsclc")
        let population = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 5)
        #expect(population.patient(17).patient == population.patient(17).patient)
        let other = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 6)
        #expect(population.patient(17).patient != other.patient(17).patient)
    }

    @Test("biomarker prevalences follow the population model", arguments: ["nsclc", "melanoma"])
    func prevalences(_ id: String) throws {
        let tumor = try TumorType.named(id)
        let model = PopulationModel.standard(for: tumor)
        let population = VirtualPopulation(model: model, tumor: tumor, seed: 1)
        let tps = (0..<4000).map { population.patient($0).biomarkers["pdl1_tps"] ?? -1 }
        let positive = Double(tps.filter { $0 >= 1 }.count) / 4000, high = Double(tps.filter { $0 >= 50 }.count) / 4000
        #expect(abs(positive - model.pdl1PositiveFraction) < 0.03, "TPS ≥ 1: \(positive)")
        #expect(abs(high - model.pdl1HighFraction) < 0.03, "TPS ≥ 50: \(high)")
    }

    @Test("selection keeps only matching patients and names population indices")
    func selectionApplies() throws {
        let runner = try TrialRunner(configuration: Self.config(selection: "pdl1_tps>=50"))
        let indices = try runner.selectedIndices(0..<5)
        #expect(indices.count == 5)
        for i in indices { #expect((runner.population.patient(i).biomarkers["pdl1_tps"] ?? 0) >= 50) }
    }

    @Test("bad selections are rejected with the problem named",
          arguments: [("pdl1>=50", "unknown attribute"), ("msi=maybe", "msi takes"), ("tmb>=ten", "not a number"),
                      ("tmb>=10 and", "dangling"), ("tmb 10", "no comparison")])
    func badSelections(_ text: String, _ fragment: String) {
        #expect(throws: SelectionError.self) { try Selection(parsing: text) }
        do { _ = try Selection(parsing: text) } catch { #expect(error.description.contains(fragment), "\(error)") }
    }

    @Test("selection logic: 'and' binds tighter than 'or'")
    func selectionLogic() throws {
        let s = try Selection(parsing: "tmb>=10 and pdl1_tps<1 or msi=high")
        #expect(s.matches(["tmb": 12, "pdl1_tps": 0, "msi": 0]))
        #expect(!s.matches(["tmb": 12, "pdl1_tps": 5, "msi": 0]))
        #expect(s.matches(["tmb": 2, "pdl1_tps": 5, "msi": 1]))
    }
}
