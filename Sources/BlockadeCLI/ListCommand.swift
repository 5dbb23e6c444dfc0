import ArgumentParser
import TumorImmune

/// `blockade list`: the names Blockade accepts, with what they mean and where their numbers come from.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tumour types, drugs, regimens or resistance mechanisms.",
        discussion: """
        Examples:
          blockade list tumors        # identifiers for --tumor with TMB and defaults
          blockade list drugs         # checkpoint antibodies, targets, label schedules, PK sources
          blockade list mechanisms    # the knobs for --mechanism NAME=LEVEL
        """)

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case tumors, drugs, regimens, mechanisms
    }

    @Argument(help: ArgumentHelp("What to list: \(Topic.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "topic"))
    var topic: Topic

    func run() {
        print(Self.render(topic), terminator: "")
    }

    static func render(_ topic: Topic) -> String {
        var out = ""
        switch topic {
        case .tumors:
            for t in TumorType.catalogue {
                out += "\(t.id.padding(toLength: 13, withPad: " ", startingAt: 0)) \(t.name)\n"
                out += "              median TMB \(t.medianTMB) mut/Mb, doubling time \(Int(t.doublingTimeDays)) d, PD-L1 \(t.pdl1Expression)×\n"
            }
            out += "\nTMB: Chalmers 2017 doi:10.1186/s13073-017-0424-2 [recalled medians]; other defaults are assumptions to be calibrated.\n"
        case .drugs:
            for a in Antibody.catalogue {
                let s = a.schedule
                let doses = s.maxDoses.map { " × \($0)" } ?? ""
                out += "\(a.id.padding(toLength: 14, withPad: " ", startingAt: 0)) anti-\(a.target.rawValue), \(Int(s.doseMg)) mg every \(Int(s.intervalDays)) days\(doses) — \(s.source)\n"
                out += "               CL \(a.clearance) L/day, Vc \(a.centralVolume) L, Vp \(a.peripheralVolume) L, Q \(a.intercompartmentalClearance) L/day, Kd \(a.kdNanomolar) nM\n"
                out += "               \(a.source)\n"
            }
            out += "\nControls: \(Regimen.controls.sorted().joined(separator: ", ")). Other modalities (chemotherapy, targeted drugs, carriers) are not modelled yet.\n"
        case .regimens:
            out += "A regimen is drugs joined by '+', each at its label dose and schedule, e.g.\n"
            out += "  nivolumab    pembrolizumab    atezolizumab    nivolumab+ipilimumab    nivolumab+relatlimab    placebo\n"
            out += "Drugs: \(Antibody.catalogue.map(\.id).joined(separator: ", "))\n"
        case .mechanisms:
            for m in Mechanism.allCases {
                out += "\(m.rawValue.padding(toLength: 27, withPad: " ", startingAt: 0)) \(m.summary)\n"
            }
            out += "\nSet with --mechanism NAME=LEVEL, LEVEL from 0 (absent) to 1 (fully active).\n"
        }
        return out
    }
}

import Foundation
