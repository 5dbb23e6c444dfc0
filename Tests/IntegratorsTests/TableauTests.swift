import Testing
@testable import Integrators

/// Transcription checks of the published coefficients: any mistyped digit breaks one of these
/// identities at far above rounding level.
@Suite("Tableau consistency")
struct TableauTests {
    enum Pair: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case tsit5, dormandPrince5
        var testDescription: String { rawValue }
        var tableau: any ExplicitFSALTableau.Type {
            self == .tsit5 ? Tsit5Tableau.self : DormandPrince5Tableau.self
        }
    }

    @Test("rows sum to their nodes, weights to one, error weights to zero", arguments: Pair.allCases)
    func rowSums(pair: Pair) {
        check(pair.tableau)
    }

    func check<T: ExplicitFSALTableau>(_: T.Type) {
        #expect(abs(T.a21 - T.c2) < 1e-15)
        #expect(abs(T.a31 + T.a32 - T.c3) < 1e-15)
        #expect(abs(T.a41 + T.a42 + T.a43 - T.c4) < 1e-14)
        #expect(abs(T.a51 + T.a52 + T.a53 + T.a54 - T.c5) < 1e-14)
        #expect(abs(T.a61 + T.a62 + T.a63 + T.a64 + T.a65 - 1) < 1e-14)
        #expect(abs(T.b1 + T.b2 + T.b3 + T.b4 + T.b5 + T.b6 - 1) < 1e-14)
        #expect(abs(T.e1 + T.e2 + T.e3 + T.e4 + T.e5 + T.e6 + T.e7) < 1e-14)
        // Fourth-order condition Σ b_i c_i³ = 1/4 (c6 = c7 = 1; b7 = 0).
        let c = [0, T.c2, T.c3, T.c4, T.c5, 1.0]
        let b = [T.b1, T.b2, T.b3, T.b4, T.b5, T.b6]
        let moment = zip(b, c).map { $0 * $1 * $1 * $1 }.reduce(0, +)
        #expect(abs(moment - 0.25) < 1e-14)
    }

    @Test("dense output reproduces the step at θ = 1 and the start at θ = 0", arguments: Pair.allCases)
    func denseEnds(pair: Pair) {
        denseEnds(pair.tableau)
    }

    func denseEnds<T: ExplicitFSALTableau>(_: T.Type) {
        let w1 = T.denseWeights(1)
        let b = [T.b1, T.b2, T.b3, T.b4, T.b5, T.b6, 0]
        let w = [w1.0, w1.1, w1.2, w1.3, w1.4, w1.5, w1.6]
        for (x, y) in zip(w, b) { #expect(abs(x - y) < 1e-13) }
        let w0 = T.denseWeights(0)
        #expect([w0.0, w0.1, w0.2, w0.3, w0.4, w0.5, w0.6].allSatisfy { $0 == 0 })
        // Consistency of the interpolant: Σ b_i(θ) = θ.
        let half = T.denseWeights(0.5)
        #expect(abs(half.0 + half.1 + half.2 + half.3 + half.4 + half.5 + half.6 - 0.5) < 1e-14)
    }
}
