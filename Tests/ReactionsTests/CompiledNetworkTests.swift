import BlockadeTestSupport
import Foundation
import Integrators
import Testing
@testable import Reactions

@Suite("Compiled networks")
struct CompiledNetworkTests {
    @Test("rhs is S·v with the declared stoichiometry", arguments: Toy.allCases)
    func rhsIsStoichiometryTimesFluxes(toy: Toy) throws {
        try toy.with { network in try checkRHS(network) }
    }

    private func checkRHS<N: ReactionNetwork>(_ network: N) throws {
        let system = try CompiledNetwork(network)
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<20 {
            let y = network.species.map { _ in Double.random(in: 0.1...100, using: &rng) }
            let t = Double.random(in: 0...10, using: &rng)
            let v = system.fluxes(t: t, y: y)
            var expected = [Double](repeating: 0, count: y.count)
            for (r, reaction) in network.reactions.enumerated() {
                for term in reaction.stoichiometry {
                    let i = try #require(system.speciesIndex(term.species))
                    expected[i] += term.coefficient * v[r]
                }
            }
            let got = system.derivatives(t: t, y: y)
            for (g, e) in zip(got, expected) { #expect(abs(g - e) <= 1e-14 * max(abs(e), 1)) }
        }
    }

    /// Magnitude exponents: every species at 10^e (times a random factor in [0.5, 2]), and `nil` for
    /// each species at an independent random magnitude in 1e-3…1e9.
    static let magnitudes: [Int?] = [-3, 0, 3, 6, 9, nil]

    @Test("Jacobian equals central finite differences across magnitudes",
          arguments: Toy.allCases, magnitudes)
    func jacobianMatchesFiniteDifferences(toy: Toy, exponent: Int?) throws {
        try toy.with { network in try checkJacobian(network, exponent: exponent, seed: 0xBEEF &+ UInt64(bitPattern: Int64(exponent ?? 42))) }
    }

    // Tolerance: central differences with h = ε^(1/3)·|x_j| ≈ 6e-6·|x_j| have truncation error
    // ~h²·|f'''|/6, about 1e-11 relative for the power-law and rational terms used here, and a
    // rounding error ~ε·(size of the terms summed in f_i)/h ≈ 4e-11·scale_i/|x_j|. The exact (Dual)
    // Jacobian is accurate to a few ulps. So |J − J_fd| ≤ 1e-7·|J| + 1e-8·scale_i/|x_j| leaves a
    // margin of more than 100× over both error sources while still catching any wrong derivative
    // rule (those are off by O(1) relative).
    private func checkJacobian<N: ReactionNetwork>(_ network: N, exponent: Int?, seed: UInt64) throws {
        let system = try CompiledNetwork(network)
        let n = system.dimension
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<10 {
            let y = (0..<n).map { _ in
                let e = exponent.map(Double.init) ?? Double.random(in: -3...9, using: &rng)
                return Foundation.pow(10, e) * Double.random(in: 0.5...2, using: &rng)
            }
            let t = Double.random(in: 0...20, using: &rng)
            var jac = [Double](repeating: .nan, count: n * n)
            let written = y.withUnsafeBufferPointer { yb in jac.withUnsafeMutableBufferPointer { system.jacobian(t: t, y: yb, into: $0) } }
            #expect(written)
            let v = system.fluxes(t: t, y: y)
            var scale = [Double](repeating: 0, count: n)
            for (r, reaction) in network.reactions.enumerated() {
                for term in reaction.stoichiometry {
                    let i = try #require(system.speciesIndex(term.species))
                    scale[i] += abs(term.coefficient * v[r])
                }
            }
            for j in 0..<n {
                let h = Foundation.cbrt(Double.ulpOfOne) * abs(y[j])
                var plus = y, minus = y
                plus[j] += h; minus[j] -= h
                let fPlus = system.derivatives(t: t, y: plus), fMinus = system.derivatives(t: t, y: minus)
                for i in 0..<n {
                    let fd = (fPlus[i] - fMinus[i]) / (plus[j] - minus[j])
                    let exact = jac[i * n + j]
                    let tolerance = 1e-7 * abs(exact) + 1e-8 * scale[i] / abs(y[j])
                    #expect(abs(exact - fd) <= tolerance,
                            "\(N.self) J[\(network.species[i].id), \(network.species[j].id)] = \(exact), finite differences \(fd), y = \(y)")
                }
            }
        }
    }

    @Test("structurally independent species share one Jacobian pass; unread species cost none")
    func colouring() throws {
        #expect(try CompiledNetwork(AntibodyPK()).jacobianPasses == 1)
        #expect(try CompiledNetwork(PredatorPrey()).jacobianPasses == 2)
        #expect(try CompiledNetwork(TimeVarying()).jacobianPasses == 2)
        let system = try CompiledNetwork(TimeVarying())
        var jac = [Double](repeating: .nan, count: 9)
        _ = [1.0, 2.0, 3.0].withUnsafeBufferPointer { y in jac.withUnsafeMutableBufferPointer { system.jacobian(t: 0, y: y, into: $0) } }
        #expect(jac[2] == 0 && jac[5] == 0 && jac[8] == 0)
    }

    @Test("names resolve to indices; defaults come from the declarations")
    func lookups() throws {
        let system = try CompiledNetwork(PredatorPrey())
        #expect(system.speciesIndex("P") == 1)
        #expect(system.speciesIndex("nope") == nil)
        #expect(system.parameterIndex("d") == 4)
        #expect(system.initialState == [50, 5])
        #expect(system.parameterValues == ContiguousArray(PredatorPrey().parameters.map(\.value)))
        #expect(system.observe(t: 0, y: [2, 3]) == [5])
        #expect(try CompiledNetwork(TimeVarying()).observe(t: 1.5, y: [1, 1, 1])[1] == 3)
    }

    @Test("changing a parameter value changes the rhs without recompiling")
    func parameterUpdate() throws {
        var system = try CompiledNetwork(AntibodyPK(), parameterValues: [0.2, 0, 3.1, 2.8, 0, 10])
        let before = system.derivatives(t: 0, y: [31, 0])
        #expect(abs(before[0] - (-2)) < 1e-12)
        let clearance = try #require(system.parameterIndex("CL"))
        system.parameterValues[clearance] = 0.4
        #expect(abs(system.derivatives(t: 0, y: [31, 0])[0] - (-4)) < 1e-12)
    }

    @Test("concurrent rhs calls agree with serial ones (no shared scratch)")
    func hotPathsAreReentrant() throws {
        // Concurrency smoke test: CompiledNetwork is Sendable and keeps no shared scratch, so
        // concurrent calls must agree with serial ones.
        let system = try CompiledNetwork(PredatorPrey())
        let serial = system.derivatives(t: 1, y: [30, 7])
        let results = try runConcurrently(times: 8) { system.derivatives(t: 1, y: [30, 7]) }
        for r in results { #expect(r == serial) }
    }

    private func runConcurrently<R: Sendable>(times: Int, _ body: @escaping @Sendable () -> R) throws -> [R] {
        let lock = NSLock()
        nonisolated(unsafe) var out: [R] = []
        DispatchQueue.concurrentPerform(iterations: times) { _ in
            let r = body()
            lock.lock(); out.append(r); lock.unlock()
        }
        return out
    }
}
