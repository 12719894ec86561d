import Foundation

/// One past session of a plan, as the progression rules read it (from the session store, or written out
/// by a test).
public struct PlanSessionRecord: Sendable, Equatable {
    /// When the session started.
    public var date: Date
    /// What happened to each exercise, in the plan's order (`exercises[i]` is the plan's exercise `i`); a
    /// missing entry is an exercise not done.
    public var exercises: [PlanExerciseRecord]

    public init(date: Date, exercises: [PlanExerciseRecord]) {
        self.date = date
        self.exercises = exercises
    }
}

/// What happened to one exercise in one plan session.
public struct PlanExerciseRecord: Sendable, Equatable {
    /// The exercise's profile name: a record whose name is not the plan's exercise at that place (the plan
    /// was edited since) counts as not done.
    public var profile: String
    /// The hold target the session used, in s.
    public var target: Double
    /// Whether the exercise was done at all (at least one hold started).
    public var done: Bool
    /// Whether every hold of every repetition reached `target`.
    public var everyHoldReachedTarget: Bool
    /// Whether any twist or bounce alert occurred during the exercise.
    public var formAlert: Bool
    /// Whether the wearer pressed "stop / it hurts" during the exercise.
    public var painMarker: Bool

    public init(profile: String, target: Double, done: Bool, everyHoldReachedTarget: Bool, formAlert: Bool,
                painMarker: Bool) {
        self.profile = profile
        self.target = target
        self.done = done
        self.everyHoldReachedTarget = everyHoldReachedTarget
        self.formAlert = formAlert
        self.painMarker = painMarker
    }

    /// A clean session of this exercise: done, every hold reached its target, no twist or bounce alert, no
    /// pain marker.
    public var isClean: Bool { done && everyHoldReachedTarget && !formAlert && !painMarker }

    /// Why the session was not clean, in plain words ("had a twist or bounce alert"); `nil` when it was.
    public var fault: String? {
        if painMarker { return "had a pain marker" }
        if !done { return "skipped it" }
        if formAlert { return "had a twist or bounce alert" }
        if !everyHoldReachedTarget { return "had a hold that fell short of its target" }
        return nil
    }
}
