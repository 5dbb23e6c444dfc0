import Testing
import Foundation
@testable import TumorImmune

/// Bad input is a thrown ``BlockadeError`` that names the problem and what was expected.
@Suite("Input validation")
struct InputValidationTests {
    @Test("unknown tumour type lists the valid ids")
    func unknownTumour() {
        #expect(throws: BlockadeError.unknownName(kind: "tumour type", name: "glioma", valid: TumorType.catalogue.map(\.id))) {
            try TumorType.named("glioma")
        }
    }

    @Test("unknown drug lists the valid drugs, also inside a regimen")
    func unknownDrug() {
        let expected = BlockadeError.unknownName(kind: "drug", name: "aspirin", valid: Drug.catalogue.map(\.id) + Regimen.controls.sorted())
        #expect(throws: expected) { try Drug.named("aspirin") }
        #expect(throws: expected) { try Regimen(parsing: "nivolumab+aspirin") }
    }

    @Test("unknown mechanism lists the valid mechanisms")
    func unknownMechanism() throws {
        let error = BlockadeError.unknownName(kind: "mechanism", name: "hypoxia", valid: Mechanism.allCases.map(\.rawValue))
        #expect(throws: error) { try Mechanism.parse("hypoxia") }
        for m in Mechanism.allCases { #expect(error.description.contains(m.rawValue)) }
        #expect(error.description.contains("'hypoxia'"))
    }

    @Test("names are matched case-insensitively")
    func caseInsensitive() throws {
        #expect(try TumorType.named("Melanoma").id == "melanoma")
        #expect(try Drug.named("NIVOLUMAB").id == "nivolumab")
        #expect(try Mechanism.parse("Stromal-Barrier") == .stromalBarrier)
    }

    @Test("a mechanism level outside [0, 1] or not a number is rejected",
          arguments: [1.5, -0.1, Double.nan, Double.infinity])
    func badLevel(_ level: Double) {
        var levels = MechanismLevels()
        #expect {
            try levels.set(.stromalBarrier, level)
        } throws: { error in
            guard case let .invalidValue(name, _, expected) = error as? BlockadeError else { return false }
            return name == "stromal-barrier" && expected.contains("0") && expected.contains("1")
        }
        #expect(levels[.stromalBarrier] == 0, "a rejected level must not be stored")
    }

    @Test("levels 0 and 1 are accepted")
    func boundaryLevels() throws {
        var levels = MechanismLevels()
        try levels.set(.stromalBarrier, 1)
        try levels.set(.tregSuppression, 0)
        #expect(levels[.stromalBarrier] == 1 && levels[.tregSuppression] == 0)
    }

    struct PatientCase: Sendable, CustomTestStringConvertible {
        var field: String
        var change: @Sendable (inout Patient) -> Void
        var testDescription: String { field }
    }

    static let badPatients: [PatientCase] = [
        PatientCase(field: "baseline diameter") { $0.baselineDiameterMM = 0 },
        PatientCase(field: "baseline diameter") { $0.baselineDiameterMM = .nan },
        PatientCase(field: "doubling time") { $0.doublingTimeDays = -30 },
        PatientCase(field: "doubling time") { $0.doublingTimeDays = 0 },
        PatientCase(field: "tmb") { $0.tmb = -1 },
        PatientCase(field: "pdl1") { $0.pdl1 = .infinity },
        PatientCase(field: "t-cell-exhaustion") { $0.mechanisms[.tCellExhaustion] = 1.5 },
    ]

    @Test("an unphysical patient is rejected, naming the field", arguments: badPatients)
    func badPatient(_ c: PatientCase) throws {
        var p = Patient(typical: try TumorType.named("melanoma"))
        c.change(&p)
        let check: (any Error) -> Bool = { error in
            guard case let .invalidValue(name, _, _) = error as? BlockadeError else { return false }
            return name == c.field
        }
        #expect(performing: { try p.validate() }, throws: check)
        // The simulator validates before it does any work.
        #expect(performing: { try Simulator().run(patient: p, regimen: Regimen(parsing: "placebo")) }, throws: check)
    }

    @Test("every typical patient is valid", arguments: TumorType.catalogue.map(\.id))
    func typicalPatientsValid(_ id: String) throws {
        try Patient(typical: TumorType.named(id)).validate()
    }

    @Test("malformed regimens are invalid arguments",
          arguments: ["nivolumab+", "+nivolumab", "", "nivolumab++ipilimumab", "nivolumab+nivolumab",
                      "nivolumab+Nivolumab", "nivolumab@liposome"])
    func badRegimen(_ text: String) {
        #expect {
            try Regimen(parsing: text)
        } throws: { error in
            guard case let .invalidArgument(message) = error as? BlockadeError else { return false }
            return message.contains("'\(text)'")
        }
    }

    @Test("regimens parse into their drugs; control arms give none")
    func goodRegimens() throws {
        #expect(try Regimen(parsing: "nivolumab+ipilimumab").slots.map(\.drug.id) == ["nivolumab", "ipilimumab"])
        #expect(try Regimen(parsing: " Nivolumab + relatlimab ").slots.map(\.drug.id) == ["nivolumab", "relatlimab"])
        #expect(try Regimen(parsing: "placebo").slots.isEmpty)
        #expect(try Regimen(parsing: "best-supportive-care").slots.isEmpty)
        #expect(try Regimen(parsing: "nivolumab+ipilimumab").name == "nivolumab+ipilimumab")
    }
}
