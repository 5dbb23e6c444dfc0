import Testing
@testable import Reactions

@Suite("Network validation")
struct ValidationTests {
    /// A broken variant of the antibody PK network and the id its error must name.
    struct BadCase: CustomStringConvertible, Sendable {
        let description: String
        let mentions: [String]
        let parameterValues: [Double]?
        let edit: @Sendable (inout AntibodyPK) -> Void
        init(_ description: String, mentions: [String], parameterValues: [Double]? = nil,
             _ edit: @escaping @Sendable (inout AntibodyPK) -> Void = { _ in }) {
            self.description = description; self.mentions = mentions
            self.parameterValues = parameterValues; self.edit = edit
        }
    }

    static let cases: [BadCase] = [
        BadCase("duplicate species id", mentions: ["A_c", "unique"]) { $0.species[1].id = "A_c" },
        BadCase("parameter id shared with a compartment", mentions: ["central", "parameter", "compartment"]) { $0.parameters[0].id = "central" },
        BadCase("reaction id shared with an observable", mentions: ["C_c"]) { $0.reactions[3].id = "C_c" },
        BadCase("unknown species in a reaction", mentions: ["Ghost", "to_central"]) { $0.reactions[2].stoichiometry.append(.init("Ghost", 1)) },
        BadCase("species in an undeclared compartment", mentions: ["A_p", "liver"]) { $0.species[1].compartment = "liver" },
        BadCase("NaN parameter", mentions: ["V_c", "finite"]) { $0.parameters[2].value = .nan },
        BadCase("infinite initial amount", mentions: ["A_p", "finite"]) { $0.species[1].initialAmount = .infinity },
        BadCase("infinite stoichiometry", mentions: ["A_c", "clearance"]) { $0.reactions[0].stoichiometry[0].coefficient = -.infinity },
        BadCase("zero compartment volume", mentions: ["peripheral", "> 0"]) { $0.compartments[1].volumeLitres = 0 },
        BadCase("id starting with a digit", mentions: ["2fast", "SBML identifier"]) { $0.reactions[0].id = "2fast" },
        BadCase("id with a space", mentions: ["k on"]) { $0.parameters[1].id = "k on" },
        BadCase("empty id", mentions: ["''", "observable"]) { $0.observables[0].id = "" },
        BadCase("non-ASCII id", mentions: ["naïve"]) { $0.species[0].id = "naïve" },
        BadCase("too few parameter values", mentions: ["2 parameter values", "expected 6"], parameterValues: [1, 2]),
        BadCase("NaN parameter override", mentions: ["Km"], parameterValues: [0.2, 0.5, 3.1, 2.8, 5, .nan]),
    ]

    @Test("a bad network is rejected with a message naming the id", arguments: cases)
    func rejects(bad: BadCase) {
        var network = AntibodyPK()
        bad.edit(&network)
        do {
            _ = try CompiledNetwork(network, parameterValues: bad.parameterValues)
            Issue.record("\(bad) was accepted")
        } catch {
            for fragment in bad.mentions {
                #expect(error.description.contains(fragment), "message \"\(error.description)\" lacks \(fragment)")
            }
        }
    }

    @Test("the toy networks are valid", arguments: Toy.allCases)
    func accepts(toy: Toy) {
        toy.with { network in
            #expect(throws: Never.self) { try NetworkValidation.validate(network) }
        }
    }

    @Test("SId grammar", arguments: [("x", true), ("_x1", true), ("A_c2", true), ("1x", false), ("x-y", false), ("", false), ("é", false)])
    func sid(id: String, valid: Bool) {
        #expect(NetworkValidation.isValidSId(id) == valid)
    }
}
