import Testing
import Integrators
import Reactions
@testable import TumorImmune

/// The compiled model of `regimen` for the typical melanoma patient.
///
/// CTLA-4 antibodies lose their intratumoural CTLA-4 effect first (it duplicates a parameter id,
/// see `KnownModelIssueTests`); dose events do not depend on effects.
func compiled(_ regimen: Regimen, patient: Patient = Melanoma.typicalPatient) throws -> CompiledNetwork<TumorImmuneNetwork> {
    var regimen = regimen
    for k in regimen.slots.indices {
        regimen.slots[k].drug.effects.removeAll { $0.channel == .ctla4Blockade && $0.site == .tumour }
    }
    return try Simulator().compile(patient: patient, regimen: regimen)
}

@Suite("Dosing and pharmacokinetics")
struct DosingTests {
    struct ScheduleCase: Sendable, CustomTestStringConvertible {
        var regimen: String
        var horizon: Double
        var expectedDays: [Double]
        var testDescription: String { "\(regimen) over \(Int(horizon)) days" }
    }

    static let schedules: [ScheduleCase] = [
        // Opdivo label: 240 mg every 2 weeks until progression.
        ScheduleCase(regimen: "nivolumab", horizon: 365, expectedDays: Array(stride(from: 0.0, through: 364, by: 14))),
        // Treatment stops at two years (days < 730).
        ScheduleCase(regimen: "nivolumab", horizon: 1000, expectedDays: Array(stride(from: 0.0, through: 728, by: 14))),
        // Keytruda label: 200 mg q3w for up to 35 doses (24 months).
        ScheduleCase(regimen: "pembrolizumab", horizon: 365, expectedDays: Array(stride(from: 0.0, through: 357, by: 21))),
        ScheduleCase(regimen: "pembrolizumab", horizon: 1000, expectedDays: Array(stride(from: 0.0, through: 714, by: 21))),
        // Yervoy label: 3 mg/kg q3w × 4.
        ScheduleCase(regimen: "ipilimumab", horizon: 365, expectedDays: [0, 21, 42, 63]),
        ScheduleCase(regimen: "placebo", horizon: 365, expectedDays: []),
    ]

    @Test("dose events follow the label schedule", arguments: schedules)
    func doseDays(_ c: ScheduleCase) throws {
        let regimen = try Regimen(parsing: c.regimen)
        let model = try compiled(regimen)
        let events = Simulator().doseEvents(model: model, days: c.horizon)
        #expect(events.map(\.time) == c.expectedDays)
        for slot in regimen.slots {
            let dose = try #require(slot.schedule.phases.first).doseMg * slot.drug.nanomolPerMg
            for e in events {
                #expect(e.changes == [StateChange(index: model.network.centralIndex(slot: 0), .add(dose))])
            }
        }
    }

    @Test("pembrolizumab stops at 35 doses however long the horizon")
    func pembrolizumabCap() throws {
        let events = Simulator().doseEvents(model: try compiled(Regimen(parsing: "pembrolizumab")), days: 3650)
        #expect(events.count == 35)
    }

    @Test("a combination doses each drug into its own central compartment, same-day doses in one event")
    func combinationEvents() throws {
        let model = try compiled(Regimen(parsing: "nivolumab+ipilimumab"))
        let events = Simulator().doseEvents(model: model, days: 365)
        let nivo = Set(stride(from: 0.0, through: 364, by: 14)), ipi: Set<Double> = [0, 21, 42, 63]
        #expect(events.map(\.time) == nivo.union(ipi).sorted())
        let day0 = try #require(events.first)
        #expect(Set(day0.changes.map(\.index)) == [model.network.centralIndex(slot: 0), model.network.centralIndex(slot: 1)])
        #expect(model.network.centralIndex(slot: 0) != model.network.centralIndex(slot: 1))
        let day21 = try #require(events.first { $0.time == 21 })
        #expect(day21.changes.map(\.index) == [model.network.centralIndex(slot: 1)])
    }

