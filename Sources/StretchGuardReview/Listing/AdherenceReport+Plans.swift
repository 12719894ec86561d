import Foundation
import StretchGuardConfig

extension AdherenceReport {
    /// One plan's section of the text: adherence per week against the prescription, each exercise's hold
    /// target before each session (and the next one's) with the reason, and the pain markers.
    func planLines(_ plan: PlanAdherence) -> [String] {
        let share = plan.adherence.map { ReviewFormat.decimal($0 * 100, 0) + " % of the prescribed sessions" }
            ?? "no week to count yet (the first week counts once it is over or its sessions are done)"
        var lines = [
            "Plan \(plan.name) (\(plan.sessionsPerWeek) session\(plan.sessionsPerWeek == 1 ? "" : "s") a week)",
            "  sessions         \(plan.sessions)",
            "  adherence        \(share)",
            "  week      done  prescribed",
        ]
        for week in plan.weeks.suffix(recentWeeks) {
            lines.append(("  \(Self.label(week.year, week.week))  " + ReviewFormat.right("\(week.sessions)", 4)
                + "  of " + ReviewFormat.left("\(week.prescribed)", 8)
                + String(repeating: "#", count: min(week.sessions, 40))
                + (week.isOver ? "" : "  this week, so far")).trimmingTrailing())
        }
        lines.append("  Hold targets (before each session; the last is the next session's)")
        for exercise in plan.exercises {
            lines.append("    \(exercise.profile)")
            for point in exercise.targets {
                let when = point.session == nil ? ReviewFormat.left("next", 16) : ReviewFormat.date(point.date, timeZone: timeZone)
                lines.append("      \(when)  " + ReviewFormat.right(ReviewFormat.decimal(point.target, 0) + " s", 5)
                    + "  \(point.reason)")
            }
        }
        if plan.painMarkers.isEmpty {
            lines.append("  Pain markers (stop / it hurts): none")
        } else {
            lines.append("  Pain markers (stop / it hurts)")
            lines += plan.painMarkers.map {
                "      \(ReviewFormat.date($0.date, timeZone: timeZone))  \($0.exercise) (session \($0.session))"
            }
        }
        return lines
    }

    /// An ISO week's label from its year and number: `2025-W07`.
    static func label(_ year: Int, _ week: Int) -> String {
        "\(year)-W" + (week < 10 ? "0\(week)" : "\(week)")
    }

    /// One plan in the JSON: `name`, `sessions_per_week`, `sessions`, `adherence_pct` (null while no week
    /// counts), `weeks` (`year`, `week`, `start`, `sessions`, `prescribed`, `over`), `exercises` (`profile`,
    /// `targets`: `session` (null: the next), `date`, `target_s`, `change` (`start`, `raised`, `backed off`,
    /// `held`), `reason`) and `pain_markers` (`session`, `date`, `exercise`).
    struct PlanJSON: Encodable {
        struct Week: Encodable { var year: Int, week: Int, start: String, sessions: Int, prescribed: Int, over: Bool }
        struct Target: Encodable {
            var session: Int64?
            var date: String, target_s: Double, change: String, reason: String

            enum CodingKeys: String, CodingKey { case session, date, target_s, change, reason }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(session, forKey: .session)  // null: the next session
                try c.encode(date, forKey: .date)
                try c.encode(target_s, forKey: .target_s)
                try c.encode(change, forKey: .change)
                try c.encode(reason, forKey: .reason)
            }
        }
        struct Exercise: Encodable { var profile: String, targets: [Target] }
        struct Pain: Encodable { var session: Int64, date: String, exercise: String }

        var name: String, sessions_per_week: Int, sessions: Int, adherence_pct: Double?, weeks: [Week]
        var exercises: [Exercise], pain_markers: [Pain]

        init(_ plan: PlanAdherence) {
            name = plan.name
            sessions_per_week = plan.sessionsPerWeek
            sessions = plan.sessions
            adherence_pct = plan.adherence.map { ReviewJSON.round($0 * 100, 1) }
            weeks = plan.weeks.map {
                Week(year: $0.year, week: $0.week, start: ReviewFormat.iso8601($0.start), sessions: $0.sessions,
                     prescribed: $0.prescribed, over: $0.isOver)
            }
            exercises = plan.exercises.map { exercise in
                Exercise(profile: exercise.profile, targets: exercise.targets.map {
                    Target(session: $0.session, date: ReviewFormat.iso8601($0.date), target_s: ReviewJSON.round($0.target),
                           change: $0.change.rawValue, reason: $0.reason)
                })
            }
            pain_markers = plan.painMarkers.map {
                Pain(session: $0.session, date: ReviewFormat.iso8601($0.date), exercise: $0.exercise)
            }
        }

        enum CodingKeys: String, CodingKey {
            case name, sessions_per_week, sessions, adherence_pct, weeks, exercises, pain_markers
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(sessions_per_week, forKey: .sessions_per_week)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(adherence_pct, forKey: .adherence_pct)  // null: no week counts yet
            try c.encode(weeks, forKey: .weeks)
            try c.encode(exercises, forKey: .exercises)
            try c.encode(pain_markers, forKey: .pain_markers)
        }
    }
}
