import Foundation
import Testing
import BlockadeTestSupport
import TumorImmune
@testable import Calibration
@testable import Trials

@Suite("Bounded 1-D search")
struct ScanSearchTests {
    @Test("finds the minimum of a smooth function inside the interval")
    func smoothMinimum() {
        let r = ScanSearch(scanPoints: 7, refinements: 12).minimize(lower: -4, upper: 6) { x in (x - 1.3) * (x - 1.3) + 2 }
        #expect(abs(r.x - 1.3) < 0.02, "found \(r.x)")
        #expect(abs(r.value - ((r.x - 1.3) * (r.x - 1.3) + 2)) < 1e-12, "the value is the function at the returned point")
        #expect(r.evaluations == 7 + 12)
    }

    @Test("a step-shaped objective with a flat start is crossed by the scan")
    func stepObjective() {
        // Zero responders below 2 (flat loss), then the loss falls towards 3.5: a local search from
        // the lower end would not move.
        let f = { (x: Double) -> Double in x < 2 ? 100 : (x - 3.5).rounded(.down) * (x - 3.5).rounded(.down) }
        let r = ScanSearch().minimize(lower: 0, upper: 6, f)
        #expect(r.value == 0 && r.x >= 3.5 && r.x < 4.5, "found \(r.x) with \(r.value)")
    }

    @Test("the minimum at an end of the interval is kept")
    func boundaryMinimum() {
        let r = ScanSearch().minimize(lower: 0, upper: 1) { x in x }
        #expect(r.x == 0 && r.value == 0)
    }

    @Test("stops when told to, returning an evaluated point")
    func stops() {
        var calls = 0
        let r = ScanSearch().minimize(lower: 0, upper: 1, shouldStop: { calls >= 3 }) { x in calls += 1; return -x }
        #expect(r.evaluations == calls && calls < 7)
        #expect(r.value == -r.x)
    }
}

@Suite("Line of therapy")
struct TherapyLineTests {
    @Test("the CSV setting column is read as first line, pretreated or unknown",
          arguments: [
            ("1L, treatment-naive", TherapyLine.first), ("1L maintenance after no progression on 4-6 cycles platinum", .first),
            ("Consolidation after cCRT", .first), ("2L/3L after platinum", .pretreated), ("Post-platinum", .pretreated),
            ("Ipilimumab-refractory (+/- BRAF/MEK-i)", .pretreated), ("Previously treated (phase 1)", .pretreated),
            ("Cohort B: 4-6 prior lines, PFI/TFI >=3 mo", .pretreated),
          ] as [(String, TherapyLine)])
    func parsesSetting(_ setting: String, _ line: TherapyLine) {
        #expect(TherapyLine(setting: setting) == line)
    }

    @Test("mixed or silent settings give no line", arguments: ["Ipilimumab-naive, <=1 prior systemic therapy", "Any line", "All patients", ""])
    func mixed(_ setting: String) {
        #expect(TherapyLine(setting: setting) == nil)
    }

    @Test("pretreated patients are more resistant and grow faster; first line is the model itself")
    func pretreatedPopulation() throws {
        let base = PopulationModel.standard(for: try TumorType.named("nsclc"))
        #expect(base.forLine(.first) == base && base.forLine(nil) == base)
        let later = base.forLine(.pretreated)
        #expect(later.doublingTimeDays < base.doublingTimeDays)
        for (key, median) in base.mechanismMedians where median > 0.02 && median < 0.98 {
            #expect(later.mechanismMedians[key]! > median, "\(key)")
        }
    }

    @Test("a pretreated trial responds less than a first-line trial of the same patients")
    func pretreatedRespondsLess() throws {
        var config = TrialConfiguration(tumor: "melanoma", selection: nil, arms: ["nivolumab"], patients: 60, seed: 3)
        config.attribution = false
        config.toxicity = false
        var model = PopulationModel.standard(for: try TumorType.named("melanoma"))
        model.pretreatedResistanceShift = 1.5
        let first = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<60)[0])
        config.therapyLine = .pretreated
        let later = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<60)[0])
        #expect(later.orr < first.orr, "pretreated ORR \(later.orr) vs first line \(first.orr)")
    }
}

