import Foundation
import Integrators
import Testing
@testable import Reactions

/// Writes SBML + reference trajectories for the peer check (`scripts/sbml_check.py`) when
/// `BLOCKADE_WRITE_FIXTURES=<dir>` is set; otherwise only checks the reference integrator.
@Suite("Peer-check fixtures")
struct FixtureWriterTests {
    struct Fixture: Sendable, CustomStringConvertible {
        let toy: Toy
        let events: [ScheduledEvent]
        let end: Double
        var description: String { toy.rawValue }
    }

    // Event times are off the 0.1-day output grid (except t = 0) so that no output sits exactly
    // on a discontinuity, where "before" and "after" are both defensible.
    static let fixtures = [
        Fixture(toy: .antibodyPK, events: [
            ScheduledEvent(time: 0, changes: [StateChange(index: 0, .add(100))]),
            ScheduledEvent(time: 7.05, changes: [StateChange(index: 0, .add(100))]),
            ScheduledEvent(time: 7.05, changes: [StateChange(index: 1, .multiply(0.5))]),
            ScheduledEvent(time: 10.55, changes: [StateChange(index: 0, .add(50)), StateChange(index: 0, .multiply(0.9)),
                                                  StateChange(index: 1, .set(1))]),
        ], end: 14),
        Fixture(toy: .predatorPrey, events: [
            ScheduledEvent(time: 0, changes: [StateChange(index: 0, .add(10))]),
            // Same time, order matters: (P·0.5) + 3 ≠ (P + 3)·0.5.
            ScheduledEvent(time: 5.05, changes: [StateChange(index: 1, .multiply(0.5))]),
            ScheduledEvent(time: 5.05, changes: [StateChange(index: 1, .add(3))]),
        ], end: 20),
        Fixture(toy: .timeVarying, events: [
            ScheduledEvent(time: 0, changes: [StateChange(index: 1, .set(4))]),
            ScheduledEvent(time: 3.05, changes: [StateChange(index: 1, .set(2)), StateChange(index: 2, .multiply(0.1))]),
        ], end: 10),
    ]

    @Test("reference trajectory and SBML for the peer check", arguments: fixtures)
    func write(fixture: Fixture) throws {
        try fixture.toy.with { network in try write(network, fixture) }
    }

    private func write<N: ReactionNetwork>(_ network: N, _ fixture: Fixture) throws {
        let system = try CompiledNetwork(network)
        let times = (0...Int((fixture.end * 10).rounded())).map { Double($0) / 10 }
        let rows = rk4Trajectory(system, y0: Array(system.initialState), events: fixture.events,
                                 outputTimes: times, maxStep: 1e-3)
        #expect(rows.count == times.count)
        #expect(rows.allSatisfy { $0.allSatisfy(\.isFinite) })
        guard let directory = ProcessInfo.processInfo.environment["BLOCKADE_WRITE_FIXTURES"], !directory.isEmpty else { return }
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let sbml = try SBMLExporter(modelID: fixture.toy.rawValue, modelName: "Blockade toy network \(fixture.toy)")
            .document(network, events: fixture.events)
        try sbml.write(to: url.appendingPathComponent("\(fixture.toy).xml"), atomically: true, encoding: .utf8)
        var csv = "time," + network.species.map(\.id).joined(separator: ",") + "\n"
        for (t, row) in zip(times, rows) { csv += "\(t)," + row.map { "\($0)" }.joined(separator: ",") + "\n" }
        try csv.write(to: url.appendingPathComponent("\(fixture.toy)_reference.csv"), atomically: true, encoding: .utf8)
        try ModelDocument.markdown(network, title: "Toy network \(fixture.toy)")
            .write(to: url.appendingPathComponent("\(fixture.toy).md"), atomically: true, encoding: .utf8)
    }

    @Test("the reference RK4 converges at fourth order on exponential decay")
    func rk4Order() throws {
        var pk = AntibodyPK()
        pk.parameters[1].value = 0; pk.parameters[4].value = 0  // clearance only: A_c(t) = A0·exp(−CL/V_c·t)
        let system = try CompiledNetwork(pk)
        let exact = 100 * Foundation.exp(-0.2 / 3.1 * 10)
        func error(_ h: Double) -> Double {
            abs(rk4Trajectory(system, y0: [100, 0], events: [], outputTimes: [0, 10], maxStep: h)[1][0] - exact)
        }
        let ratio = error(1) / error(0.5)
        #expect(ratio > 14 && ratio < 18, "error ratio \(ratio), expected ≈ 16")
    }
}
