import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore
import StretchGuardTrace

/// How a plan session is replayed: the plan as it was run (its stored text), its recorded repetitions, the
/// profile it started with and where it switched to each next exercise's — so that the replay judges each
/// sample by the profile the live session judged it by.
public struct SessionPlanReplay: Sendable {
    /// The plan as it was run.
    public let plan: ExercisePlan
    /// Its recorded repetitions.
    public let steps: PlanSessionSteps
    /// Each exercise's target this session, in s.
    public let targets: [Double]
    /// The profile the session started with.
    public let opening: FormProfile
    /// Where the next exercise's profile took over.
    public let switches: [ProfileSwitch]

    /// The plan replay of `recording`, nil for a session without a plan.
    ///
    /// - Throws: ``ReviewError/profile(session:name:_:)`` when the stored plan or one of its profiles cannot
    ///   be read.
    public static func load(for recording: SessionRecording, library: ProfileLibrary) throws(ReviewError) -> SessionPlanReplay? {
        guard let stored = recording.session.info.plan else { return nil }
        let plan: ExercisePlan
        do {
            plan = try PlanFile.parse(stored.definition, path: stored.name + ".yaml", profiles: library)
        } catch {
            throw .profile(session: recording.id, name: "plan " + stored.name, error)
        }
        let end = recording.session.endTime ?? recording.markers.map(\.time).max() ?? recording.startTime
        let steps = PlanSessionSteps(markers: recording.markers, sessionEnd: end)
        var targets = plan.startTargets
        if let recorded = steps.targets, recorded.count == targets.count { targets = recorded }
        for step in steps.steps where step.start.exercise < targets.count && steps.targets == nil {
            targets[step.start.exercise] = step.start.target
        }
        var switches: [ProfileSwitch] = []
        for (index, step) in steps.steps.enumerated().dropFirst()
        where step.start.exercise != steps.steps[index - 1].start.exercise && step.start.exercise < plan.exercises.count {
            switches.append(ProfileSwitch(time: step.from,
                                          profile: plan.exercises[step.start.exercise].profile(holdTarget: targets[step.start.exercise])))
        }
        return SessionPlanReplay(plan: plan, steps: steps, targets: targets,
                                 opening: plan.openingProfile(targets: targets), switches: switches)
    }
}