@Suite("Calibration structure")
struct CalibrationStructureTests {
    @Test("interpolated KM median lies between the scans where the curve crosses one half")
    func interpolatedMedian() throws {
        // 10 patients: 4 progress at day 56, 4 at day 112, 2 censored at 200. S(56) = 0.6, S(112) = 0.2.
        let km = try KaplanMeier(times: [56, 56, 56, 56, 112, 112, 112, 112, 200, 200],
                                 events: [true, true, true, true, true, true, true, true, false, false])
        #expect(km.median.median == 112)
        let m = try #require(km.interpolatedMedian)
        #expect(abs(m - (56 + 56 * 0.1 / 0.4)) < 1e-9, "linear between (56, 0.6) and (112, 0.2): \(m)")
        let atFirstScan = try KaplanMeier(times: [56, 56, 56, 112, 300], events: [true, true, true, true, false])
        #expect(atFirstScan.interpolatedMedian == 56, "progression found at the first scan is dated there")
        let never = try KaplanMeier(times: [56, 300, 300], events: [true, false, false])
        #expect(never.interpolatedMedian == nil)
    }

    @Test("line-of-therapy parameters are fitted only where both lines have arms, and round-trip")
    func lineParameters() throws {
        let base = PopulationModel.standard(for: try TumorType.named("nsclc"))
        let without = TumorParameterization(base: base, drugs: ["docetaxel"])
        #expect(without.count == 5 && !without.names.contains("pretreated-resistance-shift"))
        let with = TumorParameterization(base: base, drugs: ["docetaxel"], fitsLine: true)
        #expect(with.count == 7 && with.drugIndex(0) == 6)
        let start = with.model(with.start)
        #expect(start.pretreatedResistanceShift == base.pretreatedResistanceShift && start.pretreatedGrowthScale == base.pretreatedGrowthScale,
                "the start is the standard population")
        let v = [0.3, 1.0, 1.2, 0.7, 1.1, 1.6, 0.5]
        let back = with.natural(with.unconstrained(v))
        for (a, b) in zip(v, back) { #expect(abs(a - b) < 1e-12) }
        let x = [0.4, 0.1, -0.2, 0.2, 0.3, 0.1, -0.7]
        for (a, b) in zip(x, with.vector(matching: with.model(x))) { #expect(abs(a - b) < 1e-9) }
    }

    @Test("the full-range searches of subset knobs span exactly their natural bounds")
    func subsetKnobRanges() throws {
        let base = PopulationModel.standard(for: try TumorType.named("nsclc"))
        let p = TumorParameterization(base: base, drugs: [], fitsLine: true, fitsInflammation: true)
        let expected: [(TumorParameterization.Knob, ClosedRange<Double>)] = [
            (.pretreatedShift, TumorParameterization.pretreatedShiftRange), (.inflammationLoading, 0...0.95), (.pdl1Weight, 0...0.95),
        ]
        for (knob, natural) in expected {
            let i = try #require(p.knobs.firstIndex(of: knob))
            let range = p.unconstrainedRange(of: knob)
            var x = p.start
            x[i] = range.lowerBound
            #expect(abs(p.natural(x)[i] - natural.lowerBound) < 1e-12, "\(knob) lower end")
            x[i] = range.upperBound
            #expect(abs(p.natural(x)[i] - natural.upperBound) < 1e-12, "\(knob) upper end")
        }
    }

    @Test("PD-L1 coupling parameters are fitted only with PD-L1-selected arms, and round-trip")
    func couplingParameters() throws {
        let base = PopulationModel.standard(for: try TumorType.named("gastric"))
        let p = TumorParameterization(base: base, drugs: ["folfox"], fitsInflammation: true)
        #expect(p.names == ["resistance-offset", "mechanism-logit-sd", "doubling-time-scale", "doubling-time-log-sd",
                            "inflammation-loading", "pdl1-adaptive-weight", "sensitivity:folfox"])
        let x = [0.2, 0.1, 0.3, -0.2, 0.2, 0.25, 0.4]
        let m = p.model(x)
        #expect(abs(m.inflammationLoading - (base.inflammationLoading + 0.2)) < 1e-12)
        #expect(abs(m.pdl1AdaptiveWeight - (base.pdl1AdaptiveWeight + 0.25)) < 1e-12)
        for (a, b) in zip(x, p.vector(matching: m)) { #expect(abs(a - b) < 1e-9) }
        #expect(p.prior(p.start) == 0 && p.prior(x) > 0, "the prior pulls towards the standard population")
    }

