import Testing

extension Tag {
    /// Statistical acceptance runs: enabled by `BLOCKADE_SLOW_TESTS=1` (see `SlowTests`).
    @Tag static var slow: Self
}
