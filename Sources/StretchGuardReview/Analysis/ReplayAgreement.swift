import StretchGuardCore

/// Whether replaying a session reproduced the events its live run stored — the check that the review's
/// angles and holds are the ones the wearer was coached on.
public struct ReplayAgreement: Sendable, Equatable {
    /// Events the live session stored.
    public var stored: Int
    /// Events the replay emitted.
    public var replayed: Int
    /// The first difference, in words (nil when they agree).
    public var firstDifference: String?

    /// Whether every event agrees in kind and time.
    public var matches: Bool { firstDifference == nil }

    /// Largest time difference still counted as the same event, in s (times are stored as doubles, so a
    /// faithful replay agrees exactly; this only absorbs printing and rounding).
    public static let timeTolerance = 1e-6

    /// Compares the stored events with the replayed ones, in order.
    ///
    /// - Parameters:
    ///   - stored: the live session's events (sample-clock times, s).
    ///   - replayed: the replay's events.
    ///   - startTime: the session's start on the sample clock, in s (for the message).
    public init(stored: [FormEvent], replayed: some Collection<FormEvent>, startTime: Double) {
        let replayed = Array(replayed)
        self.stored = stored.count
        self.replayed = replayed.count
        for (i, (live, again)) in zip(stored, replayed).enumerated()
        where live.kind != again.kind || abs(live.time - again.time) > Self.timeTolerance {
            firstDifference = "event \(i + 1): live \(live.kind.rawValue) at \(ReviewFormat.clock(live.time - startTime)), "
                + "replay \(again.kind.rawValue) at \(ReviewFormat.clock(again.time - startTime))"
            return
        }
        if stored.count != replayed.count {
            let longer = stored.count > replayed.count ? stored[replayed.count] : replayed[stored.count]
            let side = stored.count > replayed.count ? "only the live session" : "only the replay"
            firstDifference = "\(side) has \(longer.kind.rawValue) at \(ReviewFormat.clock(longer.time - startTime)) "
                + "(\(stored.count) live events, \(replayed.count) replayed)"
        }
    }
}
