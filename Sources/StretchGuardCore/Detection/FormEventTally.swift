/// The one count of what a session's events add up to: holds, targets reached, alerts, impacts. The live
/// summary, the stored session row and the replay summary all count through it.
public struct FormEventTally: Sendable, Equatable {
    /// Completed holds, and those that reached their target.
    public var holds = 0, holdsReached = 0
    /// The longest completed hold, in s.
    public var longestHold: Double = 0
    /// Twist and bounce alerts started, and impacts.
    public var twistAlerts = 0, bounceAlerts = 0, impacts = 0
    /// The largest |twist| during an alert that ended, in rad.
    public var worstTwist: Double = 0
    /// "Bend from the hips" and "keep the hips still" cues started (two sensors).
    public var hipHingeCues = 0, hipsStillCues = 0
    /// Times the pelvis sensor was lost mid-session.
    public var pelvisLosses = 0

    public init() {}

    /// The tally of a sequence of events.
    public init(events: some Sequence<FormEvent>) {
        for event in events { add(event) }
    }

    /// Counts one event.
    public mutating func add(_ event: FormEvent) {
        switch event.kind {
        case .holdEnded:
            holds += 1
            longestHold = max(longestHold, event.duration)
        case .holdReached: holdsReached += 1
        case .twistAlertStarted: twistAlerts += 1
        case .twistAlertEnded: worstTwist = max(worstTwist, event.value)
        case .bounceStarted: bounceAlerts += 1
        case .impact: impacts += 1
        case .hipHingeCueStarted: hipHingeCues += 1
        case .hipsStillCueStarted: hipsStillCues += 1
        case .pelvisLost: pelvisLosses += 1
        case .bounceEnded, .holdStarted, .hipHingeCueEnded, .hipsStillCueEnded, .pelvisReturned: break
        }
    }

    /// Counts the events of one sample.
    public mutating func add(_ events: FormEvents) {
        for event in events { add(event) }
    }
}
