import Foundation
import StretchGuardStore

/// `stretchguard sessions --stats`: how regularly the wearer exercises (sessions per week, streaks, a bar
/// per week) and how their holds progress across sessions (longest hold and holds reached, per session);
/// and for each plan with sessions, its adherence against the prescription, its targets over time and its
/// pain markers (``PlanAdherence``).
public struct AdherenceReport: Sendable {
    /// The statistics (see `SessionStore.stats(now:timeZone:)`).
    public var stats: AdherenceStats
    /// The wearer's time zone (for dates).
    public var timeZone: TimeZone
    /// Weeks shown in the text, the most recent ones. Default 12.
    public var recentWeeks: Int
    /// The plans with sessions (none: the report is as without plans).
    public var plans: [PlanAdherence]

    /// A report.
    public init(stats: AdherenceStats, timeZone: TimeZone = .current, recentWeeks: Int = 12, plans: [PlanAdherence] = []) {
        self.stats = stats
        self.timeZone = timeZone
        self.recentWeeks = recentWeeks
        self.plans = plans
    }

    /// The report as text, newline-terminated.
    public func text() -> String {
        guard !stats.weeks.isEmpty else { return "no sessions recorded yet; `stretchguard run` records one\n" }
        let total = stats.weeks.reduce(0) { $0 + $1.sessions }
        var lines = [
            "Adherence",
            "  sessions         \(total) over \(stats.weeks.count) week\(stats.weeks.count == 1 ? "" : "s"), "
                + "\(ReviewFormat.decimal(stats.sessionsPerWeek, 1)) per week",
            "  current streak   \(Self.days(stats.currentStreak))",
            "  longest streak   \(Self.days(stats.longestStreak))",
            "",
            "Sessions per week",
        ]
        for week in stats.weeks.suffix(recentWeeks) {
            lines.append(("  \(Self.label(week))  " + ReviewFormat.right("\(week.sessions)", 2) + " "
                + String(repeating: "#", count: min(week.sessions, 40))).trimmingTrailing())
        }
        lines.append("")
        lines += holdProgression()
        for plan in plans {
            lines.append("")
            lines += planLines(plan)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The hold progression table with a bar of each session's longest hold.
    private func holdProgression() -> [String] {
        guard !stats.holdProgression.isEmpty else { return ["Hold progression: no closed sessions yet"] }
        let longest = max(stats.holdProgression.map(\.longestHold).max() ?? 1, 1)
        let profileWidth = max(7, stats.holdProgression.map(\.profile.count).max() ?? 7)
        var lines = ["Hold progression (longest hold per session)",
                     "  " + ReviewFormat.left("session", 7) + "  " + ReviewFormat.left("date", 16) + "  "
                        + ReviewFormat.left("profile", profileWidth) + "  longest  holds  reached"]
        for point in stats.holdProgression {
            let share = point.longestHold / longest
            let bar = String(repeating: "#", count: share.isFinite ? Int((min(max(share, 0), 1) * 30).rounded()) : 0)
            lines.append("  " + ReviewFormat.right("\(point.session)", 7) + "  "
                + ReviewFormat.date(point.date, timeZone: timeZone) + "  " + ReviewFormat.left(point.profile, profileWidth)
                + "  " + ReviewFormat.right(ReviewFormat.decimal(point.longestHold, 0) + " s", 7)
                + "  " + ReviewFormat.right("\(point.holds)", 5) + "  " + ReviewFormat.right("\(point.holdsReached)", 7)
                + "  " + bar)
        }
        return lines
    }

    /// The statistics as JSON (sorted keys, newline-terminated): `sessions_per_week`, `current_streak_days`,
    /// `longest_streak_days`, `weeks` (`year`, `week`, `start`, `sessions`) and `hold_progression`
    /// (`session`, `date`, `profile`, `longest_hold_s`, `holds`, `holds_reached`); with plan sessions, `plans`
    /// (see ``PlanJSON``), absent otherwise.
    public func json() -> String {
        struct Week: Encodable { var year: Int, week: Int, start: String, sessions: Int }
        struct Point: Encodable {
            var session: Int64, date: String, profile: String, longest_hold_s: Double, holds: Int, holds_reached: Int
        }
        struct Document: Encodable {
            var sessions_per_week: Double, current_streak_days: Int, longest_streak_days: Int
            var weeks: [Week], hold_progression: [Point]
            var plans: [PlanJSON]?
        }
        let document = Document(
            sessions_per_week: ReviewJSON.round(stats.sessionsPerWeek, 2), current_streak_days: stats.currentStreak,
            longest_streak_days: stats.longestStreak,
            weeks: stats.weeks.map { Week(year: $0.year, week: $0.week, start: ReviewFormat.iso8601($0.start),
                                          sessions: $0.sessions) },
            hold_progression: stats.holdProgression.map {
                Point(session: $0.session, date: ReviewFormat.iso8601($0.date), profile: $0.profile,
                      longest_hold_s: ReviewJSON.round($0.longestHold), holds: $0.holds, holds_reached: $0.holdsReached)
            },
            plans: plans.isEmpty ? nil : plans.map(PlanJSON.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// A streak's length for people: `1 day`, `4 days`.
    public static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

    /// An ISO week's label: `2025-W07`.
    public static func label(_ week: AdherenceStats.Week) -> String {
        label(week.year, week.week)
    }
}