    @Test("a larger adaptive weight in the PD-L1 assay enriches PD-L1-high patients for response to PD-1 blockade", .tags(.slow), .enabled(if: SlowTests.enabled))
    func couplingEnriches() throws {
        func orr(_ rho: Double) throws -> Double {
            var model = PopulationModel.standard(for: try TumorType.named("nsclc"))
            model.pdl1AdaptiveWeight = rho
            model.inflammationLoading = 0.9
            var config = TrialConfiguration(tumor: "nsclc", selection: "pdl1_tps>=50", arms: ["pembrolizumab"], patients: 80, seed: 4)
            config.attribution = false
            config.toxicity = false
            return try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<80)[0]).orr
        }
        let loose = try orr(0), tight = try orr(0.95)
        #expect(tight > loose, "TPS ≥ 50 % ORR: \(tight) at adaptive weight 0.95 vs \(loose) at 0")
    }

    @Test("patients differ in their sensitivity to direct-acting drugs, reproducibly")
    func directDrugSpread() throws {
        let tumor = try TumorType.named("nsclc")
        let population = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 5)
        let factors = (0..<400).map { population.patient($0).directDrugSensitivity }
        let logs = factors.map { Foundation.log($0) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        let sd = (logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(logs.count - 1)).squareRoot()
        #expect(abs(mean) < 0.15 && abs(sd - 1.0) < 0.12, "log-factor mean \(mean), SD \(sd)")
        #expect(population.patient(17).directDrugSensitivity == factors[17])
        var flat = PopulationModel.standard(for: tumor)
        flat.directDrugLogSD = 0
        #expect(VirtualPopulation(model: flat, tumor: tumor, seed: 5).patient(17).directDrugSensitivity == 1)
    }

    @Test("patients differ in immune-toxicity susceptibility, independently of their drug sensitivity")
    func immuneToxicitySpread() throws {
        let tumor = try TumorType.named("melanoma")
        let population = VirtualPopulation(model: .standard(for: tumor), tumor: tumor, seed: 5)
        let patients = (0..<600).map { population.patient($0) }
        let z = patients.map(\.immuneToxicityNormal)
        let d = patients.map { Foundation.log($0.directDrugSensitivity) }
        let mean = z.reduce(0, +) / Double(z.count)
        let sd = (z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(z.count - 1)).squareRoot()
        #expect(abs(mean) < 0.12 && abs(sd - 1) < 0.1, "draw mean \(mean), SD \(sd)")
        let dm = d.reduce(0, +) / Double(d.count)
        let covariance = zip(z, d).map { ($0 - mean) * ($1 - dm) }.reduce(0, +) / Double(z.count - 1)
        let dsd = (d.map { ($0 - dm) * ($0 - dm) }.reduce(0, +) / Double(d.count - 1)).squareRoot()
        #expect(abs(covariance / (sd * dsd)) < 0.12)
        #expect(population.patient(42).immuneToxicityNormal == z[42])
    }

    @Test("with frailty, the same mean immune hazard gives fewer patients a severe event", .tags(.slow), .enabled(if: SlowTests.enabled))
    func frailtyLowersSevereRate() throws {
        func g3(frailty: Double?) throws -> Double {
            var config = TrialConfiguration(tumor: "melanoma", selection: nil, arms: ["nivolumab"], patients: 160, seed: 4)
            config.attribution = false
            config.horizonDays = 365
            config.toxicityCalibration = .init(immuneScale: 8, pdWeightScale: 1, ctla4WeightScale: 1, haematologicScale: 1,
                                               immuneFrailtyLogSD: frailty)
            return Double(try ArmSummary(outcomes: TrialRunner(configuration: config).run(patients: 0..<160)[0]).grade3PlusCount) / 160
        }
        let plain = try g3(frailty: nil), frail = try g3(frailty: 2)
        #expect(frail < plain - 0.1, "G≥3 rate \(frail) with frailty σ = 2 vs \(plain) without")
    }

    @Test("an oncolytic virus has a fitted sensitivity, and it reaches the infection rate", .tags(.slow), .enabled(if: SlowTests.enabled))
    func virusSensitivity() throws {
        #expect(TumorParameterization.sensitiveDrugs(in: ["t-vec", "gm-csf", "nivolumab"], tumor: "melanoma") == ["t-vec"])
        var config = TrialConfiguration(tumor: "melanoma", selection: nil, arms: ["t-vec"], patients: 60, seed: 3)
        config.attribution = false
        config.toxicity = false
        config.horizonDays = 224
        var model = PopulationModel.standard(for: try TumorType.named("melanoma"))
        model.directDrugLogSD = 0
        model.drugSensitivity = ["t-vec": 0.02]
        let weak = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<60)[0])
        model.drugSensitivity = ["t-vec": 20]
        let strong = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<60)[0])
        #expect(strong.orr > weak.orr, "ORR \(strong.orr) at sensitivity 20 vs \(weak.orr) at 0.02")
    }

    @Test("the per-patient sensitivity factor reaches the simulated chemotherapy effect", .tags(.slow), .enabled(if: SlowTests.enabled))
    func spreadReachesTheDrugEffect() throws {
        var config = TrialConfiguration(tumor: "nsclc", selection: nil, arms: ["docetaxel"], patients: 80, seed: 2)
        config.attribution = false
        config.toxicity = false
        var model = PopulationModel.standard(for: try TumorType.named("nsclc"))
        model.drugSensitivity = ["docetaxel": 3]
        model.directDrugLogSD = 0
        let flat = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<80)[0])
        model.directDrugLogSD = 1.2
        let spread = try ArmSummary(outcomes: TrialRunner(configuration: config, populationModel: model).run(patients: 0..<80)[0])
        #expect(flat.orr != spread.orr, "the per-patient factor reaches the drug effect (ORR \(flat.orr) both ways)")
    }

    @Test("coordinate search: from a warm start at the standard population it moves the resistance offset towards the one that made the targets, 8 evaluations per knob", .tags(.slow), .enabled(if: SlowTests.enabled))
    func coordinateSearchRecoversOffset() throws {
        let template = CalibrationArm(line: 2, trial: "t", tumor: "melanoma", regimen: "nivolumab", selection: nil,
                                      n: 300, orr: nil, cr: nil, medianPFS: nil, g3: nil)
        var simulator = CalibrationSimulator(patients: 30, seed: 3)
        simulator.horizonDays = 112  // 16 weeks (two scans): enough for a response rate, a sixth of the default cost
        var calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: [template]), simulator: simulator,
                                              tumorEvaluations: 40, toxicityEvaluations: 0, seed: 3)
        calibrator.rounds = 1
        calibrator.populationSearch = .coordinate
        let p = try calibrator.parameterization(of: "melanoma")
        #expect(p.knobs == [.resistanceOffset, .sdScale, .doublingScale, .doublingLogSD])
        // Targets made by the same simulator from a population 1.5 logit less resistant (the prior Σ(xᵢ/σᵢ)² holds the fit short of it).
        let truth = p.model([-1.5, 0, 0, 0])
        let made = try calibrator.simulator.simulate([template], model: truth, toxicity: ToxicityParameterization.identity)[0]
        var arm = template
        arm.orr = made.orr; arm.medianPFS = made.medianPFS
        calibrator.plan = CalibrationPlan(arms: [arm])
        let fit = try calibrator.fitTumor("melanoma", toxicity: ToxicityParameterization.identity, warmStart: p.model(p.start))
        #expect(fit.loss < fit.startLoss, "loss \(fit.startLoss) → \(fit.loss)")
        #expect(fit.x[0] < -0.5, "offset moved from 0 towards −1.5 (now \(fit.x[0]))")
        #expect(fit.evaluations == 1 + 4 * 8, "start loss plus 8 per knob")
    }
}

