import Foundation
import Trials
import Integrators

/// Derivative-free minimiser: the Nelder–Mead downhill simplex (Nelder & Mead 1965,
/// doi:10.1093/comjnl/7.4.308) with the standard coefficients (reflection 1, expansion 2,
/// contraction ½, shrink ½) and seeded restarts.
///
/// Written here because no package in the build provides one. Each restart rebuilds a simplex
/// around the best point so far, with edges `step[i]` scaled by a seeded random factor in
/// ±[0.5, 1.5] — this re-expands a simplex that collapsed on a ridge and makes runs reproducible
/// for a seed.
///
/// Contract: returns the best point evaluated (never a point that was not evaluated); stops a phase
/// when the spread of simplex values is below `valueTolerance` and its diameter below
/// `pointTolerance`, or when the evaluation budget is spent, or when `shouldStop` says so.
/// Convergence to a local minimum is not guaranteed (it is a heuristic, McKinnon 1998).
public struct NelderMead: Sendable {
    /// Total objective evaluations allowed (over all restarts).
    public var maxEvaluations: Int
    /// Restarts after the first phase (each gets an equal share of the budget).
    public var restarts: Int
    public var seed: UInt64
    public var valueTolerance: Double
    public var pointTolerance: Double

    public init(maxEvaluations: Int = 200, restarts: Int = 1, seed: UInt64 = 1,
                valueTolerance: Double = 1e-10, pointTolerance: Double = 1e-8) {
        self.maxEvaluations = maxEvaluations; self.restarts = restarts; self.seed = seed
        self.valueTolerance = valueTolerance; self.pointTolerance = pointTolerance
    }

    /// The outcome of a minimisation.
    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var evaluations: Int
    }

    /// Minimises `f` from `start` with initial simplex edges `step` (one per coordinate).
    public func minimize(start: [Double], step: [Double], shouldStop: () -> Bool = { false },
                         _ f: ([Double]) throws -> Double) rethrows -> Result {
        precondition(start.count == step.count && !start.isEmpty, "start and step need the same, non-zero length")
        var evaluations = 0
        var best = (x: start, value: Double.infinity)
        func evaluate(_ x: [Double]) throws -> Double {
            evaluations += 1
            let v = try f(x)
            let value = v.isNaN ? .infinity : v
            if value < best.value { best = (x, value) }
            return value
        }
        var random = SplitMix64(seed: seed)
        let phases = max(1, restarts + 1)
        for phase in 0..<phases {
            let budgetEnd = maxEvaluations * (phase + 1) / phases
            var edges = step
            if phase > 0 {
                for i in edges.indices {
                    let magnitude = 0.5 + random.uniform()
                    edges[i] *= random.uniform() < 0.5 ? -magnitude : magnitude
                }
            }
            let origin = phase == 0 ? start : best.x
            guard evaluations < budgetEnd, !shouldStop() else { continue }
            try runPhase(origin: origin, edges: edges, budgetEnd: budgetEnd, evaluations: { evaluations },
                         shouldStop: shouldStop, evaluate)
        }
        if best.value == .infinity && evaluations == 0 { best.value = try f(start); evaluations = 1 }
        return Result(x: best.x, value: best.value, evaluations: evaluations)
    }

    private func runPhase(origin: [Double], edges: [Double], budgetEnd: Int, evaluations: () -> Int,
                          shouldStop: () -> Bool, _ evaluate: ([Double]) throws -> Double) rethrows {
        let n = origin.count
        var simplex: [[Double]] = [origin]
        for i in 0..<n { var v = origin; v[i] += edges[i]; simplex.append(v) }
        var values: [Double] = []
        for v in simplex {
            guard evaluations() < budgetEnd else { return }
            values.append(try evaluate(v))
        }
        while evaluations() < budgetEnd && !shouldStop() {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }; values = order.map { values[$0] }
            let spread = values[n] - values[0]
            let diameter = simplex.dropFirst().map { v in zip(v, simplex[0]).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
            if spread.isFinite && spread <= valueTolerance && diameter <= pointTolerance { return }
            var centroid = [Double](repeating: 0, count: n)
            for v in simplex.dropLast() { for i in 0..<n { centroid[i] += v[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = try evaluate(reflected)
            if fr < values[0] {
                guard evaluations() < budgetEnd else { simplex[n] = reflected; values[n] = fr; return }
                let expanded = along(-2)
                let fe = try evaluate(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                guard evaluations() < budgetEnd else { return }
                let outside = fr < values[n]
                let contracted = along(outside ? -0.5 : 0.5)
                let fc = try evaluate(contracted)
                if fc < (outside ? fr : values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for k in 1...n {
                        guard evaluations() < budgetEnd else { return }
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = try evaluate(simplex[k])
                    }
                }
            }
        }
    }
}
