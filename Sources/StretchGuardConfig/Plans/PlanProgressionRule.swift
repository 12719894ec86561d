/// How one exercise's hold target moves from session to session while a plan runs (it replaces the
/// profile's own `HoldProgression`). The rules themselves are `PlanProgression`'s; see
/// `Calibration/plans/README.md`.
public struct PlanProgressionRule: Sendable, Equatable {
    /// Added to the hold target after enough clean sessions, in s; 0 keeps the target. Default 5 s.
    public var step: Double
    /// Clean sessions in a row that earn one step. Default 2.
    public var afterCleanSessions: Int
    /// The highest hold target, in s: at most the profile's own `hold.target` (its default).
    public var maxHold: Double
    /// Whether a session with a "stop / it hurts" marker takes the target one step back. Default `true`.
    public var backOffOnPain: Bool
    /// A gap of more days than this since the last session holds the target at the next one. Default 7 days.
    public var pauseAfterMissedDays: Int

    public init(step: Double = PlanProgressionRule.defaultStep, afterCleanSessions: Int = PlanProgressionRule.defaultCleanSessions,
                maxHold: Double, backOffOnPain: Bool = true,
                pauseAfterMissedDays: Int = PlanProgressionRule.defaultPauseDays) {
        self.step = step
        self.afterCleanSessions = afterCleanSessions
        self.maxHold = maxHold
        self.backOffOnPain = backOffOnPain
        self.pauseAfterMissedDays = pauseAfterMissedDays
    }

    /// The default step, in s.
    public static let defaultStep: Double = 5
    /// The default number of clean sessions per step.
    public static let defaultCleanSessions = 2
    /// The default pause, in days.
    public static let defaultPauseDays = 7

    /// Allowed `step_s`, in s.
    public static let stepLimits: ClosedRange<Double> = 0...15
    /// Allowed `after_clean_sessions`.
    public static let cleanSessionLimits: ClosedRange<Int> = 1...10
    /// Allowed `pause_after_missed_days`, in days.
    public static let pauseDayLimits: ClosedRange<Int> = 1...60
}
