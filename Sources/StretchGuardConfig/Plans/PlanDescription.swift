/// A plan in plain words, for the wearer and the physio: what `stretchguard plan --check` prints.
public enum PlanDescription {
    /// The whole plan: its name and summary, how often and how long, then each exercise with its sides,
    /// repetitions, hold and rest, and its progression in one sentence.
    ///
    /// - Parameter path: the file it was read from, shown under the name.
    public static func text(_ plan: ExercisePlan, path: String? = nil) -> String {
        var lines: [String] = []
        lines.append("Plan \(plan.name)" + (plan.summary.isEmpty ? "" : ": \(plan.summary)"))
        if let path { lines.append("  from \(path)") }
        let duration = plan.duration()
        lines.append("\(plan.sessionsPerWeek) session\(plan.sessionsPerWeek == 1 ? "" : "s") a week; one session takes "
                     + "about \(minutes(duration.total)) (holding \(clock(duration.holding)), resting \(clock(duration.resting)), "
                     + "getting into position \(clock(duration.positioning)), \(plan.steps.count) repetitions in all).")
        for (index, exercise) in plan.exercises.enumerated() {
            lines.append("")
            let sides = exercise.sides == .none ? "" : ", \(exercise.sides.wording)"
            lines.append("\(index + 1). \(exercise.name)\(sides)" + (exercise.profile.summary.isEmpty ? "" : " — \(exercise.profile.summary)"))
            let perSide = exercise.sides.order.count > 1 ? " per side" : ""
            lines.append("   \(PlanProgression.count(exercise.repetitions, "repetition"))\(perSide), hold \(seconds(exercise.startHold)), "
                         + "rest \(seconds(exercise.rest)) after each")
            lines.append("   Progression: \(progression(exercise))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An exercise's progression in one sentence.
    public static func progression(_ exercise: PlanExercise) -> String {
        let rule = exercise.progression
        let start = exercise.startHold
        if rule.maxHold <= start {
            let why = rule.maxHold >= exercise.profile.hold.target ? "the longest hold \(exercise.name) allows"
                : "max_hold_s"
            return "none — the hold stays at \(seconds(start)) (\(why))."
        }
        if rule.step == 0 { return "none — the hold stays at \(seconds(start)) (step_s is 0)." }
        let raise = "+\(seconds(rule.step)) after every \(PlanProgression.count(rule.afterCleanSessions, "clean session")) in a row "
            + "(every hold reached, no twist or bounce alert), up to \(seconds(rule.maxHold))"
        let pain = rule.backOffOnPain
            ? "one step back after a session with a \"stop / it hurts\" press (never below \(seconds(start)))"
            : "a \"stop / it hurts\" press holds the target"
        let pause = "no raise after more than \(PlanProgression.count(rule.pauseAfterMissedDays, "day")) without a session"
        return "\(raise); \(pain); \(pause)."
    }

    /// "15 s", "7.5 s".
    private static func seconds(_ value: Double) -> String { PlanProgression.seconds(value) }

    /// "1:05" (minutes and seconds, rounded to the second).
    private static func clock(_ value: Double) -> String {
        let total = Int(value.rounded())
        let s = total % 60
        return "\(total / 60):\(s < 10 ? "0" : "")\(s)"
    }

    /// "12 min", rounded up to the minute.
    private static func minutes(_ value: Double) -> String {
        "\(Int((value / 60).rounded(.up))) min"
    }
}
