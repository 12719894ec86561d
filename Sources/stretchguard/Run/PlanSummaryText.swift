import StretchGuardCore
import StretchGuardLive

/// A guided session's plan in the run summary: how it ended, then each exercise — repetitions done, done
/// partly and skipped, the best hold against the target, and the alerts.
struct PlanSummaryText {
    let plan: LivePlan
    let runner: GuidedPlan

    func lines() -> [String] {
        let ending: String
        switch runner.phase {
        case .done: ending = "done: every repetition"
        case .stopped: ending = "stopped for today at step \(runner.index + 1) of \(runner.steps.count) (stop / it hurts)"
        default: ending = "not finished: ended at step \(runner.index + 1) of \(runner.steps.count)"
        }
        var lines = ["  plan           \(plan.plan.name), \(ending)"]
        for (index, exercise) in plan.plan.exercises.enumerated() {
            let outcomes = runner.steps.indices.filter { runner.steps[$0].exercise == index }.map { runner.outcomes[$0] }
            let begun = outcomes.filter { $0.start != nil }
            let done = begun.filter { $0.result == .done }.count
            let partly = begun.filter { $0.result == .partly }.count
            let best = outcomes.map(\.longestHold).max() ?? 0
            let alerts = outcomes.reduce(0) { $0 + $1.twistAlerts + $1.bounceAlerts }
            var line = "    \(exercise.name): \(done) of \(outcomes.count) done"
            if partly > 0 { line += ", \(partly) partly" }
            if begun.count < outcomes.count { line += ", \(outcomes.count - begun.count) not reached" }
            line += "; best hold \(FixedDecimal.string(best, decimals: 1)) s of \(FixedDecimal.string(plan.targets[index], decimals: 0)) s"
            line += alerts == 0 ? "; no twist or bounce alert" : "; \(alerts) twist or bounce alert\(alerts == 1 ? "" : "s")"
            if outcomes.contains(where: \.painMarked) { line += "; stop / it hurts pressed" }
            lines.append(line)
        }
        return lines
    }
}
