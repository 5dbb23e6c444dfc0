/// Keeps right-hand-side evaluation times strictly inside the current segment between stops.
///
/// A stop marks a discontinuity of f in t (an infusion switching on or off). A stage at the exact
/// stop time would see one side or the other depending on whether the model writes `t < t_s` or
/// `t <= t_s`; moving such evaluations one ulp inwards makes every stage of a step see the input
/// of its own segment whichever way the model is written, so the solution is exact to tolerance.
@usableFromInline
struct StageClock {
    @usableFromInline let lower: Double
    @usableFromInline let upper: Double

    @inlinable
    init(segmentStart: Double, segmentEnd: Double) {
        lower = segmentStart.nextUp
        upper = max(segmentEnd.nextDown, lower)
    }

    /// `t` moved into the open segment.
    @inlinable
    func time(_ t: Double) -> Double { min(max(t, lower), upper) }
}
