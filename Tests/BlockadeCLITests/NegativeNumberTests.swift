import Testing
import BlockadeTestSupport

/// A negative number given to a numeric option reaches the option's range check: ArgumentParser
/// would otherwise take `-10` for an option and answer "Missing value".
@Suite("Negative numbers in numeric options (end to end)")
struct NegativeNumberTests {
    @Test("a negative value is refused with the option's range, not 'Missing value'",
          arguments: [
            (["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--days", "-10"], "--days -10.0: expected 56–3650"),
            (["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--patients", "-5"], "--patients -5: expected 1–10,000,000"),
            (["trial", "--no-intervals", "--tumor", "melanoma", "--arm", "nivolumab", "--seed", "-1"], "expected a whole number from 0 to 18446744073709551615"),
            (["simulate", "--days", "-10"], "--days -10.0: expected 1–3650 days"),
            (["simulate", "--scan-interval", "-7"], "--scan-interval -7.0: expected at least 7 days"),
            (["simulate", "--output-interval", "-1"], "--output-interval -1.0"),
            (["simulate", "--diameter", "-5"], "invalid value -5.0 for baseline diameter"),
            (["simulate", "--tmb", "-1"], "invalid value -1.0 for tmb"),
            (["demo", "--days", "-1"], "--days -1.0: expected 1–3650 days"),
            (["export", "sbml", "--days", "-30"], "--days -30.0: expected 1–3650 days"),
            (["calibrate", "--seed", "-1"], "expected a whole number from 0 to"),
            (["calibrate", "--patients", "-3"], "--patients -3: expected a positive number"),
            (["calibrate", "--iterations", "-1"], "--iterations -1: expected a number ≥ 0"),
            (["calibrate", "--max-minutes", "-1"], "--max-minutes -1.0: expected a positive number of minutes"),
            (["runs", "list", "--limit", "-2"], "--limit -2: expected a positive number"),
            (["train", "a.tsv.gz", "--clinical", "a.tsv", "--loco", "--lambda", "-1"], "--lambda -1.0: expected a number ≥ 0"),
            (["bench", "--repeats", "-1"], "--repeats -1: expected a positive number"),
          ])
    func refused(_ arguments: [String], _ message: String) throws {
        let run = try CommandLineRun.blockade(arguments)
        #expect(run.status != 0)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains(message), "stderr: \(run.standardError)")
        #expect(!run.standardError.contains("Missing value"))
    }
}
