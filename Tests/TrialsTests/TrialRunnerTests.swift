import Foundation
import Testing
import BlockadeTestSupport
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

    @Test("an arm's courses, toxicity draws included, do not depend on the other arms or the arm order")
    func armIndependentOfPosition() throws {
        func arm(_ regimen: String, among arms: [String]) throws -> ArmOutcomes {
            var c = Self.config(40)
            c.arms = arms
            let outcomes = try TrialRunner(configuration: c).run(patients: 0..<40)
            return try #require(outcomes.first { $0.regimen == regimen })
        }
        let alone = try arm("ipilimumab", among: ["ipilimumab"])
        let second = try arm("ipilimumab", among: ["nivolumab", "ipilimumab"])
        let third = try arm("ipilimumab", among: ["placebo", "pembrolizumab", "ipilimumab"])
        // Draws matter here: ipilimumab gives grade ≥ 3 events to some of these 40 patients.
        #expect(alone.outcomes.contains { $0.grade3PlusAdverseEvent })
        let sameAsSecond = second.outcomes == alone.outcomes, sameAsThird = third.outcomes == alone.outcomes
        #expect(sameAsSecond, "ipilimumab's courses changed when it became the second of two arms")
        #expect(sameAsThird, "ipilimumab's courses changed when it became the third of three arms")
    }

    @Test("patient i of seed s is always the same patient, and seeds differ")
    func populationIsAFunction() throws {
        let tumor = try TumorType.named("nsclc")
        let population = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 5)
        #expect(population.patient(17).patient == population.patient(17).patient)
        let other = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 6)
        #expect(population.patient(17).patient != other.patient(17).patient)
    }

    @Test("measured PD-L1 prevalences follow the population model", .tags(.slow), .enabled(if: SlowTests.enabled), arguments: ["nsclc", "melanoma"])
    func prevalences(_ id: String) throws {
        let runner = try TrialRunner(configuration: TrialConfiguration(tumor: id, selection: "pdl1_tps>=0", arms: ["placebo"], patients: 1, seed: 1))
        let model = runner.population.model
        let n = 1500
        let tps = try parallelMap(count: n) { try runner.patient($0).biomarkers["pdl1_tps"] ?? -1 }
        let positive = Double(tps.filter { $0 >= 1 }.count) / Double(n), high = Double(tps.filter { $0 >= 50 }.count) / Double(n)
        // 3.5 points is about 3 binomial SE at 1,500 patients.
        #expect(abs(positive - model.pdl1PositiveFraction) < 0.035, "TPS ≥ 1: \(positive)")
        #expect(abs(high - model.pdl1HighFraction) < 0.035, "TPS ≥ 50: \(high)")
        #expect(tps.allSatisfy { (0...100).contains($0) })
    }

    @Test("TPS reads the constitutive draw alone at adaptive weight 0, and baseline IFN-γ at a high weight", .tags(.slow), .enabled(if: SlowTests.enabled))
    func assayWeights() throws {
        let tumor = try TumorType.named("nsclc")
        func measured(_ weight: Double) throws -> (runner: TrialRunner, patients: [VirtualPatient]) {
            var model = PopulationModel.standard(for: tumor)
            model.pdl1AdaptiveWeight = weight
            let runner = try TrialRunner(configuration: TrialConfiguration(tumor: "nsclc", selection: "pdl1_tps>=0", arms: ["placebo"], patients: 1, seed: 3),
                                         populationModel: model)
            return (runner, try parallelMap(count: 300) { try runner.patient($0) })
        }
        // Weight 0: the measured TPS is the constitutive TPS behind pdl1_base = 0.2 + 1.6 × TPS / 100,
        // up to the reference sample's placement of the thresholds (ranks move by ≤ 1 / 1,000 + sampling).
        let (_, constitutive) = try measured(0)
        var agree = 0
        for vp in constitutive {
            let fromBase = (vp.patient.pdl1 - 0.2) / 1.6 * 100
            let tps = vp.biomarkers["pdl1_tps"]!
            if (fromBase < 1) == (tps < 1) && (fromBase < 50) == (tps < 50) { agree += 1 }
        }
        #expect(agree >= 285, "\(agree) of 300 patients in the same TPS band as their constitutive expression")
        // Weight 0.95: TPS ≥ 50 patients carry far more IFN-γ at baseline than TPS < 1 patients.
        let (runner, adaptive) = try measured(0.95)
        func meanLogIFN(_ band: (Double) -> Bool) throws -> Double {
            let chosen = adaptive.filter { band($0.biomarkers["pdl1_tps"]!) }
            let logs = try chosen.map { PDL1Assay.logIFN(try runner.enrollment.patient($0.index).baseline) }
            return logs.reduce(0, +) / Double(max(logs.count, 1))
        }
        let high = try meanLogIFN { $0 >= 50 }, negative = try meanLogIFN { $0 < 1 }
        #expect(high > negative + 1, "mean log IFN-γ: TPS ≥ 50 \(high), TPS < 1 \(negative)")
    }

    @Test("selection keeps only matching patients and names population indices", .tags(.slow), .enabled(if: SlowTests.enabled))
    func selectionApplies() throws {
        let runner = try TrialRunner(configuration: Self.config(selection: "pdl1_tps>=50"))
        let indices = try runner.selectedIndices(0..<5)
        #expect(indices.count == 5)
        for i in indices { #expect((try runner.patient(i).biomarkers["pdl1_tps"] ?? 0) >= 50) }
        // The same patients when screened for a later block of selected patients; the screening
        // callback ends with every requested patient found, after at least as many candidates.
        var last = (screened: 0, selected: 0)
        #expect(try runner.selectedIndices(2..<5, screened: { last = ($0, $1) }) == Array(indices[2...]))
        #expect(last.selected == 3 && last.screened > indices[4])
    }

    @Test("bad selections are rejected with the problem named",
          arguments: [("pdl1>=50", "unknown attribute"), ("msi=maybe", "msi takes"), ("tmb>=ten", "not a number"),
                      ("tmb>=10 and", "dangling"), ("tmb 10", "no comparison")])
    func badSelections(_ text: String, _ fragment: String) {
        #expect(throws: SelectionError.self) { try Selection(parsing: text) }
        do { _ = try Selection(parsing: text) } catch { #expect(error.description.contains(fragment), "\(error)") }
    }

    @Test("spaces around comparisons and upper case read the same as the compact form")
    func selectionSpellings() throws {
        let compact = try Selection(parsing: "tmb>=10 and pdl1_tps<1 or msi=high")
        let spaced = try Selection(parsing: "  TMB >= 10  AND pdl1_tps< 1 Or msi = HIGH ")
        #expect(spaced.groups == compact.groups)
        // Errors quote the user's own spelling, not a lower-cased copy.
        do { _ = try Selection(parsing: "pdl1_tps >= 5O"); Issue.record("'5O' accepted as a number") } catch {
            #expect(error.description.contains("'5O' is not a number"), "\(error)")
        }
    }

    @Test("selection logic: 'and' binds tighter than 'or'")
    func selectionLogic() throws {
        let s = try Selection(parsing: "tmb>=10 and pdl1_tps<1 or msi=high")
        #expect(s.matches(["tmb": 12, "pdl1_tps": 0, "msi": 0]))
        #expect(!s.matches(["tmb": 12, "pdl1_tps": 5, "msi": 0]))
        #expect(s.matches(["tmb": 2, "pdl1_tps": 5, "msi": 1]))
    }
}

@Suite("Trial entry")
struct EnrollmentTests {
    /// An RCC population with half the standard mechanism levels: many raw draws are in immune
    /// control at baseline and would shrink untreated.
    static func regressiveModel() throws -> PopulationModel {
        var model = PopulationModel.standard(for: try TumorType.named("rcc"))
        for (k, v) in model.mechanismMedians { model.mechanismMedians[k] = v / 2 }
        return model
    }

    @Test("enrolled patients' untreated tumours grow to the first scan; rejected draws would have shrunk")
    func growingDisease() throws {
        var config = TrialConfiguration(tumor: "rcc", selection: nil, arms: ["placebo"], patients: 80, seed: 5)
        config.horizonDays = 224
        config.attribution = false
        let runner = try TrialRunner(configuration: config, populationModel: try Self.regressiveModel())
        let outcomes = try runner.run(patients: 0..<80)[0].outcomes
        #expect(outcomes.count == 80)
        // The course's first scan (day 56) sees the growth the entry check measured.
        #expect(outcomes.allSatisfy { ($0.scanPercentChange.first ?? 0) >= -1e-3 })
        #expect(outcomes.count { [.completeResponse, .partialResponse].contains($0.bestResponse) } <= 2, "placebo responses")
        // Some patients were redrawn, and their first draw fails the check.
        let enrolled = try (0..<80).map { try runner.enrollment.patient($0) }
        let redrawn = enrolled.filter { $0.vp.draw > 0 }
        #expect(redrawn.count >= 5, "\(redrawn.count) of 80 patients redrawn")
        for (vp, _) in redrawn.prefix(3) {
            let first = runner.population.patient(vp.index)
            let model = runner.enrollment.control.with(first.patient)
            let baseline = try runner.simulator.baselineState(model: model, patient: first.patient)
            #expect(try runner.simulator.untreatedVolumeRatio(model: model, baseline: baseline, days: Enrollment.windowDays) < 1)
        }
        // Patient i is the same whichever way it is reached.
        #expect(try runner.patient(17).patient == enrolled[17].vp.patient)
    }
}

/// Counterfactual courses stop once their verdict is decided; the attribution must not change.
@Suite("Counterfactual attribution stopped early")
struct CounterfactualEarlyStopTests {
    @Test("the same mechanisms drive resistance whether counterfactual courses stop early or run to the horizon",
          .tags(.slow), .enabled(if: SlowTests.enabled), arguments: [("melanoma", "nivolumab"), ("nsclc", "pembrolizumab+platinum-doublet")])
    func sameDrivers(tumor: String, arm: String) throws {
        let config = TrialConfiguration(tumor: tumor, selection: nil, arms: [arm], patients: 60, seed: 5)
        let early = try TrialRunner(configuration: config, populations: .shipped())
        var full = early
        full.counterfactualsStopEarly = false
        let a = try early.run(patients: 0..<60), b = try full.run(patients: 0..<60)
        let resistant = b[0].outcomes.filter { $0.resistance != .none }
        #expect(resistant.count >= 10, "too few resistant patients (\(resistant.count)) for the comparison to mean anything")
        #expect(resistant.contains { !$0.drivingMechanisms.isEmpty }, "no patient had a driving mechanism")
        #expect(resistant.contains { $0.resistance == .acquired }, "no acquired resistance among the patients")
        #expect(a[0].outcomes.map(\.drivingMechanisms) == b[0].outcomes.map(\.drivingMechanisms))
        #expect(a[0].outcomes.map(\.pfsDays) == b[0].outcomes.map(\.pfsDays))
    }
}

@Suite("Population sources")
struct PopulationSourceTests {
    @Test("a calibrated file without the tumour type is refused, naming what it fits")
    func missingTumourIsAnError() throws {
        var file = try CalibratedPopulations.shipped()
        file.populations.removeAll { $0.tumor == "melanoma" }
        let config = TrialConfiguration(tumor: "melanoma", selection: nil, arms: ["nivolumab"], patients: 1, seed: 1)
        #expect(throws: BlockadeError.self) { try TrialRunner(configuration: config, populations: .calibrated(file)) }
        do {
            _ = try TrialRunner(configuration: config, populations: .calibrated(file))
        } catch {
            #expect("\(error)".contains("no population for 'melanoma'") && "\(error)".contains("nsclc"))
        }
        _ = try TrialRunner(configuration: config, populations: .standard)
    }
}

@Suite("Random draws keyed by name")
struct KeyedDrawTests {
    @Test("the main stream holds the first catalogue's knobs, once each and in their order, so the shipped populations are unchanged")
    func mainStreamCoversToday() {
        #expect(VirtualPopulation.mainStreamMechanisms.count == Set(VirtualPopulation.mainStreamMechanisms).count)
        // The list that drew every shipped patient; adding a knob to the model must not change it.
        #expect(VirtualPopulation.mainStreamMechanisms.map(\.rawValue) == [
            "low-antigenicity", "antigen-presentation-loss", "chemokine-silencing", "mdsc-suppression", "treg-suppression",
            "m2-macrophages", "compensatory-checkpoints", "stromal-barrier", "t-cell-exhaustion", "acquired-antigen-loss",
        ])
        #expect(Set(VirtualPopulation.mainStreamMechanisms).isSubset(of: Mechanism.allCases))
    }

    @Test("a keyed draw depends on its name and patient only, and is standard normal")
    func keyedDraws() {
        let a = VirtualPopulation.keyedNormal("new-mechanism", seed: 3, index: 7, draw: 0)
        #expect(a == VirtualPopulation.keyedNormal("new-mechanism", seed: 3, index: 7, draw: 0))
        #expect(a != VirtualPopulation.keyedNormal("other-mechanism", seed: 3, index: 7, draw: 0))
        #expect(a != VirtualPopulation.keyedNormal("new-mechanism", seed: 3, index: 8, draw: 0))
        let draws = (0..<20_000).map { VirtualPopulation.keyedNormal("new-mechanism", seed: 1, index: $0, draw: 0) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05, "mean \(mean), variance \(variance)")
    }
}

@Suite("Shipped populations file")
struct ShippedPopulationsFormTests {
    @Test("the shipped data file is byte for byte what calibrate writes, so a refit's diff shows only what changed")
    func canonicalForm() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Trials/Resources/populations.json").standardizedFileURL
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("populations-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: copy) }
        try CalibratedPopulations.write(try CalibratedPopulations.load(contentsOf: url), to: copy)
        #expect(try Data(contentsOf: copy) == Data(contentsOf: url))
    }
}
