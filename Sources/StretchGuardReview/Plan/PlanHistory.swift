import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// A plan's recorded sessions as the progression rules read them (``PlanProgression``): for each session
/// and exercise, the target used, whether it was done, whether every repetition's hold reached its target,
/// whether a twist or bounce alert or a "stop / it hurts" press fell in its repetitions.
public enum PlanHistory {
    /// The sessions in `store` that followed a plan named `plan.name`, oldest first (sessions that cannot be
    /// read are left out: they cannot say what happened).
    public static func records(of plan: ExercisePlan, in store: SessionStore) throws(StoreError) -> [PlanSessionRecord] {
        var records: [PlanSessionRecord] = []
        for session in sessions(named: plan.name, in: try store.sessions()) {
            records.append(try record(of: plan, session: session, in: store))
        }
        return records
    }

    /// The sessions among `sessions` that followed a plan named `name`, oldest first.
    static func sessions(named name: String, in sessions: [StoredSession]) -> [StoredSession] {
        sessions.filter { $0.info.plan?.name == name }.sorted { ($0.info.startDate, $0.id) < ($1.info.startDate, $1.id) }
    }

    /// One stored session's record, its markers and events read from `store`.
    static func record(of plan: ExercisePlan, session: StoredSession, in store: SessionStore) throws(StoreError) -> PlanSessionRecord {
        let markers = try store.markers(of: session.id)
        let events = try store.events(of: session.id)
        let end = session.endTime ?? (markers.map(\.time) + events.map(\.time)).max() ?? session.info.startTime
        return record(of: plan, session: session, steps: PlanSessionSteps(markers: markers, sessionEnd: end),
                      events: events, stops: markers.filter { $0.kind == .stop }.map(\.time))
    }

    /// One session's record.
    static func record(of plan: ExercisePlan, session: StoredSession, steps: PlanSessionSteps, events: [FormEvent],
                       stops: [Double]) -> PlanSessionRecord {
        let exercises = plan.exercises.indices.map { index -> PlanExerciseRecord in
            let exercise = plan.exercises[index]
            let own = steps.steps.filter { $0.start.exercise == index }
            let target = steps.targets.flatMap { index < $0.count ? $0[index] : nil } ?? own.first?.start.target
                ?? exercise.startHold
            // A step recorded under another profile: the plan was edited since; the exercise counts as not done.
            let profile = own.first?.start.profile ?? exercise.name
            func happened(_ kinds: Set<FormEvent.Kind>, in step: PlanSessionSteps.Step) -> Bool {
                events.contains { kinds.contains($0.kind) && PlanSessionSteps.contains(step, $0.time) }
            }
            let done = own.contains { happened([.holdStarted], in: $0) }
            let reached = own.filter { happened([.holdReached], in: $0) }.count
            return PlanExerciseRecord(
                profile: profile, target: target, done: done,
                everyHoldReachedTarget: done && reached >= exercise.totalRepetitions,
                formAlert: own.contains { happened([.twistAlertStarted, .bounceStarted], in: $0) },
                painMarker: own.contains { step in stops.contains { PlanSessionSteps.contains(step, $0) } })
        }
        return PlanSessionRecord(date: session.info.startDate, exercises: exercises)
    }
}
