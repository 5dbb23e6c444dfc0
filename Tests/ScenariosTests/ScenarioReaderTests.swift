import Foundation
import Testing
import Trials
import TumorImmune
@testable import Scenarios

/// Reads `yaml` as `test.yaml`.
func scenario(_ yaml: String, tumor: String? = nil) throws(ScenarioError) -> Scenario {
    try Scenario(yaml: yaml, file: "test.yaml", tumor: tumor)
}

/// The administrations of drug `id` in the first arm.
func doses(_ s: Scenario, _ id: String, arm: Int = 0, horizon: Double = 3650) throws -> [(day: Double, doseMg: Double)] {
    let slot = try #require(s.arms[arm].regimen.slots.first { $0.drug.id == id })
    return slot.schedule.administrations(horizon: horizon)
}

@Suite("Scenario files: doses and schedules")
struct ScenarioScheduleTests {
    @Test("a 'regimen:' arm is the label regimen, named as written or by 'name:'")
    func labelArm() throws {
        let s = try scenario("""
            tumor: melanoma
            arms:
              - regimen: nivolumab+ipilimumab
              - name: combination again
                regimen: Nivolumab+Ipilimumab
            """)
        let label = try Regimen(parsing: "nivolumab+ipilimumab", tumor: "melanoma")
        #expect(s.arms[0].regimen == label)
        #expect(s.arms[1].regimen.name == "combination again")
        #expect(s.arms[1].regimen.slots == label.slots)
    }

    @Test("drugs without schedule keys get their label for the tumour and partner drugs")
    func labelsWithPartners() throws {
        for tumor in ["melanoma", "rcc", "nsclc"] {
            let s = try scenario("arms:\n  - drugs:\n      - drug: nivolumab\n      - drug: ipilimumab\n", tumor: tumor)
            let label = try Regimen(parsing: "nivolumab+ipilimumab", tumor: tumor)
            #expect(s.arms[0].regimen == label, "\(tumor)")
        }
    }

    @Test("mg/kg doses use the body weight (default 80 kg), mg/m² the body-surface area (default 1.9 m²)")
    func bodySize() throws {
        let yaml = """
            tumor: melanoma
            arms:
              - drugs:
                  - drug: ipilimumab
                    dose_mg_per_kg: 3
                  - drug: docetaxel
                    dose_mg_per_m2: 75
            """
        let standard = try scenario(yaml)
        #expect(try doses(standard, "ipilimumab").map(\.doseMg) == [240, 240, 240, 240])
        #expect(try doses(standard, "docetaxel").first?.doseMg == 75 * 1.9)
        let small = try scenario("body_weight_kg: 62\nbody_surface_m2: 1.6\n" + yaml)
        #expect(try doses(small, "ipilimumab").map(\.doseMg) == [186, 186, 186, 186])
        #expect(try doses(small, "docetaxel").first?.doseMg == 75 * 1.6)
    }

    @Test("a dose alone keeps the label's interval and number of doses")
    func doseOnly() throws {
        let s = try scenario("tumor: melanoma\narms:\n  - drugs:\n      - drug: nivolumab\n      - drug: ipilimumab\n        dose_mg_per_kg: 1\n")
        #expect(try doses(s, "ipilimumab").map(\.day) == [0, 21, 42, 63])
        #expect(try doses(s, "ipilimumab").allSatisfy { $0.doseMg == 80 })
        // Nivolumab keeps its melanoma-with-ipilimumab label.
        #expect(try doses(s, "nivolumab", horizon: 120).map(\.doseMg) == [80, 80, 80, 80, 240, 240, 240])
    }

    @Test("every_days and doses change a one-phase label; start_day delays it; treatment_days counts from the first dose")
    func singlePhase() throws {
        let s = try scenario("""
            tumor: melanoma
            arms:
              - drugs:
                  - drug: pembrolizumab
                    dose_mg: 400
                    every_days: 42
                    start_day: 7
                    treatment_days: 100
            """)
        #expect(try doses(s, "pembrolizumab").map(\.day) == [7, 49, 91])
        #expect(try doses(s, "pembrolizumab").allSatisfy { $0.doseMg == 400 })
        #expect(s.arms[0].regimen.slots[0].schedule.maxDays == 107)
    }

    @Test("a dose, every_days and doses together replace even a label with several phases")
    func completeSinglePhase() throws {
        let s = try scenario("""
            tumor: nsclc
            arms:
              - drugs:
                  - drug: radiotherapy-sbrt
                    dose_gy: 6
                    every_days: 1
                    doses: 5
                    start_day: 14
                  - drug: dostarlimab
                    dose_mg: 500
                    every_days: 21
                    doses: 4
            """)
        #expect(try doses(s, "radiotherapy-sbrt").map(\.day) == [14, 15, 16, 17, 18])
        #expect(try doses(s, "radiotherapy-sbrt").allSatisfy { $0.doseMg == 6 })
        #expect(try doses(s, "dostarlimab").map(\.day) == [0, 21, 42, 63])
    }

    @Test("phases with a break: the break adds to the interval after the last dose before it")
    func phasesWithBreak() throws {
        let s = try scenario("""
            tumor: melanoma
            arms:
              - drugs:
                  - drug: nivolumab
                    phases:
                      - {dose_mg: 240, every_days: 14, doses: 6}
                      - break_days: 28
                      - {dose_mg: 480, every_days: 28}
            """)
        let given = try doses(s, "nivolumab", horizon: 200)
        #expect(given.map(\.day) == [0, 14, 28, 42, 56, 70, 112, 140, 168, 196])
        #expect(given.map(\.doseMg) == [240, 240, 240, 240, 240, 240, 480, 480, 480, 480])
    }

