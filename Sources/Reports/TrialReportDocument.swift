/// Everything a virtual-trial report shows, as plain data, and its rendering to one self-contained
/// HTML page (inline SVG and CSS, no scripts or external assets).
///
/// Reports depends on no model module: the caller (the CLI) converts trial outcomes and survival
/// estimates into these values. Per-patient plots (waterfall, spider, swimmer) show at most
/// `maxPatientsPerPlot` patients per arm — the first ones in the order given (the CLI passes patient
/// order, so the subset is the same in every arm and every run) — and say so under the plot; larger
/// plots are unreadable and make the page slow. Summary, survival and toxicity always use every patient.
public struct TrialReportDocument: Sendable {
    /// Patients drawn per arm in each per-patient plot.
    public static let maxPatientsPerPlot = 200

    /// One trial arm.
    public struct Arm: Sendable {
        /// The regimen as given to `--arm`.
        public var name: String
        /// Progression-free survival, in `survivalTimeUnit`.
        public var pfs: KaplanMeierChart.Estimate
        /// Overall survival, in `survivalTimeUnit`.
        public var os: KaplanMeierChart.Estimate
        /// Best change per patient, in patient order.
        public var waterfall: [WaterfallChart.Bar]
        /// Scans per patient, in patient order.
        public var spider: [SpiderChart.Patient]
        /// Time on treatment per patient, in patient order.
        public var swimmer: [SwimmerChart.Lane]
        /// Fraction (0–1) of the arm's patients whose resistance each mechanism drives, by mechanism name.
        public var mechanismFractions: [String: Double]

        /// An arm.
        public init(name: String, pfs: KaplanMeierChart.Estimate, os: KaplanMeierChart.Estimate,
                    waterfall: [WaterfallChart.Bar] = [], spider: [SpiderChart.Patient] = [],
                    swimmer: [SwimmerChart.Lane] = [], mechanismFractions: [String: Double] = [:]) {
            self.name = name; self.pfs = pfs; self.os = os; self.waterfall = waterfall; self.spider = spider
            self.swimmer = swimmer; self.mechanismFractions = mechanismFractions
        }
    }

    /// Page title and heading.
    public var title: String
    /// Paragraphs under the title: tumour, selection, seed, version — the provenance of the numbers.
    public var notes: [String]
    /// One row per arm (ORR with CI, DCR, medians, …); the caller chooses columns and formatting.
    public var summary: HTMLTable
    /// Arms in `--arm` order.
    public var arms: [Arm]
    /// Time unit of the survival estimates and `atRiskTimes`.
    public var survivalTimeUnit: String
    /// Times at which each arm's `atRisk` counts were taken (both PFS and OS).
    public var atRiskTimes: [Double]
    /// Adverse events, e.g. organ × arm grade ≥ 3 rates.
    public var toxicity: HTMLTable?
    /// Further comparisons (hazard ratios, log-rank p), if any.
    public var comparisons: HTMLTable?

    /// A document.
    public init(title: String, notes: [String] = [], summary: HTMLTable, arms: [Arm], survivalTimeUnit: String = "months",
                atRiskTimes: [Double] = [], toxicity: HTMLTable? = nil, comparisons: HTMLTable? = nil) {
        self.title = title; self.notes = notes; self.summary = summary; self.arms = arms
        self.survivalTimeUnit = survivalTimeUnit; self.atRiskTimes = atRiskTimes
        self.toxicity = toxicity; self.comparisons = comparisons
    }

    /// Mechanism names in a stable order: by largest fraction in any arm, then by name.
    public var mechanisms: [String] {
        let names = Set(arms.flatMap(\.mechanismFractions.keys))
        let peak = Dictionary(uniqueKeysWithValues: names.map { n in (n, arms.map { $0.mechanismFractions[n] ?? 0 }.max() ?? 0) })
        return names.sorted {
            let (a, b) = (peak[$0] ?? 0, peak[$1] ?? 0)
            return a != b ? a > b : $0 < $1
        }
    }

    /// The whole HTML page.
    public func render() -> String {
        var page = HTMLReport(title: title)
        for note in notes { page.paragraph(note) }
        page.heading("Summary")
        page.table(summary)
        if let comparisons { page.table(comparisons) }
        page.heading("Survival")
        for (label, estimate) in [("Progression-free survival", \Arm.pfs), ("Overall survival", \Arm.os)] {
            var km = KaplanMeierChart(title: label, curves: arms.map { .init(name: $0.name, estimate: $0[keyPath: estimate]) },
                                      atRiskTimes: atRiskTimes)
            km.xLabel = survivalTimeUnit
            page.figure(svg: km.render(), caption: "\(label): Kaplan–Meier estimate per arm; ticks mark censored patients.")
        }
        page.heading("Response")
        for arm in arms {
            let (bars, note) = capped(arm.waterfall)
            page.figure(svg: WaterfallChart(title: "Best change in tumour size — \(arm.name)", bars: bars).render(), caption: note)
        }
        for arm in arms {
            let (patients, note) = capped(arm.spider)
            page.figure(svg: SpiderChart(title: "Tumour size over time — \(arm.name)", patients: patients).render(), caption: note)
        }
        for arm in arms {
            let (lanes, note) = capped(arm.swimmer)
            page.figure(svg: SwimmerChart(title: "Time on treatment — \(arm.name)", lanes: lanes).render(), caption: note)
        }
        let mechanisms = self.mechanisms
        if !mechanisms.isEmpty {
            page.heading("Resistance mechanisms")
            let chart = BarChart(title: "Patients whose resistance each mechanism drives", categories: mechanisms,
                                 series: arms.map { arm in .init(name: arm.name, values: mechanisms.map { arm.mechanismFractions[$0] ?? 0 }) })
            page.figure(svg: chart.render(), caption: "Fraction of each arm's patients; a patient may have several driving mechanisms.")
        }
        if let toxicity {
            page.heading("Toxicity")
            page.table(toxicity)
        }
        return page.render()
    }

    /// The first `maxPatientsPerPlot` items and a caption saying how many were shown.
    private func capped<T>(_ items: [T]) -> ([T], String?) {
        guard items.count > Self.maxPatientsPerPlot else { return (items, nil) }
        return (Array(items.prefix(Self.maxPatientsPerPlot)),
                "Showing the first \(Self.maxPatientsPerPlot) of \(items.count) patients.")
    }
}
