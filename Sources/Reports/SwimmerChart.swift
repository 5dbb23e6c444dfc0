/// A swimmer plot: one horizontal lane per patient, as long as the time on treatment and coloured by best
/// overall response, with a triangle at response onset, a cross at progression and an arrow for patients
/// still on treatment at data cut-off. Lanes are sorted by duration, longest at the top.
///
/// The chart grows 12 px per lane; callers cap the number of lanes (`TrialReportDocument` shows at most
/// `TrialReportDocument.maxPatientsPerPlot`).
public struct SwimmerChart: Sendable {
    /// One patient.
    public struct Lane: Sendable, Equatable {
        /// Patient label, drawn beside the lane when there are at most 60 lanes.
        public var patient: String
        /// Last day on treatment, days from the first dose.
        public var treatmentEndDay: Double
        /// Day of the first response, nil without one.
        public var responseOnsetDay: Double?
        /// Day of progression, nil without progression.
        public var progressionDay: Double?
        /// Best overall response (lane colour).
        public var response: RecistResponse
        /// Still on treatment at the end of follow-up.
        public var ongoing: Bool
        /// A lane; all days from the first dose.
        public init(patient: String, treatmentEndDay: Double, responseOnsetDay: Double? = nil, progressionDay: Double? = nil,
                    response: RecistResponse, ongoing: Bool = false) {
            self.patient = patient; self.treatmentEndDay = treatmentEndDay; self.responseOnsetDay = responseOnsetDay
            self.progressionDay = progressionDay; self.response = response; self.ongoing = ongoing
        }
    }

    /// Heading drawn above the plot (escaped).
    public var title: String
    /// Patients, in any order (the chart sorts them).
    public var lanes: [Lane]
    /// Time axis title.
    public var xLabel: String = "days on treatment"
    /// Pixels; the height follows from the number of lanes.
    public var width: Double = 640
    /// Height of one lane, pixels.
    public var laneHeight: Double = 12

    /// A chart with default size.
    public init(title: String, lanes: [Lane]) {
        self.title = title; self.lanes = lanes
    }

    private let margin = (left: 70.0, right: 150.0, top: 30.0, bottom: 40.0)

    /// Lanes in drawing order (finite durations only): longest first, ties by patient label.
    public var sortedLanes: [Lane] {
        lanes.filter { $0.treatmentEndDay.isFinite && $0.treatmentEndDay >= 0 }.sorted {
            $0.treatmentEndDay != $1.treatmentEndDay ? $0.treatmentEndDay > $1.treatmentEndDay : $0.patient < $1.patient
        }
    }

    /// The standalone SVG element.
    public func render() -> String {
        let shown = sortedLanes
        guard let longest = shown.first?.treatmentEndDay, longest > 0 else {
            return SVGBuilder.noData(title: title, width: width, height: 40)
        }
        let marks = shown.flatMap { [$0.responseOnsetDay, $0.progressionDay].compactMap { $0 }.filter(\.isFinite) }
        let xMax = max(longest, marks.max() ?? 0) * 1.04
        let plotW = width - margin.left - margin.right, plotH = Double(shown.count) * laneHeight
        // Tall enough for the legend (up to five responses and three marker keys) when lanes are few.
        let height = max(margin.top + plotH + margin.bottom, margin.top + 150)
        let x = LinearScale(domain: (0, xMax), range: (margin.left, margin.left + plotW))
        var b = SVGBuilder(width: width, height: height)
        b.text(margin.left, 18, title, size: 13, bold: true)
        for t in niceTicks(0, xMax) {
            b.line(x(t), margin.top, x(t), margin.top + plotH + 4, stroke: "#eee")
            b.text(x(t), margin.top + plotH + 16, tickLabel(t), anchor: .middle)
        }
        for (i, lane) in shown.enumerated() {
            let top = margin.top + Double(i) * laneHeight, mid = top + laneHeight / 2
            let end = x(lane.treatmentEndDay)
            b.rect(margin.left, top + 1.5, end - margin.left, laneHeight - 3, fill: lane.response.color,
                   cls: "lane \(lane.response.rawValue)", title: "\(lane.patient): \(tickLabel(lane.treatmentEndDay.rounded())) days (\(lane.response.rawValue))")
            if shown.count <= 60 { b.text(margin.left - 4, mid + 3.5, shortened(lane.patient, to: 12), anchor: .end, size: 9) }
            if let onset = lane.responseOnsetDay, onset.isFinite {
                let ox = x(onset)
                b.polygon([(ox - 3.5, mid - 4), (ox + 3.5, mid - 4), (ox, mid + 3)], fill: "#000", cls: "onset")
            }
            if let pd = lane.progressionDay, pd.isFinite {
                let px = x(pd)
                b.raw("<path class=\"progression\" d=\"M\(fmt(px - 3.5)),\(fmt(mid - 3.5))L\(fmt(px + 3.5)),\(fmt(mid + 3.5))M\(fmt(px - 3.5)),\(fmt(mid + 3.5))L\(fmt(px + 3.5)),\(fmt(mid - 3.5))\" stroke=\"#000\" stroke-width=\"1.5\"/>")
            }
            if lane.ongoing {
                b.polygon([(end + 1, mid - 4), (end + 7, mid), (end + 1, mid + 4)], fill: "#333", cls: "ongoing")
            }
        }
        let lx = width - margin.right + 12
        b.responseLegend(Set(shown.map(\.response)), x: lx, y: margin.top + 10)
        let ky = margin.top + 10 + Double(Set(shown.map(\.response)).count) * 16 + 8
        b.polygon([(lx + 2.5, ky - 8), (lx + 9.5, ky - 8), (lx + 6, ky - 1)], fill: "#000")
        b.text(lx + 16, ky, "response onset")
        b.raw("<path d=\"M\(fmt(lx + 2.5)),\(fmt(ky + 8.5))L\(fmt(lx + 9.5)),\(fmt(ky + 15.5))M\(fmt(lx + 2.5)),\(fmt(ky + 15.5))L\(fmt(lx + 9.5)),\(fmt(ky + 8.5))\" stroke=\"#000\" stroke-width=\"1.5\"/>")
        b.text(lx + 16, ky + 16, "progression")
        b.polygon([(lx + 3, ky + 24), (lx + 9, ky + 28), (lx + 3, ky + 32)], fill: "#333")
        b.text(lx + 16, ky + 32, "on treatment")
        b.text(margin.left + plotW / 2, margin.top + plotH + 32, xLabel, anchor: .middle)
        return b.render(title: title)
    }
}
