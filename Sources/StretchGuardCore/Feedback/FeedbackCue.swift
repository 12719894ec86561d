/// A message to the wearer, each with its own buzzer rhythm and LED colour (see `FeedbackPatterns`).
public enum FeedbackCue: String, Sendable, Hashable, CaseIterable {
    /// Tracking is running and calibrated: go ahead.
    case ready
    /// A hold goes on (a soft tick, e.g. every 10 s).
    case holdProgress = "hold_progress"
    /// The hold reached its target.
    case holdReached = "hold_reached"
    /// The trunk twisted past the limit.
    case twist
    /// Ballistic bouncing in the stretch.
    case bounce
    /// A high impact (a jolt, a fall).
    case impact
    /// The sensor stopped answering or reports nonsense.
    case sensorFault = "sensor_fault"
    /// The wearer's "stop / it hurts" press was taken.
    case stop
    /// "Bend from the hips": the back rounds instead of the hips hinging (two sensors).
    case hipHinge = "hip_hinge"
    /// "Keep the hips still": the pelvis turns during a hold (two sensors).
    case hipsStill = "hips_still"
    /// The pelvis sensor stopped answering: one sensor judges until it returns.
    case pelvisFault = "pelvis_fault"
    /// A plan begins: get into position for its first exercise.
    case planStart = "plan_start"
    /// A plan's rest is over: the next repetition.
    case restOver = "rest_over"
    /// A plan's rest is over and the next repetition is another exercise.
    case nextExercise = "next_exercise"
    /// Every repetition of the plan is done.
    case planDone = "plan_done"

    /// A dense index 0 ..< allCases.count, for per-cue tables without hashing.
    public var slot: Int {
        switch self {
        case .ready: return 0
        case .holdProgress: return 1
        case .holdReached: return 2
        case .twist: return 3
        case .bounce: return 4
        case .impact: return 5
        case .sensorFault: return 6
        case .stop: return 7
        case .hipHinge: return 8
        case .hipsStill: return 9
        case .pelvisFault: return 10
        case .planStart: return 11
        case .restOver: return 12
        case .nextExercise: return 13
        case .planDone: return 14
        }
    }
}
