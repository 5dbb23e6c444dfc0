/// Work counters of one solve, for cost comparisons and for tests of solver behaviour.
public struct SolverStatistics: Sendable, Equatable {
    /// Steps whose error estimate passed the tolerance test.
    public var acceptedSteps: Int
    /// Steps rejected by the tolerance test (or producing non-finite values) and retried smaller.
    public var rejectedSteps: Int
    /// Calls of ``ODESystem/rhs(t:y:dydt:)``, including those made for finite differences and
    /// for the initial-step estimate.
    public var rhsEvaluations: Int
    /// Jacobian evaluations, analytic or by finite differences (implicit solvers only).
    public var jacobianEvaluations: Int
    /// LU factorisations of the iteration matrix (implicit solvers only).
    public var factorizations: Int

    /// Creates counters, all zero by default.
    public init(acceptedSteps: Int = 0, rejectedSteps: Int = 0, rhsEvaluations: Int = 0,
                jacobianEvaluations: Int = 0, factorizations: Int = 0) {
        self.acceptedSteps = acceptedSteps
        self.rejectedSteps = rejectedSteps
        self.rhsEvaluations = rhsEvaluations
        self.jacobianEvaluations = jacobianEvaluations
        self.factorizations = factorizations
    }
}
