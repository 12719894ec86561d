import StretchGuardCore

/// What the coach saw over a session, in plain language: holds, alerts, impacts.
public struct FormReport: Sendable {
    /// The counts so far.
    public private(set) var tally = FormEventTally()

    public init() {}

    /// Adds the events of one sample.
    public mutating func add(_ events: FormEvents) {
        tally.add(events)
    }

    /// The summary lines, aligned with `PostureReport`'s.
    public func lines(target: Double) -> [String] {
        let t = tally
        let holdLine = t.holds == 0
            ? "none (hold still in the stretch to start one)"
            : "\(t.holds), longest \(Int(t.longestHold.rounded())) s; \(t.holdsReached) reached the \(Int(target.rounded())) s target"
        let twistLine = t.twistAlerts == 0
            ? "none"
            : "\(t.twistAlerts), worst \(Int((t.worstTwist / degree).rounded()))° — keep the chest facing forward"
        let bounceLine = t.bounceAlerts == 0 ? "none" : "\(t.bounceAlerts) — ease in and hold instead of bouncing"
        return [
            "  holds            \(holdLine)",
            "  twist alerts     \(twistLine)",
            "  bounce alerts    \(bounceLine)",
            "  impacts          \(t.impacts == 0 ? "none" : String(t.impacts))",
        ]
    }
}