@Suite("Line of therapy in trial output")
struct TherapyLineOutputTests {
    static func arms(line: TherapyLine?) throws -> [ArmOutcomes] {
        var config = TrialConfiguration(tumor: "melanoma", selection: nil, arms: ["nivolumab"], patients: 6, seed: 9)
        config.horizonDays = 224
        config.attribution = false
        config.therapyLine = line
        return try TrialRunner(configuration: config).run(patients: 0..<6)
    }

    @Test("a pretreated trial says so in its JSON; a first-line trial's JSON has no line key")
    func jsonCarriesLine() throws {
        let first = try TrialSummary(tumor: "melanoma", selection: nil, seed: 9, arms: Self.arms(line: nil)).jsonString()
        #expect(!first.contains("\"line\""))
        let later = try TrialSummary(tumor: "melanoma", selection: nil, seed: 9, line: .pretreated, arms: Self.arms(line: .pretreated)).jsonString()
        #expect(later.contains("\"line\": \"pretreated\""))
    }

    @Test("shards keep the line; merging shards of different lines is refused")
    func shardsKeepLine() throws {
        let arms = try Self.arms(line: .pretreated)
        let shards = TrialShard.split(tumor: "melanoma", selection: nil, seed: 9, arms: arms, count: 2).map { s -> TrialShard in
            var s = s; s.line = .pretreated; return s
        }
        let decoded = try shards.map { try JSONDecoder().decode(TrialShard.self, from: $0.encoded()) }
        #expect(decoded.allSatisfy { $0.line == .pretreated })
        let merged = try TrialShard.merge(shards: decoded)
        #expect(try merged.summary().jsonString()
                == TrialSummary(tumor: "melanoma", selection: nil, seed: 9, line: .pretreated, arms: arms).jsonString())
        var mixed = decoded
        mixed[1].line = nil
        #expect(throws: TrialShardError.self) { try TrialShard.merge(shards: mixed) }
    }
}

