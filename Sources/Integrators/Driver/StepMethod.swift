/// One step of a one-step method, as the shared driver (``integrate(_:method:initialState:from:to:saveAt:events:options:)``)
/// uses it. A stepper is a non-owning view of its solver's work arrays, alive only inside one solve.
///
/// The protocol exists so that time bookkeeping (stops, events, output, failure codes) is written
/// once; steppers only compute steps, error estimates and dense output.
@usableFromInline
protocol StepMethod {
    /// Classical order p of the propagated solution (used for the first-step estimate).
    static var order: Int { get }
    /// Order of the embedded error estimate plus one (the step-size controller's exponent base).
    static var errorOrder: Int { get }

    /// Number of state variables.
    var dimension: Int { get }
    /// The current state y(t); the driver writes the initial state and event changes here.
    var state: UnsafeMutablePointer<Double> { get }
    /// The state at the end of the last attempted step.
    var proposedState: UnsafeMutablePointer<Double> { get }
    /// f(t, y) after ``restart(_:t:clock:statistics:)``.
    var derivative: UnsafeMutablePointer<Double> { get }
    /// A vector free between an attempt and the next, where the driver receives dense output.
    var outputBuffer: UnsafeMutablePointer<Double> { get }
    /// Two scratch vectors the driver may use before the first step of a segment.
    var scratch: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>) { get }

    /// Re-evaluates everything that depends on (t, y) after the state was set or changed.
    mutating func restart<S: ODESystem>(_ system: S, t: Double, clock: StageClock, statistics: inout SolverStatistics)

    /// Computes a step of size `h` from (t, y) into ``proposedState`` and returns its scaled RMS
    /// error (≤ 1 means acceptable; non-finite on overflow or a singular iteration matrix).
    mutating func attempt<S: ODESystem>(_ system: S, t: Double, h: Double, clock: StageClock,
                                        tolerance: Tolerance, statistics: inout SolverStatistics) -> Double

    /// Dense output of the last attempted step at t + θ·h, 0 ≤ θ ≤ 1, written into `out`.
    func interpolate(theta: Double, h: Double, into out: UnsafeMutablePointer<Double>)

    /// Makes the proposed state current after acceptance.
    mutating func accept()
}

extension StepMethod {
    /// dydt = f(t, y) for vectors of length ``dimension``.
    @inlinable
    func evaluate<S: ODESystem>(_ system: S, _ t: Double, _ y: UnsafeMutablePointer<Double>,
                                _ dydt: UnsafeMutablePointer<Double>) {
        system.rhs(t: t, y: UnsafeBufferPointer(start: y, count: dimension),
                   dydt: UnsafeMutableBufferPointer(start: dydt, count: dimension))
    }
}
