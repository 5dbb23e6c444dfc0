import Foundation
import BlockadeTestSupport
import Trials
import TumorImmune

/// Builders for hand-made and seeded random trial data.
enum Fixtures {
    /// Gehan's 6-MP leukaemia remission data (weeks; Gehan, *Biometrika* 52:203 (1965),
    /// doi:10.1093/biomet/52.1-2.203), the textbook two-group example with ties and censoring
    /// (Kalbfleisch & Prentice 2002; Klein & Moeschberger 2003 §4.2).
    static let sixMP: [SurvivalObservation] = zip(
        [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35] as [Double],
        [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]).map {
            SurvivalObservation(time: $0, event: $1 == 1)
        }
    static let placebo: [SurvivalObservation] =
        ([1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23] as [Double]).map {
            SurvivalObservation(time: $0, event: true)
        }

    static func outcome(patient: Int, response: ResponseCategory = .stableDisease, pfs: Double = 100,
                        progressed: Bool = true, os: Double = 300, died: Bool = false,
                        resistance: ResistanceKind = .none, mechanisms: [Mechanism] = [],
                        grade3: Bool = false, discontinued: Bool = false) -> PatientOutcome {
        PatientOutcome(patient: patient, bestResponse: response, responseOnsetDay: response.isResponse ? 56 : nil,
                       pfsDays: pfs, progressed: progressed, osDays: os, died: died, bestPercentChange: -10,
                       scanDays: [56], scanPercentChange: [-10], treatmentEndDay: pfs, resistance: resistance,
                       drivingMechanisms: mechanisms, adverseEvents: [], grade3PlusAdverseEvent: grade3,
                       discontinuedForToxicity: discontinued)
    }

    /// Random survival data in whole days (so ties are common) with random censoring.
    static func randomObservations(count: Int, meanDays: Double, censoring: Double,
                                   using rng: inout SeededGenerator) -> [SurvivalObservation] {
        (0..<count).map { _ in
            let t = (-meanDays * log(Double.random(in: Double.ulpOfOne...1, using: &rng))).rounded()
            return SurvivalObservation(time: t, event: Double.random(in: 0..<1, using: &rng) >= censoring)
        }
    }

    /// A random arm of `count` patients (indices 0..<count) with plausible, internally random outcomes.
    static func randomArm(regimen: String, count: Int, using rng: inout SeededGenerator) -> ArmOutcomes {
        let outcomes = (0..<count).map { i -> PatientOutcome in
            let response = ResponseCategory.allCases.randomElement(using: &rng) ?? .stableDisease
            let pfs = (Double.random(in: 0..<1, using: &rng) * 720).rounded()
            let progressed = Bool.random(using: &rng)
            let resistance: ResistanceKind = response.isResponse ? (progressed ? .acquired : .none) : .primary
            let mechanisms = Mechanism.allCases.filter { _ in Double.random(in: 0..<1, using: &rng) < 0.2 }
            return outcome(patient: i, response: response, pfs: pfs, progressed: progressed,
                           os: pfs + (Double.random(in: 0..<1, using: &rng) * 400).rounded(), died: Bool.random(using: &rng),
                           resistance: resistance, mechanisms: resistance == .none ? [] : mechanisms,
                           grade3: Double.random(in: 0..<1, using: &rng) < 0.2,
                           discontinued: Double.random(in: 0..<1, using: &rng) < 0.1)
        }
        return ArmOutcomes(regimen: regimen, outcomes: outcomes)
    }
}


/// |a − b| ≤ tolerance · max(1, |b|).
func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance * max(1, abs(b))
}
