import Foundation
import Testing
@testable import Reactions

@Suite("Dual numbers")
struct DualTests {
    private func seeded(_ x: Double) -> Dual { Dual(value: x, derivative: 1) }

    @Test("every operation carries the textbook derivative", arguments: [0.37, 1.0, 2.5, 1e-3, 4e6])
    func operations(x: Double) {
        let d = seeded(x), c = Dual(3.0)
        #expect((d + c).derivative == 1)
        #expect((c - d).derivative == -1)
        #expect((d * d).derivative == 2 * x)
        #expect(abs((c / d).derivative - (-3 / (x * x))) <= 1e-15 * abs(3 / (x * x)))
        #expect((-d).derivative == -1)
        #expect(Dual.exp(d).derivative == Foundation.exp(x))
        #expect(Dual.log(d).derivative == 1 / x)
        for p in [2.0, 0.5, -1.5, 3.7] {
            let expected = p * Foundation.pow(x, p - 1)
            #expect(abs(Dual.pow(d, p).derivative - expected) <= 1e-14 * abs(expected))
            #expect(Dual.pow(d, p).value == Foundation.pow(x, p))
        }
    }

    @Test("constants stay constants; pow at zero with a constant base gives no NaN")
    func constants() {
        #expect(Dual(2.0).derivative == 0)
        let literal: Dual = 4
        #expect(literal == Dual(value: 4, derivative: 0))
        #expect(Dual.pow(Dual(0), 0.5).derivative == 0)
        #expect(Dual.pow(seeded(2), 0).derivative == 0)
    }

    @Test("chain rule through a composite expression")
    func chainRule() {
        // f(x) = exp(x) * log(x) / (1 + x^2); f' computed by hand.
        let x = 1.7
        let f = { (x: Dual) -> Dual in Dual.exp(x) * Dual.log(x) / (1 + Dual.pow(x, 2)) }
        let e = Foundation.exp(x), l = Foundation.log(x), q = 1 + x * x
        let expected = (e * l + e / x) / q - e * l * 2 * x / (q * q)
        #expect(abs(f(seeded(x)).derivative - expected) <= 1e-14 * abs(expected))
    }

    @Test("hill is 1/2 at the half-maximal value and matches its derivative")
    func hillFunction() {
        #expect(hill(3.0, half: 3.0, n: 2.2) == 0.5)
        let x = 2.0, k = 5.0, n = 1.8
        let expected = n * Foundation.pow(x, n - 1) * Foundation.pow(k, n) / Foundation.pow(Foundation.pow(k, n) + Foundation.pow(x, n), 2)
        #expect(abs(hill(seeded(x), half: Dual(k), n: n).derivative - expected) <= 1e-14 * expected)
    }
}
