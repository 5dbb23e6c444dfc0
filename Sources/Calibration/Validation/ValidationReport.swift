import Foundation
import Trials

/// Published against leave-one-trial-out predictions for every held-out arm, with pass rates and
/// interval coverage: the JSON of `blockade validate`, its table and `docs/VALIDATION.md`.
public struct ValidationReport: Sendable {
    public var rows: [ValidationRow]
    public var tumors: [String]
    public var seed: UInt64
    public var fitPatients: Int
    public var predictPatients: Int
    public var intervalDraws: Int
    public var dataVersion: Int
    public var runtimeSeconds: Double

    public init(rows: [ValidationRow], tumors: [String], seed: UInt64, fitPatients: Int, predictPatients: Int, intervalDraws: Int,
                dataVersion: Int, runtimeSeconds: Double) {
        self.rows = rows; self.tumors = tumors; self.seed = seed; self.fitPatients = fitPatients
        self.predictPatients = predictPatients; self.intervalDraws = intervalDraws; self.dataVersion = dataVersion
        self.runtimeSeconds = runtimeSeconds
    }

    /// Passes and checked arms for one criterion.
    public func passes(_ criterion: (ValidationRow) -> Bool?) -> (passed: Int, checked: Int) {
        let results = rows.compactMap(criterion)
        return (results.count { $0 }, results.count)
    }

    /// The criteria in report order: name, pass function, and for the acceptance ones the share to reach.
    static let criteria: [(key: String, name: String, pass: @Sendable (ValidationRow) -> Bool?)] = [
        ("orr_within_10", "ORR within ±10 points", { $0.orrPass }),
        ("cr_within_5", "CR within ±5 points", { $0.crPass }),
        ("g3_within_10", "G≥3 TRAE within ±10 points (toxicity not refitted)", { $0.g3Pass }),
        ("median_pfs_within_30pct", "median PFS within ±30 %", { $0.pfsPass }),
        ("median_os_within_30pct", "median OS within ±30 %", { $0.osPass }),
        ("pfs12_within_10", "PFS at 12 months within ±10 points", { $0.pfs12Pass }),
        ("orr_in_pi90", "ORR inside its 90 % prediction interval", { $0.orrCovered }),
        ("median_pfs_in_pi90", "median PFS inside its 90 % prediction interval", { $0.pfsCovered }),
        ("median_os_in_pi90", "median OS inside its 90 % prediction interval", { $0.osCovered }),
    ]

    static func percent(_ p: (passed: Int, checked: Int)) -> String {
        "\(p.passed)/\(p.checked) arms (\(p.checked == 0 ? 0 : Int((100 * Double(p.passed) / Double(p.checked)).rounded())) %)"
    }

    /// The headline: "leave-one-trial-out ORR within ±10 points: A/B arms".
    public var headline: String {
        let p = passes { $0.orrPass }
        return "leave-one-trial-out ORR within ±10 points: \(p.passed)/\(p.checked) arms"
    }

    /// Summary lines of every criterion.
    public var summary: String {
        ([headline] + Self.criteria.map { "\($0.name): \(Self.percent(passes($0.pass)))" }).joined(separator: "\n")
    }

