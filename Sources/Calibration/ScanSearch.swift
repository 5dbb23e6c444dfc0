import Foundation
import Trials

/// Bounded one-dimensional minimiser for a deterministic but step-shaped objective — a rate counted
/// over a fixed set of virtual patients changes in jumps of 1/n, so derivatives are useless and a
/// local search can stall on a flat stretch. It scans `scanPoints` evenly spaced points over the
/// interval, then refines with golden-section steps inside the bracket around the best scanned point.
///
/// Written here because no package in the build offers bounded 1-D minimisation. Returns the best
/// point it evaluated (never an unevaluated one).
public struct ScanSearch: Sendable {
    public var scanPoints: Int
    public var refinements: Int

    public init(scanPoints: Int = 7, refinements: Int = 5) {
        precondition(scanPoints >= 2, "a scan needs both ends of the interval")
        self.scanPoints = scanPoints; self.refinements = refinements
    }

    public struct Result: Sendable, Equatable {
        public var x: Double
        public var value: Double
        public var evaluations: Int
    }

    public func minimize(lower: Double, upper: Double, shouldStop: () -> Bool = { false },
                         _ f: (Double) throws -> Double) rethrows -> Result {
        precondition(upper >= lower, "empty interval")
        var best = (x: lower, value: Double.infinity)
        var evaluations = 0
        func eval(_ x: Double) throws -> Double {
            let v = try f(x)
            evaluations += 1
            if v < best.value { best = (x, v) }
            return v
        }
        let h = (upper - lower) / Double(scanPoints - 1)
        for i in 0..<scanPoints {
            if i > 0 && shouldStop() { break }
            _ = try eval(lower + Double(i) * h)
        }
        // Golden-section search in [best − h, best + h].
        var a = max(lower, best.x - h), b = min(upper, best.x + h)
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = try eval(c), fd = try eval(d)
        for _ in 0..<max(0, refinements - 2) where !shouldStop() {
            if fc <= fd {
                b = d; d = c; fd = fc; c = b - g * (b - a); fc = try eval(c)
            } else {
                a = c; c = d; fc = fd; d = a + g * (b - a); fd = try eval(d)
            }
        }
        return Result(x: best.x, value: best.value, evaluations: evaluations)
    }
}
