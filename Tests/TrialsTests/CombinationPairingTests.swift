import Foundation
import Testing
import BlockadeTestSupport
import TumorImmune
@testable import Trials

/// Combination arms are predictions from mechanism and pharmacology, so every pairing of
/// the calibrated modalities must run, and no parameter may belong to a combination.
@Suite("Combinations of the calibrated modalities")
struct CombinationPairingTests {
    static let file = try? CalibratedPopulations.shipped()

    /// The drugs the shipped data file calibrates: those with a toxicity factor and those with a
    /// fitted sensitivity in some tumour type.
    static let modalities: [String] = {
        var ids = Set(file?.toxicity?.drugScales?.keys.map { $0 } ?? [])
        for p in file?.populations ?? [] { ids.formUnion(p.drugSensitivity.keys) }
        return ids.sorted()
    }()

    @Test("the shipped data file has no parameter keyed by a combination")
    func noCombinationParameter() throws {
        #expect(Self.modalities.count >= 20, "the data file calibrates \(Self.modalities.count) drugs")
        for id in Self.modalities {
            let regimen = try Regimen(parsing: id)
            #expect(regimen.slots.count == 1, "'\(id)' is one drug, not a combination")
        }
    }

    /// Each modality paired with every later one (arguments, so the pairs run in parallel).
    @Test("every pair of calibrated modalities runs as one arm, in a tumour type where one of them was fitted, with finite outcomes", .tags(.slow), .enabled(if: SlowTests.enabled),
          arguments: modalities.indices)
    func everyPairRuns(first i: Int) throws {
        let file = try #require(Self.file)
        func tumor(for drug: String) -> PopulationModel? { file.populations.first { $0.drugSensitivity[drug] != nil } }
        let a = Self.modalities[i]
        for b in Self.modalities[(i + 1)...] {
            let model = try #require(tumor(for: a) ?? tumor(for: b) ?? file.populations.first { $0.tumor == "nsclc" })
            var config = TrialConfiguration(tumor: model.tumor, selection: nil, arms: ["\(a)+\(b)"], patients: 1, seed: 9)
            config.horizonDays = 112
            config.attribution = false
            config.toxicityCalibration = file.toxicity
            let arms = try TrialRunner(configuration: config, populationModel: model).run(patients: 0..<1)
            #expect(arms.map(\.regimen) == ["\(a)+\(b)"])
            let o = try #require(arms.first?.outcomes.first, "\(a)+\(b) in \(model.tumor) gave no outcome")
            #expect(o.pfsDays.isFinite && o.pfsDays > 0 && o.bestPercentChange.isFinite && o.treatmentEndDay.isFinite,
                    "\(a)+\(b) in \(model.tumor): PFS \(o.pfsDays), best change \(o.bestPercentChange)")
        }
    }
}
