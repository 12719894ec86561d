import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// A plan session looked back at, step by step: each repetition of the plan in order (those never begun
/// included) with its time, its longest hold against its target, its result in the live run's words (done,
/// partly, skipped), the twist and bounce alerts and the "stop / it hurts" presses in it; each exercise's
/// totals; and how the plan ended.
///
/// Pure: computed from the replay's holds and alerts and the recorded markers. Times are in s since the
/// session's start.
public struct PlanReview: Sendable, Equatable {
    /// One repetition of the plan.
    public struct Step: Sendable, Equatable {
        /// Its number in the plan's order, 0 = the first.
        public var number: Int
        /// The exercise, as an index into the plan's exercises.
        public var exercise: Int
        /// The exercise's profile name.
        public var profile: String
        /// `left` or `right`, nil for an exercise without sides.
        public var side: String?
        /// The repetition on this side (1 = the first) and how many there are.
        public var repetition: Int
        public var repetitions: Int
        /// The hold target, in s.
        public var target: Double
        /// From when to when it ran (its rest included), in s since the session's start; nil for a step
        /// never begun.
        public var start: Double?
        public var end: Double?
        /// The longest hold that started in it, in s (0 when none did).
        public var longestHold: Double
        /// Done (a hold reached the target), partly (held, short of it), skipped (never held); nil for a
        /// step never begun.
        public var result: GuidedPlan.Outcome.Result?
        /// Twist and bounce alerts that started in it.
        public var twistAlerts: Int
        public var bounceAlerts: Int
        /// "Stop / it hurts" presses in it.
        public var stopPresses: Int

        /// Whether the step began.
        public var begun: Bool { start != nil }
        /// Twist and bounce alerts together.
        public var alerts: Int { twistAlerts + bounceAlerts }
    }

    /// One exercise's repetitions, added up.
    public struct Exercise: Sendable, Equatable {
        /// The exercise's profile name.
        public var profile: String
        /// Its hold target this session, in s.
        public var target: Double
        /// Repetitions done, done partly, skipped, and not reached (the plan ended first).
        public var done: Int
        public var partly: Int
        public var skipped: Int
        public var notReached: Int
        /// The longest hold over its repetitions, in s (0 when none).
        public var bestHold: Double
        /// Twist and bounce alerts in its repetitions.
        public var alerts: Int
        /// "Stop / it hurts" presses in its repetitions.
        public var stopPresses: Int

        /// All its repetitions.
        public var repetitions: Int { done + partly + skipped + notReached }
    }

    /// The plan's name.
    public var name: String
    /// How the plan ended (nil: the recording was cut off with no end marker, e.g. a power cut).
    public var end: PlanEnd?
    /// Each exercise's hold target this session, in s, in the plan's order.
    public var targets: [Double]
    /// Every repetition of the plan, in order.
    public var steps: [Step]
    /// Every exercise, in the plan's order.
    public var exercises: [Exercise]

    /// The plan review of an analysed session.
    ///
    /// - Parameters:
    ///   - analysis: the session, replayed (its holds and alerts).
    ///   - replay: the session's plan (``SessionPlanReplay/load(for:library:)``).
    public init(analysis: SessionAnalysis, replay: SessionPlanReplay) {
        self.init(replay: replay, holds: analysis.holds, alerts: analysis.alerts, markers: analysis.recording.markers,
                  startTime: analysis.recording.startTime)
    }

    /// The plan review from its parts.
    ///
    /// - Parameters:
    ///   - replay: the session's plan and its recorded steps (sample-clock times, s).
    ///   - holds: the replay's holds (times in s since the session's start).
    ///   - alerts: the replay's alerts (times in s since the session's start).
    ///   - markers: the recorded markers (sample-clock times, s).
    ///   - startTime: the session's start on the sample clock, in s.
    init(replay: SessionPlanReplay, holds: [HoldMetrics], alerts: [AlertSpan], markers: [SessionMarker],
         startTime: Double) {
        let plan = replay.plan
        name = plan.name
        end = replay.steps.end
        targets = replay.targets
        let stops = markers.filter { $0.kind == .stop }.map { $0.time - startTime }
        // The recorded steps by their number (a damaged or foreign marker's number outside the plan is left out).
        var recorded: [Int: PlanSessionSteps.Step] = [:]
        for step in replay.steps.steps where plan.steps.indices.contains(step.start.step) {
            recorded[step.start.step] = recorded[step.start.step] ?? step
        }
        let steps = plan.steps.enumerated().map { number, planned in
            let exercise = plan.exercises[planned.exerciseIndex]
            var step = Step(number: number, exercise: planned.exerciseIndex, profile: exercise.name,
                            side: planned.side?.rawValue, repetition: planned.repetition,
                            repetitions: planned.repetitionsOnSide,
                            target: replay.targets.indices.contains(planned.exerciseIndex)
                                ? replay.targets[planned.exerciseIndex] : exercise.startHold,
                            start: nil, end: nil, longestHold: 0, result: nil, twistAlerts: 0, bounceAlerts: 0,
                            stopPresses: 0)
            guard let run = recorded[number] else { return step }
            // What the marker said wins: it is what the wearer was asked to do.
            step.profile = run.start.profile
            step.target = run.start.target
            let from = run.from - startTime, to = run.to - startTime
            let within = { (time: Double) in time >= from && time <= to }
            step.start = from
            step.end = to
            step.longestHold = holds.filter { within($0.start) }.map(\.duration).max() ?? 0
            step.result = Self.result(longestHold: step.longestHold, target: step.target)
            step.twistAlerts = alerts.count { $0.kind == .twist && within($0.start) }
            step.bounceAlerts = alerts.count { $0.kind == .bounce && within($0.start) }
            step.stopPresses = stops.count(where: within)
            return step
        }
        self.steps = steps
        exercises = plan.exercises.indices.map { index in
            let own = steps.filter { $0.exercise == index }
            return Exercise(profile: own.first?.profile ?? plan.exercises[index].name,
                            target: replay.targets.indices.contains(index) ? replay.targets[index] : plan.exercises[index].startHold,
                            done: own.count { $0.result == .done }, partly: own.count { $0.result == .partly },
                            skipped: own.count { $0.result == .skipped }, notReached: own.count { !$0.begun },
                            bestHold: own.map(\.longestHold).max() ?? 0, alerts: own.reduce(0) { $0 + $1.alerts },
                            stopPresses: own.reduce(0) { $0 + $1.stopPresses })
        }
    }

    /// A repetition's result as the live run judges it (`GuidedPlan.Outcome.result`): done when its
    /// longest hold (s) reached the target (s), partly when it held short of it, skipped when it never held.
    static func result(longestHold: Double, target: Double) -> GuidedPlan.Outcome.Result {
        longestHold + 1e-9 >= target ? .done : longestHold > 0 ? .partly : .skipped
    }

    /// Steps begun.
    public var begun: Int { steps.count(where: \.begun) }
    /// Steps done (a hold reached the target).
    public var done: Int { steps.count { $0.result == .done } }
    /// The last step begun (nil when none was).
    public var lastBegun: Step? { steps.last(where: \.begun) }
}