@Suite("Calibration document")
struct CalibrationDocumentTests {
    @Test("a population kept from the data file is listed with its parameters and marked as kept")
    func keptPopulation() throws {
        let arm = CalibrationArm(line: 2, trial: "t", tumor: "melanoma", regimen: "nivolumab", selection: nil,
                                 n: 100, orr: 40, cr: nil, medianPFS: nil, g3: nil)
        let calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: [arm]), simulator: CalibrationSimulator(patients: 10, seed: 1),
                                              tumorEvaluations: 0, toxicityEvaluations: 0, seed: 1)
        var model = PopulationModel.standard(for: try TumorType.named("melanoma"))
        model.doublingTimeDays *= 1.5
        model.mechanismLogitSD *= 0.8
        let kept = try calibrator.keptFit("melanoma", model: model)
        #expect(kept.evaluations == 0 && kept.model.doublingTimeDays == model.doublingTimeDays)
        #expect(abs(kept.natural[1] - model.mechanismLogitSD) < 1e-12 && abs(kept.natural[2] - 1.5) < 1e-12)
        let report = CalibrationReport(rows: [.init(arm: arm, fitted: SimulatedArm(orr: 38, cr: 0, medianPFS: nil, g3: 0))], skipped: [])
        var doc = CalibrationDocument(command: "blockade calibrate --toxicity-only", date: "d", csvPath: "c", seed: 1, fitPatients: 10,
                                      finalPatients: 10, version: 12, fits: [kept], notFitted: [], toxicity: nil, toxicityScales: nil,
                                      report: report, runtimeSeconds: 1)
        doc.keptVersion = 11
        let text = doc.markdown
        #expect(text.contains("| melanoma | 1 | 0 | kept (v11) |"))
        #expect(text.contains("populations kept from the data file version 11"))
        #expect(!text.contains("nan"))
        #expect(!text.contains("on other patients"), "no held-out section without a held-out report")
        let other = CalibrationReport(rows: [.init(arm: arm, fitted: SimulatedArm(orr: 30, cr: 0, medianPFS: nil, g3: 0))], skipped: [])
        doc.holdouts = [(2, other), (3, report)]
        #expect(doc.markdown.contains("**The same populations on other patients** (10 per arm, population seeds not used in the fit):\n- seed 2: ORR 0 of 1 arms (0 %)"))
        #expect(doc.markdown.contains("\n- seed 3: ORR 1 of 1 arms (100 %)"))
        #expect(!doc.markdown.contains("selection was reconciled"))
        var reconciled = arm
        reconciled.selectionReconciled = "rule contradicts text"
        doc.report = CalibrationReport(rows: [.init(arm: reconciled, fitted: SimulatedArm(orr: 38, cr: 0, medianPFS: nil, g3: 0))], skipped: [])
        #expect(doc.markdown.contains("### Rows whose selection was reconciled\n\n- line 2 (t, nivolumab): rule contradicts text\n"))
        #expect(doc.markdown.contains("Do not edit by hand — rerun:\n\n    blockade calibrate --toxicity-only\n"))
        #expect(doc.markdown.contains("virtual trial of 10 patients"))
        doc.evaluatedFileCreatedBy = "blockade calibrate --tumor nsclc --write (seed 1)"
        #expect(doc.markdown.contains("which was last written by\n\n    blockade calibrate --tumor nsclc --write (seed 1)\n"))
        #expect(doc.markdown.contains("nothing was refitted"))
        #expect(doc.markdown.contains("## Identifiability\n\nNot computed in this run"))
        #expect(!doc.markdown.contains("Weakly constrained: none"), "no scan is not the same as nothing weak")
        #expect(!doc.markdown.contains("virtual trial of 10 patients"), "an evaluation does not know the fit's patient count")
    }
}