    static func number(_ v: Double?, digits: Int = 1) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "NR" }
    static func range(_ r: ClosedRange<Double>?, openAbove: Bool = false) -> String {
        guard let r else { return "–" }
        return "\(number(r.lowerBound))–\(openAbove ? "NR" : number(r.upperBound))"
    }
    static func cell(_ target: Double?, _ predicted: Double?, _ pass: Bool?) -> String {
        guard let target else { return "–" }
        return "\(number(target)) / \(number(predicted))\(pass.map { $0 ? " ✓" : " ✗" } ?? "")"
    }

    /// One line per held-out arm, for the terminal.
    public var textTable: String {
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
        var out = pad("line", 5) + pad("tumour", 12) + pad("trial", 26) + pad("regimen", 28) + pad("ORR pub/pred", 16) + pad("ORR PI90", 12)
            + pad("CR pub/pred", 15) + pad("mPFS pub/pred", 16) + pad("mOS pub/pred", 16) + "mOS PI90\n"
        for r in rows {
            let a = r.arm
            out += pad(String(a.line), 5) + pad(a.tumor, 12) + pad(String(a.trial.prefix(25)), 26) + pad(String(a.regimen.prefix(27)), 28)
            out += pad(Self.cell(a.orr, r.predicted.orr, r.orrPass), 16) + pad(Self.range(r.interval.orr), 12)
            out += pad(Self.cell(a.cr, r.predicted.cr, r.crPass), 15) + pad(Self.cell(a.medianPFS, r.predicted.medianPFS, r.pfsPass), 16)
            out += pad(Self.cell(a.medianOS, r.predicted.medianOS, r.osPass), 16) + Self.range(r.interval.medianOS, openAbove: r.interval.notReachedOS) + "\n"
        }
        return out
    }

    /// The JSON document (`blockade validate --format json`), keys sorted.
    public var json: String {
        func num(_ v: Double?) -> Any { v.map { ($0 * 1000).rounded() / 1000 } ?? NSNull() }
        func pair(_ r: ClosedRange<Double>?) -> Any { r.map { [num($0.lowerBound), num($0.upperBound)] } ?? NSNull() }
        let arms: [[String: Any]] = rows.map { r in
            let a = r.arm, p = r.predicted
            return [
                "line": a.line, "trial": a.trial, "tumor": a.tumor, "regimen": a.regimen, "selection": a.selection ?? "all",
                "therapy_line": a.therapyLine?.rawValue ?? NSNull(), "n": a.n ?? NSNull(),
                "published": ["orr": num(a.orr), "cr": num(a.cr), "g3": num(a.g3), "median_pfs_months": num(a.medianPFS),
                              "median_os_months": num(a.medianOS), "pfs12": num(a.pfs12)],
                "predicted": ["orr": num(p.orr), "cr": num(p.cr), "g3": num(p.g3(comparableWith: a)), "median_pfs_months": num(p.medianPFS),
                              "median_os_months": num(p.medianOS), "pfs12": num(p.pfs12),
                              "orr_pi90": pair(r.interval.orr), "median_pfs_months_pi90": pair(r.interval.medianPFS),
                              "median_os_months_pi90": pair(r.interval.medianOS),
                              "median_pfs_not_reached_in_most_draws": r.interval.notReachedPFS,
                              "median_os_not_reached_in_most_draws": r.interval.notReachedOS],
                "pass": Dictionary(uniqueKeysWithValues: Self.criteria.map { c in (c.key, c.pass(r).map { $0 as Any } ?? NSNull()) }),
                "refit_moved": r.shift,
            ]
        }
        let summary = Dictionary(uniqueKeysWithValues: Self.criteria.map { c -> (String, Any) in
            let p = passes(c.pass)
            return (c.key, ["passed": p.passed, "checked": p.checked])
        })
        let document: [String: Any] = [
            "format": "blockade-validation", "method": "leave-one-trial-out, one Gauss-Newton step from the shipped fit",
            "tumors": tumors, "seed": seed, "fit_patients": fitPatients, "predict_patients": predictPatients,
            "interval_draws": intervalDraws, "data_version": dataVersion, "runtime_seconds": (runtimeSeconds * 10).rounded() / 10,
            "headline": headline, "summary": summary, "arms": arms,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads the JSON written by ``json`` (for merging per-tumour runs).
    public init(json data: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], object["format"] as? String == "blockade-validation",
              let arms = object["arms"] as? [[String: Any]] else {
            throw CalibrationRunError("not a blockade validation JSON (format blockade-validation)")
        }
        func d(_ o: [String: Any]?, _ k: String) -> Double? { o?[k] as? Double ?? (o?[k] as? Int).map(Double.init) }
        func r(_ o: [String: Any]?, _ k: String) -> ClosedRange<Double>? {
            guard let a = o?[k] as? [Any], a.count == 2, let l = (a[0] as? Double) ?? (a[0] as? Int).map(Double.init),
                  let u = (a[1] as? Double) ?? (a[1] as? Int).map(Double.init), l <= u else { return nil }
            return l...u
        }
        rows = arms.map { o in
            let pub = o["published"] as? [String: Any], pre = o["predicted"] as? [String: Any]
            var arm = CalibrationArm(line: o["line"] as? Int ?? 0, trial: o["trial"] as? String ?? "", tumor: o["tumor"] as? String ?? "",
                                     regimen: o["regimen"] as? String ?? "", selection: (o["selection"] as? String).flatMap { $0 == "all" ? nil : $0 },
                                     n: o["n"] as? Int, orr: d(pub, "orr"), cr: d(pub, "cr"), medianPFS: d(pub, "median_pfs_months"), g3: d(pub, "g3"),
                                     therapyLine: (o["therapy_line"] as? String).flatMap(TherapyLine.init(rawValue:)))
            arm.medianOS = d(pub, "median_os_months"); arm.pfs12 = d(pub, "pfs12")
            let g3 = d(pre, "g3") ?? 0
            let sim = SimulatedArm(orr: d(pre, "orr") ?? 0, cr: d(pre, "cr") ?? 0, medianPFS: d(pre, "median_pfs_months"), g3: g3, g3AnyCause: g3,
                                   pfs12: d(pre, "pfs12"), medianOS: d(pre, "median_os_months"))
            let interval = PredictionInterval(orr: r(pre, "orr_pi90"), medianPFS: r(pre, "median_pfs_months_pi90"), medianOS: r(pre, "median_os_months_pi90"),
                                              notReachedPFS: pre?["median_pfs_not_reached_in_most_draws"] as? Bool ?? false,
                                              notReachedOS: pre?["median_os_not_reached_in_most_draws"] as? Bool ?? false)
            return ValidationRow(arm: arm, predicted: sim, interval: interval, shift: o["refit_moved"] as? [String] ?? [])
        }
        tumors = object["tumors"] as? [String] ?? []
        seed = (object["seed"] as? NSNumber)?.uint64Value ?? 1
        fitPatients = object["fit_patients"] as? Int ?? 0
        predictPatients = object["predict_patients"] as? Int ?? 0
        intervalDraws = object["interval_draws"] as? Int ?? 0
        dataVersion = object["data_version"] as? Int ?? 0
        runtimeSeconds = d(object, "runtime_seconds") ?? 0
    }

    /// One report of several per-tumour reports of the same settings.
    public static func merging(_ reports: [ValidationReport]) throws -> ValidationReport {
        guard let first = reports.first else { throw CalibrationRunError("nothing to merge") }
        for r in reports.dropFirst() where (r.seed, r.fitPatients, r.predictPatients, r.intervalDraws, r.dataVersion)
            != (first.seed, first.fitPatients, first.predictPatients, first.intervalDraws, first.dataVersion) {
            throw CalibrationRunError("reports of different settings (seed, patients, draws or data version) cannot be merged")
        }
        var merged = first
        merged.rows = reports.flatMap(\.rows).sorted { $0.arm.line < $1.arm.line }
        merged.tumors = reports.flatMap(\.tumors)
        merged.runtimeSeconds = reports.reduce(0) { $0 + $1.runtimeSeconds }
        return merged
    }

    /// `docs/VALIDATION.md`.
    public func markdown(command: String) -> String {
        var o = """
        # Validation: leave-one-trial-out prediction

        Generated by `\(command)` from populations data file version \(dataVersion); do not edit by hand.

        **\(headline)**

        | criterion | arms |
        |---|---|

        """
        for c in Self.criteria { o += "| \(c.name) | \(Self.percent(passes(c.pass))) |\n" }
        o += "\n## By tumour type\n\n| tumour | arms | ORR ±10 | CR ±5 | mPFS ±30 % | mOS ±30 % | ORR in PI90 |\n|---|---:|---|---|---|---|---|\n"
        for t in tumors {
            let sub = ValidationReport(rows: rows.filter { $0.arm.tumor == t }, tumors: [t], seed: seed, fitPatients: fitPatients,
                                       predictPatients: predictPatients, intervalDraws: intervalDraws, dataVersion: dataVersion, runtimeSeconds: 0)
            func cell(_ p: (passed: Int, checked: Int)) -> String { p.checked == 0 ? "–" : "\(p.passed)/\(p.checked)" }
            o += "| \(t) | \(sub.rows.count) | \(cell(sub.passes { $0.orrPass })) | \(cell(sub.passes { $0.crPass })) | "
            o += "\(cell(sub.passes { $0.pfsPass })) | \(cell(sub.passes { $0.osPass })) | \(cell(sub.passes { $0.orrCovered })) |\n"
        }
        o += """

        ## Method

        For every tumour type and every trial with arms in it, the tumour type's population parameters
        (the calibrated parameters of `docs/CALIBRATION.md`: resistance offset, heterogeneity, growth,
        line-of-therapy and PD-L1 parameters, per-drug sensitivities) and its survival after
        progression are refitted without that trial's arms; the trial's arms are then simulated on
        \(predictPatients) new virtual patients per arm (population seed \(seed &+ 1), never used by a fit) and compared
        with the published values. A drug whose only arms are held out loses its fitted value: a
        chemotherapy then takes the prior trials use for unfitted chemotherapies (drug and tumour-type
        effects from the other fits, `ChemotherapySensitivityPrior`), any other drug its catalogue
        effect; that arm is a true out-of-sample prediction of a drug the tumour type has no data for.

        - **Refit.** One Gauss–Newton step from the shipped fit on the linearised efficacy loss of
          `blockade calibrate` (robust weights by iteratively reweighted least squares, the same prior):
          the Jacobian of every arm's threshold-scaled errors is taken once, by forward differences
          (step 0.3) on \(fitPatients) patients per arm with common random numbers, and each fold solves the
          normal equations without its arms (approximate leave-one-out; Rahnama Rad & Maleki 2020
          doi:10.1111/rssb.12374). This is an approximation to refitting from scratch: it starts from
          parameters that saw the held-out trial, and far from the optimum, where the loss is not
          quadratic, it underestimates how far a refit would move. Survival after progression is
          refitted exactly (a 1-D search on rescaled survival; `docs/CALIBRATION.md`).
        - **Not refitted**: the toxicity scales and per-drug toxicity factors, which pool arms of every
          tumour type. The G≥3 TRAE row is therefore not a held-out figure.
        - **Prediction intervals** (90 %): the loss read as a Gaussian negative log-likelihood with one
          threshold unit as one standard deviation; \(intervalDraws) parameter sets drawn from the Laplace
          approximation (JᵀΩJ + D)⁻¹ of the fold are simulated on common patients, and each prediction
          gets the published arm's sampling error (binomial for ORR; log-normal, SD 1/√(n/2), for a
          median). Coverage near 90 % means the intervals are honest; well below, they are too narrow.
        - **Targets**: `calibration/monotherapy_arms.csv` (ORR, CR, median PFS, median OS, G≥3 TRAE)
          and the project's landmark table `calibration/landmarks.csv` (12-month PFS, 24-month OS; few arms).
          Follow-up 5 years; NR = median not reached.
        - **Runtime**: \(Int(runtimeSeconds)) s on the machine that wrote this page (the sum over tumour types).

        ## Held-out arms (published / predicted; ✓ within threshold, ✗ outside)

        | line | tumour | trial | regimen | selection | ORR % | ORR PI90 | CR % | mPFS mo | mPFS PI90 | mOS mo | mOS PI90 | PFS12 % | G≥3 % | refit moved |
        |---:|---|---|---|---|---|---|---|---|---|---|---|---|---|---|

        """
        for r in rows {
            let a = r.arm, p = r.predicted
            o += "| \(a.line) | \(a.tumor) | \(a.trial.replacingOccurrences(of: "|", with: "/")) | \(a.regimen) | \(a.selection ?? "all") | "
            o += "\(Self.cell(a.orr, p.orr, r.orrPass)) | \(Self.range(r.interval.orr)) | \(Self.cell(a.cr, p.cr, r.crPass)) | "
            o += "\(Self.cell(a.medianPFS, p.medianPFS, r.pfsPass)) | \(Self.range(r.interval.medianPFS, openAbove: r.interval.notReachedPFS)) | "
            o += "\(Self.cell(a.medianOS, p.medianOS, r.osPass)) | \(Self.range(r.interval.medianOS, openAbove: r.interval.notReachedOS)) | "
            o += "\(Self.cell(a.pfs12, p.pfs12, r.pfs12Pass)) | \(Self.cell(a.g3, p.g3(comparableWith: a), r.g3Pass)) | \(r.shift.joined(separator: ", ")) |\n"
        }
        return o
    }
}
