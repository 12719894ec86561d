import StretchGuardStore

/// A plan session's "Plan" section in the terminal review (and its words for the HTML report): how the plan
/// ended, a compact table of its steps, and one line per exercise — in the words of the live run's summary.
enum PlanReviewText {
    /// The section's lines: the heading, the step table, the exercise lines.
    static func lines(_ plan: PlanReview) -> [String] {
        var lines = [heading(plan)]
        lines += stepTable(plan.steps)
        lines += plan.exercises.map { "  " + exerciseLine($0) }
        return lines
    }

    /// `plan starter-low-back: done, 15 of 15 reached their target`, or `stopped at step 7 of 15 (stop / it
    /// hurts)`.
    static func heading(_ plan: PlanReview) -> String {
        "Plan \(plan.name): " + ending(plan)
    }

    /// How the plan ended, in words.
    static func ending(_ plan: PlanReview) -> String {
        let total = plan.steps.count
        let at = "at step \((plan.lastBegun?.number ?? 0) + 1) of \(total)"
        switch plan.end {
        case .done?: return "done, \(plan.done) of \(total) reached their target"
        case .stopped?: return "stopped \(at) (stop / it hurts)"
        case .closed?: return "not finished: the session ended \(at)"
        case nil: return "cut off \(at) (the recording has no end: a crash or power cut)"
        }
    }

    /// The step table: step, exercise, side, repetition, target, longest hold, result, alerts.
    static func stepTable(_ steps: [PlanReview.Step]) -> [String] {
        let head = ["step", "exercise", "side", "rep", "target", "held", "result", "alerts"]
        let rows = steps.map { step in
            ["\(step.number + 1)", step.profile, step.side ?? "-", "\(step.repetition)/\(step.repetitions)",
             ReviewFormat.decimal(step.target, 0) + " s",
             step.begun ? ReviewFormat.decimal(step.longestHold, 1) + " s" : "-", result(step), alerts(step)]
        }
        var widths = head.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            "  " + cells.enumerated().map { i, cell in ReviewFormat.left(cell, widths[i]) }.joined(separator: "  ")
                .trimmingTrailing()
        }
        return [line(head)] + rows.map(line)
    }

    /// `done`, `partly`, `skipped`, `not reached`.
    static func result(_ step: PlanReview.Step) -> String {
        step.result?.rawValue ?? "not reached"
    }

    /// `-`, or `1 twist, 2 bounce, stop / it hurts`.
    static func alerts(_ step: PlanReview.Step) -> String {
        var parts: [String] = []
        if step.twistAlerts > 0 { parts.append("\(step.twistAlerts) twist") }
        if step.bounceAlerts > 0 { parts.append("\(step.bounceAlerts) bounce") }
        if step.stopPresses > 0 { parts.append("stop / it hurts") }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }

    /// `cat-cow: 1 of 2 done, 1 partly; best hold 8.2 s of 10 s; no twist or bounce alert`.
    static func exerciseLine(_ exercise: PlanReview.Exercise) -> String {
        var line = "\(exercise.profile): \(exercise.done) of \(exercise.repetitions) done"
        if exercise.partly > 0 { line += ", \(exercise.partly) partly" }
        if exercise.skipped > 0 { line += ", \(exercise.skipped) skipped" }
        if exercise.notReached > 0 { line += ", \(exercise.notReached) not reached" }
        line += "; best hold \(ReviewFormat.decimal(exercise.bestHold, 1)) s of \(ReviewFormat.decimal(exercise.target, 0)) s"
        line += exercise.alerts == 0 ? "; no twist or bounce alert"
            : "; \(exercise.alerts) twist or bounce alert\(exercise.alerts == 1 ? "" : "s")"
        if exercise.stopPresses > 0 { line += "; stop / it hurts pressed" }
        return line
    }
}
