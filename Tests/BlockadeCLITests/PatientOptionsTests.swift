import Testing
import ArgumentParser
@testable import BlockadeCLI
import TumorImmune

@Suite("Patient options")
struct PatientOptionsTests {
    @Test("--mechanism NAME=LEVEL sets that level and leaves the others at the tumour's defaults")
    func setsLevel() throws {
        let p = try PatientOptions.parse(["--mechanism", "stromal-barrier=0.8"]).patient()
        let typical = Patient(typical: try TumorType.named("melanoma"))
        #expect(p.mechanisms[.stromalBarrier] == 0.8)
        for m in Mechanism.allCases where m != .stromalBarrier {
            #expect(p.mechanisms[m] == typical.mechanisms[m], "\(m.rawValue)")
        }
    }

    @Test("repeated --mechanism options all apply; the last of the same name wins")
    func repeated() throws {
        let p = try PatientOptions.parse([
            "--tumor", "nsclc", "--mechanism", "treg-suppression=0", "--mechanism", "Stromal-Barrier=1",
            "--mechanism", "treg-suppression=0.25",
        ]).patient()
        #expect(p.tumor.id == "nsclc")
        #expect(p.mechanisms[.tregSuppression] == 0.25)
        #expect(p.mechanisms[.stromalBarrier] == 1)
    }

    @Test("patient numbers override the tumour type's defaults")
    func numbers() throws {
        let p = try PatientOptions.parse(["--tumor", "crc", "--diameter", "42", "--doubling-time", "75",
                                          "--tmb", "40", "--pdl1", "0.5"]).patient()
        #expect(p.tumor.id == "crc")
        #expect(p.baselineDiameterMM == 42 && p.doublingTimeDays == 75 && p.tmb == 40 && p.pdl1 == 0.5)
        let defaults = try PatientOptions.parse([]).patient()
        #expect(defaults == Patient(typical: try TumorType.named("melanoma")))
    }

    struct BadCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// Fragments the error message must contain.
        var mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badCases: [BadCase] = [
        BadCase(arguments: ["--mechanism", "foo=1"], mentions: ["unknown mechanism 'foo'", "stromal-barrier", "t-cell-exhaustion"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier"], mentions: ["'stromal-barrier'", "NAME=LEVEL"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier="], mentions: ["'stromal-barrier='", "NAME=LEVEL"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier=x"], mentions: ["'x' is not a number", "0 to 1"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier=1.5"], mentions: ["1.5", "stromal-barrier", "0 (absent) to 1"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier=nan"], mentions: ["nan", "stromal-barrier"]),
        BadCase(arguments: ["--mechanism", "stromal-barrier=-0.2"], mentions: ["-0.2", "stromal-barrier"]),
        BadCase(arguments: ["--tumor", "glioma"], mentions: ["unknown tumour type 'glioma'", "melanoma", "msi-h-solid"]),
        BadCase(arguments: ["--diameter", "0"], mentions: ["baseline diameter", "10–250 mm"]),
        BadCase(arguments: ["--doubling-time=-5"], mentions: ["doubling time", "positive"]),
    ]

    @Test("bad patient options fail with a message naming the problem", arguments: badCases)
    func rejects(_ c: BadCase) throws {
        let options = try PatientOptions.parse(c.arguments)
        let error = try #require(throws: (any Error).self) { try options.patient() }
        let message = (error as? ValidationError)?.message ?? String(describing: error)
        for fragment in c.mentions {
            #expect(message.contains(fragment), "message \"\(message)\" does not mention \"\(fragment)\"")
        }
    }

    @Test("a level that is not a number never reaches the model: property over generated text")
    func levelParsingProperty() throws {
        // Every well-formed level in [0, 1] is accepted exactly; out-of-range or malformed text is refused.
        for k in 0...20 {
            let level = Double(k) / 20
            let p = try PatientOptions.parse(["--mechanism", "m2-macrophages=\(level)"]).patient()
            #expect(p.mechanisms[.m2Macrophages] == level)
        }
        for text in ["", "1,5", "0.5.1", "one", "1e", "--1", "inf", "-inf", "1.0000001", "2"] {
            let options = try PatientOptions.parse(["--mechanism", "m2-macrophages=\(text)"])
            #expect(throws: (any Error).self, "level '\(text)' accepted") { try options.patient() }
        }
    }
}
