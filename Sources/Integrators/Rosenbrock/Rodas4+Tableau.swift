/// Coefficients of RODAS (Hairer & Wanner, Solving Ordinary Differential Equations II, 2nd ed.,
/// Springer 1996, §VI.4; Fortran code `rodas.f`, `METH = 1`), a stiffly accurate, L-stable
/// Rosenbrock method of order 4 with an embedded order-3 solution and a third-order dense output.
///
/// In the transformed form of the Fortran code (see ``RosenbrockTableau``): stages 5 and 6 are
/// evaluated at t + h, stage 6 on the stage 5 argument plus `k_5`; the new state is the stage 6
/// argument plus `k_6`, and `k_6` is the error estimate.
@usableFromInline
enum Rodas4Tableau: RosenbrockTableau {
    @inlinable static var stageCount: Int { 6 }
    @inlinable static var order: Int { 4 }
    @inlinable static var errorOrder: Int { 4 }

    @usableFromInline static let gamma = 0.25
    /// c_1...c_6.
    @usableFromInline static let c: [Double] = [0, 0.386, 0.21, 0.63, 1, 1]
    /// d_1...d_6.
    @usableFromInline static let d: [Double] = [0.25, -0.1043, 0.1035, -0.03620000000000023, 0, 0]

    /// a_ij, rows i = 2...6 of the lower triangle.
    @usableFromInline static let a: [Double] = [
        // a21
        1.544,
        // a31 a32
        0.9466785280815826, 0.2557011698983284,
        // a41 a42 a43
        3.314825187068521, 2.896124015972201, 0.9986419139977817,
        // a51 a52 a53 a54
        1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950,
        // a61...a65 = a51...a54, 1: the stage 5 argument plus k5
        1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1,
    ]

    /// C_ij, rows i = 2...6 of the lower triangle.
    @usableFromInline static let C: [Double] = [
        // C21
        -5.6688,
        // C31 C32
        -2.430093356833875, -0.2063599157091915,
        // C41 C42 C43
        -0.1073529058151375, -9.594562251023355, -20.47028614809616,
        // C51 C52 C53 C54
        7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160,
        // C61 C62 C63 C64 C65
        8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054,
    ]

    /// h_ij: K1 = Σ h2j k_j, K2 = Σ h3j k_j (h26 = h36 = 0).
    @usableFromInline static let denseOutput: [Double] = [
        // h21 h22 h23 h24 h25 h26
        10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0,
        // h31 h32 h33 h34 h35 h36
        -0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0,
    ]
}
