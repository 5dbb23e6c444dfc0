import Reactions

/// The generated model document (`docs/MODEL.md`): the network with every antibody of the
/// catalogue, preceded by the mechanism knobs. One source of truth — a test fails when the
/// committed file differs from this output.
public enum ModelDocumentation {
    public static func markdown() -> String {
        let network = TumorImmuneNetwork(antibodies: Antibody.catalogue)
        var text = ModelDocument.markdown(network, title: "Blockade tumour–immune model")
        text += "\n## Resistance-mechanism knobs\n\n| knob | parameter | effect |\n|---|---|---|\n"
        for m in Mechanism.allCases {
            text += "| `\(m.rawValue)` | `\(m.parameterID)` | \(m.summary) |\n"
        }
        return text
    }
}
