import StretchGuardCore

/// The detection spec's alert definitions, as the truth labels apply them.
public enum AlertDefinition {
    /// Smallest twist that alerts, in rad (15°).
    public static let twistThreshold = 15 * degree
    /// Shortest time the twist must be held to alert, in s.
    public static let twistHold = 0.25
    /// Smallest peak-to-peak swing of a bounce, in rad (3°).
    public static let bouncePeakToPeak = 3 * degree
    /// Frequencies a bounce can have, in Hz.
    public static let bounceBand: ClosedRange<Double> = 0.5...4
    /// Fewest direction reversals of a bounce: three, one full cycle (down, up, down again), so that one
    /// overshoot and its correction never counts.
    public static let bounceReversals = 3

    /// The one step keyword a bounce label can come from: range-of-motion repetitions (`oscillate`,
    /// `catcow`), moves with an overshoot and breathing are never a bounce, whatever their numbers.
    public static let bounceKeyword = "bounce"

    /// Whether an oscillation step of `duration` s is a bounce that must alert: a `bounce` step of at least
    /// 3° peak-to-peak, 0.5–4 Hz, and at least three reversals (one full cycle) at full amplitude.
    public static func isBounce(_ oscillation: Oscillation, keyword: String, duration: Double) -> Bool {
        keyword == bounceKeyword
            && oscillation.peakToPeak >= bouncePeakToPeak - 1e-9
            && bounceBand.contains(oscillation.frequency)
            && oscillation.fullReversals(duration: duration) >= bounceReversals
    }
}
