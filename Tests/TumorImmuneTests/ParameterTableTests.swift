import Testing
import Reactions
@testable import TumorImmune

@Suite("Parameter table")
struct ParameterTableTests {
    let table = TumorImmuneParameters.table

    @Test("one table entry per case of P, in order of the rate laws' indices")
    func countMatchesEnum() {
        #expect(table.count == P.allCases.count)
        #expect(P.allCases.map(\.rawValue) == Array(0..<P.allCases.count))
    }

    /// Every catalogue therapy in one network, doxorubicin carried by a liposome (as in docs/MODEL.md).
    static var everyTherapy: TumorImmuneNetwork {
        var slots = Drug.catalogue.map { DrugSlot(drug: $0) }
        if let k = slots.firstIndex(where: { $0.drug.id == "doxorubicin" }) { slots[k].carrier = try? Carrier.named("liposome") }
        return TumorImmuneNetwork(slots: slots)
    }

    @Test("parameter ids are unique, also with every therapy's PK, effect and carrier parameters appended")
    func idsUnique() {
        let shared = table.map(\.id)
        #expect(Set(shared).count == shared.count, "duplicates: \(shared.duplicates)")
        // CTLA-4 antibodies are checked in `KnownModelIssueTests` (their two CTLA-4 effects share an id).
        let all = Self.everyTherapy.parameters.map(\.id).filter { !$0.hasSuffix("_ctla4_blockade_emax") }
        #expect(Set(all).count == all.count, "duplicates: \(all.duplicates)")
        let species = Self.everyTherapy.species.map(\.id)
        #expect(Set(species).count == species.count, "duplicate species: \(species.duplicates)")
    }

    @Test("every parameter states units and a source")
    func unitsAndSources() {
        for p in Self.everyTherapy.parameters {
            #expect(!p.units.trimmingCharacters(in: .whitespaces).isEmpty, "\(p.id) has no units")
            #expect(!p.source.trimmingCharacters(in: .whitespaces).isEmpty, "\(p.id) has no source")
            #expect(p.value.isFinite, "\(p.id) = \(p.value)")
        }
    }

    @Test("each mechanism's parameter id is a parameter of the network", arguments: Mechanism.allCases)
    func mechanismParameterExists(_ m: Mechanism) throws {
        let model = try CompiledNetwork(TumorImmuneNetwork(slots: []))
        #expect(model.parameterIndex(m.parameterID) != nil, "\(m.parameterID) is not a parameter")
    }

    /// The knobs are read in the rate laws through `P`; the attribution switches them off through
    /// `Mechanism.parameterID`. Both must name the same slot.
    @Test("each knob parameter sits at the index of its P case",
          arguments: [(Mechanism, P)]([
              (.lowAntigenicity, .knobLowAntigenicity), (.antigenPresentationLoss, .knobAntigenPresentationLoss),
              (.chemokineSilencing, .knobChemokineSilencing), (.mdscSuppression, .knobMdsc),
              (.tregSuppression, .knobTreg), (.m2Macrophages, .knobM2),
              (.compensatoryCheckpoints, .knobCompensatory), (.stromalBarrier, .knobStroma),
              (.tCellExhaustion, .knobExhaustion), (.acquiredAntigenLoss, .knobAcquiredLoss),
          ]))
    func knobAtItsIndex(_ m: Mechanism, _ q: P) throws {
        #expect(table[q.rawValue].id == m.parameterID)
        let model = try CompiledNetwork(TumorImmuneNetwork(slots: [DrugSlot(drug: try Drug.named("nivolumab"))]))
        #expect(model.parameterIndex(m.parameterID) == q.rawValue)
    }

    @Test("the knob list covers every mechanism exactly once")
    func knobsCoverMechanisms() {
        let knobIDs = table.map(\.id).filter { $0.hasPrefix("knob_") }
        #expect(knobIDs.sorted() == Mechanism.allCases.map(\.parameterID).sorted())
    }

    @Test("a patient's parameter overrides land on the named parameters")
    func patientOverrides() throws {
        var p = Patient(typical: try TumorType.named("nsclc"))
        p.mechanisms[.stromalBarrier] = 0.85
        p.tmb = 21
        p.doublingTimeDays = 50
        let model = try Simulator().compile(patient: p, regimen: Regimen(parsing: "nivolumab"))
        #expect(model.parameterValues[try #require(model.parameterIndex("knob_stromal_barrier"))] == 0.85)
        #expect(model.parameterValues[try #require(model.parameterIndex("tmb"))] == 21)
        let growth = model.parameterValues[try #require(model.parameterIndex("r_growth"))]
        #expect(abs(growth - 0.6931471805599453 / 50) < 1e-15)
    }
}

extension Array where Element: Hashable {
    var duplicates: [Element] {
        var seen = Set<Element>(), dup: [Element] = []
        for x in self where !seen.insert(x).inserted { dup.append(x) }
        return dup
    }
}
