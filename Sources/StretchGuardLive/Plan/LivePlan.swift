import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// A plan as a live session walks it: the plan, each exercise's hold target for this session, each
/// exercise's profile judging with that target, and the runner's steps; with the words and the markers each
/// repetition is announced and recorded with.
public struct LivePlan: Sendable {
    /// The plan.
    public let plan: ExercisePlan
    /// The plan file's text, stored with the session (reviewed by the plan as it was run).
    public let definition: String
    /// Each exercise's hold target this session, in s (in the plan's order).
    public let targets: [Double]
    /// Each exercise's profile with its target (the profile's own progression off).
    public let profiles: [FormProfile]
    /// The repetitions, for ``GuidedPlan``.
    public let steps: [GuidedPlan.Step]

    /// - Parameters:
    ///   - targets: each exercise's hold target, in s (from ``PlanProgression``; one per exercise).
    public init(plan: ExercisePlan, definition: String, targets: [Double]) {
        precondition(targets.count == plan.exercises.count, "one target per exercise")
        self.plan = plan
        self.definition = definition
        self.targets = targets
        profiles = plan.exercises.indices.map { plan.exercises[$0].profile(holdTarget: targets[$0]) }
        steps = plan.steps.map { step in
            GuidedPlan.Step(exercise: step.exerciseIndex, target: targets[step.exerciseIndex],
                            rest: plan.exercises[step.exerciseIndex].rest)
        }
    }

    /// The profile that judges step `index`.
    public func profile(forStep index: Int) -> FormProfile { profiles[steps[index].exercise] }

    /// The profile the session starts with (``ExercisePlan/openingProfile(targets:)``).
    public var openingProfile: FormProfile { plan.openingProfile(targets: targets) }

    /// How step `index` is recorded (a `plan_step` marker).
    public func marker(forStep index: Int) -> PlanStepMarker {
        let step = plan.steps[index]
        return .step(PlanStepStart(step: index, exercise: step.exerciseIndex, profile: profiles[step.exerciseIndex].name,
                                   side: step.side?.rawValue, repetition: step.repetition,
                                   repetitions: step.repetitionsOnSide, target: targets[step.exerciseIndex],
                                   rest: plan.exercises[step.exerciseIndex].rest))
    }

    /// Step `index` in words: "chair-hamstring, left side, 1 of 2".
    public func name(ofStep index: Int) -> String {
        let step = plan.steps[index]
        let side = step.side.map { ", \($0.rawValue) side" } ?? ""
        return "\(profiles[step.exerciseIndex].name)\(side), \(step.repetition) of \(step.repetitionsOnSide)"
    }

    /// What the wearer is told when step `index` begins: the exercise, what it is, and the hold.
    public func instruction(forStep index: Int) -> String {
        let step = plan.steps[index]
        let profile = profiles[step.exerciseIndex]
        let target = FixedDecimal.string(targets[step.exerciseIndex], decimals: 0)
        var words = "step \(index + 1) of \(steps.count): \(name(ofStep: index)) — "
        if step.startsSide { words += "\(profile.summary.prefix(1).lowercased())\(profile.summary.dropFirst()); " }
        words += "get into position and hold \(target) s"
        return words
    }
}
