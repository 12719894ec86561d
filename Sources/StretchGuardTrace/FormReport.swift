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

    /// The summary lines, aligned with `PostureReport`'s; with `twoSensors`, the hip cues and the pelvis's
    /// losses too.
    public func lines(target: Double, twoSensors: Bool = false) -> [String] {
        let t = tally
        let holdLine = t.holds == 0
            ? "none (hold still in the stretch to start one)"
            : "\(t.holds), longest \(Int(t.longestHold.rounded())) s; \(t.holdsReached) reached the \(Int(target.rounded())) s target"
        let twistLine = t.twistAlerts == 0
            ? "none"
            : "\(t.twistAlerts), worst \(Int((t.worstTwist / degree).rounded()))° — keep the chest facing forward"
        let bounceLine = t.bounceAlerts == 0 ? "none" : "\(t.bounceAlerts) — ease in and hold instead of bouncing"
        var lines = [
            "  holds            \(holdLine)",
            "  twist alerts     \(twistLine)",
            "  bounce alerts    \(bounceLine)",
            "  impacts          \(t.impacts == 0 ? "none" : String(t.impacts))",
        ]
        if twoSensors {
            lines.append("  hip cues         bend from the hips \(t.hipHingeCues == 0 ? "none" : String(t.hipHingeCues)); keep the hips still \(t.hipsStillCues == 0 ? "none" : String(t.hipsStillCues))")
            lines.append("  pelvis sensor    \(t.pelvisLosses == 0 ? "reported throughout" : "lost \(t.pelvisLosses) time\(t.pelvisLosses == 1 ? "" : "s") (the upper-back sensor judged alone meanwhile)")")
        }
        return lines
    }
}