extension CalibrationDocumentTests {
    @Test("the sampling-error comparison passes a miss that small arms explain and fails one they do not")
    func samplingErrorComparison() {
        func row(n: Int?, orr: Double, fitted: Double) -> CalibrationReport.Row {
            .init(arm: CalibrationArm(line: 1, trial: "t", tumor: "melanoma", regimen: "nivolumab", selection: nil,
                                      n: n, orr: orr, cr: nil, medianPFS: nil, g3: nil),
                  fitted: SimulatedArm(orr: fitted, cr: 0, medianPFS: nil, g3: 0))
        }
        // 30 % of 100 against 38 % of 400: outside ±5 points; z = 0.08 / √(0.364·0.636·0.0125) ≈ 1.49.
        #expect(row(n: 100, orr: 30, fitted: 38).orrWithinSamplingError(simulatedPatients: 400) == true)
        #expect(row(n: 100, orr: 30, fitted: 38).orrPass == false)
        // 30 % of 2,000 against 38 % of 400: z ≈ 3.1.
        #expect(row(n: 2000, orr: 30, fitted: 38).orrWithinSamplingError(simulatedPatients: 400) == false)
        // 71 % of 7 against 33.8 % of 400 (KEYNOTE-016 MSI-H, irRC): z ≈ 2.06, a real miss even for 7 patients.
        #expect(row(n: 7, orr: 71, fitted: 33.8).orrWithinSamplingError(simulatedPatients: 400) == false)
        #expect(row(n: nil, orr: 30, fitted: 38).orrWithinSamplingError(simulatedPatients: 400) == nil)
        #expect(row(n: 50, orr: 0, fitted: 0).orrWithinSamplingError(simulatedPatients: 400) == true)
        let report = CalibrationReport(rows: [row(n: 100, orr: 30, fitted: 38), row(n: 2000, orr: 30, fitted: 38)], skipped: [],
                                       simulatedPatients: 400)
        #expect(report.orrConsistent?.passed == 1 && report.orrConsistent?.checked == 2)
        #expect(report.summary.contains("ORR within sampling error (two-proportion z-test, 5 %): 1 of 2 arms (50 %)"))
        #expect(CalibrationReport(rows: report.rows, skipped: []).orrConsistent == nil)
    }
}

