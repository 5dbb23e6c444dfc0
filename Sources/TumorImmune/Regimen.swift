/// A treatment regimen: drugs joined by `+`, each at its label dose and schedule.
public struct Regimen: Sendable, Equatable {
    /// The regimen as the user wrote it (echoed in output).
    public var name: String
    public var antibodies: [Antibody]

    /// Parses `nivolumab+ipilimumab`, `placebo`, `best-supportive-care`.
    /// - Throws: ``BlockadeError`` naming the unknown drug and listing the valid ones, or a repeated drug.
    public init(parsing text: String) throws(BlockadeError) {
        name = text
        let parts = text.lowercased().split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.contains(where: \.isEmpty) else {
            throw .invalidArgument("regimen '\(text)' has an empty component: write drugs joined by '+', e.g. nivolumab+ipilimumab")
        }
        var list: [Antibody] = []
        for part in parts where !Self.controls.contains(part) {
            if part.contains("@") {
                throw .invalidArgument("regimen '\(text)': nanocarrier formulations ('\(part)') are not modelled yet; checkpoint antibodies are given free")
            }
            let a = try Antibody.named(part)
            guard !list.contains(a) else { throw .invalidArgument("regimen '\(text)' lists \(part) twice") }
            list.append(a)
        }
        antibodies = list
    }

    /// Control arms that give no drug.
    public static let controls: Set<String> = ["placebo", "best-supportive-care"]
}

import Foundation