    /// Nivolumab + ipilimumab has different label doses by tumour (Opdivo/Yervoy labels):
    /// melanoma nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w × 4; RCC 3 mg/kg + 1 mg/kg; then
    /// nivolumab 240 mg q2w from week 12 in both.
    @Test("nivolumab+ipilimumab follows the tumour's label schedule",
          arguments: [("melanoma", 80.0, 240.0), ("rcc", 240.0, 80.0)])
    func labelSchedulePerTumour(_ tumor: String, _ nivolumabInductionMg: Double, _ ipilimumabMg: Double) throws {
        let regimen = try Regimen(parsing: "nivolumab+ipilimumab", tumor: tumor)
        let nivolumab = try #require(regimen.slots.first { $0.drug.id == "nivolumab" })
        let ipilimumab = try #require(regimen.slots.first { $0.drug.id == "ipilimumab" })
        let nivoDoses = nivolumab.schedule.administrations(horizon: 120)
        #expect(nivoDoses.map(\.day) == [0, 21, 42, 63, 84, 98, 112])
        #expect(nivoDoses.map(\.doseMg) == [Double](repeating: nivolumabInductionMg, count: 4) + [240, 240, 240])
        let ipiDoses = ipilimumab.schedule.administrations(horizon: 365)
        #expect(ipiDoses.map(\.day) == [0, 21, 42, 63])
        #expect(ipiDoses.allSatisfy { $0.doseMg == ipilimumabMg })
        // Without a tumour (or alone) each drug keeps its own label.
        #expect(try Regimen(parsing: "nivolumab+ipilimumab").slots[0].schedule == Drug.named("nivolumab").schedule)
        #expect(try Regimen(parsing: "nivolumab", tumor: tumor).slots[0].schedule == Drug.named("nivolumab").schedule)
    }

    /// The saved value on a dose day is taken just after the bolus, so every dose day is a local
    /// peak of the plasma series and no other day is.
    @Test("plasma concentration peaks on dose days", arguments: ["nivolumab", "ipilimumab"])
    func peaksOnDoseDays(_ drug: String) throws {
        let r = drug == "nivolumab" ? Melanoma.nivolumab : Melanoma.ipilimumab
        let c = try #require(r.plasma(drug))
        let doseDays = Set(try #require(r.doseDays.first { $0.drug == drug }).days)
        for i in 1..<(c.count - 1) where c[i] > c[i - 1] && c[i] >= c[i + 1] {
            #expect(doseDays.contains(r.days[i]), "\(drug) peaks on day \(r.days[i]), not a dose day")
        }
        for day in doseDays where day > 0 && day < r.days.last! {
            let i = try #require(r.index(ofDay: day))
            #expect(c[i] > c[i - 1] && c[i] > c[i + 1], "\(drug): no peak on dose day \(day)")
        }
    }

    @Test("after its last dose (day 63) ipilimumab only falls")
    func ipilimumabWashout() throws {
        let r = Melanoma.ipilimumab
        let c = try #require(r.plasma("ipilimumab"))
        let start = try #require(r.index(ofDay: 63))
        for i in (start + 1)..<c.count { #expect(c[i] < c[i - 1], "rises on day \(r.days[i])") }
        #expect(c[start] > 10 * c.last!)
    }

    /// Nivolumab 240 mg q2w: the Opdivo label / population PK (Bajaj 2017) give a steady-state
    /// trough of roughly 50–60 µg/mL [recalled]. The trough is the value just before the last dose:
    /// the saved value on the dose day minus the bolus (dose / Vc), cross-checked against the day
    /// before.
    @Test("nivolumab steady-state trough is near the label's 50–60 µg/mL")
    func nivolumabTrough() throws {
        let r = Melanoma.nivolumab
        let c = try #require(r.plasma("nivolumab"))
        let nivolumab = try Drug.named("nivolumab")
        let pk = try #require(nivolumab.pk)
        // mg / L = µg/mL
        let bolus = try #require(nivolumab.schedule.phases.first).doseMg / pk.centralVolume
        let lastDose = try #require(r.doseDays.first?.days.last)
        #expect(lastDose == 364)
        let i = try #require(r.index(ofDay: lastDose))
        let trough = c[i] - bolus
        #expect((40...75).contains(trough), "Cmin,ss = \(trough) µg/mL")
        // One day before the dose the level is a little above the trough (elimination t½ ≈ 25 d).
        #expect(c[i - 1] > trough && c[i - 1] < trough * 1.1, "day 363: \(c[i - 1]) vs trough \(trough)")
        // Steady state by the last year of dosing: the trough a month earlier is within 1 %.
        let j = try #require(r.index(ofDay: lastDose - 28))
        #expect(abs((c[j] - bolus) / trough - 1) < 0.01)
        // First dose: the bolus lands in Vc.
        #expect(abs(c[0] - bolus) / bolus < 1e-9)
    }
}
