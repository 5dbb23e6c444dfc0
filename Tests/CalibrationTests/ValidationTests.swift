import Foundation
import Testing
import BlockadeTestSupport
import TumorImmune
@testable import Calibration
@testable import Trials

/// A patient who progressed at `progression` days and lives `after` days more (nil: no progression).
private func outcome(_ index: Int, progression: Double?, after: Double?, otherDeath: Double? = nil) -> PatientOutcome {
    var o = PatientOutcome(patient: index, bestResponse: .stableDisease, responseOnsetDay: nil, pfsDays: progression ?? 1826,
                           progressed: progression != nil, osDays: 0, died: false, bestPercentChange: 0, scanDays: [],
                           scanPercentChange: [], treatmentEndDay: progression ?? 1826, resistance: .none, drivingMechanisms: [],
                           adverseEvents: [], grade3PlusAdverseEvent: false, discontinuedForToxicity: false)
    o.postProgressionDays = after
    o.otherDeathDay = otherDeath
    return o
}

@Suite("Survival after progression")
struct SurvivalAfterProgressionTests {
    @Test("median OS under another post-progression median is the rescaled survival after progression")
    func rescaling() throws {
        // Five patients progress at day 100 and live 100, 200, …, 500 days more: deaths at 200…600.
        let basis = SurvivalBasis(outcomes: (1...5).map { outcome($0, progression: 100, after: Double($0) * 100) }, horizonDays: 1826)
        let month = TrialSummary.daysPerMonth
        // The Kaplan–Meier curve reaches ½ between the 2nd and 3rd deaths (S = 0.6 at 300, 0.4 at 400).
        #expect(abs((try #require(basis.medianOS())) - 350 / month) < 1e-9)
        // Twice the survival after progression: deaths at 300, 500, 700, 900, 1100.
        #expect(abs((try #require(basis.medianOS(scale: 2))) - 600 / month) < 1e-9)
        #expect(abs(basis.survival(atMonths: 12, scale: 1) - 60) < 1e-9, "three of five alive at 365 days")
    }

    @Test("a death before the drawn one and the follow-up censor overall survival")
    func censoring() {
        let basis = SurvivalBasis(outcomes: [outcome(0, progression: 100, after: 5000), outcome(1, progression: 100, after: 5000, otherDeath: 150),
                                             outcome(2, progression: nil, after: nil)], horizonDays: 1826)
        #expect(basis.medianOS() == nil, "two of three alive at five years")
        #expect(abs(basis.survival(atMonths: 24) - 100 * 2 / 3) < 1e-9)
    }

    @Test("the burden factor: 1 at the reference, more doublings left after a deep response, a floor at the lethal size")
    func burden() {
        #expect(abs(PopulationModel.burdenFactor(progressionDiameterMM: 72, referenceMM: 72, lethalDiameterMM: 200) - 1) < 1e-12)
        let deep = PopulationModel.burdenFactor(progressionDiameterMM: 20, referenceMM: 72, lethalDiameterMM: 200)
        #expect(abs(deep - log(10) / log(200.0 / 72)) < 1e-12 && deep > 2)
        #expect(PopulationModel.burdenFactor(progressionDiameterMM: 250, referenceMM: 72, lethalDiameterMM: 200) == 0.05)
    }

    @Test("pretreated patients take the pretreated multiplier of the post-progression median")
    func pretreated() throws {
        var m = PopulationModel.standard(for: try TumorType.named("melanoma"))
        m.postProgressionMonths = 20
        m.pretreatedPostProgressionScale = 0.5
        #expect(m.forLine(.first).postProgressionMonths == 20)
        #expect(m.forLine(.pretreated).postProgressionMonths == 10)
        // Scaled by the patient's doubling time against the population's.
        #expect(abs(m.postProgressionMonths(doublingTimeDays: 2 * m.doublingTimeDays, unit: 1.5) - 60) < 1e-9)
    }

    @Test("the survival fit finds the median that reproduces a published median OS")
    func fitRecoversMedian() throws {
        // 200 patients progress at day 60 with exponential survival after it of median 300 days (drawn
        // under a post-progression median of 12 months); the published median OS is that of 24 months.
        var rng = SeededGenerator(seed: 3)
        let outcomes = (0..<200).map { i in outcome(i, progression: 60, after: -log(1 - Double.random(in: 0..<1, using: &rng)) / log(2) * 300) }
        let basis = SurvivalBasis(outcomes: outcomes, horizonDays: 1826)
        let target = try #require(basis.medianOS(scale: 2))
        var arm = CalibrationArm(line: 2, trial: "T", tumor: "melanoma", regimen: "nivolumab", selection: nil, n: 300, orr: nil, cr: nil,
                                 medianPFS: nil, g3: nil, therapyLine: .first)
        arm.medianOS = target
        var model = PopulationModel.standard(for: try TumorType.named("melanoma"))
        model.postProgressionMonths = 12
        let sim = SimulatedArm(orr: 0, cr: 0, medianPFS: 2, g3: 0, survival: basis)
        let fit = try #require(SurvivalCalibrator(patients: 10, seed: 1).fit("melanoma", arms: [arm], simulated: [sim], simulatedWith: model, model: model))
        #expect(abs(fit.fit.months - 24) < 2.5, "fitted \(fit.fit.months) months (prior pulls slightly towards 12)")
        #expect(fit.fit.loss < fit.fit.startLoss)
    }
}

