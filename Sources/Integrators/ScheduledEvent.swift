/// A change applied to one state variable at an event.
public struct StateChange: Sendable, Equatable {
    /// What happens to the variable.
    public enum Operation: Sendable, Equatable {
        /// y[index] += amount (a bolus dose).
        case add(Double)
        /// y[index] = value (a reset).
        case set(Double)
        /// y[index] *= factor (e.g. a fraction of cells surviving a radiotherapy fraction).
        case multiply(Double)
    }
    /// Index of the state variable, `0..<dimension` (checked by the solvers: out of range gives
    /// ``ReturnCode/invalidInput``).
    public var index: Int
    /// The change; its amount must be finite.
    public var operation: Operation

    /// Creates a change of variable `index`.
    public init(index: Int, _ operation: Operation) {
        self.index = index
        self.operation = operation
    }
}

/// A discrete change of state at a known time (a dose, a reset). The solver stops exactly at
/// ``time``, applies every change in order, and restarts the step-size controller.
public struct ScheduledEvent: Sendable, Equatable {
    /// Time of the event, in the system's time unit.
    public var time: Double
    /// Changes applied one after another (so `.set(5)` then `.multiply(0.5)` leaves 2.5).
    public var changes: [StateChange]

    /// Creates an event at `time` (system's time unit).
    public init(time: Double, changes: [StateChange]) {
        self.time = time
        self.changes = changes
    }
}
