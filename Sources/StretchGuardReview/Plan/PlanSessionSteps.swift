import StretchGuardCore
import StretchGuardStore

/// A plan session's repetitions as its `plan_step` markers recorded them: each step's start, its end (the
/// next step's start, the plan's end, or the session's), and how the plan ended.
public struct PlanSessionSteps: Sendable {
    /// One recorded repetition.
    public struct Step: Sendable {
        /// What the marker said (its number, exercise, profile, side, repetition, target, rest).
        public var start: PlanStepStart
        /// From when to when it ran, in s on the sample clock (its rest included).
        public var from: Double
        public var to: Double
    }

    /// The repetitions begun, in order.
    public var steps: [Step] = []
    /// Every exercise's target this session, in s (nil when the marker is missing).
    public var targets: [Double]?
    /// How the plan ended (nil: the session was cut off with no end marker, e.g. a power cut).
    public var end: PlanEnd?

    /// The steps in `markers` (any order); `sessionEnd` (s) ends the last one when no end marker does.
    public init(markers: [SessionMarker], sessionEnd: Double) {
        var starts: [(time: Double, start: PlanStepStart)] = []
        var endTime: Double?
        for marker in markers.sorted(by: { $0.time < $1.time }) where marker.kind == .planStep {
            switch PlanStepMarker(note: marker.note) {
            case let .step(start)?: starts.append((marker.time, start))
            case let .end(reason)?:
                if end == nil { end = reason; endTime = marker.time }
            case let .targets(values)?: targets = values
            case nil: break
            }
        }
        for (index, item) in starts.enumerated() {
            let next = index + 1 < starts.count ? starts[index + 1].time : (endTime ?? sessionEnd)
            steps.append(Step(start: item.start, from: item.time, to: max(item.time, next)))
        }
    }

    /// Whether a time (s) falls in `step` (both ends included: a press at the instant the plan ended
    /// belongs to its last step).
    static func contains(_ step: Step, _ time: Double) -> Bool {
        time >= step.from && time <= step.to
    }
}
