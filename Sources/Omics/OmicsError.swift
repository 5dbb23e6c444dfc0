/// Everything that can go wrong while reading or scoring expression data.
///
/// Each case names the file (and line where one applies) and says what to fix, so a message can be
/// shown to a user as is.
public enum OmicsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or decompressed.
    case unreadable(file: String, reason: String)
    /// The file holds no header or no data rows.
    case emptyFile(file: String)
    /// A row has a different number of cells than the header.
    case raggedRow(file: String, line: Int, expected: Int, found: Int)
    /// A cell that must be a finite number is not.
    case nonNumeric(file: String, line: Int, column: Int, value: String)
    /// Two columns carry the same sample id.
    case duplicatedSample(file: String, sample: String)
    /// A required column (e.g. `sample`, `response`) is missing.
    case missingColumn(file: String, column: String)
    /// A response label other than R, NR or NA.
    case badResponse(file: String, line: Int, value: String)
    /// None of the genes of any gene set is present in the expression matrix.
    case noSignatureOverlap(file: String)
    /// Too few labelled samples to compute the requested statistic.
    case tooFewLabelledSamples(responders: Int, nonResponders: Int)
    /// A gene-set (GMT) or model file is malformed.
    case badDefinition(file: String, line: Int, reason: String)

    /// The message for the user: file, line and what to do.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read (\(reason))."
        case let .emptyFile(file):
            return "\(file): the file is empty or has a header but no data rows; expected genes as rows and samples as columns."
        case let .raggedRow(file, line, expected, found):
            return "\(file):\(line): row has \(found) tab-separated cells but the header has \(expected); every row needs one value per sample."
        case let .nonNumeric(file, line, column, value):
            return "\(file):\(line): column \(column) holds '\(value)', which is not a finite number; fix or remove the value (NA/NaN are not accepted in expression data)."
        case let .duplicatedSample(file, sample):
            return "\(file):1: sample id '\(sample)' appears more than once in the header; sample ids must be unique."
        case let .missingColumn(file, column):
            return "\(file):1: required column '\(column)' is missing from the header."
        case let .badResponse(file, line, value):
            return "\(file):\(line): response '\(value)' is not one of R, NR, NA."
        case let .noSignatureOverlap(file):
            return "\(file): none of the signature genes is present; are rows HGNC gene symbols (e.g. CD274, CXCL9)?"
        case let .tooFewLabelledSamples(r, nr):
            return "need at least one responder and one non-responder with expression data; found \(r) R and \(nr) NR. Check that clinical sample ids match the expression columns."
        case let .badDefinition(file, line, reason):
            return "\(file):\(line): \(reason)"
        }
    }
}
