import Integrators

/// The seeded generator of randomised tests (the package's SplitMix64), so every one is reproducible.
public typealias SeededGenerator = SplitMix64
