import Foundation
import Integrators
@testable import Reactions

/// Two-compartment antibody PK with linear clearance and saturable (Michaelis–Menten,
/// target-mediated) elimination. Values are plausible for an IgG1 but are test data only.
struct AntibodyPK: ReactionNetwork {
    var compartments = [
        Compartment(id: "central", description: "Plasma", volumeLitres: 3.1, source: "test data"),
        Compartment(id: "peripheral", description: "Tissue", volumeLitres: 2.8, source: "test data"),
    ]
    var species = [
        Species(id: "A_c", description: "Antibody in plasma", compartment: "central", units: "nmol", initialAmount: 0),
        Species(id: "A_p", description: "Antibody in tissue", compartment: "peripheral", units: "nmol", initialAmount: 0),
    ]
    var parameters = [
        Parameter(id: "CL", description: "Linear clearance", value: 0.2, units: "L/day", source: "test data"),
        Parameter(id: "Q", description: "Inter-compartmental clearance", value: 0.5, units: "L/day", source: "test data"),
        Parameter(id: "V_c", description: "Central volume", value: 3.1, units: "L", source: "test data"),
        Parameter(id: "V_p", description: "Peripheral volume", value: 2.8, units: "L", source: "test data"),
        Parameter(id: "Vmax", description: "Maximal target-mediated elimination", value: 5, units: "nmol/day", source: "test data"),
        Parameter(id: "Km", description: "Concentration of half-maximal elimination", value: 10, units: "nM", source: "assumption: <test> & \"quoted\""),
    ]
    var reactions = [
        Reaction(id: "clearance", description: "Linear clearance", stoichiometry: [.init("A_c", -1)]),
        Reaction(id: "to_peripheral", description: "Distribution to tissue", stoichiometry: [.init("A_c", -1), .init("A_p", 1)]),
        Reaction(id: "to_central", description: "Return to plasma", stoichiometry: [.init("A_p", -1), .init("A_c", 1)]),
        Reaction(id: "tmdd", description: "Target-mediated | saturable elimination", stoichiometry: [.init("A_c", -1)]),
    ]
    var observables = [Observable(id: "C_c", description: "Plasma concentration", units: "nM")]

    func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                               into v: UnsafeMutableBufferPointer<T>) {
        let aC = x[0], aP = x[1]
        let cl = p[0], q = p[1], vC = p[2], vP = p[3], vmax = p[4], km = p[5]
        let conc = aC / vC
        v[0] = cl * conc
        v[1] = q * conc
        v[2] = q * aP / vP
        v[3] = vmax * conc / (km + conc)
    }

    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                 into o: UnsafeMutableBufferPointer<T>) {
        o[0] = x[0] / p[2]
    }
}

/// Logistic prey, predators with a Hill functional response, and a recruitment flux that reads
/// prey without changing it (so prey is an SBML modifier there).
struct PredatorPrey: ReactionNetwork {
    var compartments = [Compartment(id: "habitat", description: "Well-mixed habitat", volumeLitres: 1, source: "test data")]
    var species = [
        Species(id: "N", description: "Prey", compartment: "habitat", units: "cell", initialAmount: 50),
        Species(id: "P", description: "Predators", compartment: "habitat", units: "cell", initialAmount: 5),
    ]
    var parameters = [
        Parameter(id: "r", description: "Prey growth rate", value: 0.8, units: "1/day", source: "test data"),
        Parameter(id: "K", description: "Carrying capacity", value: 200, units: "cell", source: "test data"),
        Parameter(id: "a", description: "Maximal predation per predator", value: 1.2, units: "1/day", source: "test data"),
        Parameter(id: "h", description: "Prey at half-maximal predation", value: 40, units: "cell", source: "test data"),
        Parameter(id: "d", description: "Predator death rate", value: 0.3, units: "1/day", source: "test data"),
        Parameter(id: "b", description: "Maximal recruitment", value: 0.5, units: "cell/day", source: "test data"),
    ]
    var reactions = [
        Reaction(id: "growth", description: "Logistic prey growth", stoichiometry: [.init("N", 1)]),
        Reaction(id: "predation", description: "Prey eaten, converted into predators", stoichiometry: [.init("N", -1), .init("P", 0.25)]),
        Reaction(id: "death", description: "Predator death", stoichiometry: [.init("P", -1)]),
        Reaction(id: "recruitment", description: "Immigration attracted by prey", stoichiometry: [.init("P", 1)]),
    ]
    var observables = [Observable(id: "total", description: "All animals", units: "cell")]

    func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                               into v: UnsafeMutableBufferPointer<T>) {
        let n = x[0], pred = x[1]
        v[0] = p[0] * n * (1 - n / p[1])
        v[1] = p[2] * pred * hill(n, half: p[3], n: 2.5)
        v[2] = p[4] * pred
        v[3] = p[5] * n / (n + p[3])
    }

    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                 into o: UnsafeMutableBufferPointer<T>) {
        o[0] = x[0] + x[1]
    }
}

