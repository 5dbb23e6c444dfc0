import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reports

@Suite("SVG charts and HTML reports")
struct ReportsTests {
    private func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test("a line chart is well-formed SVG with one polyline per series and escaped text")
    func lineChart() {
        let chart = SVGLineChart(title: "Tumour <size> & CD8", xLabel: "day", yLabel: "mm", series: [
            .init(name: "A", x: [0, 1, 2], y: [60, 50, 40], color: "#000"),
            .init(name: "B", x: [0, 1, 2], y: [60, 70, 80], color: "#f00", dashed: true),
        ])
        let svg = chart.render()
        #expect(isWellFormedXML(svg))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("Tumour &lt;size&gt; &amp; CD8"))
        #expect(svg.contains("stroke-dasharray=\"6,4\""))
    }

    @Test("non-finite points are dropped, never written as NaN")
    func nonFinite() {
        let chart = SVGLineChart(title: "t", xLabel: "x", yLabel: "y",
                                 series: [.init(name: "s", x: [0, 1, 2, 3], y: [1, .nan, .infinity, 2], color: "#000")])
        let svg = chart.render()
        #expect(!svg.lowercased().contains("nan"))
        #expect(!svg.contains("inf"))
        #expect(isWellFormedXML(svg))
    }

    @Test("a log axis labels whole decades and places larger values higher")
    func logAxis() throws {
        var chart = SVGLineChart(title: "cells", xLabel: "day", yLabel: "cells",
                                 series: [.init(name: "s", x: [0, 1], y: [1e3, 1e9], color: "#000")])
        chart.logY = true
        let svg = chart.render()
        #expect(svg.contains(">1e3<") && svg.contains(">1e9<"))
        let points = try #require(svg.split(separator: "points=\"").dropFirst().first?.split(separator: "\"").first)
        let ys = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
        #expect(ys.count == 2 && ys[1] < ys[0], "SVG y grows downwards, so the larger value has the smaller y")
    }

    @Test("an empty chart says so instead of failing")
    func emptyChart() {
        let svg = SVGLineChart(title: "nothing", xLabel: "x", yLabel: "y", series: []).render()
        #expect(svg.contains("no data"))
        #expect(isWellFormedXML(svg))
    }

    @Test("an HTML report is self-contained: no external scripts, stylesheets or images")
    func htmlReport() {
        var report = HTMLReport(title: "Demo <1>")
        report.heading("Section")
        report.paragraph("a & b")
        report.table(header: ["x", "y"], rows: [["1", "<2>"]])
        report.chart(SVGLineChart(title: "c", xLabel: "x", yLabel: "y", series: [.init(name: "s", x: [0, 1], y: [0, 1], color: "#000")]))
        let html = report.render()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Demo &lt;1&gt;</title>"))
        #expect(html.contains("<td>&lt;2&gt;</td>"))
        #expect(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("<script"))
    }
}
