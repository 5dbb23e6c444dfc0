import Foundation
import Integrators
import Testing
import TumorImmune
@testable import Calibration
@testable import Trials

@Suite("Calibration CSV")
struct CalibrationCSVTests {
    static let header = "trial,tumor_id,blockade_regimen,regimen_note,selection_rule,setting,arm,regimen,n,orr_pct,cr_pct,mpfs_mo,mos_mo,g3plus_trae_pct,disc_trae_pct,selection,source,confidence"

    @Test func parsesQuotedFieldsAndMissingValues() throws {
        let text = """
        \(Self.header)
        CheckMate 067,melanoma,nivolumab,,all,"1L, treatment-naive",Nivolumab,"Nivolumab 3 mg/kg q2w",316,45,19,6.9,36.9,23,7.7,Unselected,Larkin,"partial: cr"
        "KEYNOTE-158 (MSI-H, by tumor)",crc,pembrolizumab,,msi=high,x,y,z,10,40,,NR,,,,,src,"confirmed; flags: orr=irRC"
        IMpassion,tnbc,nab-paclitaxel,,pdl1_ic>=1,x,y,z,184,33,0.5,5.0,,68,,,src,"flags: g3=allcause AE; cr=pathologic CR"
        """
        let arms = try CalibrationCSV.parse(text, file: "t.csv")
        #expect(arms.count == 3)
        #expect(arms[0].line == 2 && arms[0].selection == nil && arms[0].n == 316)
        #expect(arms[0].orr == 45 && arms[0].cr == 19 && arms[0].medianPFS == 6.9 && arms[0].g3 == 23)
        #expect(arms[1].trial == "KEYNOTE-158 (MSI-H, by tumor)" && arms[1].selection == "msi=high")
        #expect(arms[1].medianPFS == nil && arms[1].cr == nil && arms[1].g3 == nil && arms[1].orrIsIrRC)
        #expect(arms[2].cr == nil, "a pathologic CR is not a RECIST CR")
        #expect(arms[2].g3IsAnyCause)
    }

    @Test func pooledArmInheritsTheLineItsCohortsShare() throws {
        let text = """
        \(Self.header)
        K100,ovarian,pembrolizumab,,all,"Cohort A: 1-3 prior lines",y,z,285,8.1,,2.1,,,,,s,c
        K100,ovarian,pembrolizumab,,all,"Cohort B: 4-6 prior lines",y,z,91,9.9,,2.1,,,,,s,c
        K100,ovarian,pembrolizumab,,all,All patients,y,z,376,8.5,,2.1,,19.7,,,s,c
        K006,melanoma,pembrolizumab,,all,"<=1 prior systemic therapy",y,z,279,33.7,,5.5,,,,,s,c
        MIX,nsclc,pembrolizumab,,all,"1L",y,z,100,40,,5,,,,,s,c
        MIX,nsclc,pembrolizumab,,all,"previously treated",y,z,100,20,,3,,,,,s,c
        MIX,nsclc,pembrolizumab,,all,All patients,y,z,200,30,,4,,,,,s,c
        """
        let arms = try CalibrationCSV.parse(text, file: "t.csv")
        #expect(arms.map(\.therapyLine) == [.pretreated, .pretreated, .pretreated, nil, .first, .pretreated, nil])
    }

    @Test func ruleContradictedByUnselectedDescriptionIsSimulatedAsAllComers() throws {
        let text = """
        \(Self.header)
        T211,urothelial,atezolizumab,,pdl1_ic>=5,x,y,z,467,13.4,,2.1,,22,,"Unselected (ITT; hierarchical IC2/3 -> ITT)",s,c
        T211 (IC2/3),urothelial,atezolizumab,,pdl1_ic>=5,x,y,z,116,23,,,,,,"PD-L1 IC2/3",s,c
        T119,tnbc,pembrolizumab,,all,x,y,z,312,9.6,,2.1,,14,,Unselected,s,c
        """
        let arms = try CalibrationCSV.parse(text, file: "t.csv")
        #expect(arms[0].selection == nil)
        #expect(arms[0].selectionReconciled?.contains("pdl1_ic>=5") == true)
        #expect(arms[1].selection == "pdl1_ic>=5" && arms[1].selectionReconciled == nil)
        #expect(arms[2].selection == nil && arms[2].selectionReconciled == nil, "an unselected arm with rule 'all' agrees with itself")
    }

