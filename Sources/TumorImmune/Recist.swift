/// RECIST 1.1 response categories (Eisenhauer 2009, doi:10.1016/j.ejca.2008.10.026).
public enum ResponseCategory: String, Sendable, Codable, Comparable, CaseIterable {
    case completeResponse = "CR", partialResponse = "PR", stableDisease = "SD", progressiveDisease = "PD"
    /// Not evaluable: follow-up ended before any scan could qualify (RECIST 1.1 "NE").
    case notEvaluable = "NE"

    private var rank: Int {
        switch self {
        case .completeResponse: 0
        case .partialResponse: 1
        case .stableDisease: 2
        case .progressiveDisease: 3
        case .notEvaluable: 4
        }
    }
    /// Better responses sort first.
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    public var isResponse: Bool { self == .completeResponse || self == .partialResponse }
}

/// How the assessment reads scans: RECIST 1.1 thresholds and the trial's scan schedule.
public struct RecistRules: Sendable, Equatable {
    /// Days between scans (trials: every 6–9 weeks).
    public var scanIntervalDays: Double = 56
    /// A CR or PR must be seen again at a scan at least this many days later.
    public var confirmationDays: Double = 28
    /// SD counts as best response only if seen at least this long after baseline.
    public var minimumStableDays: Double = 42
    /// Partial response: sum of diameters at least this fraction below baseline.
    public var partialResponseShrinkage: Double = 0.30
    /// Progression: at least this fraction above the nadir ...
    public var progressionGrowth: Double = 0.20
    /// ... and at least this many mm in absolute terms.
    public var progressionAbsoluteMM: Double = 5
    /// The single-lesion model calls a lesion gone when its diameter falls below this (mm): below
    /// the ≈5 mm slice thickness of CT (assumption standing in for "disappearance").
    public var completeResponseDiameterMM: Double = 5

    public init() {}

    /// Whether a sum of diameters `diameterMM` is progressive disease against the smallest sum
    /// seen so far (`nadirMM`, baseline included): the one RECIST progression rule, used by the
    /// assessment and by treatment courses deciding when to stop.
    public func isProgression(diameterMM d: Double, nadirMM nadir: Double) -> Bool {
        d >= nadir * (1 + progressionGrowth) && d - nadir >= progressionAbsoluteMM
    }

    /// Scan days from baseline (day 0) up to `horizon`.
    public func scanDays(horizon: Double) -> [Double] {
        stride(from: 0, through: horizon, by: scanIntervalDays).map { $0 }
    }
}

/// The RECIST reading of one patient's scans.
public struct RecistAssessment: Sendable, Equatable, Codable {
    /// Response category at each scan after baseline (assessment stops at the first PD).
    public var perScan: [ResponseCategory]
    public var scanDays: [Double]
    /// Best overall response with confirmation.
    public var bestOverallResponse: ResponseCategory
    /// Day of the first scan showing progression, nil if none.
    public var progressionDay: Double?
    /// Day of the first scan showing the (confirmed) response, nil if no confirmed response.
    public var responseOnsetDay: Double?
    /// Days from response onset to progression (nil if no response or no progression).
    public var durationOfResponseDays: Double? {
        guard let on = responseOnsetDay, let pd = progressionDay else { return nil }
        return pd - on
    }
    /// Never responded (best response SD or PD).
    public var isPrimaryResistance: Bool {
        bestOverallResponse == .stableDisease || bestOverallResponse == .progressiveDisease
    }
    /// Responded, then progressed.
    public var isAcquiredResistance: Bool { bestOverallResponse.isResponse && progressionDay != nil }

    /// Reads diameters (mm) at `scanDays` (first entry = baseline, day 0).
    public init(scanDays: [Double], diametersMM: [Double], rules: RecistRules = RecistRules()) {
        precondition(scanDays.count == diametersMM.count && !scanDays.isEmpty, "one diameter per scan, baseline first")
        let baseline = diametersMM[0]
        var nadir = baseline
        var calls: [ResponseCategory] = []
        var progression: Double?
        for k in 1..<scanDays.count {
            let d = diametersMM[k]
            let call: ResponseCategory
            if rules.isProgression(diameterMM: d, nadirMM: nadir) {
                call = .progressiveDisease
            } else if d < rules.completeResponseDiameterMM {
                call = .completeResponse
            } else if d <= baseline * (1 - rules.partialResponseShrinkage) {
                call = .partialResponse
            } else {
                call = .stableDisease
            }
            calls.append(call)
            nadir = min(nadir, d)
            if call == .progressiveDisease { progression = scanDays[k]; break }
        }
        perScan = calls
        self.scanDays = Array(scanDays.prefix(calls.count + 1))
        progressionDay = progression
        // Best overall response: a CR/PR counts only when a scan at least `confirmationDays` later is
        // also a response; the confirmed level is the worse of the two (CR needs CR twice).
        var best: ResponseCategory = .notEvaluable
        var onset: Double?
        for (k, call) in calls.enumerated() {
            let day = scanDays[k + 1]
            if call.isResponse {
                let confirmations = calls.indices.filter { j in
                    j > k && scanDays[j + 1] - day >= rules.confirmationDays && calls[j].isResponse
                }
                if let level = confirmations.map({ max(call, calls[$0]) }).min() {
                    best = min(best, level)
                    onset = onset ?? day
                    continue
                }
            }
            if call != .progressiveDisease, call != .notEvaluable, day >= rules.minimumStableDays {
                best = min(best, .stableDisease)
            }
        }
        // Progression before any scan qualified for SD (or a response) is PD; otherwise, with no
        // qualifying scan, the best response stays not evaluable.
        if best == .notEvaluable && progression != nil { best = .progressiveDisease }
        bestOverallResponse = best
        responseOnsetDay = best.isResponse ? onset : nil
    }
}
