/// The recorded trajectory of one solve.
public struct Solution: Sendable {
    /// The requested `saveAt` times that were reached, in order (system's time unit).
    public var times: [Double]
    /// States at ``times``, row-major: `states[i * dimension + j]` is component `j` at `times[i]`.
    /// Values between steps come from the method's dense output, whose error is of the order of
    /// the tolerances (not of rounding).
    public var states: ContiguousArray<Double>
    /// Number of state variables.
    public var dimension: Int
    /// How the solve ended; on failure ``times`` holds only the points reached before it.
    public var returnCode: ReturnCode
    /// Work done.
    public var statistics: SolverStatistics
    /// Time at which integration stopped (`t1` on success, system's time unit).
    public var finalTime: Double

    /// Creates a solution record.
    public init(times: [Double], states: ContiguousArray<Double>, dimension: Int,
                returnCode: ReturnCode, statistics: SolverStatistics, finalTime: Double) {
        self.times = times
        self.states = states
        self.dimension = dimension
        self.returnCode = returnCode
        self.statistics = statistics
        self.finalTime = finalTime
    }

    /// The state recorded at `times[i]`, `dimension` values. Precondition: `i < times.count`.
    @inlinable
    public func state(at i: Int) -> ArraySlice<Double> {
        states[(i * dimension)..<((i + 1) * dimension)]
    }

    /// Whether the solve reached its final time.
    @inlinable
    public var succeeded: Bool { returnCode == .success }
}