    @Test func badNumberNamesFileAndLine() {
        let text = "\(Self.header)\nA,melanoma,nivolumab,,all,x,y,z,100,45,19,6.9,,23,,,s,c\nB,melanoma,nivolumab,,all,x,y,z,100,forty,19,6.9,,23,,,s,c\n"
        #expect(throws: CalibrationFileError(file: "arms.csv", line: 3, problem: "column orr_pct: 'forty' is not a non-negative number")) {
            try CalibrationCSV.parse(text, file: "arms.csv")
        }
    }

    @Test func wrongFieldCountAndMissingColumn() {
        let short = "\(Self.header)\nA,melanoma,nivolumab\n"
        #expect(throws: CalibrationFileError(file: "f", line: 2, problem: "3 fields, expected 18 as in the header")) {
            try CalibrationCSV.parse(short, file: "f")
        }
        #expect(throws: CalibrationFileError.self) { try CalibrationCSV.parse("trial,tumor_id\nA,melanoma\n", file: "f") }
        #expect(throws: CalibrationFileError.self) { try CalibrationCSV.parse("\(Self.header)\n\"open,melanoma\n", file: "f") }
    }

    @Test func planSkipsUnknownTumourTypesAndRegimens() {
        let arms = [
            CalibrationArm(line: 2, trial: "a", tumor: "glioma", regimen: "pembrolizumab", selection: "msi=high", n: 13, orr: 0, cr: nil, medianPFS: nil, g3: nil),
            CalibrationArm(line: 3, trial: "b", tumor: "melanoma", regimen: "no-such-drug", selection: nil, n: 10, orr: 5, cr: nil, medianPFS: nil, g3: nil),
            CalibrationArm(line: 4, trial: "c", tumor: "melanoma", regimen: "nivolumab", selection: "ecog<=1", n: 10, orr: 5, cr: nil, medianPFS: nil, g3: nil),
            CalibrationArm(line: 5, trial: "d", tumor: "melanoma", regimen: "nivolumab", selection: nil, n: 10, orr: 40, cr: nil, medianPFS: nil, g3: nil),
        ]
        let plan = CalibrationPlan(arms: arms)
        #expect(plan.arms["melanoma"]?.map(\.line) == [5])
        #expect(plan.skipped.map(\.arm.line) == [2, 3, 4])
    }
}

@Suite("Nelder–Mead")
struct NelderMeadTests {
    static func rosenbrock(_ x: [Double]) -> Double { pow(1 - x[0], 2) + 100 * pow(x[1] - x[0] * x[0], 2) }

    @Test(arguments: [UInt64(1), 2, 3])
    func findsRosenbrockMinimum(seed: UInt64) {
        let result = NelderMead(maxEvaluations: 4000, restarts: 2, seed: seed, valueTolerance: 1e-14, pointTolerance: 1e-10)
            .minimize(start: [-1.2, 1], step: [0.5, 0.5], Self.rosenbrock)
        #expect(abs(result.x[0] - 1) < 1e-4 && abs(result.x[1] - 1) < 1e-4)
        #expect(result.value < 1e-8)
        #expect(result.evaluations <= 4000)
    }

    @Test(arguments: [UInt64(7), 11])
    func findsQuadraticMinimumFromSeededStarts(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let centre = [3.0, -2.0, 0.5, 1.5]
        let start = (0..<4).map { _ in 10 * rng.uniform() - 5 }
        let f = { (x: [Double]) in zip(x, centre).enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * pow($1.element.0 - $1.element.1, 2) } }
        let result = NelderMead(maxEvaluations: 3000, restarts: 1, seed: seed, valueTolerance: 1e-16, pointTolerance: 1e-10)
            .minimize(start: start, step: [1, 1, 1, 1], f)
        for (a, b) in zip(result.x, centre) { #expect(abs(a - b) < 1e-4) }
    }

    @Test func respectsBudgetAndReturnsAnEvaluatedPoint() {
        var calls = 0
        let result = NelderMead(maxEvaluations: 25, restarts: 1).minimize(start: [-1.2, 1], step: [0.5, 0.5]) { x in
            calls += 1; return Self.rosenbrock(x)
        }
        #expect(calls == 25 && result.evaluations == 25)
        #expect(abs(Self.rosenbrock(result.x) - result.value) < 1e-12)
    }
}

@Suite("Calibration loss and data file")
struct CalibrationLossTests {
    static let arm = CalibrationArm(line: 2, trial: "t", tumor: "melanoma", regimen: "nivolumab", selection: nil,
                                    n: 300, orr: 40, cr: 10, medianPFS: 6, g3: 20)

