/// Maps outdated or colloquial gene names to current HGNC symbols.
///
/// Small on purpose: only names that occur in immunotherapy signatures or in older expression tables
/// of the genes Blockade scores. Each entry is a previous symbol or alias recorded by the HUGO Gene
/// Nomenclature Committee (HGNC, https://www.genenames.org) for the current symbol; check there before
/// adding entries.
public struct GeneAliasTable: Sendable {
    /// `alias (upper-cased) → current symbol`.
    public let table: [String: String]

    /// Builds a table from `alias → current symbol` pairs.
    public init(_ table: [String: String]) {
        var upper: [String: String] = [:]
        for (k, v) in table { upper[k.uppercased()] = v }
        self.table = upper
    }

    /// The current symbol for `symbol`, or nil if it is not a known alias.
    public func current(for symbol: String) -> String? { table[symbol.uppercased()] }

    /// The bundled table (HGNC previous symbols and aliases).
    public static let hgnc = GeneAliasTable([
        // VSIR: previous symbol C10orf54; aliases VISTA, PD-1H, B7-H5.
        "C10orf54": "VSIR", "VISTA": "VSIR", "PD-1H": "VSIR", "B7-H5": "VSIR",
        // CD274: previous symbols and aliases PDCD1LG1, PDCD1L1, B7-H1, B7H1, PDL1, PD-L1.
        "PDCD1LG1": "CD274", "PDCD1L1": "CD274", "B7-H1": "CD274", "B7H1": "CD274", "PDL1": "CD274", "PD-L1": "CD274",
        // PDCD1LG2: aliases B7-DC, B7DC, PDL2, PD-L2, CD273.
        "B7-DC": "PDCD1LG2", "B7DC": "PDCD1LG2", "PDL2": "PDCD1LG2", "PD-L2": "PDCD1LG2", "CD273": "PDCD1LG2",
        // PDCD1: aliases PD1, PD-1, CD279.
        "PD1": "PDCD1", "PD-1": "PDCD1", "CD279": "PDCD1",
        // HAVCR2: aliases TIM3, TIM-3, TIMD3, CD366.
        "TIM3": "HAVCR2", "TIM-3": "HAVCR2", "TIMD3": "HAVCR2", "CD366": "HAVCR2",
        // LAG3: alias CD223.
        "CD223": "LAG3",
        // TIGIT: aliases VSIG9, VSTM3, WUCAM.
        "VSIG9": "TIGIT", "VSTM3": "TIGIT", "WUCAM": "TIGIT",
        // CTLA4: alias CD152.
        "CD152": "CTLA4",
        // CD276: aliases B7-H3, B7H3.
        "B7-H3": "CD276", "B7H3": "CD276",
        // IDO1: previous symbol INDO; alias IDO.
        "INDO": "IDO1", "IDO": "IDO1",
        // CXCL8: previous symbol IL8.
        "IL8": "CXCL8",
        // CCN2: previous symbol CTGF (in the Mariathasan 2018 F-TBRS list).
        "CTGF": "CCN2",
        // RFLNB: previous symbol FAM101B (in the Mariathasan 2018 F-TBRS list).
        "FAM101B": "RFLNB",
        // CALHM6: previous symbol FAM26F (an interferon-induced gene).
        "FAM26F": "CALHM6",
        // STING1: previous symbol TMEM173.
        "TMEM173": "STING1",
        // NECTIN2: previous symbol PVRL2 (TIGIT ligand).
        "PVRL2": "NECTIN2",
        // PVR: alias CD155 (TIGIT ligand).
        "CD155": "PVR",
    ])
}
