import StretchGuardCore
/// How one cue sounds and shows: buzzer on/off steps with durations, the LED colour while it plays, its
/// priority against other cues, and how soon it may sound again.
public struct FeedbackPattern: Sendable, Hashable {
    /// A stretch of time with the buzzer on or off.
    public struct Step: Sendable, Hashable {
        /// Whether the buzzer sounds during the step.
        public var buzzer: Bool
        /// How long the step lasts, in s.
        public var duration: Double

        public init(buzzer: Bool, duration: Double) {
            self.buzzer = buzzer
            self.duration = duration
        }

        /// The buzzer on for `duration` s.
        public static func on(_ duration: Double) -> Step { Step(buzzer: true, duration: duration) }
        /// The buzzer off for `duration` s (a gap, or a tail that keeps the LED lit).
        public static func off(_ duration: Double) -> Step { Step(buzzer: false, duration: duration) }
    }

    /// The steps, played in order from the cue's start.
    public var steps: [Step]
    /// The LED colour shown for the whole pattern; nil keeps the player's idle colour.
    public var led: LEDColor?
    /// Against other cues: a playing pattern is cut short only by a cue of higher priority; a cue of equal
    /// or lower priority is dropped while it plays.
    public var priority: Int
    /// How soon the cue may start again after it started, in s (the rate limit).
    public var repeatInterval: Double

    public init(steps: [Step], led: LEDColor?, priority: Int, repeatInterval: Double) {
        self.steps = steps
        self.led = led
        self.priority = priority
        self.repeatInterval = repeatInterval
    }

    /// `count` beeps of `on` s separated by `gap` s, then `tail` s of silence (the LED stays lit).
    public static func beeps(_ count: Int, on: Double, gap: Double, tail: Double, led: LEDColor?, priority: Int,
                             repeatInterval: Double) -> FeedbackPattern {
        var steps: [Step] = []
        for index in 0..<count {
            if index > 0 { steps.append(.off(gap)) }
            steps.append(.on(on))
        }
        if tail > 0 { steps.append(.off(tail)) }
        return FeedbackPattern(steps: steps, led: led, priority: priority, repeatInterval: repeatInterval)
    }

    /// The pattern's length, in s.
    public var duration: Double { steps.reduce(0) { $0 + $1.duration } }

    /// What the wearer hears: the on/off rhythm with neighbouring steps of the same kind merged and the
    /// silent tail dropped (two patterns that differ only there sound the same).
    public var rhythm: [Step] {
        var merged: [Step] = []
        for step in steps where step.duration > 0 {
            if let last = merged.last, last.buzzer == step.buzzer {
                merged[merged.count - 1].duration += step.duration
            } else {
                merged.append(step)
            }
        }
        while merged.last?.buzzer == false { merged.removeLast() }
        return merged
    }

    /// Whether the pattern can be played: at least one step, no negative or non-finite durations, a
    /// positive total, a non-negative repeat interval.
    public var isConsistent: Bool {
        !steps.isEmpty && steps.allSatisfy { $0.duration >= 0 && $0.duration.isFinite } && duration > 0
            && repeatInterval >= 0
    }
}
