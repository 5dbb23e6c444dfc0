import BlockadeTestSupport
import Foundation
import Testing
@testable import Reactions

@Suite("Symbolic expressions")
struct SymbolicTests {
    private let cells = Symbolic.species(id: "C", index: 0)
    private let growth = Symbolic.parameter(id: "k_grow", index: 0)
    private let capacity = Symbolic.parameter(id: "C_max", index: 1)

    @Test("infix uses the fewest parentheses that keep the meaning")
    func infix() {
        let logistic = growth * cells * (1 - cells / capacity)
        #expect(logistic.infix == "k_grow * C * (1 - C / C_max)")
        #expect((cells - (growth - capacity)).infix == "C - (k_grow - C_max)")
        #expect((cells - growth - capacity).infix == "C - k_grow - C_max")
        #expect((cells / (growth * capacity)).infix == "C / (k_grow * C_max)")
        #expect((-(cells + growth)).infix == "-(C + k_grow)")
        #expect(Symbolic.pow(cells + 1, 2).infix == "(C + 1)^2")
        #expect(Symbolic.pow(cells, -0.5).infix == "C^(-0.5)")
        #expect((Symbolic.exp(-growth * Symbolic.time) + Symbolic.log(cells)).infix == "exp(-k_grow * t) + ln(C)")
    }

    @Test("light simplification folds constants and drops neutral elements")
    func simplification() {
        #expect(cells * 1 == cells)
        #expect(1 * cells == cells)
        #expect(cells + 0 == cells)
        #expect(0 * cells == .constant(0))
        #expect(cells / 1 == cells)
        #expect(-(-cells) == cells)
        #expect(Symbolic.pow(cells, 1) == cells)
        #expect((Symbolic(2) * 3 + 1).constantValue == 7)
        #expect((cells + -growth) == .difference(cells, growth))
        #expect((cells - -2).infix == "C + 2")
    }

    @Test("MathML uses SBML's time csymbol, power, ln and integer/real numbers")
    func mathML() {
        let law = Symbolic.pow(cells, 2) * Symbolic.log(Symbolic.time) / 2.5
        #expect(law.mathML == "<apply><divide/><apply><times/><apply><power/><ci> C </ci><cn type=\"integer\"> 2 </cn></apply><apply><ln/><csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\"> time </csymbol></apply></apply><cn> 2.5 </cn></apply>")
        #expect(Symbolic.constant(1e-5).mathML == "<cn> 1e-05 </cn>")
        #expect(law.mathMLElement.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"))
    }

    @Test("recorded rate laws evaluate to exactly the Double rate laws", arguments: Toy.allCases)
    func recordedEqualsDouble(toy: Toy) {
        toy.with { network in checkRecorded(network, seed: 0x5EED + UInt64(toy.rawValue.count)) }
    }

    // Exact equality holds because the rewrites the operators make (x·1 → x, a + (−b) → a − b,
    // constant folding, ...) are exact in IEEE arithmetic for finite operands.
    private func checkRecorded<N: ReactionNetwork>(_ network: N, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let laws = network.symbolicRates(), observed = network.symbolicObservables()
        let p = network.parameters.map(\.value)
        for _ in 0..<50 {
            let x = network.species.map { _ in Foundation.pow(10, Double.random(in: -3...9, using: &rng)) }
            let t = Double.random(in: 0...30, using: &rng)
            var v = [Double](repeating: .nan, count: network.reactions.count)
            var o = [Double](repeating: .nan, count: network.observables.count)
            x.withUnsafeBufferPointer { xb in
                p.withUnsafeBufferPointer { pb in
                    v.withUnsafeMutableBufferPointer { network.rates(x: xb, p: pb, time: t, into: $0) }
                    o.withUnsafeMutableBufferPointer { network.observe(x: xb, p: pb, time: t, into: $0) }
                }
            }
            for (law, value) in zip(laws, v) { #expect(law.evaluate(x: x, p: p, time: t) == value) }
            for (formula, value) in zip(observed, o) { #expect(formula.evaluate(x: x, p: p, time: t) == value) }
            let byName = Dictionary(uniqueKeysWithValues: zip(network.species.map(\.id), x))
            let parametersByName = Dictionary(uniqueKeysWithValues: zip(network.parameters.map(\.id), p))
            #expect(laws[0].evaluate(species: byName, parameters: parametersByName, time: t) == v[0])
        }
    }

    @Test("a missing leaf evaluates to NaN rather than a plausible number")
    func missingLeaf() {
        #expect((cells + growth).evaluate(species: [:], parameters: ["k_grow": 1], time: 0).isNaN)
    }

    @Test("leaves report the species, parameters and time an expression reads")
    func leaves() {
        let laws = TimeVarying().symbolicRates()
        #expect(laws[0].leaves.species == [0] && laws[0].leaves.time)
        #expect(laws[1].leaves.species == [0, 1] && !laws[1].leaves.time)
        #expect(laws[2].leaves.parameters == [4])
    }
}
