import Foundation

/// Human-readable documentation of a ``ReactionNetwork`` generated from the network itself, so the
/// document cannot drift from the simulated equations.
public enum ModelDocument {
    /// The network as Markdown: compartments, species, one balance equation per species
    /// (`d(X)/dt = v_a − 2·v_b`), every rate law as infix text recorded from the generic rate law
    /// (``Symbolic/infix``), parameters with units and sources, and observables.
    ///
    /// Output is deterministic: everything appears in declaration order and numbers use the
    /// shortest round-trip decimal form, so the text can be committed and compared byte for byte
    /// to detect staleness. The network is not validated here (use ``CompiledNetwork`` for that);
    /// stoichiometry terms naming undeclared species are left out of the equations.
    ///
    /// - Parameters:
    ///   - network: the network to document.
    ///   - title: first-level heading.
    ///   - parameterValues: values to print instead of the declared ones (declaration order); `nil`
    ///     or a list of the wrong length prints the declared values.
    /// - Returns: Markdown text ending with a newline.
    public static func markdown<N: ReactionNetwork>(_ network: N, title: String,
                                                    parameterValues: [Double]? = nil) -> String {
        var out: [String] = ["# \(title)", "",
                             "Generated from the network definition by Blockade; do not edit by hand.",
                             "Time is in days; species are amounts; every rate law is in species units per day.", ""]
        out += compartmentSection(network)
        out += speciesSection(network)
        out += equationSection(network)
        out += reactionSection(network)
        let values = parameterValues.flatMap { $0.count == network.parameters.count ? $0 : nil }
            ?? network.parameters.map(\.value)
        out += parameterSection(network, values: values)
        out += observableSection(network)
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private static func compartmentSection<N: ReactionNetwork>(_ network: N) -> [String] {
        var lines = ["## Compartments", "", "| Id | Description | Volume (L) | Source |", "|---|---|---|---|"]
        for c in network.compartments {
            lines.append(row([code(c.id), c.description, Symbolic.formatNumber(c.volumeLitres), c.source]))
        }
        return lines + [""]
    }

    private static func speciesSection<N: ReactionNetwork>(_ network: N) -> [String] {
        var lines = ["## Species", "", "| Id | Description | Compartment | Units | Initial amount |",
                     "|---|---|---|---|---|"]
        for s in network.species {
            lines.append(row([code(s.id), s.description, code(s.compartment), s.units,
                              Symbolic.formatNumber(s.initialAmount)]))
        }
        return lines + [""]
    }

    private static func equationSection<N: ReactionNetwork>(_ network: N) -> [String] {
        var speciesIndex: [String: Int] = [:]
        for (i, s) in network.species.enumerated() { speciesIndex[s.id] = i }
        var terms = [[(reaction: String, coefficient: Double)]](repeating: [], count: network.species.count)
        for reaction in network.reactions {
            for term in NetworkValidation.netStoichiometry(reaction, speciesIndex: speciesIndex) {
                terms[term.species].append((reaction.id, term.coefficient))
            }
        }
        var lines = ["## Equations", "", "`v_<reaction>` is the flux of that reaction (see Reactions).", "", "```text"]
        for (s, species) in network.species.enumerated() {
            lines.append("d(\(species.id))/dt = \(balance(terms[s]))")
        }
        return lines + ["```", ""]
    }

    /// `v_a − 2·v_b + …`; zero when nothing changes the species.
    private static func balance(_ terms: [(reaction: String, coefficient: Double)]) -> String {
        guard !terms.isEmpty else { return "0" }
        var text = ""
        for (k, term) in terms.enumerated() {
            let magnitude = abs(term.coefficient)
            let flux = (magnitude == 1 ? "" : Symbolic.formatNumber(magnitude) + "·") + "v_" + term.reaction
            if k == 0 {
                text = (term.coefficient < 0 ? "−" : "") + flux
            } else {
                text += (term.coefficient < 0 ? " − " : " + ") + flux
            }
        }
        return text
    }

    private static func reactionSection<N: ReactionNetwork>(_ network: N) -> [String] {
        var lines = ["## Reactions", "", "| Reaction | Description | Rate law (species units/day) |", "|---|---|---|"]
        for (reaction, law) in zip(network.reactions, network.symbolicRates()) {
            lines.append(row([code(reaction.id), reaction.description, code("v_\(reaction.id) = \(law.infix)")]))
        }
        return lines + [""]
    }

    private static func parameterSection<N: ReactionNetwork>(_ network: N, values: [Double]) -> [String] {
        var lines = ["## Parameters", "", "| Id | Value | Units | Description | Source |", "|---|---|---|---|---|"]
        for (p, value) in zip(network.parameters, values) {
            lines.append(row([code(p.id), Symbolic.formatNumber(value), p.units, p.description, p.source]))
        }
        return lines + [""]
    }

    private static func observableSection<N: ReactionNetwork>(_ network: N) -> [String] {
        guard !network.observables.isEmpty else { return [] }
        var lines = ["## Observables", "", "| Id | Description | Units | Definition |", "|---|---|---|---|"]
        for (o, formula) in zip(network.observables, network.symbolicObservables()) {
            lines.append(row([code(o.id), o.description, o.units, code("\(o.id) = \(formula.infix)")]))
        }
        return lines + [""]
    }

    private static func code(_ text: String) -> String { "`\(text)`" }

    /// A table row; pipes and line breaks inside cells would break the table, so they are escaped.
    private static func row(_ cells: [String]) -> String {
        let escaped = cells.map {
            $0.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        return "| " + escaped.joined(separator: " | ") + " |"
    }
}
