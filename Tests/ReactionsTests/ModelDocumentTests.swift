import Testing
@testable import Reactions

@Suite("Markdown model document")
struct ModelDocumentTests {
    @Test("output is deterministic", arguments: Toy.allCases)
    func deterministic(toy: Toy) {
        toy.with { network in
            #expect(ModelDocument.markdown(network, title: "T") == ModelDocument.markdown(network, title: "T"))
        }
    }

    @Test("one balance equation per species and infix rate laws")
    func content() {
        let text = ModelDocument.markdown(PredatorPrey(), title: "Predator–prey")
        #expect(text.hasPrefix("# Predator–prey\n"))
        #expect(text.contains("d(N)/dt = v_growth − v_predation\n"))
        #expect(text.contains("d(P)/dt = 0.25·v_predation − v_death + v_recruitment\n"))
        #expect(text.contains("`v_growth = r * N * (1 - N / K)`"))
        #expect(text.contains("`v_predation = a * P * N^2.5 / (h^2.5 + N^2.5)`"))
        #expect(text.contains("| `d` | 0.3 | 1/day | Predator death rate | test data |"))
        #expect(text.contains("`total = N + P`"))
        #expect(text.hasSuffix("\n"))
    }

    @Test("table cells escape pipes; unchanged species read zero; overrides print")
    func edges() {
        let pk = ModelDocument.markdown(AntibodyPK(), title: "PK", parameterValues: [9, 0.5, 3.1, 2.8, 5, 10])
        #expect(pk.contains("Target-mediated \\| saturable elimination"))
        #expect(pk.contains("| `CL` | 9 | L/day |"))
        var network = AntibodyPK()
        network.reactions[1].stoichiometry = [.init("A_c", -1)]
        network.reactions[2].stoichiometry = [.init("A_c", 1)]
        #expect(ModelDocument.markdown(network, title: "x").contains("d(A_p)/dt = 0\n"))
    }

    @Test("golden text for a one-reaction network")
    func golden() {
        struct Decay: ReactionNetwork {
            var compartments = [Compartment(id: "c", description: "Box", volumeLitres: 1, source: "none")]
            var species = [Species(id: "X", description: "Stuff", compartment: "c", units: "nmol", initialAmount: 2)]
            var parameters = [Parameter(id: "k", description: "Rate", value: 0.1, units: "1/day", source: "doi:10/x")]
            var reactions = [Reaction(id: "loss", description: "First-order loss", stoichiometry: [.init("X", -1)])]
            var observables: [Observable] = []
            func rates<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T, into v: UnsafeMutableBufferPointer<T>) {
                v[0] = p[0] * x[0]
            }
            func observe<T: ModelScalar>(x: UnsafeBufferPointer<T>, p: UnsafeBufferPointer<T>, time: T, into o: UnsafeMutableBufferPointer<T>) {}
        }
        let expected = """
        # Decay

        Generated from the network definition by Blockade; do not edit by hand.
        Time is in days; species are amounts; every rate law is in species units per day.

        ## Compartments

        | Id | Description | Volume (L) | Source |
        |---|---|---|---|
        | `c` | Box | 1 | none |

        ## Species

        | Id | Description | Compartment | Units | Initial amount |
        |---|---|---|---|---|
        | `X` | Stuff | `c` | nmol | 2 |

        ## Equations

        `v_<reaction>` is the flux of that reaction (see Reactions).

        ```text
        d(X)/dt = −v_loss
        ```

        ## Reactions

        | Reaction | Description | Rate law (species units/day) |
        |---|---|---|
        | `loss` | First-order loss | `v_loss = k * X` |

        ## Parameters

        | Id | Value | Units | Description | Source |
        |---|---|---|---|---|
        | `k` | 0.1 | 1/day | Rate | doi:10/x |

        """
        #expect(ModelDocument.markdown(Decay(), title: "Decay") == expected)
    }
}
