// swift-tools-version: 6.1
import PackageDescription

// One module per layer of DESIGN.md; dependencies point downwards only:
// blockade -> BlockadeCLI -> {Calibration, Scenarios, Trials, Omics, Reports}; {Calibration, Scenarios} -> Trials; {Trials, Omics} -> TumorImmune -> Reactions -> Integrators.
let package = Package(
    name: "Blockade",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "blockade", targets: ["blockade"]),
        .library(name: "Integrators", targets: ["Integrators"]),
        .library(name: "Reactions", targets: ["Reactions"]),
        .library(name: "TumorImmune", targets: ["TumorImmune"]),
        .library(name: "Omics", targets: ["Omics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "Integrators"),
        .target(name: "Reactions", dependencies: ["Integrators"]),
        .target(name: "TumorImmune", dependencies: ["Reactions", "Integrators"]),
        .target(name: "Omics", dependencies: ["TumorImmune"], resources: [.copy("Resources/reference-cohort.json")]),
        .target(name: "Reports", dependencies: ["Trials", "TumorImmune"]),
        .target(name: "History", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Trials", dependencies: ["Integrators", "TumorImmune"], resources: [.copy("Resources/populations.json")]),
        .target(name: "Calibration", dependencies: ["Trials", "TumorImmune", "Integrators"]),
        .target(name: "Scenarios", dependencies: ["TumorImmune", "Trials", .product(name: "Yams", package: "Yams")]),
        .target(name: "BlockadeCLI", dependencies: [
            "TumorImmune", "Trials", "Calibration", "Scenarios", "Omics", "Reports", "History",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "blockade", dependencies: ["BlockadeCLI"]),
        .target(name: "BlockadeTestSupport", dependencies: ["Integrators"]),
        .target(name: "MallocCounter", path: "Tests/MallocCounter"),
        .testTarget(name: "IntegratorsTests", dependencies: ["Integrators", "BlockadeTestSupport", "MallocCounter"]),
        .testTarget(name: "ReactionsTests", dependencies: ["Reactions", "BlockadeTestSupport"]),
        .testTarget(name: "TumorImmuneTests", dependencies: ["TumorImmune", "BlockadeTestSupport"]),
        .testTarget(name: "OmicsTests", dependencies: ["Omics", "TumorImmune", "BlockadeTestSupport"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Trials", "TumorImmune", "BlockadeTestSupport"]),
        .testTarget(name: "TrialsTests", dependencies: ["Trials", "BlockadeTestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Trials", "TumorImmune", "BlockadeTestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "BlockadeTestSupport"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "Trials", "TumorImmune", "BlockadeTestSupport"]),
        .testTarget(name: "BlockadeCLITests", dependencies: ["BlockadeCLI", "Calibration", "Scenarios", "Trials", "History", "BlockadeTestSupport"]),
    ]
)
