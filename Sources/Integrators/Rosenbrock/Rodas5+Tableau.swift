/// Coefficients of Rodas5, the stiffly accurate, L-stable Rosenbrock method of order 5(4) of
/// G. Di Marzo, "RODAS5(4) – Méthodes de Rosenbrock d'ordre 5(4) adaptées aux problèmes
/// différentiels-algébriques", MSc thesis, Université de Genève, 1993 (see also Hairer & Wanner,
/// Solving ODEs II, 2nd ed., §VI.4). Values and the fourth-order dense output (coefficients h_ij)
/// as published with OrdinaryDiffEq.jl (`Rodas5Tableau` in `rosenbrock_tableaus.jl`).
///
/// Same transformed form as ``Rodas4Tableau``: stages solve
/// `(I/(γh) − J) k_i = f(t + c_i h, y + Σ a_ij k_j) + Σ (C_ij / h) k_j + h d_i ∂f/∂t`; stages 6–8
/// are evaluated at t + h on the accumulated argument (stiff accuracy); the new state is that
/// argument plus `k_8`, and `k_8` is the error estimate.
@usableFromInline
enum Rodas5Tableau {
    @usableFromInline static let gamma = 0.19

    @usableFromInline static let c2 = 0.38
    @usableFromInline static let c3 = 0.3878509998321533
    @usableFromInline static let c4 = 0.4839718937873840
    @usableFromInline static let c5 = 0.4570477008819580

    @usableFromInline static let d1 = 0.19
    @usableFromInline static let d2 = -0.1823079225333714636
    @usableFromInline static let d3 = -0.319231832186874912
    @usableFromInline static let d4 = 0.3449828624725343
    @usableFromInline static let d5 = -0.377417564392089818

    @usableFromInline static let a21 = 2.0
    @usableFromInline static let a31 = 3.040894194418781
    @usableFromInline static let a32 = 1.041747909077569
    @usableFromInline static let a41 = 2.576417536461461
    @usableFromInline static let a42 = 1.622083060776640
    @usableFromInline static let a43 = -0.9089668560264532
    @usableFromInline static let a51 = 2.760842080225597
    @usableFromInline static let a52 = 1.446624659844071
    @usableFromInline static let a53 = -0.3036980084553738
    @usableFromInline static let a54 = 0.2877498600325443
    @usableFromInline static let a61 = -14.09640773051259
    @usableFromInline static let a62 = 6.925207756232704
    @usableFromInline static let a63 = -41.47510893210728
    @usableFromInline static let a64 = 2.343771018586405
    @usableFromInline static let a65 = 24.13215229196062

    @usableFromInline static let C21 = -10.31323885133993
    @usableFromInline static let C31 = -21.04823117650003
    @usableFromInline static let C32 = -7.234992135176716
    @usableFromInline static let C41 = 32.22751541853323
    @usableFromInline static let C42 = -4.943732386540191
    @usableFromInline static let C43 = 19.44922031041879
    @usableFromInline static let C51 = -20.69865579590063
    @usableFromInline static let C52 = -8.816374604402768
    @usableFromInline static let C53 = 1.260436877740897
    @usableFromInline static let C54 = -0.7495647613787146
    @usableFromInline static let C61 = -46.22004352711257
    @usableFromInline static let C62 = -17.49534862857472
    @usableFromInline static let C63 = -289.6389582892057
    @usableFromInline static let C64 = 93.60855400400906
    @usableFromInline static let C65 = 318.3822534212147
    @usableFromInline static let C71 = 34.20013733472935
    @usableFromInline static let C72 = -14.15535402717690
    @usableFromInline static let C73 = 57.82335640988400
    @usableFromInline static let C74 = 25.83362985412365
    @usableFromInline static let C75 = 1.408950972071624
    @usableFromInline static let C76 = -6.551835421242162
    @usableFromInline static let C81 = 42.57076742291101
    @usableFromInline static let C82 = -13.80770672017997
    @usableFromInline static let C83 = 93.98938432427124
    @usableFromInline static let C84 = 18.77919633714503
    @usableFromInline static let C85 = -31.58359187223370
    @usableFromInline static let C86 = -6.685968952921985
    @usableFromInline static let C87 = -5.810979938412932

    // Dense output y(θ) = (1−θ)·y0 + θ·(y1 + (1−θ)·(K1 + θ·(K2 + θ·K3))), K_m = Σ_j h_{m+1,j} k_j.
    @usableFromInline static let h21 = 27.354592673333357
    @usableFromInline static let h22 = -6.925207756232857
    @usableFromInline static let h23 = 26.40037733258859
    @usableFromInline static let h24 = 0.5635230501052979
    @usableFromInline static let h25 = -4.699151156849391
    @usableFromInline static let h26 = -1.6008677469422725
    @usableFromInline static let h27 = -1.5306074446748028
    @usableFromInline static let h28 = -1.3929872940716344
    @usableFromInline static let h31 = 44.19024239501722
    @usableFromInline static let h32 = 1.3677947663381929e-13
    @usableFromInline static let h33 = 202.93261852171622
    @usableFromInline static let h34 = -35.5669339789154
    @usableFromInline static let h35 = -181.91095152160645
    @usableFromInline static let h36 = 3.4116351403665033
    @usableFromInline static let h37 = 2.5793540257308067
    @usableFromInline static let h38 = 2.2435122582734066
    @usableFromInline static let h41 = -44.0988150021747
    @usableFromInline static let h42 = -5.755396159656812e-13
    @usableFromInline static let h43 = -181.26175034586677
    @usableFromInline static let h44 = 56.99302194811676
    @usableFromInline static let h45 = 183.21182741427398
    @usableFromInline static let h46 = -7.480257918273637
    @usableFromInline static let h47 = -5.792426076169686
    @usableFromInline static let h48 = -5.32503859794143
}
