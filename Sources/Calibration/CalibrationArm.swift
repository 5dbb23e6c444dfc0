import Foundation
import Trials

/// One published single-modality arm of `calibration/monotherapy_arms.csv`: what was given, to
/// whom, and the outcomes Blockade is fitted to. Rates are percentages (0–100), times months.
public struct CalibrationArm: Sendable, Equatable {
    /// 1-based line of the row in the CSV file (the header is line 1).
    public var line: Int
    public var trial: String
    /// `tumor_id` (a Blockade tumour identifier, or a type Blockade does not model).
    public var tumor: String
    /// `blockade_regimen`: Blockade's regimen name for the arm.
    public var regimen: String
    /// `selection_rule`; `all` becomes nil.
    public var selection: String?
    /// The arm label as published.
    public var armLabel: String
    /// Line of therapy from the `setting` column (nil: mixed or not stated).
    public var therapyLine: TherapyLine?
    /// Patients in the arm (nil if not given).
    public var n: Int?
    /// Objective response rate, %.
    public var orr: Double?
    /// Complete response rate, % (nil when the CSV flags it as a pathologic CR).
    public var cr: Double?
    /// Median progression-free survival, months (nil when not given or "NR").
    public var medianPFS: Double?
    /// Grade ≥ 3 treatment-related adverse events, %.
    public var g3: Double?
    /// Median overall survival, months (the optional `mos_mo` column; nil when not given or "NR").
    public var medianOS: Double?
    /// Progression-free at 12 months, % (Kaplan–Meier landmark; from the project's landmark table).
    public var pfs12: Double?
    /// Alive at 24 months, % (Kaplan–Meier landmark; from the project's landmark table).
    public var os24: Double?
    /// The `confidence` column (provenance and flags).
    public var confidence: String
    /// Why the arm is simulated with another selection than its `selection_rule` (nil: as given);
    /// see ``CalibrationCSV/simulatedSelection(rule:description:)``.
    public var selectionReconciled: String?

    public init(line: Int, trial: String, tumor: String, regimen: String, selection: String?, armLabel: String = "",
                n: Int?, orr: Double?, cr: Double?, medianPFS: Double?, g3: Double?, confidence: String = "",
                therapyLine: TherapyLine? = nil) {
        self.line = line; self.trial = trial; self.tumor = tumor; self.regimen = regimen; self.selection = selection
        self.therapyLine = therapyLine
        self.armLabel = armLabel; self.n = n; self.orr = orr; self.cr = cr; self.medianPFS = medianPFS; self.g3 = g3
        self.confidence = confidence
    }

    /// The CSV flags grade ≥ 3 events of any attribution (`g3=allcause AE`), not treatment-related only.
    public var g3IsAnyCause: Bool { confidence.lowercased().contains("g3=allcause") }
    /// The CSV flags the grade ≥ 3 rate as counted over a wider population than this arm.
    public var g3IsOtherPopulation: Bool {
        let c = confidence.lowercased()
        return c.contains("g3=whole") || c.contains("g3/disc=whole")
    }
    /// The CSV flags the ORR as immune-related response criteria (irRC), not RECIST.
    public var orrIsIrRC: Bool { confidence.lowercased().contains("orr=irrc") }
    /// Whether the arm has at least one target Blockade fits.
    public var hasTargets: Bool { orr != nil || cr != nil || medianPFS != nil || g3 != nil }
    /// Whether the arm's patients were selected on a PD-L1 score (TPS, CPS or IC).
    public var isSelectedOnPDL1: Bool { selection?.contains("pdl1") ?? false }
}

/// A calibration file that could not be read, with the file and line to fix.
public struct CalibrationFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line (0: the file as a whole).
    public var line: Int
    public var problem: String
    public var description: String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }
}
