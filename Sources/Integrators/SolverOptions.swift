/// Tolerances and limits of one solve.
///
/// Numerical contract: a step is accepted when the RMS over components of
/// `err_i / (absoluteTolerance + relativeTolerance · max(|y_i|, |ynew_i|))` is at most 1, where
/// `err_i` is the method's embedded local error estimate. This bounds the *local* error per step;
/// the global error at the end is usually of the same order as the tolerances for well-conditioned
/// problems but is not guaranteed to be below them (errors accumulate, and grow along unstable
/// directions of the system).
public struct SolverOptions: Sendable {
    /// Relative tolerance (dimensionless).
    public var relativeTolerance: Double = 1e-6
    /// Absolute tolerance, in the units of the state, applied to every component. It sets the
    /// magnitude below which a component is treated as noise, so keep it below the smallest
    /// concentration you care about.
    public var absoluteTolerance: Double = 1e-9
    /// Maximum number of step attempts (accepted plus rejected) before giving up with
    /// ``ReturnCode/maxIters``.
    public var maxSteps: Int = 1_000_000
    /// First step size, in the system's time unit; `nil` estimates it (Hairer, Nørsett & Wanner,
    /// Solving ODEs I, 2nd ed., §II.4). Also used after every event, when given.
    public var initialStep: Double? = nil
    /// Smallest step the controller may propose, in the system's time unit; below it the solve stops
    /// with ``ReturnCode/dtLessThanMin``. Steps shortened only to land on a stop are exempt.
    public var minStep: Double = 1e-12
    /// Largest step, in the system's time unit.
    public var maxStep: Double = .infinity
    /// Times (system's time unit) the solver must step to exactly, such as the switch times of a
    /// piecewise-constant infusion. The solver never evaluates the right-hand side across a stop
    /// within one step, so a discontinuity there costs no accuracy. Times outside the span are ignored.
    public var tstops: [Double] = []

    /// After an event, keep the last step size (the error controller still shrinks it if the jump
    /// calls for it) instead of estimating a fresh one. Cheaper for frequent bolus doses whose
    /// jumps the dynamics absorb smoothly; the fresh estimate (default) is the safer choice when
    /// events change the state's scale abruptly.
    public var keepStepSizeAfterEvents = false

    /// Creates options; every parameter has the default documented on its property.
    public init(relativeTolerance: Double = 1e-6, absoluteTolerance: Double = 1e-9,
                maxSteps: Int = 1_000_000, initialStep: Double? = nil, minStep: Double = 1e-12,
                maxStep: Double = .infinity, tstops: [Double] = []) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maxSteps = maxSteps
        self.initialStep = initialStep
        self.minStep = minStep
        self.maxStep = maxStep
        self.tstops = tstops
    }
}