@Suite("Toxicity fit")
struct ToxicityFitTests {
    @Test("a drug no arm gives alone gets its factor from backbone arms where it is the only unknown, after the single-drug groups")
    func backboneDrugFactors() {
        func arm(_ line: Int, _ tumor: String, _ regimen: String) -> CalibrationArm {
            CalibrationArm(line: line, trial: "t\(line)", tumor: tumor, regimen: regimen, selection: nil, n: 200, orr: nil, cr: nil, medianPFS: nil, g3: 40)
        }
        let arms = [
            arm(2, "nsclc", "carboplatin-paclitaxel"), arm(3, "nsclc", "bevacizumab+carboplatin-paclitaxel"),
            arm(4, "rcc", "lenvatinib+everolimus"), arm(5, "nsclc", "pembrolizumab"),
        ]
        let calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: arms), simulator: CalibrationSimulator(patients: 10, seed: 1),
                                              tumorEvaluations: 0, toxicityEvaluations: 0, seed: 1)
        let groups = calibrator.drugToxicityArms()
        #expect(groups.map(\.drug) == ["carboplatin-paclitaxel", "pembrolizumab", "bevacizumab"])
        #expect(groups.last?.arms.map(\.line) == [3])
        // Two drugs without arms of their own (lenvatinib, everolimus): neither factor is identifiable.
        #expect(!groups.contains { $0.drug == "lenvatinib" || $0.drug == "everolimus" })
    }

    @Test("simulated any-cause G≥3: equal to the TRAE rate without a background, above it and rising with one; a placebo arm has only background events", .tags(.slow), .enabled(if: SlowTests.enabled))
    func anyCauseSimulation() throws {
        let arms = ["nivolumab", "placebo"].enumerated().map { i, regimen in
            CalibrationArm(line: i + 2, trial: "t", tumor: "nsclc", regimen: regimen, selection: nil, n: 200, orr: nil, cr: nil,
                           medianPFS: nil, g3: 20, confidence: "flags: g3=allcause AE")
        }
        var simulator = CalibrationSimulator(patients: 40, seed: 5)
        simulator.horizonDays = 336
        let model = PopulationModel.standard(for: try TumorType.named("nsclc"))
        var scales = ToxicityParameterization.identity
        let none = try simulator.simulate(arms, model: model, toxicity: scales)
        #expect(none.allSatisfy { $0.g3AnyCause == $0.g3 })
        #expect(none[1].g3 == 0, "placebo causes no treatment-related event")
        scales.backgroundGrade3PerYear = 0.3
        let low = try simulator.simulate(arms, model: model, toxicity: scales)
        scales.backgroundGrade3PerYear = 1.5
        let high = try simulator.simulate(arms, model: model, toxicity: scales)
        for i in arms.indices {
            #expect(low[i].g3 == none[i].g3, "the background never changes a course")
            #expect(low[i].g3AnyCause > low[i].g3 && high[i].g3AnyCause > low[i].g3AnyCause)
            #expect(high[i].g3AnyCause <= 100)
        }
        // The fit re-scores the background from one simulation: it must give what a new simulation gives.
        let exposures = try simulator.simulateWithExposure(arms, model: model, toxicity: ToxicityParameterization.identity)
        for i in arms.indices {
            #expect(exposures[i].exposure.rate(scales) == high[i].g3AnyCause)
            #expect(exposures[i].sim.g3 == high[i].g3)
        }
        let calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: arms + [CalibrationArm(
            line: 9, trial: "u", tumor: "nsclc", regimen: "docetaxel", selection: nil, n: 100, orr: nil, cr: nil, medianPFS: nil, g3: 40)]),
            simulator: simulator, tumorEvaluations: 0, toxicityEvaluations: 0, seed: 5)
        #expect(calibrator.anyCauseArms().map(\.line) == [2, 3], "only arms flagged any-cause fit the background")
    }

    /// A toxicity fit on two melanoma arms, nivolumab and ipilimumab, with the given G≥3 targets,
    /// the standard population and a short horizon; `configure` adjusts the calibrator.
    static func nivolumabIpilimumabFit(g3: (Double, Double), patients: Int, horizonDays: Double,
                                       configure: (inout PopulationCalibrator) -> Void = { _ in })
        throws -> (arms: [CalibrationArm], models: [String: PopulationModel], calibrator: PopulationCalibrator) {
        let arms = [
            CalibrationArm(line: 2, trial: "a", tumor: "melanoma", regimen: "nivolumab", selection: nil, n: 300, orr: nil, cr: nil, medianPFS: nil, g3: g3.0),
            CalibrationArm(line: 3, trial: "b", tumor: "melanoma", regimen: "ipilimumab", selection: nil, n: 300, orr: nil, cr: nil, medianPFS: nil, g3: g3.1),
        ]
        var simulator = CalibrationSimulator(patients: patients, seed: 3)
        simulator.horizonDays = horizonDays
        var calibrator = PopulationCalibrator(plan: CalibrationPlan(arms: arms), simulator: simulator, tumorEvaluations: 0,
                                              toxicityEvaluations: 0, seed: 3)
        calibrator.toxicitySimulator = simulator
        configure(&calibrator)
        return (arms, ["melanoma": PopulationModel.standard(for: try TumorType.named("melanoma"))], calibrator)
    }

    @Test("a toxicity refit restricted to named drugs moves only their factors and keeps the global scales", .tags(.slow), .enabled(if: SlowTests.enabled))
    func toxicityDrugsOnly() throws {
        let (_, models, calibrator) = try Self.nivolumabIpilimumabFit(g3: (45, 60), patients: 30, horizonDays: 112) {
            $0.toxicityEvaluations = 10
            $0.rounds = 1
            $0.toxicityDrugs = ["nivolumab"]
        }
        let start = ToxicityParameterization.identity
        let fit = try calibrator.fitToxicity(models: models, start: start)
        #expect(fit.loss < fit.startLoss, "a 45 % target lies far above the default nivolumab rate")
        var globals = fit.scales
        globals.drugScales = start.drugScales
        #expect(globals == start, "global scales, frailty and background kept")
        let factors = fit.scales.drugScales ?? [:]
        #expect((factors["nivolumab"] ?? 1) > 1, "nivolumab's factor rises towards its 45 % target")
        #expect(factors["ipilimumab"] == nil, "ipilimumab is not refitted although its arm is far from target")
    }

    @Test("the frailty profile re-levels the immune scale to the published mean and never returns a worse loss", .tags(.slow), .enabled(if: SlowTests.enabled))
    func frailtyProfile() throws {
        let (arms, models, calibrator) = try Self.nivolumabIpilimumabFit(g3: (16, 25), patients: 60, horizonDays: 168)
        let start = CalibratedPopulations.ToxicityCalibration(immuneScale: 0.3, pdWeightScale: 1, ctla4WeightScale: 1, haematologicScale: 1)
        func meanG3(_ scales: CalibratedPopulations.ToxicityCalibration) throws -> Double {
            try calibrator.toxicitySimulations(arms, models: models, scales: scales).reduce(0) { $0 + $1.sim.g3 } / 2
        }
        let before = try calibrator.toxicityLoss(arms, models: models, scales: start)
        let startMean = try meanG3(start)
        let profile = try calibrator.profileFrailty(arms, models: models, scales: start)
        #expect(abs(profile.loss - (try calibrator.toxicityLoss(arms, models: models, scales: profile.scales))) < 1e-9,
                "the returned loss belongs to the returned scales")
        #expect(profile.loss < before, "levelling improves the loss \(before)")
        let mean = try meanG3(profile.scales)
        // One secant step on 60 patients (rates in steps of 1.7 points) at least roughly halves the distance.
        #expect(abs(mean - 20.5) < 0.55 * abs(startMean - 20.5),
                "mean G≥3 \(startMean) % at the start, \(mean) % levelled, published 20.5 %")
        #expect(profile.evaluations > 0)
    }
}

