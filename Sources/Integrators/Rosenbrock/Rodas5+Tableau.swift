/// Coefficients of Rodas5, the stiffly accurate, L-stable Rosenbrock method of order 5(4) of
/// G. Di Marzo, "RODAS5(4) – Méthodes de Rosenbrock d'ordre 5(4) adaptées aux problèmes
/// différentiels-algébriques", MSc thesis, Université de Genève, 1993 (see also Hairer & Wanner,
/// Solving ODEs II, 2nd ed., §VI.4). Values and the fourth-order dense output (coefficients h_ij)
/// as published with OrdinaryDiffEq.jl (`Rodas5Tableau` in `rosenbrock_tableaus.jl`).
///
/// Same transformed form as ``Rodas4Tableau`` (see ``RosenbrockTableau``): stages 6–8 are evaluated
/// at t + h on the accumulated argument (stiff accuracy); the new state is that argument plus `k_8`,
/// and `k_8` is the error estimate.
@usableFromInline
enum Rodas5Tableau: RosenbrockTableau {
    @inlinable static var stageCount: Int { 8 }
    @inlinable static var order: Int { 5 }
    @inlinable static var errorOrder: Int { 5 }

    @usableFromInline static let gamma = 0.19
    /// c_1...c_8.
    @usableFromInline static let c: [Double] = [
        0, 0.38, 0.3878509998321533, 0.4839718937873840, 0.4570477008819580, 1, 1, 1,
    ]
    /// d_1...d_8.
    @usableFromInline static let d: [Double] = [
        0.19, -0.1823079225333714636, -0.319231832186874912, 0.3449828624725343, -0.377417564392089818, 0, 0, 0,
    ]

    /// a_ij, rows i = 2...8 of the lower triangle.
    @usableFromInline static let a: [Double] = [
        // a21
        2.0,
        // a31 a32
        3.040894194418781, 1.041747909077569,
        // a41 a42 a43
        2.576417536461461, 1.622083060776640, -0.9089668560264532,
        // a51 a52 a53 a54
        2.760842080225597, 1.446624659844071, -0.3036980084553738, 0.2877498600325443,
        // a61 a62 a63 a64 a65
        -14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062,
        // a71...a76 = a61...a65, 1: the stage 6 argument plus k6
        -14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062, 1,
        // a81...a87 = a61...a65, 1, 1: the stage 7 argument plus k7
        -14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062, 1, 1,
    ]

    /// C_ij, rows i = 2...8 of the lower triangle.
    @usableFromInline static let C: [Double] = [
        // C21
        -10.31323885133993,
        // C31 C32
        -21.04823117650003, -7.234992135176716,
        // C41 C42 C43
        32.22751541853323, -4.943732386540191, 19.44922031041879,
        // C51 C52 C53 C54
        -20.69865579590063, -8.816374604402768, 1.260436877740897, -0.7495647613787146,
        // C61 C62 C63 C64 C65
        -46.22004352711257, -17.49534862857472, -289.6389582892057, 93.60855400400906, 318.3822534212147,
        // C71 C72 C73 C74 C75 C76
        34.20013733472935, -14.15535402717690, 57.82335640988400,
        25.83362985412365, 1.408950972071624, -6.551835421242162,
        // C81 C82 C83 C84 C85 C86 C87
        42.57076742291101, -13.80770672017997, 93.98938432427124, 18.77919633714503,
        -31.58359187223370, -6.685968952921985, -5.810979938412932,
    ]

    /// h_ij: K_m = Σ_j h_{m+1,j} k_j, m = 1, 2, 3.
    @usableFromInline static let denseOutput: [Double] = [
        // h21 h22 h23 h24 h25 h26 h27 h28
        27.354592673333357, -6.925207756232857, 26.40037733258859, 0.5635230501052979,
        -4.699151156849391, -1.6008677469422725, -1.5306074446748028, -1.3929872940716344,
        // h31 h32 h33 h34 h35 h36 h37 h38
        44.19024239501722, 1.3677947663381929e-13, 202.93261852171622, -35.5669339789154,
        -181.91095152160645, 3.4116351403665033, 2.5793540257308067, 2.2435122582734066,
        // h41 h42 h43 h44 h45 h46 h47 h48
        -44.0988150021747, -5.755396159656812e-13, -181.26175034586677, 56.99302194811676,
        183.21182741427398, -7.480257918273637, -5.792426076169686, -5.32503859794143,
    ]
}
