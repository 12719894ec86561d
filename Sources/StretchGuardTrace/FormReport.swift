import StretchGuardCore

/// What the coach saw over a session, in plain language: holds, alerts, impacts.
public struct FormReport: Sendable {
    /// Durations of completed holds, in s.
    public private(set) var holds: [Double] = []
    /// Holds that reached their target.
    public private(set) var holdsReached = 0
    public private(set) var twistAlerts = 0
    /// Largest |twist| during an alert, in rad.
    public private(set) var worstTwist: Double = 0
    public private(set) var bounceAlerts = 0
    public private(set) var impacts = 0

    public init() {}

    /// Adds the events of one sample.
    public mutating func add(_ events: FormEvents) {
        for e in events {
            switch e.kind {
            case .holdEnded: holds.append(e.duration)
            case .holdReached: holdsReached += 1
            case .twistAlertStarted: twistAlerts += 1
            case .twistAlertEnded: worstTwist = max(worstTwist, e.value)
            case .bounceStarted: bounceAlerts += 1
            case .impact: impacts += 1
            case .bounceEnded, .holdStarted: break
            }
        }
    }

    /// The summary lines, aligned with `PostureReport`'s.
    public func lines(target: Double) -> [String] {
        let longest = holds.max() ?? 0
        let holdLine = holds.isEmpty
            ? "none (hold still in the stretch to start one)"
            : "\(holds.count), longest \(Int(longest.rounded())) s; \(holdsReached) reached the \(Int(target.rounded())) s target"
        let twistLine = twistAlerts == 0
            ? "none"
            : "\(twistAlerts), worst \(Int((worstTwist / degree).rounded()))° — keep the chest facing forward"
        let bounceLine = bounceAlerts == 0 ? "none" : "\(bounceAlerts) — ease in and hold instead of bouncing"
        return [
            "  holds            \(holdLine)",
            "  twist alerts     \(twistLine)",
            "  bounce alerts    \(bounceLine)",
            "  impacts          \(impacts == 0 ? "none" : String(impacts))",
        ]
    }
}
