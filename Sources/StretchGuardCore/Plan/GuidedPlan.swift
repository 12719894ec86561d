/// Walks the wearer through a plan's repetitions, one sample at a time: get into position, hold to the
/// target, come out, rest, and on to the next — then done. A "stop / it hurts" press ends it for the day.
///
/// It reads the coach's verdict (whether a hold is in progress and how long it has lasted) and its events;
/// it never pushes: a hold that breaks off after at least half its target counts as the repetition done
/// partly, and the rest begins; a shorter one is a false start, and the wearer goes again. The rest begins
/// when the wearer comes out of the hold. No I/O; nothing allocated per sample (the steps' outcomes are
/// made once).
public struct GuidedPlan: Sendable {
    /// One repetition as the runner needs it.
    public struct Step: Sendable, Equatable {
        /// The exercise (an index into the plan's exercises): a new exercise is announced, and its profile
        /// judges from then on.
        public var exercise: Int
        /// The hold target, in s.
        public var target: Double
        /// The rest after the repetition, in s (none after the last).
        public var rest: Double

        public init(exercise: Int, target: Double, rest: Double) {
            self.exercise = exercise
            self.target = target
            self.rest = rest
        }
    }

    /// Where the wearer is in the current repetition.
    public enum Phase: String, Sendable, Equatable {
        /// Getting into position (the repetition has begun; no hold yet).
        case position
        /// Holding, toward the target.
        case holding
        /// The target is reached: coming out of the hold.
        case release
        /// Resting before the next repetition.
        case rest
        /// Every repetition done.
        case done
        /// Ended by a "stop / it hurts" press.
        case stopped
    }

    /// What the wearer is told at a sample (each has its own sound, see `FeedbackCue`).
    public enum Cue: Sendable, Equatable {
        /// The plan begins: get into position for the first exercise.
        case start
        /// The rest is over: the next repetition of the same exercise.
        case restOver
        /// The rest is over and the next repetition is another exercise.
        case nextExercise
        /// Every repetition is done.
        case done
    }

    /// How one repetition went.
    public struct Outcome: Sendable, Equatable {
        /// When it began and ended, in s on the sample clock (nil: not reached).
        public var start: Double?
        public var end: Double?
        /// Its longest hold, in s, and whether a hold reached the target.
        public var longestHold: Double = 0
        public var reached = false
        /// Twist and bounce alerts that began during it (its rest excluded), and during its rest.
        public var twistAlerts = 0
        public var bounceAlerts = 0
        public var restAlerts = 0
        /// Whether "stop / it hurts" was pressed during it.
        public var painMarked = false

        /// Done (the target reached), partly (held, short of the target), or skipped (never held).
        public var result: Result {
            reached ? .done : longestHold > 0 ? .partly : .skipped
        }

        /// A repetition's result.
        public enum Result: String, Sendable {
            case done, partly, skipped
        }
    }

    /// The least share of the target a hold that breaks off must have lasted to count as the repetition.
    public static let partialHoldShare = 0.5

    /// The repetitions, in order.
    public let steps: [Step]
    /// The repetition under way (the last one once done).
    public private(set) var index = 0
    public private(set) var phase = Phase.position
    /// When the rest under way ends, in s on the sample clock.
    public private(set) var restEnd = 0.0
    /// Every repetition's outcome so far, in order.
    public private(set) var outcomes: [Outcome]

    /// A runner over `steps` (at least one).
    public init(steps: [Step]) {
        precondition(!steps.isEmpty, "a plan has at least one repetition")
        self.steps = steps
        outcomes = Array(repeating: Outcome(), count: steps.count)
    }

    /// The repetition under way.
    public var current: Step { steps[index] }

    /// Whether the plan is over (done, or stopped).
    public var isOver: Bool { phase == .done || phase == .stopped }

    /// Starts the first repetition at `time` (s).
    public mutating func begin(at time: Double) -> Cue {
        outcomes[0].start = time
        return .start
    }

    /// Follows one sample: the coach's hold state and the events it reported at `time` (s). Returns the cue
    /// to give at this sample, if any.
    public mutating func update(holding: Bool, holdSeconds: Double, events: FormEvents, time: Double) -> Cue? {
        guard !isOver else { return nil }
        for event in events {
            switch event.kind {
            case .twistAlertStarted:
                if phase == .rest { outcomes[index].restAlerts += 1 } else { outcomes[index].twistAlerts += 1 }
            case .bounceStarted:
                if phase == .rest { outcomes[index].restAlerts += 1 } else { outcomes[index].bounceAlerts += 1 }
            default: break
            }
        }
        let step = steps[index]
        switch phase {
        case .position:
            if holding { phase = .holding }
            return nil
        case .holding:
            if holding {
                outcomes[index].longestHold = max(outcomes[index].longestHold, holdSeconds)
                if holdSeconds >= step.target {
                    outcomes[index].reached = true
                    phase = .release
                }
                return nil
            }
            // The hold broke off: the repetition counts if it lasted half the target, else go again.
            if outcomes[index].longestHold >= Self.partialHoldShare * step.target { return finishRepetition(at: time) }
            phase = .position
            return nil
        case .release:
            if holding {
                outcomes[index].longestHold = max(outcomes[index].longestHold, holdSeconds)
                return nil
            }
            return finishRepetition(at: time)
        case .rest:
            guard time >= restEnd else { return nil }
            index += 1
            outcomes[index].start = time
            phase = holding ? .holding : .position
            return steps[index].exercise == steps[index - 1].exercise ? .restOver : .nextExercise
        case .done, .stopped:
            return nil
        }
    }

    /// "Stop / it hurts" at `time` (s): the plan ends for the day.
    public mutating func stopForPain(at time: Double) {
        guard !isOver else { return }
        outcomes[index].painMarked = true
        if outcomes[index].end == nil { outcomes[index].end = time }
        phase = .stopped
    }

    /// The session ends at `time` (s) with the plan under way: the repetition in progress ends there.
    public mutating func close(at time: Double) {
        guard !isOver, outcomes[index].end == nil else { return }
        outcomes[index].end = time
    }

    /// Seconds of rest left at `time`, in s (0 outside a rest).
    public func restRemaining(at time: Double) -> Double {
        phase == .rest ? max(0, restEnd - time) : 0
    }

    private mutating func finishRepetition(at time: Double) -> Cue? {
        outcomes[index].end = time
        if index == steps.count - 1 {
            phase = .done
            return .done
        }
        phase = .rest
        restEnd = time + steps[index].rest
        return nil
    }
}
