extension ReviewJSON {
    /// A plan session's `plan` object: `name`, `ended` (`done`, `stopped`, `closed`, or null when the
    /// recording has no end), `targets_s` (each exercise's hold target), `steps` (every repetition of the
    /// plan in order: `step` (1 = the first), `exercise` (0 = the plan's first), `profile`, `side` (null
    /// without sides), `repetition`, `of`, `target_s`, `start_s` and `end_s` (s since the session's start,
    /// null for a step not reached), `longest_hold_s`, `result` (`done`, `partly`, `skipped`, null for a
    /// step not reached), `twist_alerts`, `bounce_alerts`, `stop_presses`) and `exercises` (`profile`,
    /// `target_s`, `done`, `partly`, `skipped`, `not_reached`, `best_hold_s`, `alerts`, `stop_presses`).
    struct Plan: Encodable {
        var name: String, ended: String?, targets_s: [Double], steps: [Step], exercises: [Exercise]

        init(_ plan: PlanReview) {
            name = plan.name
            ended = plan.end?.rawValue
            targets_s = plan.targets.map { round($0) }
            steps = plan.steps.map(Step.init)
            exercises = plan.exercises.map(Exercise.init)
        }

        enum CodingKeys: String, CodingKey { case name, ended, targets_s, steps, exercises }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(ended, forKey: .ended)  // null: no end recorded
            try c.encode(targets_s, forKey: .targets_s)
            try c.encode(steps, forKey: .steps)
            try c.encode(exercises, forKey: .exercises)
        }
    }

    struct Step: Encodable {
        var step: Int, exercise: Int, profile: String, side: String?, repetition: Int, of: Int, target_s: Double
        var start_s: Double?, end_s: Double?, longest_hold_s: Double, result: String?, twist_alerts: Int
        var bounce_alerts: Int, stop_presses: Int

        init(_ s: PlanReview.Step) {
            step = s.number + 1
            exercise = s.exercise
            profile = s.profile
            side = s.side
            repetition = s.repetition
            of = s.repetitions
            target_s = round(s.target)
            start_s = s.start.map { round($0) }
            end_s = s.end.map { round($0) }
            longest_hold_s = round(s.longestHold)
            result = s.result?.rawValue
            twist_alerts = s.twistAlerts
            bounce_alerts = s.bounceAlerts
            stop_presses = s.stopPresses
        }

        enum CodingKeys: String, CodingKey {
            case step, exercise, profile, side, repetition, of, target_s, start_s, end_s, longest_hold_s, result
            case twist_alerts, bounce_alerts, stop_presses
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(step, forKey: .step)
            try c.encode(exercise, forKey: .exercise)
            try c.encode(profile, forKey: .profile)
            try c.encode(side, forKey: .side)  // null without sides
            try c.encode(repetition, forKey: .repetition)
            try c.encode(of, forKey: .of)
            try c.encode(target_s, forKey: .target_s)
            try c.encode(start_s, forKey: .start_s)  // null: not reached
            try c.encode(end_s, forKey: .end_s)
            try c.encode(longest_hold_s, forKey: .longest_hold_s)
            try c.encode(result, forKey: .result)
            try c.encode(twist_alerts, forKey: .twist_alerts)
            try c.encode(bounce_alerts, forKey: .bounce_alerts)
            try c.encode(stop_presses, forKey: .stop_presses)
        }
    }

    struct Exercise: Encodable {
        var profile: String, target_s: Double, done: Int, partly: Int, skipped: Int, not_reached: Int
        var best_hold_s: Double, alerts: Int, stop_presses: Int

        init(_ e: PlanReview.Exercise) {
            profile = e.profile
            target_s = round(e.target)
            done = e.done
            partly = e.partly
            skipped = e.skipped
            not_reached = e.notReached
            best_hold_s = round(e.bestHold)
            alerts = e.alerts
            stop_presses = e.stopPresses
        }
    }
}
