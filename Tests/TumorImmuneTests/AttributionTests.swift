import Testing
@testable import TumorImmune

@Suite("Counterfactual mechanism attribution")
struct AttributionTests {
    /// Full MHC-I loss makes a typical melanoma a primary non-responder to nivolumab; switching
    /// that knob off (and only that one) restores a response.
    @Test("antigen-presentation loss is found to drive primary resistance")
    func antigenPresentationLossDrives() throws {
        let patient = melanomaPatient([.antigenPresentationLoss: 1])
        let regimen = try Regimen(parsing: "nivolumab")
        let sim = Simulator()
        let factual = try sim.run(patient: patient, regimen: regimen)
        try #require(factual.recist.isPrimaryResistance, "premise: \(factual.recist)")
        let attribution = try sim.attribute(patient: patient, regimen: regimen, factual: factual)
        // One entry per mechanism that is active (acquired-antigen-loss is at 0 here).
        #expect(attribution.map(\.mechanism) == Mechanism.allCases.filter { patient.mechanisms[$0] > 0 })
        let apl = try #require(attribution.first { $0.mechanism == .antigenPresentationLoss })
        #expect(apl.drivesResistance)
        #expect(apl.level == 1)
        #expect(apl.counterfactualResponse.isResponse)
        #expect(attribution.filter(\.drivesResistance).map(\.mechanism) == [.antigenPresentationLoss])
        for a in attribution where !a.drivesResistance {
            #expect(!a.counterfactualResponse.isResponse, "\(a.mechanism.rawValue) marked as not driving but the tumour responds")
        }
    }

    @Test("a durable responder has nothing to explain")
    func durableResponderEmpty() throws {
        let factual = Melanoma.nivolumab
        try #require(factual.recist.bestOverallResponse.isResponse && factual.recist.progressionDay == nil,
                     "premise: the typical melanoma responds durably to nivolumab, got \(factual.recist)")
        let attribution = try Simulator().attribute(patient: Melanoma.typicalPatient, regimen: factual.regimen, factual: factual)
        #expect(attribution.isEmpty)
    }
}

@Suite("Acquired resistance")
struct AcquiredResistanceTests {
    /// With the antigen-loss knob full, a melanoma with few MDSCs responds to nivolumab and then
    /// regrows from antigen-loss clones; without that knob the same tumour progresses later (or never).
    @Test("switching acquired-antigen-loss off delays the relapse")
    func antigenLossDelaysRelapse() throws {
        var settings = SimulationSettings()
        settings.days = 730
        let sim = Simulator(settings: settings)
        let patient = melanomaPatient([.acquiredAntigenLoss: 1, .mdscSuppression: 0.1])
        let regimen = try Regimen(parsing: "nivolumab")
        let factual = try sim.run(patient: patient, regimen: regimen)
        try #require(factual.recist.isAcquiredResistance, "premise: responds, then progresses; got \(factual.recist)")
        let relapse = try #require(factual.recist.progressionDay)
        let attribution = try sim.attribute(patient: patient, regimen: regimen, factual: factual)
        let loss = try #require(attribution.first { $0.mechanism == .acquiredAntigenLoss })
        #expect((loss.counterfactualProgressionDay ?? .infinity) > relapse,
                "without antigen loss: PD at \(String(describing: loss.counterfactualProgressionDay)), with: \(relapse)")
        // For acquired resistance a mechanism drives it exactly when removing it prevents
        // progression or delays it by at least `Simulator.meaningfulDelayDays`.
        for a in attribution {
            let delay = (a.counterfactualProgressionDay ?? .infinity) - relapse
            #expect(a.drivesResistance == (delay >= Simulator.meaningfulDelayDays), "\(a.mechanism.rawValue): delay \(delay) days")
        }
    }
}
