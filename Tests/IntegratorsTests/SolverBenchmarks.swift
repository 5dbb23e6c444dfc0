import Foundation
import Testing
import Integrators
import BlockadeTestSupport

/// Timings with their peers, reported as ratios; asserts nothing about speed (a timed unit test
/// would be flaky on shared machines). Off by default; run optimised:
/// `BLOCKADE_BENCHMARKS=1 swift test -c release -Xswiftc -enable-testing --filter SolverBenchmarks`.
@Suite("Solver benchmarks", .enabled(if: ProcessInfo.processInfo.environment["BLOCKADE_BENCHMARKS"] == "1"))
struct SolverBenchmarks {
    /// Mean wall time per solve in microseconds, after one warm-up solve.
    static func microseconds(repeats: Int, _ body: () -> Solution) -> (Double, Solution) {
        var solution = body()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats { solution = body() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
        return (elapsed / Double(repeats) / 1000, solution)
    }

    @Test("30-species catenary model over 730 days: Tsit5 against DormandPrince5")
    func nonStiffChain() {
        let n = 30
        let system = CompartmentChain(rates: (0..<n).map { 0.05 + 0.45 * Double($0) / Double(n - 1) })
        let y0 = [Double](repeating: 0, count: n)
        let saveAt = stride(from: 0.0, through: 730, by: 7).map { $0 }
        let options = SolverOptions(relativeTolerance: 1e-6, absoluteTolerance: 1e-9)
        var tsit = Tsit5()
        var dopri = DormandPrince5()
        let (tTsit, sTsit) = Self.microseconds(repeats: 1000) {
            tsit.solve(system, initialState: y0, from: 0, to: 730, saveAt: saveAt, events: [], options: options)
        }
        let (tDopri, sDopri) = Self.microseconds(repeats: 1000) {
            dopri.solve(system, initialState: y0, from: 0, to: 730, saveAt: saveAt, events: [], options: options)
        }
        print("Tsit5 \(tTsit) µs/solve \(sTsit.statistics); DormandPrince5 \(tDopri) µs/solve \(sDopri.statistics); ratio \(tDopri / tTsit)")
    }

    @Test("stiff references at rtol 1e-8: Rodas5 against Rodas4")
    func stiffReferences() {
        var rodas4 = Rodas4()
        var rodas5 = Rodas5()
        let options = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-12)
        let (t4, s4) = Self.microseconds(repeats: 20) {
            rodas4.solve(RobertsonProblem(), initialState: RobertsonProblem.initialState, from: 0, to: 40, saveAt: [40],
                         events: [], options: options)
        }
        let (t5, s5) = Self.microseconds(repeats: 20) {
            rodas5.solve(RobertsonProblem(), initialState: RobertsonProblem.initialState, from: 0, to: 40, saveAt: [40],
                         events: [], options: options)
        }
        print("Robertson: Rodas4 \(t4) µs \(s4.statistics); Rodas5 \(t5) µs \(s5.statistics); ratio \(t4 / t5)")
        let vdp = SolverOptions(relativeTolerance: 1e-8, absoluteTolerance: 1e-8)
        let (v4, w4) = Self.microseconds(repeats: 5) {
            rodas4.solve(VanDerPolProblem(), initialState: VanDerPolProblem.initialState, from: 0, to: 2000,
                         saveAt: [2000], events: [], options: vdp)
        }
        let (v5, w5) = Self.microseconds(repeats: 5) {
            rodas5.solve(VanDerPolProblem(), initialState: VanDerPolProblem.initialState, from: 0, to: 2000,
                         saveAt: [2000], events: [], options: vdp)
        }
        print("Van der Pol: Rodas4 \(v4) µs \(w4.statistics); Rodas5 \(v5) µs \(w5.statistics); ratio \(v4 / v5)")
    }
}
