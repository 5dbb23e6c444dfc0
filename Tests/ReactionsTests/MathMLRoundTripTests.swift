import BlockadeTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Reactions

/// Reads back the content-MathML subset the exporter writes and evaluates it, so the kinetic laws
/// in the SBML are proven equal to the simulated rate laws without a peer tool.
final class MathMLEvaluator: NSObject, XMLParserDelegate {
    private indirect enum Node {
        case number(Double), name(String), time, apply(String, [Node])
    }
    private var stack: [(tag: String, children: [Node], text: String, url: String?)] = []
    private var laws: [Node] = []
    private var inKineticLaw = false

    /// Every `<kineticLaw>` formula in document order.
    static func kineticLaws(of xml: String) -> [(_ values: [String: Double], _ time: Double) -> Double] {
        let evaluator = MathMLEvaluator()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = evaluator
        _ = parser.parse()
        return evaluator.laws.map { node in { values, time in evaluate(node, values, time) } }
    }

    private static func evaluate(_ node: Node, _ values: [String: Double], _ time: Double) -> Double {
        switch node {
        case .number(let v): return v
        case .name(let id): return values[id] ?? .nan
        case .time: return time
        case let .apply(op, args):
            let a = args.map { evaluate($0, values, time) }
            switch (op, a.count) {
            case ("plus", 2): return a[0] + a[1]
            case ("minus", 2): return a[0] - a[1]
            case ("minus", 1): return -a[0]
            case ("times", 2): return a[0] * a[1]
            case ("divide", 2): return a[0] / a[1]
            case ("power", 2): return Foundation.pow(a[0], a[1])
            case ("exp", 1): return Foundation.exp(a[0])
            case ("ln", 1): return Foundation.log(a[0])
            default: return .nan
            }
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "kineticLaw" { inKineticLaw = true }
        guard inKineticLaw else { return }
        stack.append((name, [], "", attributes["definitionURL"]))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard inKineticLaw, let top = stack.popLast() else { return }
        let text = top.text.trimmingCharacters(in: .whitespaces)
        var node: Node?
        switch name {
        case "cn": node = .number(Double(text) ?? .nan)
        case "ci": node = .name(text)
        case "csymbol": node = top.url?.hasSuffix("/time") == true ? .time : nil
        case "apply":
            // The first child of <apply> is the empty operator element, recorded as .apply(op, []).
            if case .apply(let op, _)? = top.children.first { node = .apply(op, Array(top.children.dropFirst())) }
        case "math": if let law = top.children.first { laws.append(law) }
        case "kineticLaw": inKineticLaw = false
        default: node = .apply(name, [])  // operator elements such as <times/>
        }
        if let node, !stack.isEmpty { stack[stack.count - 1].children.append(node) }
    }
}

@Suite("MathML round trip")
struct MathMLRoundTripTests {
    @Test("kinetic laws read back from the SBML equal the simulated fluxes", arguments: Toy.allCases)
    func kineticLaws(toy: Toy) throws {
        try toy.with { network in try check(network) }
    }

    private func check<N: ReactionNetwork>(_ network: N) throws {
        let system = try CompiledNetwork(network)
        let laws = MathMLEvaluator.kineticLaws(of: try SBMLExporter().document(system))
        #expect(laws.count == network.reactions.count)
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<20 {
            let y = network.species.map { _ in Foundation.pow(10, Double.random(in: -3...9, using: &rng)) }
            let t = Double.random(in: 0...30, using: &rng)
            var values = Dictionary(uniqueKeysWithValues: zip(network.parameters.map(\.id), system.parameterValues))
            for (s, amount) in zip(network.species, y) { values[s.id] = amount }
            for (law, flux) in zip(laws, system.fluxes(t: t, y: y)) {
                // Numbers are written in shortest round-trip form, so the read-back is exact.
                #expect(law(values, t) == flux)
            }
        }
    }
}
