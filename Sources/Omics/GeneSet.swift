/// A named list of genes scored together, with where it comes from.
public struct GeneSet: Sendable, Equatable, Codable {
    /// Identifier, lowercase-with-hyphens (e.g. `antigen-presentation`).
    public var name: String
    /// HGNC symbols, unique, in the order given by the source.
    public var genes: [String]
    /// Literature source (DOI) or file the list came from.
    public var source: String

    /// Builds a gene set; repeated symbols are dropped (a repeated gene would be counted twice by
    /// GSVA's closed-form walk, which is never what a list author meant).
    public init(name: String, genes: [String], source: String) {
        var seen = Set<String>()
        self.name = name
        self.genes = genes.filter { seen.insert($0).inserted }
        self.source = source
    }
}

/// Reads gene sets in GMT format: one set per line, `name <tab> description <tab> gene <tab> gene ...`.
public enum GMTReader {
    /// Reads `path`; the description column becomes the set's `source`.
    /// - Throws: `OmicsError.badDefinition` for a line with no genes, `.emptyFile` for no sets.
    public static func read(path: String) throws(OmicsError) -> [GeneSet] {
        let bytes = try TextSource.read(path)
        return try parse(text: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses GMT text; `file` is used in messages.
    public static func parse(text: String, file: String) throws(OmicsError) -> [GeneSet] {
        var sets: [GeneSet] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let genes = cells.dropFirst(2).filter { !$0.isEmpty }
            guard cells.count >= 3, !genes.isEmpty else {
                throw .badDefinition(file: file, line: offset + 1, reason: "a GMT line needs a name, a description and at least one gene, separated by tabs")
            }
            sets.append(GeneSet(name: cells[0], genes: Array(genes), source: cells[1]))
        }
        guard !sets.isEmpty else { throw .emptyFile(file: file) }
        return sets
    }

    /// The sets as GMT text.
    public static func format(_ sets: [GeneSet]) -> String {
        sets.map { ([$0.name, $0.source] + $0.genes).joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }
}
