import Foundation

/// The progression rules: from a plan and its past sessions, each exercise's hold target for the next
/// session and why. Pure: no files, and no clock — the next session's date is given, and days are counted
/// in the given calendar's time zone.
///
/// For each exercise, the sessions are walked oldest first; before each session (and before the next one):
/// 1. a pain marker in the previous session (with `back_off_on_pain`): one step back, never below `hold_s`;
///    without `back_off_on_pain`, held;
/// 2. else more than `pause_after_missed_days` calendar days since the previous session: held, and the
///    clean streak starts again from zero;
/// 3. else at `max_hold_s`, or `step_s` 0: held;
/// 4. else `after_clean_sessions` clean sessions in a row: raised by `step_s` (capped at `max_hold_s`), and
///    the streak starts again from zero;
/// 5. else held.
/// After each session its outcome extends the streak (clean: done, every hold reached its target, no twist
/// or bounce alert, no pain marker) or resets it to zero (anything else, a skipped exercise included). Each
/// session's own recorded target is the base of the next decision (kept within `hold_s`…`max_hold_s`), so
/// an edited plan continues from what was done.
public struct PlanProgression: Sendable {
    public let plan: ExercisePlan
    /// Counts days (midnight to midnight) in its time zone.
    public let calendar: Calendar

    public init(plan: ExercisePlan, calendar: Calendar) {
        self.plan = plan
        self.calendar = calendar
    }

    /// Each exercise's target for a session on `date`, in the plan's order.
    ///
    /// - Parameters:
    ///   - history: the plan's past sessions, in any order.
    ///   - date: when the next session happens.
    public func nextTargets(history: [PlanSessionRecord], on date: Date) -> [PlanTarget] {
        plan.exercises.indices.map { timeline(exerciseIndex: $0, history: history, next: date).last! }
    }

    /// One exercise's target before each past session (oldest first) and, last, before the session on
    /// `next`: `history.count + 1` entries.
    public func timeline(exerciseIndex index: Int, history: [PlanSessionRecord], next: Date) -> [PlanTarget] {
        let exercise = plan.exercises[index]
        let rule = exercise.progression
        var state = State(base: exercise.startHold)
        var decisions: [PlanTarget] = []
        for session in history.sorted(by: { $0.date < $1.date }) {
            let decision = decide(state, exercise: exercise, on: session.date)
            decisions.append(decision.target)
            let record = session.exercises.indices.contains(index) ? session.exercises[index] : nil
            let matching = record.flatMap { $0.profile == exercise.name ? $0 : nil }
            state.streak = decision.streakAfter
            state.base = matching.map { min(rule.maxHold, max(exercise.startHold, $0.target)) } ?? decision.target.target
            state.streak = matching?.isClean == true ? state.streak + 1 : 0
            state.painDate = matching?.painMarker == true ? session.date : nil
            state.fault = matching?.fault ?? (matching == nil ? "skipped it" : nil)
            state.lastDate = session.date
        }
        decisions.append(decide(state, exercise: exercise, on: next).target)
        return decisions
    }

    /// What the walk knows after a session.
    private struct State {
        /// The target the last session used, in s (the starting hold before any session).
        var base: Double
        var streak = 0
        var painDate: Date?
        /// Why the last session was not clean, in plain words.
        var fault: String?
        var lastDate: Date?
    }

    private func decide(_ state: State, exercise: PlanExercise, on date: Date) -> (target: PlanTarget, streakAfter: Int) {
        let rule = exercise.progression
        let base = state.base
        func held(_ reason: String, streak: Int = state.streak) -> (PlanTarget, Int) {
            (PlanTarget(target: base, change: .held, reason: reason, cleanStreak: streak), streak)
        }
        guard let lastDate = state.lastDate else {
            return (PlanTarget(target: base, change: .start, reason: "the starting hold", cleanStreak: 0), 0)
        }
        if let painDate = state.painDate {
            let day = Self.dayAndMonth(painDate, calendar: calendar)
            guard rule.backOffOnPain else { return held("held after a pain marker on \(day)", streak: 0) }
            let lowered = max(exercise.startHold, base - rule.step)
            let reason = lowered < base ? "back one step after a pain marker on \(day)"
                : "stays at the starting hold after a pain marker on \(day)"
            return (PlanTarget(target: lowered, change: .backedOff, reason: reason, cleanStreak: 0), 0)
        }
        let gap = days(from: lastDate, to: date)
        if gap > rule.pauseAfterMissedDays {
            return held("held: \(gap) days since the last session", streak: 0)
        }
        if base >= rule.maxHold { return held("held at the maximum of \(Self.seconds(rule.maxHold))") }
        if rule.step == 0 { return held("held: this exercise keeps its hold (step 0 s)") }
        if state.streak >= rule.afterCleanSessions {
            let raised = min(rule.maxHold, base + rule.step)
            let reason = "raised \(Self.seconds(raised - base)) after \(Self.count(state.streak, "clean session"))"
            return (PlanTarget(target: raised, change: .raised, reason: reason, cleanStreak: state.streak), 0)
        }
        if let fault = state.fault { return held("held: the last session \(fault)") }
        return held("held: \(state.streak) of \(Self.count(rule.afterCleanSessions, "clean session")) so far")
    }

    /// Whole calendar days from `start`'s day to `end`'s day (0 on the same day; never negative).
    private func days(from start: Date, to end: Date) -> Int {
        let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: end)).day
        return max(0, days ?? 0)
    }

    /// "3 June", in the calendar's time zone (English month names, whatever the locale).
    static func dayAndMonth(_ date: Date, calendar: Calendar) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let parts = calendar.dateComponents([.day, .month], from: date)
        return "\(parts.day ?? 1) \(months[((parts.month ?? 1) - 1) % 12])"
    }

    /// "5 s", "7.5 s".
    static func seconds(_ value: Double) -> String { "\(formatted(value)) s" }

    /// "1 clean session", "2 clean sessions".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