    @Test("a leading break and start_day both delay the first phase")
    func leadingBreak() throws {
        let s = try scenario("""
            tumor: melanoma
            arms:
              - drugs:
                  - drug: nivolumab
                    start_day: 7
                    phases:
                      - break_days: 7
                      - {dose_mg: 240, every_days: 14, doses: 2}
            """)
        #expect(try doses(s, "nivolumab").map(\.day) == [14, 28])
    }

    @Test("radiotherapy fractions on listed days, in Gy per fraction; an SBRT label shifted by start_day")
    func radiotherapy() throws {
        let s = try scenario("""
            tumor: nsclc
            arms:
              - drugs:
                  - drug: radiotherapy-sbrt
                    dose_gy: 6
                    days: [21, 22, 23, 24, 25]
                  - drug: pembrolizumab
              - drugs:
                  - drug: radiotherapy-sbrt
                    start_day: 28
            """)
        #expect(try doses(s, "radiotherapy-sbrt").map(\.day) == [21, 22, 23, 24, 25])
        #expect(try doses(s, "radiotherapy-sbrt").allSatisfy { $0.doseMg == 6 })
        #expect(try doses(s, "radiotherapy-sbrt", arm: 1).map(\.day) == [28, 29, 30])
        #expect(try doses(s, "radiotherapy-sbrt", arm: 1).allSatisfy { $0.doseMg == 8 })
        // The label course is 8 Gy × 3 over 10 days; delayed, it still ends 10 days after it starts.
        #expect(s.arms[1].regimen.slots[0].schedule.maxDays == 38)
    }

    @Test("an oral drug's phases and breaks become its input periods")
    func oral() throws {
        let s = try scenario("""
            tumor: rcc
            arms:
              - drugs:
                  - drug: sunitinib
                    phases:
                      - {dose_mg: 50, every_days: 1, doses: 28}
                      - break_days: 14
                      - {dose_mg: 50, every_days: 1, doses: 28}
            """)
        let periods = s.arms[0].regimen.slots[0].schedule.continuousInput(horizon: 365)
        #expect(periods.map(\.start) == [0, 42])
        #expect(periods.map(\.end) == [28, 70])
    }

    @Test("co-delivered drugs share one carrier and a group, in the order written")
    func coDelivery() throws {
        let s = try scenario("""
            tumor: tnbc
            arms:
              - name: carrier arm
                drugs:
                  - drug: doxorubicin@liposome:targeted
                    co_delivery: pair
                  - drug: nivolumab
                  - drug: entinostat@liposome:targeted
                    co_delivery: pair
            """)
        let label = try Regimen(parsing: "doxorubicin&entinostat@liposome:targeted+nivolumab", tumor: "tnbc")
        #expect(s.arms[0].regimen.slots == label.slots)
        #expect(s.arms[0].regimen.name == "carrier arm")
    }

    @Test("an untreated arm is an empty drug list")
    func untreated() throws {
        let s = try scenario("tumor: melanoma\narms:\n  - drugs: []\n  - name: control\n    drugs: []\n")
        #expect(s.arms[0].regimen.slots.isEmpty && s.arms[0].regimen.name == "placebo")
        #expect(s.arms[1].regimen.name == "control")
    }

    @Test("patient values and mechanism levels set on the tumour type's typical patient")
    func patient() throws {
        let s = try scenario("""
            tumor: nsclc
            patient:
              diameter_mm: 85
              doubling_time_days: 90
              tmb: 14
              pdl1: 0.4
              mechanisms:
                stromal-barrier: 0.8
            arms:
              - regimen: pembrolizumab
            """)
        var expected = Patient(typical: try TumorType.named("nsclc"))
        expected.baselineDiameterMM = 85; expected.doublingTimeDays = 90; expected.tmb = 14; expected.pdl1 = 0.4
        expected.mechanisms[.stromalBarrier] = 0.8
        #expect(s.patient == expected)
        #expect(s.patientLocation == ScenarioLocation(file: "test.yaml", line: 2, column: 1))
    }

    @Test("trial settings, days and the tumour override")
    func settings() throws {
        let s = try scenario("""
            tumor: melanoma
            days: 365
            trial:
              patients: 50
              seed: 18446744073709551615
              selection: pdl1_tps>=50
              line: pretreated
            arms:
              - regimen: nivolumab+ipilimumab
            """, tumor: "rcc")
        #expect(s.tumor.id == "rcc" && s.days == 365)
        #expect(s.trial.patients == 50 && s.trial.seed == .max && s.trial.selection == "pdl1_tps>=50" && s.trial.line == .pretreated)
        // Label schedules follow the overriding tumour: nivolumab 3 mg/kg with ipilimumab in RCC.
        #expect(try doses(s, "nivolumab").first?.doseMg == 240)
    }

    @Test("a drug first given after the simulated days is reported at its entry")
    func neverGiven() throws {
        let s = try scenario("tumor: melanoma\narms:\n  - drugs:\n      - drug: nivolumab\n        start_day: 400\n")
        #expect(throws: ScenarioError.self) { try s.checkDoses(within: 365) }
        try s.checkDoses(within: 730)
        do {
            try s.checkDoses(within: 365)
        } catch {
            #expect(error.location == ScenarioLocation(file: "test.yaml", line: 4, column: 9))
            #expect(error.message.contains("day 400") && error.message.contains("365 days"))
        }
    }

    @Test("arms are found by name or by number")
    func armLookup() throws {
        let s = try scenario("tumor: melanoma\narms:\n  - regimen: nivolumab\n  - regimen: pembrolizumab\n")
        #expect(try s.arm(named: "pembrolizumab").regimen.name == "pembrolizumab")
        #expect(try s.arm(named: "1").regimen.name == "nivolumab")
        #expect(throws: BlockadeError.self) { try s.arm(named: "3") }
    }
}
