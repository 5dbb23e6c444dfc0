import Integrators
import Reactions

/// An oncolytic virus given intralesionally: virions and infected cancer cells in the tumour.
/// Infection follows mass action in concentrations, hindered by dense stroma; lysis releases a
/// burst of virions and tumour antigen; IFN-γ drives antiviral clearance of virions and of infected
/// cells. Its effects read the number of infected cells.
struct OncolyticVirus: TherapyUnit {
    let layout: TherapyLayout

    init(slot: DrugSlot, layout: TherapyLayout) { self.layout = layout }

    static func speciesCount(for slot: DrugSlot) -> Int { 2 }
    static func kineticParameterCount(for slot: DrugSlot) -> Int { 0 }
    static var concentrationUnits: String { "cell" }

    var virions: Int { layout.speciesStart }
    var infected: Int { layout.speciesStart + 1 }

    func species(_ slot: DrugSlot) -> [Species] {
        let s = slot.sid, d = slot.drug.id
        return [
            Species(id: "\(s)_virus", description: "\(d) virions in the tumour", compartment: "tumour", units: "PFU", initialAmount: 0),
            Species(id: "\(s)_infected", description: "cancer cells infected by \(d)", compartment: "tumour", units: "cell", initialAmount: 0),
        ]
    }

    func kineticParameters(_ slot: DrugSlot) -> [Parameter] { [] }

    @inline(__always)
    func emitReactions<Sink: ReactionSink>(_ c: TherapyContext<Sink.Scalar>, slot: @autoclosure () -> DrugSlot, into sink: inout Sink) {
        let virus = c.x[virions], infectedCells = c.x[infected]
        // Mass action in concentrations; dense stroma hinders spread as it hinders drugs.
        let spread = c.K(.virusInfection) * virus / c.derived.volume * (1 - c.K(.ecmDrugExclusion) * c.X(.ecm))
        sink.reaction("\(slot().sid)_infection_pos", "infection of antigen-positive cells", [("C_pos", -1), ("\(slot().sid)_infected", 1)],
                      rate: spread * c.X(.cancerPositive))
        sink.reaction("\(slot().sid)_infection_neg", "infection of antigen-loss cells", [("C_neg", -1), ("\(slot().sid)_infected", 1)],
                      rate: spread * c.X(.cancerLoss))
        sink.reaction("\(slot().sid)_lysis", "lysis of infected cells", [("\(slot().sid)_infected", -1), ("C_dead", 1)],
                      rate: c.K(.virusLysis) * infectedCells)
        sink.reaction("\(slot().sid)_burst", "virions released by lysis (burst size × lysis)", [("\(slot().sid)_virus", 1)],
                      rate: c.K(.virusBurst) * c.K(.virusLysis) * infectedCells)
        sink.reaction("\(slot().sid)_virus_clearance", "non-immune and antiviral clearance of virions", [("\(slot().sid)_virus", -1)],
                      rate: (c.K(.virusDecay) + c.K(.virusAntiviral) * c.ifnEffect) * virus)
        sink.reaction("\(slot().sid)_infected_clearance", "antiviral killing of infected cells", [("\(slot().sid)_infected", -1), ("C_dead", 1)],
                      rate: c.K(.virusAntiviral) * c.ifnEffect * infectedCells)
    }

    @inline(__always)
    func concentration<T: ModelScalar>(at site: EffectSite, x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, volume: T) -> T {
        x[infected]
    }

    @inline(__always)
    func lesionCancerCells<T: ModelScalar>(x: UnsafeBufferPointer<T>) -> T? { x[infected] }

    @inline(__always)
    func addAntigenRelease<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, lysis: inout T, radiation: inout T) {
        lysis = lysis + p[P.virusLysis.rawValue] * x[infected]
    }

    /// Tumours differ in how permissive they are to viral spread: the factor multiplies the
    /// infection rate `ov_infection` (the rate itself is an assumption of the model).
    static var hasOwnSensitivity: Bool { true }

    func scaleSensitivity(by factor: Double, parameters: inout ContiguousArray<Double>) {
        parameters[P.virusInfection.rawValue] *= factor
    }

    /// Each dose adds its PFU to the tumour.
    func addDoseEvents(_ slot: DrugSlot, days: Double, parameters p: ContiguousArray<Double>, to byDay: inout [Double: [StateChange]]) {
        for dose in slot.schedule.administrations(horizon: days) {
            byDay[dose.day, default: []].append(StateChange(index: virions, .add(dose.doseMg)))
        }
    }
}
