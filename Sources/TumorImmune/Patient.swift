import Foundation

/// One virtual patient: tumour type, size, growth, biomarkers and resistance-mechanism levels.
public struct Patient: Sendable, Equatable, Codable {
    public var tumor: TumorType
    /// Sum of longest diameters at baseline, mm (one equivalent spherical lesion).
    public var baselineDiameterMM: Double
    /// Untreated volume doubling time, days.
    public var doublingTimeDays: Double
    /// Tumour mutational burden, mutations/Mb.
    public var tmb: Double
    /// Baseline PD-L1 expression relative to a typical PD-L1-positive tumour.
    public var pdl1: Double
    public var mechanisms: MechanismLevels

    /// The median patient of a tumour type: its catalogue defaults and a 60 mm baseline burden
    /// (assumption: typical baseline sum of diameters in first-line trials is 50–80 mm).
    public init(typical tumor: TumorType) {
        self.tumor = tumor
        baselineDiameterMM = 60
        doublingTimeDays = tumor.doublingTimeDays
        tmb = tumor.medianTMB
        pdl1 = tumor.pdl1Expression
        mechanisms = tumor.mechanisms
    }

    /// Checks every value is physical, naming the first one that is not.
    public func validate() throws(BlockadeError) {
        guard baselineDiameterMM.isFinite, baselineDiameterMM >= 10, baselineDiameterMM <= 250 else {
            throw .invalidValue(name: "baseline diameter", value: baselineDiameterMM, expected: "10–250 mm (RECIST measurable lesions are ≥ 10 mm)")
        }
        guard doublingTimeDays.isFinite, doublingTimeDays > 0 else {
            throw .invalidValue(name: "doubling time", value: doublingTimeDays, expected: "a positive number of days")
        }
        guard tmb.isFinite, tmb >= 0 else {
            throw .invalidValue(name: "tmb", value: tmb, expected: "mutations/Mb ≥ 0")
        }
        guard pdl1.isFinite, pdl1 >= 0 else {
            throw .invalidValue(name: "pdl1", value: pdl1, expected: "relative expression ≥ 0")
        }
        for m in Mechanism.allCases {
            let v = mechanisms[m]
            guard v.isFinite, (0...1).contains(v) else {
                throw .invalidValue(name: m.rawValue, value: v, expected: "a level from 0 to 1")
            }
        }
    }

    /// The network parameter values this patient sets (id → value).
    public var parameterOverrides: [(CoreParameter, Double)] {
        var list: [(CoreParameter, Double)] = [
            (.growthRate, log(2) / doublingTimeDays),
            (.tmb, tmb),
            (.pdl1Base, pdl1),
        ]
        for m in Mechanism.allCases { list.append((m.knob, mechanisms[m])) }
        return list
    }
}
