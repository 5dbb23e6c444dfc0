/// Coefficients of Tsitouras' 5(4) pair, Ch. Tsitouras, "Runge–Kutta pairs of order 5(4) satisfying
/// only the first column simplifying assumption", Comput. Math. Appl. 62 (2011) 770–775,
/// doi:10.1016/j.camwa.2011.06.002. Values to double precision as published with OrdinaryDiffEq.jl
/// (`tsit_tableaus.jl`), cross-checked by the tableau consistency tests (row sums equal nodes,
/// interpolant at θ = 1 equals the weights, error weights sum to zero).
@usableFromInline
enum Tsit5Tableau: ExplicitFSALTableau {
    // Nodes c2...c6 (c1 = 0, c7 = 1).
    @usableFromInline static let c2 = 0.161
    @usableFromInline static let c3 = 0.327
    @usableFromInline static let c4 = 0.9
    @usableFromInline static let c5 = 0.9800255409045097

    @usableFromInline static let a21 = 0.161
    @usableFromInline static let a31 = -0.008480655492356989
    @usableFromInline static let a32 = 0.335480655492357
    @usableFromInline static let a41 = 2.897153057105493
    @usableFromInline static let a42 = -6.359448489975075
    @usableFromInline static let a43 = 4.3622954328695815
    @usableFromInline static let a51 = 5.325864828439257
    @usableFromInline static let a52 = -11.748883564062828
    @usableFromInline static let a53 = 7.4955393428898365
    @usableFromInline static let a54 = -0.09249506636175525
    @usableFromInline static let a61 = 5.86145544294642
    @usableFromInline static let a62 = -12.92096931784711
    @usableFromInline static let a63 = 8.159367898576159
    @usableFromInline static let a64 = -0.071584973281401
    @usableFromInline static let a65 = -0.028269050394068383
    // Fifth-order weights b1...b6 (b7 = 0); also row 7 of A, which makes the method FSAL.
    @usableFromInline static let b1 = 0.09646076681806523
    @usableFromInline static let b2 = 0.01
    @usableFromInline static let b3 = 0.4798896504144996
    @usableFromInline static let b4 = 1.379008574103742
    @usableFromInline static let b5 = -3.290069515436081
    @usableFromInline static let b6 = 2.324710524099774
    // Error weights b − b̂ (fifth minus fourth order).
    @usableFromInline static let e1 = -0.00178001105222577714
    @usableFromInline static let e2 = -0.0008164344596567469
    @usableFromInline static let e3 = 0.007880878010261995
    @usableFromInline static let e4 = -0.1447110071732629
    @usableFromInline static let e5 = 0.5823571654525552
    @usableFromInline static let e6 = -0.45808210592918697
    @usableFromInline static let e7 = 1.0 / 66.0

    // Free fourth-order dense output: b_i(θ) = r_i1·θ + r_i2·θ² + r_i3·θ³ + r_i4·θ⁴ (r_i1 = 0 for i > 1).
    @usableFromInline static let r11 = 1.0
    @usableFromInline static let r12 = -2.763706197274826
    @usableFromInline static let r13 = 2.9132554618219126
    @usableFromInline static let r14 = -1.0530884977290216
    @usableFromInline static let r22 = 0.13169999999999998
    @usableFromInline static let r23 = -0.2234
    @usableFromInline static let r24 = 0.1017
    @usableFromInline static let r32 = 3.9302962368947516
    @usableFromInline static let r33 = -5.941033872131505
    @usableFromInline static let r34 = 2.490627285651253
    @usableFromInline static let r42 = -12.411077166933676
    @usableFromInline static let r43 = 30.33818863028232
    @usableFromInline static let r44 = -16.548102889244902
    @usableFromInline static let r52 = 37.50931341651104
    @usableFromInline static let r53 = -88.1789048947664
    @usableFromInline static let r54 = 47.37952196281928
    @usableFromInline static let r62 = -27.896526289197286
    @usableFromInline static let r63 = 65.09189467479366
    @usableFromInline static let r64 = -34.87065786149661
    @usableFromInline static let r72 = 1.5
    @usableFromInline static let r73 = -4.0
    @usableFromInline static let r74 = 2.5

    /// Dense-output weights b_1(θ)...b_7(θ).
    @inlinable
    static func denseWeights(_ θ: Double) -> (Double, Double, Double, Double, Double, Double, Double) {
        let θ2 = θ * θ
        return (θ * (r11 + θ * (r12 + θ * (r13 + θ * r14))),
                θ2 * (r22 + θ * (r23 + θ * r24)),
                θ2 * (r32 + θ * (r33 + θ * r34)),
                θ2 * (r42 + θ * (r43 + θ * r44)),
                θ2 * (r52 + θ * (r53 + θ * r54)),
                θ2 * (r62 + θ * (r63 + θ * r64)),
                θ2 * (r72 + θ * (r73 + θ * r74)))
    }
}
