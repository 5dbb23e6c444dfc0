import Testing
import Integrators
import Reactions
@testable import TumorImmune

/// Schedules beyond the labels: a delayed start, a treatment break between phases, and oral drugs
/// whose input switches on and off with the phases.
@Suite("Dose schedules: delays, breaks, oral phases")
struct DoseScheduleTests {
    /// Nivolumab 240 mg q2w × 6 from day 7, a 28-day break, then 480 mg q4w.
    static let broken = DoseSchedule([DosePhase(doseMg: 240, everyDays: 14, count: 6, delayDays: 7),
                                      DosePhase(doseMg: 480, everyDays: 28, delayDays: 28)], source: "test")

    @Test("a delayed start and a break shift the doses that follow")
    func delayAndBreak() {
        let given = Self.broken.administrations(horizon: 200)
        // 7, 21, ..., 77; next would be 91 without the break, 119 with it.
        #expect(given.map(\.day) == [7, 21, 35, 49, 63, 77, 119, 147, 175])
        #expect(given.map(\.doseMg) == [240, 240, 240, 240, 240, 240, 480, 480, 480])
    }

    @Test("label schedules have no delay and give the same days as before delays existed")
    func labelsUnchanged() throws {
        let nivolumab = try Drug.named("nivolumab").schedule
        #expect(nivolumab.phases.allSatisfy { $0.delayDays == 0 })
        #expect(nivolumab.administrations(horizon: 60).map(\.day) == [0, 14, 28, 42, 56])
    }

    @Test("a continuous input runs per phase, breaks left out, cut at the end of treatment")
    func continuousPeriods() {
        var s = DoseSchedule([DosePhase(doseMg: 50, everyDays: 1, count: 28), DosePhase(doseMg: 50, everyDays: 1, count: 28, delayDays: 14),
                              DosePhase(doseMg: 25, everyDays: 1, delayDays: 14)], maxDays: 150, source: "sunitinib 4/2")
        let periods = s.continuousInput(horizon: 365)
        #expect(periods.map(\.start) == [0, 42, 84])
        #expect(periods.map(\.end) == [28, 70, 150])
        #expect(periods.map(\.mgPerDay) == [50, 50, 25])
        // A dose every other day is half the daily input.
        s = DoseSchedule(doseMg: 100, everyDays: 2, source: "q2d")
        #expect(s.continuousInput(horizon: 10).map(\.mgPerDay) == [50])
        #expect(DoseSchedule(doseMg: 100, everyDays: 1, source: "late").continuousInput(horizon: 10).map(\.end) == [10])
    }

    @Test("an oral drug's input switches off for a break and on again")
    func oralBreakEvents() throws {
        var regimen = try Regimen(parsing: "axitinib")
        regimen.slots[0].schedule = DoseSchedule([DosePhase(doseMg: 10, everyDays: 1, count: 28), DosePhase(doseMg: 10, everyDays: 1, delayDays: 14)],
                                                 source: "4 weeks on, 2 off, then on")
        let model = try compiled(regimen)
        let input = try #require(model.network.oralInputIndex(slot: 0))
        let rate = 10 * regimen.slots[0].drug.nanomolPerMg
        let events = Simulator().doseEvents(model: model, days: 100)
        #expect(events.map(\.time) == [0, 28, 42])
        #expect(events.map(\.changes) == [[StateChange(index: input, .set(rate))], [StateChange(index: input, .set(0))],
                                          [StateChange(index: input, .set(rate))]])
    }

    @Test("consecutive oral phases change the rate without switching off between them")
    func oralDoseChange() throws {
        var regimen = try Regimen(parsing: "axitinib")
        regimen.slots[0].schedule = DoseSchedule([DosePhase(doseMg: 10, everyDays: 1, count: 14), DosePhase(doseMg: 20, everyDays: 1)],
                                                 maxDays: 60, source: "titration")
        let model = try compiled(regimen)
        let input = try #require(model.network.oralInputIndex(slot: 0))
        let perMg = regimen.slots[0].drug.nanomolPerMg
        let events = Simulator().doseEvents(model: model, days: 100)
        #expect(events.map(\.time) == [0, 14, 60])
        #expect(events.map(\.changes) == [[StateChange(index: input, .set(10 * perMg))], [StateChange(index: input, .set(20 * perMg))],
                                          [StateChange(index: input, .set(0))]])
    }
}
