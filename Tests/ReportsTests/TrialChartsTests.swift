import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import BlockadeTestSupport
@testable import Reports

/// Parses `text` as XML and counts elements by name.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
}

/// Element counts of a well-formed document; nil if it is not well-formed XML.
func elementCounts(_ text: String) -> [String: Int]? {
    let parser = XMLParser(data: Data(text.utf8))
    let counter = ElementCounter()
    parser.delegate = counter
    return parser.parse() ? counter.counts : nil
}

/// Occurrences of `needle` in `text`.
func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

/// Nothing a chart writes may be NaN or infinite.
func hasNoNonFinite(_ svg: String) -> Bool {
    let lower = svg.lowercased()
    return !lower.contains("nan") && !lower.contains("inf\"") && !lower.contains("=\"inf") && !lower.contains("-inf")
}

/// A small random cohort for the per-patient charts (seeded).
func cohort(_ n: Int, seed: UInt64) -> [(label: String, change: Double, response: RecistResponse, end: Double)] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n).map { k in
        let change = Double.random(in: -100...150, using: &rng)
        let response: RecistResponse = change <= -100 ? .completeResponse : change <= -30 ? .partialResponse : change < 20 ? .stableDisease : .progressiveDisease
        return ("P\(k)", change, response, Double.random(in: 21...720, using: &rng).rounded())
    }
}

@Suite("Trial charts")
struct TrialChartsTests {
    @Test("waterfall: one bar per patient, sorted from growth to shrinkage, coloured by response, RECIST lines")
    func waterfall() throws {
        let bars = cohort(30, seed: 1).map { WaterfallChart.Bar(patient: $0.label, percentChange: $0.change, response: $0.response) }
        let chart = WaterfallChart(title: "Waterfall", bars: bars)
        let svg = chart.render()
        let counts = try #require(elementCounts(svg))
        #expect(occurrences("class=\"bar ", in: svg) == 30)
        #expect(occurrences("class=\"threshold\"", in: svg) == 2)
        #expect(chart.sortedBars.map(\.percentChange) == bars.map(\.percentChange).sorted(by: >))
        for response in Set(bars.map(\.response)) {
            #expect(occurrences("class=\"bar \(response.rawValue)\" ", in: svg) == bars.filter { $0.response == response }.count)
            #expect(svg.contains("class=\"bar \(response.rawValue)\" x=") && svg.contains("fill=\"\(response.color)\""))
        }
        #expect((counts["rect"] ?? 0) >= 30)
        #expect(hasNoNonFinite(svg))
    }

    @Test("waterfall: non-finite changes are left out and counted; bars above the clip are marked")
    func waterfallEdgeCases() throws {
        let chart = WaterfallChart(title: "w", bars: [
            .init(patient: "a", percentChange: .nan, response: .notEvaluable),
            .init(patient: "b", percentChange: 400, response: .progressiveDisease),
            .init(patient: "c", percentChange: -100, response: .completeResponse),
        ])
        let svg = chart.render()
        #expect(elementCounts(svg) != nil)
        #expect(hasNoNonFinite(svg))
        #expect(occurrences("class=\"bar ", in: svg) == 2)
        #expect(svg.contains("1 without a measurable change not shown"))
        #expect(svg.contains(">^</text>"))
    }