    @Test func zeroWhenFittedEqualsTargets() {
        let loss = CalibrationLoss()
        #expect(loss.armLoss(Self.arm, SimulatedArm(orr: 40, cr: 10, medianPFS: 6, g3: 20)) == 0)
        #expect(loss.total([Self.arm, Self.arm], [SimulatedArm(orr: 40, cr: 10, medianPFS: 6, g3: 20), SimulatedArm(orr: 40, cr: 10, medianPFS: 6, g3: 20)]) == 0)
    }

    @Test func eachTermIsOneAtItsThreshold() {
        let loss = CalibrationLoss()
        let w = loss.sizeWeight(Self.arm)
        #expect(abs(loss.armLoss(Self.arm, SimulatedArm(orr: 45, cr: 10, medianPFS: 6, g3: 20)) - w) < 1e-12)
        #expect(abs(loss.armLoss(Self.arm, SimulatedArm(orr: 40, cr: 10, medianPFS: 7.8, g3: 20)) - 0.5 * w) < 1e-12)
        #expect(abs(loss.armLoss(Self.arm, SimulatedArm(orr: 40, cr: 10, medianPFS: 6, g3: 15)) - w) < 1e-12)
        #expect(abs(loss.armLoss(Self.arm, SimulatedArm(orr: 40, cr: 15, medianPFS: 6, g3: 20)) - 0.5 * w) < 1e-12)
    }

    @Test("an any-cause G≥3 target is compared with the simulated any-cause rate, a treatment-related one with the TRAE rate")
    func anyCauseTargets() {
        let loss = CalibrationLoss()
        var anyCause = Self.arm
        anyCause.confidence = "flags: g3=allcause AE"
        let sim = SimulatedArm(orr: 40, cr: 10, medianPFS: 6, g3: 12, g3AnyCause: 20)
        #expect(loss.armLoss(anyCause, sim) == 0)
        #expect(abs(loss.armLoss(Self.arm, sim) - loss.sizeWeight(Self.arm) * loss.penalty(-8.0 / 5)) < 1e-12)
        #expect(SimulatedArm(orr: 0, cr: 0, medianPFS: nil, g3: 7).g3AnyCause == 7, "without a background both rates agree")
        let row = CalibrationReport.Row(arm: anyCause, fitted: sim)
        #expect(row.g3Pass == true && CalibrationReport.Row(arm: Self.arm, fitted: sim).g3Pass == false)
    }

