import StretchGuardCore

/// A session's totals, stored in its `sessions` row when it closes so that listings need no event scan.
public struct SessionSummary: Hashable, Sendable, Codable {
    /// Holds done (hold_ended events).
    public var holds: Int
    /// Holds that reached their target (hold_reached events).
    public var holdsReached: Int
    /// The longest hold, in s (0 when none).
    public var longestHold: Double
    /// Twist alerts (twist_alert_started events).
    public var twistAlerts: Int
    /// Bounce alerts (bounce_started events).
    public var bounceAlerts: Int
    /// High impacts (impact events).
    public var impacts: Int

    /// Totals given one by one.
    ///
    /// - Parameters:
    ///   - holds: holds done.
    ///   - holdsReached: holds that reached their target.
    ///   - longestHold: the longest hold, in s.
    ///   - twistAlerts: twist alerts.
    ///   - bounceAlerts: bounce alerts.
    ///   - impacts: high impacts.
    public init(holds: Int = 0, holdsReached: Int = 0, longestHold: Double = 0, twistAlerts: Int = 0,
                bounceAlerts: Int = 0, impacts: Int = 0) {
        self.holds = holds
        self.holdsReached = holdsReached
        self.longestHold = longestHold
        self.twistAlerts = twistAlerts
        self.bounceAlerts = bounceAlerts
        self.impacts = impacts
    }

    /// Totals counted from a session's events (what crash recovery does for a session that never closed).
    public init(events: some Sequence<FormEvent>) {
        self.init(tally: FormEventTally(events: events))
    }

    /// The totals of a tally.
    public init(tally: FormEventTally) {
        self.init(holds: tally.holds, holdsReached: tally.holdsReached, longestHold: tally.longestHold,
                  twistAlerts: tally.twistAlerts, bounceAlerts: tally.bounceAlerts, impacts: tally.impacts)
    }

    /// Twist and bounce alerts together.
    public var alerts: Int { twistAlerts + bounceAlerts }
}