@Suite("Leave-one-trial-out machinery")
struct LeaveOneTrialOutTests {
    @Test("Cholesky solves a symmetric positive-definite system and draws with covariance A⁻¹")
    func cholesky() throws {
        let a = [[4.0, 2, 0.4], [2, 3, 0.5], [0.4, 0.5, 2]]
        let c = try Cholesky(a)
        let x = c.solve([1, 2, 3])
        for i in 0..<3 { #expect(abs(zip(a[i], x).reduce(0) { $0 + $1.0 * $1.1 } - [1.0, 2, 3][i]) < 1e-12) }
        // x = L⁻ᵀ z ⇔ Lᵀ x = z, so x xᵀ averages to (L Lᵀ)⁻¹ = A⁻¹.
        let z = [0.3, -1.2, 0.8]
        let s = c.sampleOffset(z)
        for i in 0..<3 { #expect(abs((i..<3).reduce(0) { $0 + c.l[$1][i] * s[$1] } - z[i]) < 1e-12) }
        #expect(throws: CalibrationRunError.self) { try Cholesky([[1, 2], [2, 1]]) }
    }

    @Test("the reweighting weight matches the robust penalty's curvature at zero and falls with the error")
    func irls() {
        let loss = CalibrationLoss()
        let r = 1e-3
        #expect(abs(loss.irlsWeight(0) * r * r - loss.penalty(r)) < 1e-12)
        #expect(loss.irlsWeight(3) < loss.irlsWeight(1))
        var squares = CalibrationLoss()
        squares.robustScale = nil
        #expect(squares.irlsWeight(5) == 1)
    }

    @Test("model discrepancy: the excess of residuals over sampling error, one threshold unit with fewer than three arms")
    func discrepancy() {
        func arm(_ orr: Double) -> CalibrationArm {
            CalibrationArm(line: 2, trial: "T", tumor: "melanoma", regimen: "nivolumab", selection: nil, n: 100_000, orr: orr, cr: nil, medianPFS: nil, g3: nil)
        }
        let few = PredictionDiscrepancy(arms: [arm(30)], simulated: [SimulatedArm(orr: 40, cr: 0, medianPFS: nil, g3: 0)], simulatedPatients: 100_000)
        #expect(few.orr == CalibrationLoss.orrTolerance && few.logMedianPFS == CalibrationLoss.pfsRelativeTolerance)
        // Residuals ±6 points with negligible sampling error: SD ≈ 6.
        let arms = [arm(30), arm(40), arm(50), arm(60)]
        let sims = [36.0, 34, 56, 54].map { SimulatedArm(orr: $0, cr: 0, medianPFS: nil, g3: 0) }
        let d = PredictionDiscrepancy(arms: arms, simulated: sims, simulatedPatients: 100_000)
        #expect(abs(d.orr - 6) < 0.05, "\(d.orr)")
    }

    @Test("a one-trial tumour type: its drug returns to the tumour type's fallback and the arm is predicted with an interval")
    func oneTrial() throws {
        var arm = CalibrationArm(line: 53, trial: "IMpower133", tumor: "sclc", regimen: "etoposide-platinum", selection: nil, n: 202,
                                 orr: 64.4, cr: nil, medianPFS: 4.3, g3: 56.1, therapyLine: .first)
        arm.medianOS = 10.3
        let plan = CalibrationPlan(arms: [arm])
        let file = try CalibratedPopulations.shipped()
        let shipped = try #require(file.model(for: "sclc"))
        var options = LeaveOneTrialOut.Options()
        options.fitPatients = 12; options.predictPatients = 12; options.intervalPatients = 8; options.intervalDraws = 2
        let validation = LeaveOneTrialOut(plan: plan, models: ["sclc": shipped], toxicity: file.toxicity ?? ToxicityParameterization.identity,
                                          options: options)
        let result = try validation.validate("sclc")
        let row = try #require(result.rows.first)
        #expect(result.rows.count == 1 && row.arm.line == 53)
        // Without its only arm the tumour type has no data: the sensitivity returns towards its prior.
        #expect(row.shift.contains { $0.hasPrefix("sensitivity:etoposide-platinum") }, "\(row.shift)")
        let orr = try #require(row.interval.orr)
        #expect(orr.lowerBound <= orr.upperBound && orr.lowerBound >= 0 && orr.upperBound <= 100)
        #expect(result.ensemble.members.count == 2 && result.ensemble.members.allSatisfy { $0.tumor == "sclc" })
        #expect(result.ensemble.members[0].postProgressionMonths == shipped.postProgressionMonths)
    }
}

@Suite("Validation report")
struct ValidationReportTests {
    static func report(line: Int, orr: Double, predicted: Double, tumor: String = "melanoma") -> ValidationReport {
        var arm = CalibrationArm(line: line, trial: "T\(line)", tumor: tumor, regimen: "nivolumab", selection: nil, n: 300, orr: orr, cr: 10,
                                 medianPFS: 5, g3: 15, therapyLine: .first)
        arm.medianOS = 30
        let sim = SimulatedArm(orr: predicted, cr: 12, medianPFS: 6, g3: 14, pfs12: 30, medianOS: nil)
        let row = ValidationRow(arm: arm, predicted: sim, interval: PredictionInterval(orr: 30...50, medianPFS: 4...7, medianOS: 20...40, notReachedOS: true),
                                shift: ["resistance-offset +0.10"])
        return ValidationReport(rows: [row], tumors: [tumor], seed: 1, fitPatients: 150, predictPatients: 400, intervalDraws: 12,
                                dataVersion: 25, runtimeSeconds: 3)
    }

    @Test("pass criteria: ORR ±10, CR ±5, medians ±30 % (not reached fails), coverage with an open upper end")
    func criteria() throws {
        let row = try #require(Self.report(line: 2, orr: 45, predicted: 36).rows.first)
        #expect(row.orrPass == true && row.crPass == true && row.pfsPass == true && row.g3Pass == true)
        #expect(row.osPass == false, "a median OS not reached is not within ±30 %")
        #expect(row.orrCovered == true && row.pfsCovered == true && row.osCovered == true)
        #expect(Self.report(line: 2, orr: 45, predicted: 34).rows[0].orrPass == false)
    }

    @Test("JSON round trip and merging keep every row and the headline")
    func roundTrip() throws {
        let a = Self.report(line: 2, orr: 45, predicted: 36), b = Self.report(line: 30, orr: 20, predicted: 40, tumor: "nsclc")
        let back = try ValidationReport(json: Data(a.json.utf8))
        #expect(back.json == a.json)
        let merged = try ValidationReport.merging([a, b])
        #expect(merged.rows.map(\.arm.line) == [2, 30] && merged.tumors == ["melanoma", "nsclc"])
        #expect(merged.headline == "leave-one-trial-out ORR within ±10 points: 1/2 arms")
        #expect(merged.markdown(command: "blockade validate").contains("**leave-one-trial-out ORR within ±10 points: 1/2 arms**"))
        var other = b
        other.seed = 2
        #expect(throws: CalibrationRunError.self) { try ValidationReport.merging([a, other]) }
        #expect(throws: CalibrationRunError.self) { try ValidationReport(json: Data("{\"format\": \"x\"}".utf8)) }
    }
}

@Suite("Landmark table")
struct LandmarkTableTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("landmarks-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let arms = [CalibrationArm(line: 12, trial: "RELATIVITY-047", tumor: "melanoma", regimen: "nivolumab", selection: nil, n: 359,
                               orr: 33.7, cr: nil, medianPFS: 4.6, g3: 12)]

