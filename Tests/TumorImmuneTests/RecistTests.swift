import Testing
import BlockadeTestSupport
@testable import TumorImmune

/// RECIST 1.1 (Eisenhauer 2009, doi:10.1016/j.ejca.2008.10.026) read from hand-made scan series.
@Suite("RECIST assessment")
struct RecistTests {
    typealias R = ResponseCategory

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var days: [Double]
        var diameters: [Double]
        var perScan: [R]
        var best: R
        var progressionDay: Double? = nil
        var onset: Double? = nil
        var testDescription: String { name }
    }

    static let q8w: [Double] = [0, 56, 112, 168, 224]

    static let cases: [Case] = [
        Case(name: "PR (−35 %) confirmed 56 days later", days: [0, 56, 112], diameters: [100, 65, 60],
             perScan: [.partialResponse, .partialResponse], best: .partialResponse, onset: 56),
        Case(name: "exactly −30 % is PR", days: [0, 56, 112], diameters: [100, 70, 70],
             perScan: [.partialResponse, .partialResponse], best: .partialResponse, onset: 56),
        Case(name: "−29 % is SD", days: [0, 56, 112], diameters: [100, 71, 71],
             perScan: [.stableDisease, .stableDisease], best: .stableDisease),
        Case(name: "unconfirmed PR is SD", days: [0, 56, 112], diameters: [100, 60, 71],
             perScan: [.partialResponse, .stableDisease], best: .stableDisease),
        Case(name: "PR confirmed only 14 days later is not confirmed", days: [0, 42, 56], diameters: [100, 60, 60],
             perScan: [.partialResponse, .partialResponse], best: .stableDisease),
        Case(name: "PR confirmed exactly 28 days later", days: [0, 42, 70], diameters: [100, 60, 60],
             perScan: [.partialResponse, .partialResponse], best: .partialResponse, onset: 42),
        Case(name: "PR, SD, PR is a confirmed PR", days: [0, 56, 112, 168], diameters: [100, 65, 75, 65],
             perScan: [.partialResponse, .stableDisease, .partialResponse], best: .partialResponse, onset: 56),
        Case(name: "CR on two scans is CR", days: [0, 56, 112], diameters: [100, 3, 2],
             perScan: [.completeResponse, .completeResponse], best: .completeResponse, onset: 56),
        Case(name: "CR then PR (7 mm: +4 mm over the nadir is not PD) is a confirmed PR, not CR", days: [0, 56, 112], diameters: [100, 3, 7],
             perScan: [.completeResponse, .partialResponse], best: .partialResponse, onset: 56),
        Case(name: "PR then CR is PR, CR confirmed later is CR", days: [0, 56, 112, 168], diameters: [100, 40, 3, 3],
             perScan: [.partialResponse, .completeResponse, .completeResponse], best: .completeResponse, onset: 56),
        Case(name: "+25 % over a 10 mm nadir but +2.5 mm is not PD", days: [0, 56], diameters: [10, 12.5],
             perScan: [.stableDisease], best: .stableDisease),
        Case(name: "+50 % and +5 mm over a 10 mm nadir is PD", days: [0, 56], diameters: [10, 15],
             perScan: [.progressiveDisease], best: .progressiveDisease, progressionDay: 56),
        Case(name: "+19 % over baseline is SD", days: [0, 56], diameters: [100, 119],
             perScan: [.stableDisease], best: .stableDisease),
        Case(name: "PD is measured from the nadir, not baseline", days: [0, 56, 112], diameters: [100, 50, 61],
             perScan: [.partialResponse, .progressiveDisease], best: .stableDisease, progressionDay: 112),
        Case(name: "PD after a confirmed PR: acquired resistance", days: q8w, diameters: [100, 60, 55, 80, 40],
             perScan: [.partialResponse, .partialResponse, .progressiveDisease], best: .partialResponse,
             progressionDay: 168, onset: 56),
        Case(name: "SD before day 42 does not count: best is PD", days: [0, 28, 56], diameters: [100, 95, 130],
             perScan: [.stableDisease, .progressiveDisease], best: .progressiveDisease, progressionDay: 56),
        Case(name: "SD on day 42 counts", days: [0, 42, 84], diameters: [100, 95, 130],
             perScan: [.stableDisease, .progressiveDisease], best: .stableDisease, progressionDay: 84),
        Case(name: "assessment stops at the first PD", days: q8w, diameters: [100, 130, 60, 60, 60],
             perScan: [.progressiveDisease], best: .progressiveDisease, progressionDay: 56),
        Case(name: "progression day is the first PD scan", days: q8w, diameters: [100, 100, 125, 150, 200],
             perScan: [.stableDisease, .progressiveDisease], best: .stableDisease, progressionDay: 112),
    ]

    @Test("reading of the scan series", arguments: cases)
    func reading(_ c: Case) {
        let a = RecistAssessment(scanDays: c.days, diametersMM: c.diameters)
        #expect(a.perScan == c.perScan)
        #expect(a.bestOverallResponse == c.best)
        #expect(a.progressionDay == c.progressionDay)
        #expect(a.responseOnsetDay == c.onset)
        #expect(a.scanDays == Array(c.days.prefix(c.perScan.count + 1)))
        #expect(a.isPrimaryResistance == !c.best.isResponse)
        #expect(a.isAcquiredResistance == (c.best.isResponse && c.progressionDay != nil))
    }

    @Test("duration of response runs from confirmed onset to progression")
    func durationOfResponse() {
        let relapse = RecistAssessment(scanDays: Self.q8w, diametersMM: [100, 60, 55, 80, 40])
        #expect(relapse.durationOfResponseDays == 112)
        let durable = RecistAssessment(scanDays: Self.q8w, diametersMM: [100, 60, 55, 50, 40])
        #expect(durable.durationOfResponseDays == nil)
        #expect(!durable.isAcquiredResistance && !durable.isPrimaryResistance)
    }

    @Test("rules can be changed: a 10 % PR threshold makes −15 % a PR")
    func customRules() {
        var rules = RecistRules()
        rules.partialResponseShrinkage = 0.10
        let a = RecistAssessment(scanDays: [0, 56, 112], diametersMM: [100, 85, 85], rules: rules)
        #expect(a.bestOverallResponse == .partialResponse)
        #expect(rules.scanDays(horizon: 365) == [0, 56, 112, 168, 224, 280, 336])
    }

    /// Invariants that must hold for any scan series (seeded random series, reproducible).
    @Test("invariants on random scan series")
    func randomSeriesInvariants() {
        var rng = SeededGenerator(seed: 20_261_129)
        for _ in 0..<2000 {
            let n = Int.random(in: 2...9, using: &rng)
            var days: [Double] = [0]
            for _ in 1..<n { days.append(days.last! + Double(Int.random(in: 14...84, using: &rng))) }
            let diameters = (0..<n).map { _ in Double.random(in: 0...150, using: &rng) }
            let a = RecistAssessment(scanDays: days, diametersMM: diameters)
            let context = "days \(days), diameters \(diameters)"
            #expect(a.perScan.count == a.scanDays.count - 1, "\(context)")
            #expect(!a.perScan.dropLast().contains(.progressiveDisease), "assessment continued after PD: \(context)")
            #expect((a.perScan.last == .progressiveDisease) == (a.progressionDay != nil), "\(context)")
            if let pd = a.progressionDay { #expect(pd == a.scanDays.last, "\(context)") }
            #expect(a.bestOverallResponse.isResponse == (a.responseOnsetDay != nil), "\(context)")
            // A confirmed response needs at least two response scans.
            if a.bestOverallResponse.isResponse {
                #expect(a.perScan.filter(\.isResponse).count >= 2, "\(context)")
            }
            // Best response is never better than the best single scan.
            if let bestScan = a.perScan.min() { #expect(a.bestOverallResponse >= bestScan, "\(context)") }
            if !a.perScan.isEmpty { #expect(a.bestOverallResponse != .completeResponse || a.perScan.filter { $0 == .completeResponse }.count >= 2) }
            if let pd = a.progressionDay, let onset = a.responseOnsetDay { #expect(onset < pd, "\(context)") }
        }
    }
}
