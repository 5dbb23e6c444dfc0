import ArgumentParser
import TumorImmune

/// `blockade list`: the names Blockade accepts, with what they mean and where their numbers come from.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List tumour types, drugs, carriers, regimens or resistance mechanisms.",
        discussion: """
        Examples:
          blockade list tumors        # identifiers for --tumor with TMB and defaults
          blockade list drugs         # therapies by class: label schedules, PK, effects, sources
          blockade list carriers      # the review's six nanocarrier classes (Table 1; liposomes and niosomes listed apart)
          blockade list mechanisms    # the knobs for --mechanism NAME=LEVEL
        """)

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case tumors, drugs, regimens, mechanisms, carriers
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
            for cls in DrugClass.allCases {
                let drugs = Drug.catalogue.filter { $0.drugClass == cls }
                guard !drugs.isEmpty else { continue }
                out += "\n[\(cls.rawValue)]\n"
                for d in drugs {
                    out += "\(d.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(d.name)\n"
                    out += "    schedule: \(d.schedule.source)\n"
                    if let pk = d.pk {
                        out += String(format: "    PK: CL %g L/day, Vc %g L, Vp %g L, t½ %.1f days, route %@", pk.clearance, pk.centralVolume,
                                      pk.peripheralVolume, pk.terminalHalfLifeDays, d.route.rawValue) + (d.carriable ? ", carriable" : "") + "\n"
                    }
                    for e in d.effects {
                        out += String(format: "    effect %@: emax %g, EC50 %g at %@ — ", e.channel.rawValue, e.emax, e.ec50, e.site.rawValue) + e.source + "\n"
                    }
                    out += "    source: \(d.source)\n"
                }
            }
            out += "\nControls: \(Regimen.controls.sorted().joined(separator: ", ")).\n"
        case .carriers:
            for c in Carrier.catalogue {
                out += "\(c.id.padding(toLength: 11, withPad: " ", startingAt: 0)) \(c.name)\n"
                out += String(format: "    t½ %g h, %g nm, release %g/day in plasma and %g/day in tumour, burst %g, tumour delivery ≈ %.2f %% of dose\n",
                              c.halfLifeHours, c.diameterNm, c.plasmaReleasePerDay, c.tumourReleasePerDay, c.burstFraction,
                              100 * c.tumourUptakePerDay / (c.tumourUptakePerDay + c.clearancePerDay + c.plasmaReleasePerDay))
                out += "    advantages: \(c.advantages.joined(separator: "; "))\n"
                for d in c.drawbacks { out += "    drawback: \(d.text) → in the model: \(d.modelEffect)\n" }
                out += "    source: \(c.source)\n"
            }
            out += "\nUse as drug@carrier, drug@carrier:targeted (ligand), or drugA&drugB@carrier (co-delivery).\n"
        case .regimens:
            out += "A regimen is therapies joined by '+', each at its label dose and schedule for the tumour type, e.g.\n"
            out += "  nivolumab   nivolumab+ipilimumab   pembrolizumab+platinum-doublet   atezolizumab+bevacizumab\n"
            out += "  pembrolizumab+radiotherapy-sbrt   doxorubicin@liposome   doxorubicin&entinostat@polymeric+nivolumab   placebo\n"
            out += "Label schedules that depend on partner drugs and tumour type:\n"
            for entry in LabelSchedules.described { out += "  \(entry)\n" }
            out += "Therapies: \(Drug.catalogue.map(\.id).joined(separator: ", "))\n"
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
