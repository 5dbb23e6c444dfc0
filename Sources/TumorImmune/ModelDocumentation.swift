import Reactions

/// The generated model document (`docs/MODEL.md`): the network with every therapy of the
/// catalogue (and one carried drug, `doxorubicin@liposome`, to show the carrier machinery),
/// followed by the mechanism knobs and the carrier table. One source of truth — a test fails when the
/// committed file differs from this output.
public enum ModelDocumentation {
    public static func markdown() -> String {
        var slots = Drug.catalogue.map { DrugSlot(drug: $0) }
        if let k = slots.firstIndex(where: { $0.drug.id == "doxorubicin" }), let liposome = try? Carrier.named("liposome") {
            slots[k].carrier = liposome
        }
        let network = TumorImmuneNetwork(slots: slots)
        var text = ModelDocument.markdown(network, title: "Blockade tumour–immune model")
        text += "\n## Resistance-mechanism knobs\n\n| knob | parameter | effect |\n|---|---|---|\n"
        for m in Mechanism.allCases {
            text += "| `\(m.rawValue)` | `\(m.parameterID)` | \(m.summary) |\n"
        }
        text += "\n## Nanocarriers (review Table 1)\n\n| carrier | t½ (h) | size (nm) | release plasma / tumour (1/day) | burst | ABC | toxicity | drawbacks → model effect |\n|---|---|---|---|---|---|---|---|\n"
        for c in Carrier.catalogue {
            let drawbacks = c.drawbacks.map { "\($0.text) → \($0.modelEffect)" }.joined(separator: "; ")
            text += "| `\(c.id)` | \(c.halfLifeHours) | \(c.diameterNm) | \(c.plasmaReleasePerDay) / \(c.tumourReleasePerDay) | \(c.burstFraction) | \(c.acceleratedClearance) | \(c.carrierToxicity) | \(drawbacks) |\n"
        }
        return text
    }
}
