/// The error weights of ``SolverOptions`` as the steppers see them.
@usableFromInline
struct Tolerance {
    @usableFromInline let relative: Double
    @usableFromInline let absolute: Double

    @inlinable
    init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Weight of a component that moved from `old` to `new` during a step. Taking the larger
    /// magnitude keeps the test meaningful when a component decays to zero within the step.
    @inlinable
    func scale(_ old: Double, _ new: Double) -> Double {
        absolute + relative * max(abs(old), abs(new))
    }
}
