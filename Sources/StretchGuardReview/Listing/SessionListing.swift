import Foundation
import StretchGuardStore

/// The table `stretchguard sessions` prints: one line per session with its date, length, profile, holds,
/// alerts and whether it closed normally; or the same as JSON.
public struct SessionListing: Sendable {
    /// The sessions, oldest first.
    public var sessions: [StoredSession]
    /// The sessions whose row cannot be read, each with the reason (listed after the table).
    public var unreadable: [UnreadableSession]
    /// The wearer's time zone (for dates).
    public var timeZone: TimeZone

    /// A listing.
    public init(sessions: [StoredSession], unreadable: [UnreadableSession] = [], timeZone: TimeZone = .current) {
        self.sessions = sessions
        self.unreadable = unreadable
        self.timeZone = timeZone
    }

    /// A listing of a store's sessions, readable and not.
    public init(_ list: SessionList, timeZone: TimeZone = .current) {
        self.init(sessions: list.sessions, unreadable: list.unreadable, timeZone: timeZone)
    }

    /// The table, newline-terminated; a hint when there are no sessions.
    public func text(databasePath: String) -> String {
        let problems = unreadable.map { "\($0)\n" }.joined()
        guard !sessions.isEmpty else {
            if !problems.isEmpty { return problems }
            return "no sessions recorded yet in \(databasePath); `stretchguard run` records one\n"
        }
        let head = titles
        let rows = cells()
        var widths = head.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let numeric: Set<Int> = showsWearer ? [0, 3, 5, 6] : [0, 2, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                numeric.contains(i) ? ReviewFormat.right(cell, widths[i]) : ReviewFormat.left(cell, widths[i])
            }.joined(separator: "  ").trimmingTrailing()
        }
        var lines = [line(head)] + rows.map(line)
        lines.append("")
        lines += unreadable.map(\.description)
        lines.append("`stretchguard review ID` (or `latest`) looks at one; `--stats` shows weeks, streaks and hold progress.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table's column titles: id, date, length, profile, holds, reached, alerts, status.
    public static let columns = ["id", "date", "length", "profile", "holds", "reached", "alerts", "status"]

    /// Whether a session names its wearer (`run --wearer`): the table then has a wearer column after the date.
    public var showsWearer: Bool { sessions.contains { $0.info.wearer != nil } }

    /// This table's column titles: ``columns``, with `wearer` after `date` when ``showsWearer``.
    public var titles: [String] {
        showsWearer ? Array(Self.columns.prefix(2)) + ["wearer"] + Self.columns.dropFirst(2) : Self.columns
    }

    /// The table's cells, one row per session in ``columns``' order, as the text shows them (the browser's
    /// session list shows the same): the date in ``timeZone``, the length as `m:ss` (`-` while recording),
    /// `-` for the counts of a session without a summary (and its wearer, or `-`, when ``showsWearer``).
    public func cells() -> [[String]] {
        let wearers = showsWearer
        return sessions.map { s -> [String] in
            let summary = s.summary
            return ["\(s.id)", ReviewFormat.date(s.startDate, timeZone: timeZone)] + (wearers ? [s.info.wearer ?? "-"] : []) + [
                    s.status == .recording ? "-" : ReviewFormat.clock(s.duration, tenths: false),
                    s.info.profile + (s.info.hasPelvis ? " (2 sensors)" : ""),
                    summary.map { "\($0.holds)" } ?? "-", summary.map { "\($0.holdsReached)" } ?? "-",
                    summary.map { Self.alerts($0) } ?? "-", Self.status(s)]
        }
    }

    /// The sessions as a JSON array (sorted keys, newline-terminated).
    ///
    /// Each: `id`, `start` (ISO 8601 UTC), `duration_s`, `profile`, `status` (`complete`, `incomplete`,
    /// `recording`), `completed` (closed normally), `samples`, and when closed `holds`, `holds_reached`,
    /// `longest_hold_s`, `twist_alerts`, `bounce_alerts`, `impacts` (null while recording); `wearer` when named.
    public func json() -> String {
        struct Row: Encodable {
            var id: Int64, start: String, duration_s: Double, profile: String, status: String, completed: Bool
            var samples: Int, holds: Int?, holds_reached: Int?, longest_hold_s: Double?, twist_alerts: Int?
            var bounce_alerts: Int?, impacts: Int?
            /// 2 for a two-sensor session; left out with one sensor.
            var sensors: Int?
            /// Who wore the device; left out when not named.
            var wearer: String?

            enum CodingKeys: String, CodingKey {
                case id, start, duration_s, profile, status, completed, samples, holds, holds_reached, longest_hold_s
                case twist_alerts, bounce_alerts, impacts, sensors, wearer
            }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(start, forKey: .start)
                try c.encode(duration_s, forKey: .duration_s)
                try c.encode(profile, forKey: .profile)
                try c.encode(status, forKey: .status)
                try c.encode(completed, forKey: .completed)
                try c.encode(samples, forKey: .samples)
                try c.encode(holds, forKey: .holds)
                try c.encode(holds_reached, forKey: .holds_reached)
                try c.encode(longest_hold_s, forKey: .longest_hold_s)
                try c.encode(twist_alerts, forKey: .twist_alerts)
                try c.encode(bounce_alerts, forKey: .bounce_alerts)
                try c.encode(impacts, forKey: .impacts)
                try c.encodeIfPresent(sensors, forKey: .sensors)
                try c.encodeIfPresent(wearer, forKey: .wearer)
            }
        }
        let rows = sessions.map { s in
            Row(id: s.id, start: ReviewFormat.iso8601(s.startDate), duration_s: ReviewJSON.round(s.duration),
                profile: s.info.profile, status: s.status.rawValue, completed: s.isComplete, samples: s.sampleCount,
                holds: s.summary?.holds, holds_reached: s.summary?.holdsReached,
                longest_hold_s: s.summary.map { ReviewJSON.round($0.longestHold) }, twist_alerts: s.summary?.twistAlerts,
                bounce_alerts: s.summary?.bounceAlerts, impacts: s.summary?.impacts, sensors: s.info.hasPelvis ? 2 : nil,
                wearer: s.info.wearer)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(rows)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// Alerts for the table: `0`, or `3 (2 twist, 1 bounce)`.
    static func alerts(_ summary: SessionSummary) -> String {
        guard summary.alerts > 0 else { return "0" }
        var parts: [String] = []
        if summary.twistAlerts > 0 { parts.append("\(summary.twistAlerts) twist") }
        if summary.bounceAlerts > 0 { parts.append("\(summary.bounceAlerts) bounce") }
        return "\(summary.alerts) (" + parts.joined(separator: ", ") + ")"
    }

    /// Status for the table: `complete`, `incomplete (stopped early)`, `recording`.
    static func status(_ session: StoredSession) -> String {
        switch session.status {
        case .complete: return "complete"
        case .incomplete: return "incomplete (stopped early)"
        case .recording: return "recording"
        }
    }
}
