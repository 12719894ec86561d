/// The side of the body a one-sided exercise works in one repetition.
public enum ExerciseSide: String, Sendable, CaseIterable {
    case left, right
}

/// One repetition of a plan: the unit the guided run walks through (get into position, hold, rest) and the
/// unit each recorded sample belongs to.
public struct PlanStep: Sendable, Equatable {
    /// The exercise, as an index into `ExercisePlan.exercises` (0 = the first).
    public var exerciseIndex: Int
    /// The side worked, or `nil` for an exercise with no side (`sides: none`).
    public var side: ExerciseSide?
    /// The repetition on this side, 1 = the first.
    public var repetition: Int
    /// How many repetitions this side has (the exercise's `repetitions`).
    public var repetitionsOnSide: Int

    public init(exerciseIndex: Int, side: ExerciseSide?, repetition: Int, repetitionsOnSide: Int) {
        self.exerciseIndex = exerciseIndex
        self.side = side
        self.repetition = repetition
        self.repetitionsOnSide = repetitionsOnSide
    }

    /// The first repetition of a side: the wearer is told the exercise (or the side changes).
    public var startsSide: Bool { repetition == 1 }
}