    @Test("spider: one line per patient from the origin, coloured by response")
    func spider() throws {
        var rng = SeededGenerator(seed: 2)
        let patients = (0..<12).map { k in
            let days = [42.0, 84, 126, 168]
            let change = days.map { _ in Double.random(in: -90...60, using: &rng) }
            return SpiderChart.Patient(patient: "P\(k)", days: days, percentChange: change,
                                       response: [.partialResponse, .stableDisease, .progressiveDisease][k % 3])
        }
        let svg = SpiderChart(title: "Spider", patients: patients).render()
        let counts = try #require(elementCounts(svg))
        #expect(counts["polyline"] == 12)
        #expect(occurrences("stroke=\"\(RecistResponse.partialResponse.color)\"", in: svg) == 4)
        #expect(occurrences("class=\"threshold\"", in: svg) == 2)
        #expect(hasNoNonFinite(SpiderChart(title: "s", patients: [
            .init(patient: "x", days: [10, .nan, 30], percentChange: [5, 5, .infinity], response: .stableDisease),
        ]).render()))
    }

    @Test("swimmer: a lane per patient, longest first, with onset, progression and ongoing markers")
    func swimmer() throws {
        let lanes = [
            SwimmerChart.Lane(patient: "short", treatmentEndDay: 60, progressionDay: 56, response: .progressiveDisease),
            SwimmerChart.Lane(patient: "long", treatmentEndDay: 700, responseOnsetDay: 84, response: .completeResponse, ongoing: true),
            SwimmerChart.Lane(patient: "mid", treatmentEndDay: 300, responseOnsetDay: 42, progressionDay: 280, response: .partialResponse),
        ]
        let chart = SwimmerChart(title: "Swimmer", lanes: lanes)
        let svg = chart.render()
        #expect(elementCounts(svg) != nil)
        #expect(chart.sortedLanes.map(\.patient) == ["long", "mid", "short"])
        #expect(occurrences("class=\"lane ", in: svg) == 3)
        #expect(occurrences("class=\"onset\"", in: svg) == 2)
        #expect(occurrences("class=\"progression\"", in: svg) == 2)
        #expect(occurrences("class=\"ongoing\"", in: svg) == 1)
        #expect(svg.contains("class=\"lane CR\" x=") && svg.contains("fill=\"\(RecistResponse.completeResponse.color)\""))
    }

    @Test("Kaplan–Meier: a step curve per arm, a tick per censored patient and the numbers at risk under the axis")
    func kaplanMeier() throws {
        let a = KaplanMeierChart.Estimate(steps: [.init(time: 2, survival: 0.8), .init(time: 5, survival: 0.5), .init(time: 9, survival: 0.25)],
                                          censorTimes: [3, 6, 12], atRisk: [10, 7, 4, 1])
        let b = KaplanMeierChart.Estimate(steps: [.init(time: 1, survival: 0.6), .init(time: 4, survival: 0.2)],
                                          censorTimes: [8], atRisk: [10, 5, 2, 1])
        let chart = KaplanMeierChart(title: "PFS <arm A & B>", curves: [.init(name: "nivolumab", estimate: a), .init(name: "placebo", estimate: b)],
                                     atRiskTimes: [0, 3, 6, 9])
        let svg = chart.render()
        let counts = try #require(elementCounts(svg))
        #expect(occurrences("class=\"km-curve\"", in: svg) == 2)
        #expect(occurrences("class=\"censor\"", in: svg) == 4)
        #expect(occurrences("class=\"at-risk\"", in: svg) == 8)
        #expect(svg.contains(">7</text>") && svg.contains(">5</text>"))
        #expect(svg.contains("PFS &lt;arm A &amp; B&gt;"))
        #expect((counts["polyline"] ?? 0) == 2)
        // The curve drops vertically at each event: two consecutive vertices share their x.
        let points = try #require(svg.split(separator: "points=\"").dropFirst().first?.split(separator: "\"").first)
        let xs = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        #expect(xs.count == 2 * 3 + 2 && xs[1] == xs[2])
        #expect(a.survival(at: 0) == 1 && a.survival(at: 5) == 0.5 && a.survival(at: 7) == 0.5)
    }

    @Test("bar chart: categories × series bars, percentages, escaped names, n/a for invalid values")
    func barChart() throws {
        let chart = BarChart(title: "Mechanisms", categories: ["low-antigenicity", "treg <suppression>"],
                             series: [.init(name: "nivolumab", values: [0.25, 0.1]), .init(name: "A & B", values: [.nan, 0.5])])
        let svg = chart.render()
        #expect(elementCounts(svg) != nil)
        #expect(occurrences("class=\"bar\"", in: svg) == 4)
        #expect(svg.contains(">25 %</text>") && svg.contains(">n/a</text>"))
        #expect(svg.contains("treg &lt;suppression&gt;") && svg.contains("A &amp; B"))
        #expect(hasNoNonFinite(svg))
    }

    @Test("every chart says 'no data' for empty input and stays well-formed",
          arguments: [
            WaterfallChart(title: "w", bars: []).render(),
            SpiderChart(title: "s", patients: []).render(),
            SwimmerChart(title: "sw", lanes: []).render(),
            KaplanMeierChart(title: "km", curves: []).render(),
            BarChart(title: "b", categories: [], series: []).render(),
          ])
    func empty(svg: String) {
        #expect(svg.contains("no data"))
        #expect(elementCounts(svg) != nil)
    }

    @Test("rendering is deterministic")
    func deterministic() {
        let bars = cohort(50, seed: 3).map { WaterfallChart.Bar(patient: $0.label, percentChange: $0.change, response: $0.response) }
        #expect(WaterfallChart(title: "w", bars: bars).render() == WaterfallChart(title: "w", bars: bars.reversed()).render())
    }

    @Test("tables escape cells, right-align numbers and pad short rows")
    func table() {
        let html = HTMLTable(caption: "ORR <all>", header: ["arm", "ORR", "n"], rows: [["a & b", "41 %"], ["c", "−3.5", "12"]]).render()
        #expect(html.contains("<caption>ORR &lt;all&gt;</caption>"))
        #expect(html.contains("<td>a &amp; b</td><td class=\"num\">41 %</td><td></td>"))
        #expect(html.contains("<td class=\"num\">−3.5</td>"))
        #expect(elementCounts(html) != nil)
    }

    @Test("golden SVG of a small waterfall chart (BLOCKADE_UPDATE_GOLDEN=1 rewrites it)")
    func golden() throws {
        let chart = WaterfallChart(title: "Best change — golden <test>", bars: [
            .init(patient: "P1", percentChange: 35, response: .progressiveDisease),
            .init(patient: "P2", percentChange: -100, response: .completeResponse),
            .init(patient: "P3", percentChange: -45.5, response: .partialResponse),
            .init(patient: "P4", percentChange: 5, response: .stableDisease),
            .init(patient: "P5", percentChange: -12, response: .stableDisease),
        ])
        if let problem = try GoldenFile.mismatch(chart.render() + "\n", name: "waterfall-small.svg") { Issue.record(Comment(rawValue: problem)) }
    }
}
