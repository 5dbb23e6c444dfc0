import Testing
import Foundation
import Integrators

/// y' = λ·y; exact y0·e^{λt}.
struct ExponentialDecay: ODESystem {
    var rate: Double
    var dimension: Int { 1 }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -rate * y[0]
    }
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        jac[0] = -rate
        return true
    }
    func exact(_ t: Double, from y0: Double, at t0: Double = 0) -> Double { y0 * exp(-rate * (t - t0)) }
}

/// y' = −y·cos t (non-autonomous, so Rosenbrock methods exercise ∂f/∂t); exact y0·e^{−sin t}.
struct CosineDecay: ODESystem {
    var dimension: Int { 1 }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = -y[0] * cos(t)
    }
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        jac[0] = -cos(t)
        return true
    }
    static func exact(_ t: Double) -> [Double] { [exp(-sin(t))] }
}

/// A damped rotation y' = [[a, b], [−b, a]]·y; exact e^{at}·R(bt)·y0.
struct DampedRotation: ODESystem {
    var a = -0.5
    var b = 2.0
    var dimension: Int { 2 }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = a * y[0] + b * y[1]
        dydt[1] = -b * y[0] + a * y[1]
    }
    func jacobian(t: Double, y: UnsafeBufferPointer<Double>, into jac: UnsafeMutableBufferPointer<Double>) -> Bool {
        jac[0] = a; jac[1] = b; jac[2] = -b; jac[3] = a
        return true
    }
    func exact(_ t: Double, from y0: [Double]) -> [Double] {
        let g = exp(a * t), c = cos(b * t), s = sin(b * t)
        return [g * (c * y0[0] + s * y0[1]), g * (-s * y0[0] + c * y0[1])]
    }
}

/// A constant-rate infusion that stops at `switchTime`, into a compartment cleared at rate k:
/// y' = u(t) − k·y with u = rate for t < switchTime, 0 after.
struct ShortInfusion: ODESystem {
    var rate = 2.0
    var clearance = 0.7
    var switchTime = 3.3
    var dimension: Int { 1 }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        let input = t < switchTime ? rate : 0
        dydt[0] = input - clearance * y[0]
    }
    func exact(_ t: Double) -> Double {
        let plateau = rate / clearance
        if t <= switchTime { return plateau * (1 - exp(-clearance * t)) }
        return plateau * (1 - exp(-clearance * switchTime)) * exp(-clearance * (t - switchTime))
    }
}

/// y' = y², which blows up at t = 1 from y(0) = 1.
struct FiniteTimeBlowUp: ODESystem {
    var dimension: Int { 1 }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        dydt[0] = y[0] * y[0]
    }
}

/// A linear chain of n compartments with first-order transfer (a catenary PK/cell-maturation
/// model): y_i' = k_{i−1}·y_{i−1} − k_i·y_i + source·δ_{i0}. Non-stiff for the rates used.
struct CompartmentChain: ODESystem {
    var rates: [Double]
    var source = 1.0
    var dimension: Int { rates.count }
    func rhs(t: Double, y: UnsafeBufferPointer<Double>, dydt: UnsafeMutableBufferPointer<Double>) {
        rates.withUnsafeBufferPointer { k in
            dydt[0] = source - k[0] * y[0]
            for i in 1..<k.count { dydt[i] = k[i - 1] * y[i - 1] - k[i] * y[i] }
        }
    }
}

/// Which solver a parameterised test runs.
enum SolverKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case tsit5, dormandPrince5, rodas4, rodas5
    var testDescription: String { rawValue }

    /// The linearly implicit (stiff) solvers.
    static let stiff: [SolverKind] = [.rodas4, .rodas5]

    /// Classical order of the method.
    var order: Double { self == .rodas4 ? 4 : 5 }

    func solve<S: ODESystem>(_ system: S, _ y0: [Double], _ t0: Double, _ t1: Double, saveAt: [Double] = [],
                             events: [ScheduledEvent] = [], options: SolverOptions = SolverOptions()) -> Solution {
        switch self {
        case .tsit5:
            var solver = Tsit5()
            return solver.solve(system, initialState: y0, from: t0, to: t1, saveAt: saveAt, events: events, options: options)
        case .dormandPrince5:
            var solver = DormandPrince5()
            return solver.solve(system, initialState: y0, from: t0, to: t1, saveAt: saveAt, events: events, options: options)
        case .rodas4:
            var solver = Rodas4()
            return solver.solve(system, initialState: y0, from: t0, to: t1, saveAt: saveAt, events: events, options: options)
        case .rodas5:
            var solver = Rodas5()
            return solver.solve(system, initialState: y0, from: t0, to: t1, saveAt: saveAt, events: events, options: options)
        }
    }
}

/// Options that make the adaptive solvers take exactly `steps` equal steps over a span: the error
/// test always passes and the maximum step caps growth.
func fixedStepOptions(span: Double, steps: Int) -> SolverOptions {
    let h = span / Double(steps)
    return SolverOptions(relativeTolerance: 1e10, absoluteTolerance: 1e10, initialStep: h, maxStep: h)
}
