import Foundation
import Reactions
import TumorImmune

/// Trial entry: a virtual patient enters a trial only if the untreated tumour is not shrinking.
///
/// A drawn patient whose immune response already controls the tumour at the end of the run-in
/// would shrink without any treatment. Until this rule (data v12 and earlier) such patients were
/// enrolled, and placebo arms responded: 20 % objective responses in RCC, 6.5 % in melanoma, 5 % in NSCLC (400 patients,
/// seed 2, data v12). Patients start treatment for advanced disease because it grows, and
/// spontaneous regression of advanced solid tumours is rare: 0–1.1 % was the historical figure for
/// metastatic RCC, and a placebo arm of a double-blind RCC trial had 6 % responses (Elhilali 2000,
/// doi:10.1046/j.1464-410x.2000.00880.x; review of < 1 % to 7 %: Maruschke 2014,
/// doi:10.5410/wjcu.v3.i3.201); the gp100-vaccine melanoma arm of the calibration CSV had 1.5 %.
///
/// The rule: patient `i` is the first of its draws `0, 1, 2, …` (``VirtualPopulation/patient(_:draw:)``)
/// whose tumour, left untreated from its baseline, is no smaller after ``windowDays`` (the first
/// scan of the standard schedule). A patient who fails is not moved to another index, so patient
/// `i` of seed `s` stays a function of (population model, `s`, `i`) and shards need no screening of
/// the patients before theirs. The rule is part of the population model: the calibration fits the
/// populations with it (data v13 onwards).
public struct Enrollment: Sendable {
    public var population: VirtualPopulation
    let simulator: Simulator
    /// The no-drug model that runs the run-in and the untreated check.
    let control: CompiledNetwork<TumorImmuneNetwork>

    /// Days of untreated growth checked after baseline.
    public static let windowDays = 56.0
    /// Draws tried per patient before the population is declared to regress without treatment.
    public static let maxDraws = 64

    public init(population: VirtualPopulation, simulator: Simulator, control: CompiledNetwork<TumorImmuneNetwork>) {
        self.population = population; self.simulator = simulator; self.control = control
    }

    /// Patient `index` as enrolled, with its baseline state (the end of the untreated run-in).
    /// - Throws: ``BlockadeError`` when a run-in cannot be integrated, or when none of
    ///   ``maxDraws`` draws has a growing tumour (a population that regresses without treatment).
    public func patient(_ index: Int) throws -> (vp: VirtualPatient, baseline: [Double]) {
        for draw in 0..<Self.maxDraws {
            let vp = population.patient(index, draw: draw)
            let model = control.with(vp.patient)
            let baseline = try simulator.baselineState(model: model, patient: vp.patient)
            if try simulator.untreatedVolumeRatio(model: model, baseline: baseline, days: Self.windowDays) >= 1 {
                return (vp, baseline)
            }
        }
        throw BlockadeError.invalidArgument(
            "no draw of \(population.tumor.id) patient \(index) out of \(Self.maxDraws) has an untreated tumour that grows; "
                + "the population regresses without treatment (check its mechanism medians and doubling time)")
    }
}