    @Test("values join on the CSV line; an empty cell stays absent")
    func joins() throws {
        let path = try write("csv_line,trial,pfs12_pct,os24_pct,note\n12,RELATIVITY-047,36.0,,x\n")
        let out = try LandmarkTable.apply(path: path, to: arms)
        #expect(out[0].pfs12 == 36 && out[0].os24 == nil)
    }

    @Test("a wrong join or a value outside 0–100 names the file and line")
    func errors() throws {
        let wrongTrial = try write("csv_line,trial,pfs12_pct,os24_pct\n12,CheckMate 067,36,\n")
        #expect(throws: CalibrationFileError(file: wrongTrial, line: 2, problem: "csv_line 12 is 'RELATIVITY-047' in the calibration CSV, not 'CheckMate 067'")) {
            try LandmarkTable.apply(path: wrongTrial, to: arms)
        }
        let badValue = try write("csv_line,trial,pfs12_pct,os24_pct\n12,RELATIVITY-047,136,\n")
        #expect(throws: CalibrationFileError(file: badValue, line: 2, problem: "'136' is not a percentage")) {
            try LandmarkTable.apply(path: badValue, to: arms)
        }
    }

    @Test("the project's landmark table joins the calibration CSV")
    func shippedTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let csv = root.appendingPathComponent("../shared/calibration/monotherapy_arms.csv").path
        guard FileManager.default.fileExists(atPath: csv) else { return }
        let arms = try LandmarkTable.apply(path: root.appendingPathComponent("calibration/landmarks.csv").path, to: try CalibrationCSV.read(path: csv))
        #expect(arms.count { $0.pfs12 != nil } >= 5 && arms.count { $0.os24 != nil } >= 10)
    }
}
