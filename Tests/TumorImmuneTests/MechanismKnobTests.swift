import Testing
@testable import TumorImmune

/// Each resistance knob must make the tumour do worse under PD-1 blockade: a typical melanoma
/// under nivolumab for 365 days, `acquired-antigen-loss` off so no other escape route mixes in.
@Suite("Mechanism knobs move the outcome the way the biology says")
struct MechanismKnobTests {
    /// Every knob except acquired-antigen-loss (which is held at 0 here and tested below).
    static let mechanisms: [Mechanism] = [
        .antigenPresentationLoss, .stromalBarrier, .mdscSuppression, .tregSuppression, .m2Macrophages,
        .chemokineSilencing, .lowAntigenicity, .compensatoryCheckpoints, .tCellExhaustion,
    ]

    @Test("diameter at day 365 grows with the knob: level 0 < 1 and 0 ≤ 0.5 ≤ 1", arguments: mechanisms)
    func moreMechanismLargerTumour(_ m: Mechanism) throws {
        let nivolumab = try Regimen(parsing: "nivolumab")
        let diameters = try [0.0, 0.5, 1.0].map { level in
            let result = try Simulator().run(patient: melanomaPatient([m: level]), regimen: nivolumab)
            return try #require(result.diameterMM.last)
        }
        #expect(diameters[0] < diameters[2], "\(m.rawValue): day-365 diameters at 0/0.5/1 = \(diameters)")
        #expect(diameters[0] <= diameters[1] && diameters[1] <= diameters[2],
                "\(m.rawValue): not monotone, day-365 diameters at 0/0.5/1 = \(diameters)")
    }

    /// Immunoediting: with a full antigen-loss knob, the antigen-loss clone takes a larger share
    /// of the tumour under treatment than with the knob off.
    @Test("acquired-antigen-loss enriches the antigen-loss clone under nivolumab")
    func antigenLossEnrichesLossClone() throws {
        let nivolumab = try Regimen(parsing: "nivolumab")
        let fractions = try [0.0, 1.0].map { level in
            let r = try Simulator().run(patient: melanomaPatient([.acquiredAntigenLoss: level]), regimen: nivolumab)
            let loss = try #require(r.amount(.cancerLoss, atDay: 365))
            let positive = try #require(r.amount(.cancerPositive, atDay: 365))
            return loss / (loss + positive)
        }
        #expect(fractions[0] < fractions[1], "antigen-loss fraction at day 365, knob 0 vs 1: \(fractions)")
    }
}