/// Exercises exp, log, pow, time and a species no rate law reads (a zero Jacobian column).
struct TimeVarying: ReactionNetwork {
    var compartments = [Compartment(id: "cell", description: "A cell", volumeLitres: 2e-12, source: "test data")]
    var species = [
        Species(id: "X", description: "Precursor", compartment: "cell", units: "molecule", initialAmount: 10),
        Species(id: "Y", description: "Product", compartment: "cell", units: "molecule", initialAmount: 1),
        Species(id: "Z", description: "Waste", compartment: "cell", units: "molecule", initialAmount: 0),
    ]
    var parameters = [
        Parameter(id: "k0", description: "Initial input", value: 20, units: "molecule/day", source: "test data"),
        Parameter(id: "lambda", description: "Input decay", value: 0.4, units: "1/day", source: "test data"),
        Parameter(id: "k1", description: "Conversion", value: 3, units: "molecule/day", source: "test data"),
        Parameter(id: "beta", description: "Conversion scale", value: 7, units: "molecule", source: "test data"),
        Parameter(id: "alpha", description: "Decay", value: 0.05, units: "molecule^-0.5/day", source: "test data"),
    ]
    var reactions = [
        Reaction(id: "input", description: "Decaying input with self-damping", stoichiometry: [.init("X", 1)]),
        Reaction(id: "conversion", description: "X to 2 Y", stoichiometry: [.init("X", -1), .init("Y", 2)]),
        Reaction(id: "decay", description: "Y to Z", stoichiometry: [.init("Y", -1), .init("Z", 1)]),
    ]
    var observables = [
        Observable(id: "signal", description: "A log-scale readout", units: "dimensionless"),
        Observable(id: "clock", description: "Twice the time", units: "day"),
    ]

    func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                               into v: UnsafeMutableBufferPointer<T>) {
        v[0] = p[0] * T.exp(-p[1] * time) * (1 + 0.5 * T.exp(-x[0] / (x[0] + 1000)))
        v[1] = p[2] * T.log(1 + x[0] / p[3]) * T.pow(x[1] + 1, 0.5)
        v[2] = p[4] * T.pow(x[1], 1.5) / (1 + time)
    }

    func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T,
                                 into o: UnsafeMutableBufferPointer<T>) {
        o[0] = T.log(x[0] + 1) - x[1] / (x[1] + 1)
        o[1] = 2 * time
    }
}

/// Type-erased access to the toy networks for parameterised tests.
enum Toy: String, CaseIterable, CustomStringConvertible, Sendable {
    case antibodyPK, predatorPrey, timeVarying
    var description: String { rawValue }

    /// Runs `body` with the concrete network, so generic code specialises per network.
    func with<R>(_ body: (any ReactionNetwork) throws -> R) rethrows -> R {
        switch self {
        case .antibodyPK: return try body(AntibodyPK())
        case .predatorPrey: return try body(PredatorPrey())
        case .timeVarying: return try body(TimeVarying())
        }
    }
}

/// Classical fixed-step RK4 on a compiled network, stopping exactly at every event and output time.
/// Events at one time apply in list order, changes within an event in order — the contract of
/// `ScheduledEvent`. Outputs at an event time report the state after the event.
func rk4Trajectory<N: ReactionNetwork>(_ system: CompiledNetwork<N>, y0: [Double], events: [ScheduledEvent],
                                        outputTimes: [Double], maxStep: Double) -> [[Double]] {
    var y = y0
    var t = outputTimes.first ?? 0
    let n = system.dimension
    let pending = events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    var nextEvent = 0
    func applyEvents(upTo time: Double) {
        while nextEvent < pending.count, pending[nextEvent].time <= time {
            for change in pending[nextEvent].changes {
                switch change.operation {
                case .add(let a): y[change.index] += a
                case .set(let v): y[change.index] = v
                case .multiply(let f): y[change.index] *= f
                }
            }
            nextEvent += 1
        }
    }
    func advance(to target: Double) {
        let span = target - t
        guard span > 0 else { return }
        let steps = Int((span / maxStep).rounded(.up))
        let h = span / Double(steps)
        let t0 = t
        for s in 0..<steps {
            let ts = t0 + Double(s) * h
            let k1 = system.derivatives(t: ts, y: y)
            let k2 = system.derivatives(t: ts + h / 2, y: (0..<n).map { y[$0] + h / 2 * k1[$0] })
            let k3 = system.derivatives(t: ts + h / 2, y: (0..<n).map { y[$0] + h / 2 * k2[$0] })
            let k4 = system.derivatives(t: ts + h, y: (0..<n).map { y[$0] + h * k3[$0] })
            for i in 0..<n { y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) }
        }
        t = target
    }
    var rows: [[Double]] = []
    for output in outputTimes {
        while nextEvent < pending.count, pending[nextEvent].time < output {
            advance(to: pending[nextEvent].time)
            applyEvents(upTo: t)
        }
        advance(to: output)
        applyEvents(upTo: output)
        rows.append(y)
    }
    return rows
}
