/// How an integration ended.
///
/// Numerical failure is reported here rather than thrown, because in a virtual trial a failing
/// patient is data (it is counted and reported), not a programming error.
public enum ReturnCode: String, Sendable {
    /// Reached the final time.
    case success
    /// Stopped after ``SolverOptions/maxSteps`` step attempts (accepted plus rejected).
    case maxIters
    /// The step-size controller asked for a step below ``SolverOptions/minStep``.
    case dtLessThanMin
    /// A NaN or infinity appeared in the state or its derivative.
    case unstable
    /// The arguments were inconsistent (non-finite or mis-sized state, `t1 < t0`, unsorted or
    /// out-of-span `saveAt`, NaN or negative tolerances, bad event index); nothing was integrated.
    case invalidInput
}