@Suite("Drug sensitivity of unfitted drugs")
struct DirectSensitivityTests {
    @Test("an unfitted VEGFR TKI (chemotherapy) takes the geometric mean of the fitted VEGFR TKIs (chemotherapies); a fitted value wins; other drugs keep the catalogue effect")
    func classFallback() throws {
        var model = PopulationModel.standard(for: try TumorType.named("rcc"))
        model.drugSensitivity = ["sunitinib": 0.25, "lenvatinib": 1.0, "everolimus": 4, "docetaxel": 9]
        let axitinib = try #require(model.directSensitivity(of: "axitinib"))
        #expect(abs(axitinib - 0.5) < 1e-12, "√(0.25 × 1): everolimus and docetaxel do not prune vessels")
        #expect(model.directSensitivity(of: "sunitinib") == 0.25)
        #expect(model.directSensitivity(of: "everolimus") == 4)
        #expect(abs((try #require(model.directSensitivity(of: "cisplatin-fluorouracil"))) - 9) < 1e-12, "the only fitted chemotherapy is docetaxel")
        #expect(model.directSensitivity(of: "cetuximab") == nil, "a targeted antibody: the catalogue effect")
        model.drugSensitivity = ["docetaxel": 9, "folfox": 1]
        #expect(abs((try #require(model.directSensitivity(of: "cisplatin-fluorouracil"))) - 3) < 1e-12, "√(9 × 1)")
        #expect(model.directSensitivity(of: "axitinib") == nil, "no VEGFR TKI fitted in this tumour type: the catalogue effect")
        model.drugSensitivity = ["sunitinib": 0.25]
        #expect(model.directSensitivity(of: "docetaxel") == nil, "no chemotherapy fitted: the catalogue effect")
    }
}