    @Test("the any-cause probability: 1 with a treatment-related event, else 1 − exp(−λ·follow-up) to 30 days after the last dose, capped at the horizon")
    func anyCauseProbability() {
        var s = ToxicityParameterization.identity
        #expect(s.anyCauseGrade3Probability(treatmentRelated: false, treatmentEndDay: 300, horizonDays: 730) == 0)
        s.backgroundGrade3PerYear = 1
        #expect(s.anyCauseGrade3Probability(treatmentRelated: true, treatmentEndDay: 10, horizonDays: 730) == 1)
        let year = s.anyCauseGrade3Probability(treatmentRelated: false, treatmentEndDay: 365.25 - 30, horizonDays: 730)
        #expect(abs(year - (1 - exp(-1.0))) < 1e-12)
        let capped = s.anyCauseGrade3Probability(treatmentRelated: false, treatmentEndDay: 1000, horizonDays: 730)
        #expect(abs(capped - (1 - exp(-730 / 365.25))) < 1e-12)
        #expect(s.anyCauseGrade3Probability(treatmentRelated: false, treatmentEndDay: 0, horizonDays: 730) > 0,
                "events in the reporting window after a single dose count")
    }

    @Test("the Cauchy penalty is quadratic near 0, 1 at the threshold and sub-quadratic far out")
    func robustPenalty() {
        var loss = CalibrationLoss()
        #expect(loss.penalty(0) == 0)
        #expect(abs(loss.penalty(1) - 1) < 1e-12 && abs(loss.penalty(-1) - 1) < 1e-12)
        #expect(abs(loss.penalty(0.01) / (0.01 * 0.01) - 1) < 0.2, "≈ r² for small errors")
        #expect(loss.penalty(3) > loss.penalty(2) && loss.penalty(2) > 1, "still increasing")
        #expect(loss.penalty(10) < 0.2 * 100, "an arm 10 thresholds off weighs far less than its square")
        // An outlier arm no longer drags the best constant: targets 27, 27, 36, 36 and 60 (ORR),
        // equal weights. Squared errors put the optimum near the mean (37.2, passing 2 arms); the
        // penalty keeps it between the agreeing arms.
        func best(_ l: CalibrationLoss) -> Double {
            let targets = [27.0, 27, 36, 36, 60]
            return stride(from: 20.0, through: 60, by: 0.1).min { a, b in
                targets.reduce(0) { $0 + l.penalty((a - $1) / 5) } < targets.reduce(0) { $0 + l.penalty((b - $1) / 5) }
            }!
        }
        let robust = best(loss)
        loss.robustScale = nil
        #expect(abs(loss.penalty(3) - 9) < 1e-12)
        let squared = best(loss)
        #expect(abs(squared - 37.2) < 0.11)
        #expect(robust < 34 && robust > 29, "robust optimum \(robust) stays near the four agreeing arms, well below the mean")
    }

    @Test func parameterizationRoundTripsAndStartIsStandard() throws {
        let base = PopulationModel.standard(for: try TumorType.named("nsclc"))
        let p = TumorParameterization(base: base, drugs: ["docetaxel"])
        #expect(p.model(p.start).mechanismLogitSD == base.mechanismLogitSD)
        #expect(p.model(p.start).doublingTimeDays == base.doublingTimeDays)
        #expect(p.model(p.start).doublingTimeLogSD == base.doublingTimeLogSD)
        let v = [0.5, 1.1, 1.3, 0.8, 0.4]
        let back = p.natural(p.unconstrained(v))
        for (a, b) in zip(v, back) { #expect(abs(a - b) < 1e-12) }
    }

    @Test func warmStartRecoversTheParameterVector() throws {
        let base = PopulationModel.standard(for: try TumorType.named("melanoma"))
        let p = TumorParameterization(base: base, drugs: ["dacarbazine"])
        let x = [0.7, -0.2, 0.3, 0.25, -1.5]
        let back = p.vector(matching: p.model(x))
        for (a, b) in zip(x, back) { #expect(abs(a - b) < 1e-9) }
    }

    @Test("a data file written and read back is the same, and its text is stable")
    func dataFileRoundTrip() throws {
        var model = PopulationModel.standard(for: try TumorType.named("melanoma"))
        model.drugSensitivity = ["dacarbazine": 0.2]
        model.mechanismLogitSD = 0.9
        let file = CalibratedPopulations.File(version: 24, createdBy: "blockade calibrate --seed 1 (test)", populations: [model],
                                              toxicity: .init(immuneScale: 1.2, pdWeightScale: 0.8, ctla4WeightScale: 1.1, haematologicScale: 0.5))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("populations-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try CalibratedPopulations.write(file, to: url)
        let text = try Data(contentsOf: url)
        let decoded = try CalibratedPopulations.load(contentsOf: url)
        #expect(decoded.version == 24 && decoded.format == "blockade-populations")
        #expect(decoded.populations == [model])
        #expect(decoded.toxicity == file.toxicity)
        try CalibratedPopulations.write(decoded, to: url)
        #expect(try Data(contentsOf: url) == text, "encoding is stable")
    }

    @Test("the shipped data file loads, and names a population for every tumour type it fits")
    func shippedDataFileLoads() throws {
        let file = try CalibratedPopulations.shipped()
        #expect(file.format == "blockade-populations" && file.version >= CalibratedPopulations.oldestReadableVersion)
        #expect(file.populations.count >= 10)
        #expect(file.model(for: "melanoma") != nil)
    }

    /// A bad file fails with its path and the reason, never silently falling back to defaults.
    @Test("a broken data file is refused with its path and what is wrong", arguments: [
        ("not json", "not a populations data file"),
        (#"{"format":"blockade-populations","version":23,"createdBy":"x","populations":[{"tumor":"melanoma"}]}"#, "missing field"),
        (#"{"format":"other","version":23,"createdBy":"x","populations":[]}"#, "format 'other'"),
        (#"{"format":"blockade-populations","version":9,"createdBy":"x","populations":[]}"#, "version 9 was fitted to an older model"),
    ])
    func brokenDataFile(text: String, problem: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        do {
            _ = try CalibratedPopulations.load(contentsOf: url)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.description.hasPrefix(url.path) && error.description.contains(problem), "\(error.description)")
        }
    }
}
