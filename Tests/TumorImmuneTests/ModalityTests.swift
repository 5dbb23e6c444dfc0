import Testing
import Foundation
import Integrators
import Reactions
@testable import TumorImmune

/// Therapies other than checkpoint antibodies act through the mechanism the review ascribes to
/// them; each test compares against the same patient without the therapy.
@Suite("Modalities act through their mechanism")
struct ModalityTests {
    /// EZH2 and HDAC inhibitors re-express CXCL9/10 silenced by the tumour (Peng 2015,
    /// doi:10.1038/nature15520): with full chemokine silencing, adding either to nivolumab raises
    /// CXCL and the effector CD8 that CXCL brings into the tumour.
    @Test("an epigenetic drug raises CXCL and effector CD8 in a chemokine-silenced tumour",
          arguments: ["tazemetostat", "entinostat"])
    func epigeneticRestoresChemokines(_ drug: String) throws {
        let patient = melanomaPatient([.chemokineSilencing: 1])
        let sim = simulator(days: 90)
        let alone = try sim.run(patient: patient, regimen: Regimen(parsing: "nivolumab"))
        let combination = try sim.run(patient: patient, regimen: Regimen(parsing: "nivolumab+\(drug)"))
        for day in [30.0, 60, 90] {
            let cxcl = (try #require(alone.amount(.cxcl, atDay: day)), try #require(combination.amount(.cxcl, atDay: day)))
            #expect(cxcl.1 > 2 * cxcl.0, "day \(day): CXCL nivolumab \(cxcl.0) vs +\(drug) \(cxcl.1)")
            let cd8 = (try #require(alone.amount(.effector, atDay: day)), try #require(combination.amount(.effector, atDay: day)))
            #expect(cd8.1 > 1.5 * cd8.0, "day \(day): effector CD8 nivolumab \(cd8.0) vs +\(drug) \(cd8.1)")
        }
        // Same baseline (up to the run-in's solver tolerance): the difference is the drug's.
        let baseline = (try #require(alone.amount(.cxcl, atDay: 0)), try #require(combination.amount(.cxcl, atDay: 0)))
        #expect(abs(baseline.1 / baseline.0 - 1) < 1e-5)
    }

    /// Anti-VEGF normalises tumour vessels and lowers interstitial pressure, so more antibody
    /// reaches the tumour (Fukumura 2018, doi:10.1038/nrclinonc.2018.29). Read as the released
    /// atezolizumab concentration in the tumour interstitium (observable `atezolizumab_tumour_conc`,
    /// nM): the amount alone would also fall when bevacizumab shrinks the lesion.
    @Test("bevacizumab raises intratumoural atezolizumab in a stromal tumour")
    func bevacizumabRaisesAntibodyExposure() throws {
        var patient = Patient(typical: try TumorType.named("nsclc"))
        patient.mechanisms[.stromalBarrier] = 1
        let sim = simulator(days: 120)
        func tumourConcentration(_ text: String) throws -> [Double] {
            let regimen = try Regimen(parsing: text, tumor: "nsclc")
            let model = try sim.compile(patient: patient, regimen: regimen)
            let r = try sim.treat(model: model, baseline: try sim.baselineState(model: model, patient: patient),
                                  patient: patient, regimen: regimen)
            let o = try #require(model.network.observables.firstIndex { $0.id == "atezolizumab_tumour_conc" })
            return r.days.indices.map { i in model.observe(t: r.days[i], y: Array(r.solution.state(at: i)))[o] }
        }
        let alone = try tumourConcentration("atezolizumab")
        let withBevacizumab = try tumourConcentration("atezolizumab+bevacizumab")
        #expect(alone.count == withBevacizumab.count && alone.count == 121)
        // Exposure (daily AUC) over the first four cycles, and the level on every day after the first.
        let auc = (alone.reduce(0, +), withBevacizumab.reduce(0, +))
        #expect(auc.1 > 1.1 * auc.0, "AUC atezolizumab \(auc.0) vs +bevacizumab \(auc.1) nM·day")
        for day in 1..<alone.count {
            #expect(withBevacizumab[day] > alone[day], "day \(day): \(alone[day]) vs \(withBevacizumab[day]) nM")
        }
    }

    /// Linear–quadratic cell kill (model-facts.md): each fraction of d Gy leaves exp(−αd − βd²) of
    /// the cancer cells, applied as an exact jump at the fraction's time.
    @Test("each radiotherapy fraction leaves the linear-quadratic surviving fraction",
          arguments: ["radiotherapy", "radiotherapy-sbrt"])
    func radiotherapySurvivingFraction(_ text: String) throws {
        let patient = Melanoma.typicalPatient
        let regimen = try Regimen(parsing: text)
        let sim = simulator(days: 14)
        let model = try sim.compile(patient: patient, regimen: regimen)
        let alpha = model.parameterValues[P.rtAlpha.rawValue], beta = model.parameterValues[P.rtBeta.rawValue]
        #expect(alpha == P.rtAlpha.definition.value && beta == P.rtBeta.definition.value)
        #expect(abs(alpha / beta - 10) < 1e-12, "α/β = 10 Gy")
        let fractions = regimen.slots[0].schedule.administrations(horizon: 14)
        let events = sim.doseEvents(model: model, days: 14)
        #expect(events.map(\.time) == fractions.map(\.day))
        for (event, fraction) in zip(events, fractions) {
            let gy = fraction.doseMg
            let survival = exp(-alpha * gy - beta * gy * gy)
            #expect(event.changes.contains(StateChange(index: S.cancerPositive.rawValue, .multiply(survival))), "day \(event.time)")
            #expect(event.changes.contains(StateChange(index: S.cancerLoss.rawValue, .multiply(survival))), "day \(event.time)")
        }
        // One simulated jump: day 0 against the baseline (exact), and day 1 against the same
        // trajectory continued without the day-1 fraction (solver tolerance).
        let gy = try #require(fractions.first).doseMg
        let survival = exp(-alpha * gy - beta * gy * gy)
        let y0 = try sim.baselineState(model: model, patient: patient)
        let r = try sim.treat(model: model, baseline: y0, patient: patient, regimen: regimen)
        let day0 = try #require(r.amount(.cancerPositive, atDay: 0))
        #expect(abs(day0 / y0[S.cancerPositive.rawValue] / survival - 1) < 1e-12)
        #expect(fractions[1].day == 1)
        var solver = Tsit5()
        let untreated = solver.solve(model, initialState: Array(r.solution.state(at: 0)), from: 0, to: 1, saveAt: [1],
                                     events: [], options: sim.settings.solver)
        try #require(untreated.returnCode == .success)
        let before = untreated.state(at: 0)[S.cancerPositive.rawValue]
        let after = try #require(r.amount(.cancerPositive, atDay: 1))
        #expect(abs(after / before / survival - 1) < 1e-4, "day 1: \(after) / \(before) vs \(survival)")
    }

    /// Oncolytic virus (t-vec, Imlygic label: 10⁶ PFU/mL, then 10⁸ PFU/mL q2w from week 3, stop at
    /// one year): infected cells appear after injection and lyse, lysis and GM-CSF mature APCs and
    /// priming rises above the untreated patient, and the virus is cleared once dosing stops.
    @Test("t-vec infects and lyses, raises APC maturation and priming, and is cleared after the last dose")
    func oncolyticVirus() throws {
        let sim = simulator(days: 500)
        let patient = Melanoma.typicalPatient
        let virus = try sim.run(patient: patient, regimen: Regimen(parsing: "t-vec"))
        let control = try sim.run(patient: patient, regimen: Regimen(parsing: "placebo"))
        let infected = try #require(virus.series("t_vec_infected")), virions = try #require(virus.series("t_vec_virus"))
        let doses = try #require(virus.doseDays.first).days
        #expect(doses.first == 0 && doses.dropFirst().first == 21 && doses.last! < 365)
        // Infection follows each injection: none before, many the day after the 10⁸ PFU dose.
        #expect(infected[0] == 0 && infected[1] > 0)
        #expect(infected[22] > 100 * infected[21], "infected cells day 21 → 22: \(infected[21]) → \(infected[22])")
        // APC maturation and lymph-node priming above the untreated patient while dosing.
        for day in [30.0, 60, 120, 240, 360] {
            let apc = (try #require(virus.amount(.apc, atDay: day)), try #require(control.amount(.apc, atDay: day)))
            #expect(apc.0 > apc.1, "day \(day): APC maturation t-vec \(apc.0) vs none \(apc.1)")
            let primed = (try #require(virus.amount(.primedLN, atDay: day)), try #require(control.amount(.primedLN, atDay: day)))
            #expect(primed.0 > primed.1, "day \(day): primed CD8 t-vec \(primed.0) vs none \(primed.1)")
        }
        // Clearance: after the last dose the virus only falls, to < 10⁻⁴ of its level at day 365.
        let last = try #require(virus.index(ofDay: 365))
        for i in (last + 1)..<virions.count { #expect(virions[i] < virions[i - 1], "virus rises on day \(virus.days[i])") }
        #expect(virions.last! < 1e-4 * virions[last], "day 365: \(virions[last]) PFU, day 500: \(virions.last!) PFU")
        #expect(infected.last! < 1e-4 * infected[last])
    }

    /// CAR-T cells recognise their antigen only: they kill antigen-positive cancer cells and leave
    /// an antigen-loss clone alone. Compared on the same patient (low stroma, no chemokine
    /// silencing, so CAR-T reach the tumour) with all cancer cells antigen-positive, or 95 %
    /// antigen-loss, each against the same baseline without CAR-T.
    @Test("CAR-T kills antigen-positive cells and fails against an antigen-loss tumour")
    func carTAntigenLoss() throws {
        let patient = melanomaPatient([.stromalBarrier: 0, .chemokineSilencing: 0])
        let sim = simulator(days: 60)
        func outcome(_ text: String, lossFraction: Double) throws -> SimulationResult {
            let regimen = try Regimen(parsing: text)
            let model = try sim.compile(patient: patient, regimen: regimen)
            var y0 = try sim.baselineState(model: model, patient: patient)
            let cancer = y0[S.cancerPositive.rawValue] + y0[S.cancerLoss.rawValue]
            y0[S.cancerPositive.rawValue] = cancer * (1 - lossFraction)
            y0[S.cancerLoss.rawValue] = cancer * lossFraction
            return try sim.treat(model: model, baseline: y0, patient: patient, regimen: regimen)
        }
        let day = 30.0
        let positive = (try outcome("car-t", lossFraction: 0), try outcome("placebo", lossFraction: 0))
        let cPos = (try #require(positive.0.amount(.cancerPositive, atDay: day)), try #require(positive.1.amount(.cancerPositive, atDay: day)))
        #expect(cPos.0 < cPos.1 * (1 - 1e-3), "antigen-positive cells at day \(day): CAR-T \(cPos.0) vs none \(cPos.1)")
        let loss = (try outcome("car-t", lossFraction: 0.95), try outcome("placebo", lossFraction: 0.95))
        let cNeg = (try #require(loss.0.amount(.cancerLoss, atDay: day)), try #require(loss.1.amount(.cancerLoss, atDay: day)))
        #expect(cNeg.0 >= cNeg.1 * (1 - 1e-3), "antigen-loss cells at day \(day): CAR-T \(cNeg.0) vs none \(cNeg.1)")
        // The tumour-wide effect: relative reduction of viable cancer cells.
        func reduction(_ pair: (SimulationResult, SimulationResult)) throws -> Double {
            let i = try #require(pair.0.index(ofDay: day))
            return 1 - pair.0.cancerCells[i] / pair.1.cancerCells[i]
        }
        let onPositive = try reduction(positive), onLoss = try reduction(loss)
        #expect(onPositive > 10 * max(onLoss, 0), "reduction of cancer cells: antigen-positive \(onPositive), antigen-loss \(onLoss)")
    }
}
