import StretchGuardCore

/// A physio's plan (`Calibration/plans/*.yaml`): exercises in order, how often a week, and how each
/// exercise's hold target progresses. Read by `PlanFile`, found by `PlanLibrary`.
public struct ExercisePlan: Sendable, Equatable {
    /// Short name, e.g. `starter-low-back` (the file's name unless `name:` says otherwise).
    public let name: String
    /// One line for the wearer: what the plan is for.
    public let summary: String
    /// Prescribed sessions per week (1–14).
    public let sessionsPerWeek: Int
    /// The exercises, in the order they are done.
    public let exercises: [PlanExercise]
    /// Every repetition in order: each exercise × side (left before right) × repetition. The guided run
    /// walks these.
    public let steps: [PlanStep]

    public init(name: String, summary: String, sessionsPerWeek: Int, exercises: [PlanExercise]) {
        self.name = name
        self.summary = summary
        self.sessionsPerWeek = sessionsPerWeek
        self.exercises = exercises
        var steps: [PlanStep] = []
        for (index, exercise) in exercises.enumerated() {
            for side in exercise.sides.order {
                for repetition in 1...exercise.repetitions {
                    steps.append(PlanStep(exerciseIndex: index, side: side, repetition: repetition,
                                          repetitionsOnSide: exercise.repetitions))
                }
            }
        }
        self.steps = steps
    }

    /// Allowed `sessions_per_week`.
    public static let sessionsPerWeekLimits: ClosedRange<Int> = 1...14
    /// Time allowed per repetition to get into position before the hold starts, in s.
    public static let positioningTime: Double = 5

    /// The profile a guided session starts with: the first exercise's detectors at its target (`targets`: each
    /// exercise's, in s), and the general profile's way of learning the forward axis (the first deep forward
    /// bend; a calibration's forward bend wins). The exercises' own first bends cannot all apply to one
    /// session: a plan may start with cat-cow and go on to backward bends.
    public func openingProfile(targets: [Double]) -> FormProfile {
        let first = steps[0].exerciseIndex
        var profile = exercises[first].profile(holdTarget: targets[first])
        profile.firstBend = FormProfile.general.firstBend
        profile.firstBendTilt = FormProfile.general.firstBendTilt
        return profile
    }

    /// The exercises' starting hold targets, in s, in order.
    public var startTargets: [Double] { exercises.map(\.startHold) }

    /// How long one session takes: every step's getting into position and hold, and the rest after every
    /// step but the last.
    ///
    /// - Parameter targets: each exercise's hold target, in s; `nil` takes the starting targets.
    public func duration(targets: [Double]? = nil) -> PlanDuration {
        let targets = targets ?? startTargets
        var duration = PlanDuration()
        for (number, step) in steps.enumerated() {
            duration.positioning += Self.positioningTime
            duration.holding += targets[step.exerciseIndex]
            if number < steps.count - 1 { duration.resting += exercises[step.exerciseIndex].rest }
        }
        return duration
    }
}

/// How one session's time divides, in s.
public struct PlanDuration: Sendable, Equatable {
    /// Holding at the target, in s.
    public var holding: Double = 0
    /// Resting between repetitions, in s.
    public var resting: Double = 0
    /// Getting into position, in s.
    public var positioning: Double = 0

    /// The whole session, in s.
    public var total: Double { holding + resting + positioning }
}
