/// One mechanism's reading in one sample.
public struct MechanismReading: Sendable, Equatable {
    /// Mechanism id.
    public var id: String
    /// Raw ssGSEA score.
    public var raw: Double
    /// z-score of the raw score (within the cohort or against the reference, see `Placement`).
    public var z: Double
    /// Percentile (0–100) of the raw score (within the cohort or the reference).
    public var percentile: Double
    /// Which end of the score points to resistance.
    public var resistanceWhen: ResistanceDirection
    /// Percentile oriented so that 100 = strongest evidence for this resistance mechanism in the cohort.
    public var resistanceSignal: Double
}

/// A mechanism flagged as dominant in a sample, with its explanation.
public struct DominantMechanism: Sendable, Equatable {
    /// Mechanism id.
    public var id: String
    /// Title.
    public var title: String
    /// Oriented percentile (0–100).
    public var resistanceSignal: Double
    /// Plain-language explanation.
    public var explanation: String
    /// Review section and references.
    public var reviewReference: String
    /// Caveat on the readout, if any.
    public var caveat: String?
}

/// The mechanism profile of one sample.
public struct SampleProfile: Sendable, Equatable {
    /// Sample id.
    public var sample: String
    /// Blockade predictor score (z units; higher = more likely to respond).
    public var predictor: Double
    /// Within-cohort percentile of the predictor.
    public var predictorPercentile: Double
    /// Every scored mechanism, in catalogue order.
    public var mechanisms: [MechanismReading]
    /// Up to three mechanisms with resistance signal ≥ 75, strongest first.
    public var dominant: [DominantMechanism]
}

/// Builds per-sample mechanism profiles from cohort scores.
public enum MechanismProfileBuilder {
    /// Minimum oriented percentile for a mechanism to be called dominant in a sample.
    public static let dominanceThreshold = 75.0
    /// Maximum number of dominant mechanisms listed per sample.
    public static let maxDominant = 3

    /// Profiles of every sample of the cohort.
    public static func build(_ cohort: CohortScores) -> [SampleProfile] {
        let ids = cohort.mechanisms.setNames
        let percentiles = cohort.percentiles
        let predictorPercentiles = cohort.predictorPercentiles
        return cohort.samples.enumerated().map { s, sample in
            let readings = ids.enumerated().compactMap { k, id -> MechanismReading? in
                guard let mechanism = MechanismCatalog.mechanism(id), let pct = percentiles[id]?[s] else { return nil }
                let signal = mechanism.resistanceWhen == .high ? pct : 100 - pct
                return MechanismReading(id: id, raw: cohort.mechanisms.raw(set: k, sample: s), z: cohort.z[id]?[s] ?? 0,
                                        percentile: pct, resistanceWhen: mechanism.resistanceWhen, resistanceSignal: signal)
            }
            let dominant = readings
                .filter { $0.resistanceSignal >= dominanceThreshold }
                .sorted { $0.resistanceSignal > $1.resistanceSignal }
                .prefix(maxDominant)
                .compactMap { r -> DominantMechanism? in
                    guard let m = MechanismCatalog.mechanism(r.id) else { return nil }
                    return DominantMechanism(id: m.id, title: m.title, resistanceSignal: r.resistanceSignal,
                                             explanation: m.explanation, reviewReference: m.reviewReference, caveat: m.caveat)
                }
            return SampleProfile(sample: sample, predictor: cohort.predictor[s], predictorPercentile: predictorPercentiles[s],
                                 mechanisms: readings, dominant: Array(dominant))
        }
    }
}
