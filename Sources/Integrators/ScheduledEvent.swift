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
    /// Index of the state variable.
    public var index: Int
    public var operation: Operation

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
    public var changes: [StateChange]

    public init(time: Double, changes: [StateChange]) {
        self.time = time
        self.changes = changes
    }
}
