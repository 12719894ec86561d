import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardLive
import StretchGuardReview
import StretchGuardStore

/// `run --plan`: the plan, and this session's hold targets from the plan's recorded sessions (the
/// progression rules), said to the wearer before the session begins.
enum PlanSetup {
    /// The plan named or at `nameOrPath`, with each exercise's target for a session now.
    static func prepare(_ nameOrPath: String, store: SessionStore, say: (String) -> Void) throws -> LivePlan {
        let library = PlanLibrary.standard()
        let path = try library.path(for: nameOrPath)
        let plan = try library.loadFile(path)
        let definition: String
        do {
            definition = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError(path: path, problem: "cannot be read (\(error.localizedDescription))", fix: "check the file exists and is readable")
        }
        let history = try PlanHistory.records(of: plan, in: store)
        let targets = PlanProgression(plan: plan, calendar: .current).nextTargets(history: history, on: Date())
        let live = LivePlan(plan: plan, definition: definition, targets: targets.map(\.target))
        let minutes = max(1, Int((plan.duration(targets: live.targets).total / 60).rounded()))
        say("plan: \(plan.name) — \(plan.summary) (\(plan.steps.count) repetitions, about \(minutes) min; "
            + "session \(history.count + 1))")
        for (exercise, target) in zip(plan.exercises, targets) {
            say("  \(exercise.name): hold \(FixedDecimal.string(target.target, decimals: 0)) s — \(target.reason)")
        }
        say("A short press of the button means \"stop / it hurts\": the plan ends for today.")
        return live
    }
}
