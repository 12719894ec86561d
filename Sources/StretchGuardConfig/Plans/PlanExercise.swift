import StretchGuardCore

/// One exercise of a plan: a profile done on some sides, a number of times, with a hold target that
/// progresses and a rest after each repetition.
public struct PlanExercise: Sendable, Equatable {
    /// The exercise's profile as its file gives it (detectors, thresholds, the longest hold `hold.target`).
    public var profile: FormProfile
    /// The sides worked (`none` unless the profile is one-sided).
    public var sides: PlanSides
    /// Repetitions per side (1–10).
    public var repetitions: Int
    /// The hold target of the first session, in s (`hold_s`, 5–120, at most `progression.maxHold`).
    public var startHold: Double
    /// The rest after each repetition, in s (`rest_s`, 5–300).
    public var rest: Double
    /// How the hold target moves between sessions.
    public var progression: PlanProgressionRule

    public init(profile: FormProfile, sides: PlanSides, repetitions: Int, startHold: Double, rest: Double,
                progression: PlanProgressionRule) {
        self.profile = profile
        self.sides = sides
        self.repetitions = repetitions
        self.startHold = startHold
        self.rest = rest
        self.progression = progression
    }

    /// Allowed `repetitions` (per side).
    public static let repetitionLimits: ClosedRange<Int> = 1...10
    /// Allowed `hold_s`, in s (also never beyond the profile's `hold.target`).
    public static let holdLimits: ClosedRange<Double> = 5...120
    /// Allowed `rest_s`, in s.
    public static let restLimits: ClosedRange<Double> = 5...300

    /// The profile's name, e.g. `chair-hamstring`.
    public var name: String { profile.name }

    /// Repetitions over all sides.
    public var totalRepetitions: Int { repetitions * sides.order.count }

    /// The profile as a plan session runs it: the hold target is the plan's `target` (in s), and the
    /// profile's own session-by-session progression is off (the plan's replaces it).
    public func profile(holdTarget target: Double) -> FormProfile {
        var running = profile
        running.hold.target = target
        running.progression = HoldProgression()
        return running
    }
}
