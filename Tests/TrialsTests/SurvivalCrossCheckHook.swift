import Foundation
import Testing
@testable import Trials

/// Hook for `scripts/crosscheck-survival.sh`: when `BLOCKADE_SURVIVAL_FIXTURE` names a CSV with
/// columns `dataset,group,time,event` (group A or B, time in days, event 0/1), writes Blockade's KM,
/// log-rank and Cox results per dataset as JSON to `BLOCKADE_SURVIVAL_OUTPUT` for the script to
/// compare with lifelines. Skipped when the variable is unset.
@Suite struct SurvivalCrossCheckHook {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BLOCKADE_SURVIVAL_FIXTURE"] != nil))
    func writeBlockadeResults() throws {
        let env = ProcessInfo.processInfo.environment
        let input = try #require(env["BLOCKADE_SURVIVAL_FIXTURE"])
        let output = env["BLOCKADE_SURVIVAL_OUTPUT"] ?? input + ".blockade.json"
        var datasets: [String: (a: [SurvivalObservation], b: [SurvivalObservation])] = [:]
        let lines = try String(contentsOfFile: input, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        for line in lines {
            let f = line.split(separator: ",").map(String.init)
            try #require(f.count == 4, "bad line \(line)")
            let o = SurvivalObservation(time: try #require(Double(f[2])), event: f[3] == "1")
            if f[1] == "A" { datasets[f[0], default: ([], [])].a.append(o) } else { datasets[f[0], default: ([], [])].b.append(o) }
        }
        var result: [String: CanonicalJSON] = [:]
        for (name, d) in datasets {
            let cox = try CoxHazardRatio(reference: d.a, compared: d.b)
            let logRank = try LogRankTest(d.a, d.b)
            result[name] = .object([
                "km_a": try Self.km(d.a), "km_b": try Self.km(d.b),
                "logrank_chi2": .number(logRank.chiSquare), "logrank_p": .number(logRank.pValue),
                "cox_hr": .number(cox.estimate?.hazardRatio), "cox_lower95": .number(cox.estimate?.lower95),
                "cox_upper95": .number(cox.estimate?.upper95), "cox_p": .number(cox.estimate?.pValue),
                "cox_se": .number(cox.estimate?.standardError),
                "cox_not_estimable": .string(cox.notEstimable.map { "\($0)" }),
            ])
        }
        // Full precision for the comparison, not the 10 significant digits of reports.
        try Self.fullPrecision(.object(result)).write(toFile: output, atomically: true, encoding: .utf8)
    }

    static func km(_ g: [SurvivalObservation]) throws -> CanonicalJSON {
        let km = try KaplanMeier(g)
        let m = km.median
        return .object([
            "median": .number(m.median), "median_lower95": .number(m.lower95), "median_upper95": .number(m.upper95),
            "times": .array(km.steps.map { .number($0.time) }),
            "survival": .array(km.steps.map { .number($0.survival) }),
            "lower95": .array(km.steps.map { .number($0.lower95) }),
            "upper95": .array(km.steps.map { .number($0.upper95) }),
        ])
    }

    /// JSON with every double in shortest round-trip form (17 significant digits at most).
    static func fullPrecision(_ value: CanonicalJSON) -> String {
        switch value {
        case let .number(x): return x.isFinite ? "\(x)" : "null"
        case let .array(items): return "[" + items.map(fullPrecision).joined(separator: ",") + "]"
        case let .object(members):
            return "{" + members.keys.sorted().map { "\"\($0)\":" + fullPrecision(members[$0] ?? .null) }.joined(separator: ",") + "}"
        default: return value.serialized(pretty: false)
        }
    }
}
