import Reactions

/// What switching one resistance mechanism off at baseline does to a patient's response.
public struct MechanismAttribution: Sendable, Equatable, Codable {
    public var mechanism: Mechanism
    /// The patient's level of the mechanism.
    public var level: Double
    /// Best overall response with the mechanism switched off from day 0.
    public var counterfactualResponse: ResponseCategory
    /// Progression day with the mechanism switched off (nil: none within the horizon).
    public var counterfactualProgressionDay: Double?
    /// True when this mechanism alone explains the resistance seen: a primary non-responder now
    /// responds, or an acquired-resistance patient no longer progresses or progresses at least
    /// ``Simulator/meaningfulDelayDays`` later.
    public var drivesResistance: Bool
}

extension Simulator {
    /// A delay of progression that counts as overcoming acquired resistance: six months
    /// (assumption: a clinically meaningful PFS gain).
    public static let meaningfulDelayDays = 182.0

    /// Counterfactual attribution: for each active mechanism, switch it off at baseline (same
    /// tumour, same immune state) and re-run the treatment.
    ///
    /// Switching off `acquired-antigen-loss` also returns the pre-existing antigen-loss cells to the
    /// antigen-positive pool. Patients who respond durably have no resistance to explain and get an
    /// empty list.
    public func attribute(patient: Patient, regimen: Regimen, factual: SimulationResult) throws -> [MechanismAttribution] {
        let r = factual.recist
        guard r.isPrimaryResistance || r.isAcquiredResistance else { return [] }
        let model = try compile(patient: patient, regimen: regimen)
        let y0 = try baselineState(model: model, patient: patient)
        return try counterfactuals(model: model, baseline: y0, patient: patient, factual: r) { cf, start in
            try treat(model: cf, baseline: start, patient: patient, regimen: regimen).recist
        }
    }

    /// The shared counterfactual loop: for each active mechanism, the model with that knob at 0
    /// (and, for `acquired-antigen-loss`, the antigen-loss cells returned to the antigen-positive
    /// pool) is run by `outcome`, and the mechanism drives resistance when the outcome reverses it
    /// (a response for primary resistance, progression at least ``meaningfulDelayDays`` later or
    /// never for acquired resistance).
    public func counterfactuals(model: CompiledNetwork<TumorImmuneNetwork>, baseline: [Double], patient: Patient,
                                factual r: RecistAssessment,
                                outcome: (CompiledNetwork<TumorImmuneNetwork>, [Double]) throws -> RecistAssessment)
        rethrows -> [MechanismAttribution] {
        var list: [MechanismAttribution] = []
        for m in Mechanism.allCases where patient.mechanisms[m] > 0 {
            var cf = model
            cf.parameterValues[m.knob.rawValue] = 0
            var start = baseline
            if m == .acquiredAntigenLoss {
                start[S.cancerPositive.rawValue] += start[S.cancerLoss.rawValue]
                start[S.cancerLoss.rawValue] = 0
            }
            let result = try outcome(cf, start)
            let drives = r.isPrimaryResistance
                ? result.bestOverallResponse.isResponse
                : (result.progressionDay ?? .infinity) - (r.progressionDay ?? 0) >= Self.meaningfulDelayDays
            list.append(MechanismAttribution(mechanism: m, level: patient.mechanisms[m],
                                             counterfactualResponse: result.bestOverallResponse,
                                             counterfactualProgressionDay: result.progressionDay,
                                             drivesResistance: drives))
        }
        return list
    }
}
