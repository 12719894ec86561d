/// One exercise's hold target for a session, and why it is what it is.
public struct PlanTarget: Sendable, Equatable {
    /// How the target moved from the previous session's.
    public enum Change: String, Sendable {
        /// No session yet: the plan's `hold_s`.
        case start
        /// Up one step after enough clean sessions.
        case raised
        /// Down one step (or kept at the starting hold) after a pain marker.
        case backedOff = "backed off"
        /// Kept: not enough clean sessions yet, a long gap, the maximum reached, or no step.
        case held
    }

    /// The hold target, in s.
    public var target: Double
    public var change: Change
    /// The reason as a short plain sentence: "raised 5 s after 2 clean sessions".
    public var reason: String
    /// Clean sessions in a row counted toward the next step, before this session.
    public var cleanStreak: Int

    public init(target: Double, change: Change, reason: String, cleanStreak: Int) {
        self.target = target
        self.change = change
        self.reason = reason
        self.cleanStreak = cleanStreak
    }
}
