import Foundation

/// The statistical acceptance suite: tests that simulate hundreds of virtual patients or run real
/// calibrations. They carry the tag `.slow` and run only when `BLOCKADE_SLOW_TESTS=1`, which
/// `scripts/test.sh` sets for its release build (generic model code is not specialised in a debug
/// build, where these tests take minutes); a plain `swift test` skips them and stays fast.
public enum SlowTests {
    /// Whether the slow suite is switched on for this process.
    public static var enabled: Bool { ProcessInfo.processInfo.environment["BLOCKADE_SLOW_TESTS"] == "1" }
}
