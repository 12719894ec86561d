import Foundation

/// How regularly the wearer exercises, and how their holds progress: `stretchguard sessions --stats`.
///
/// Days and weeks are the wearer's calendar days and ISO 8601 weeks (Monday first) in the given time zone.
public struct AdherenceStats: Sendable, Equatable, Codable {
    /// Sessions started in one ISO week.
    public struct Week: Sendable, Equatable, Codable {
        /// The ISO week-numbering year.
        public var year: Int
        /// The ISO week number (1…53).
        public var week: Int
        /// Monday 00:00 of the week.
        public var start: Date
        /// Sessions started that week.
        public var sessions: Int
    }

    /// One session's holds, for the hold progression.
    public struct HoldPoint: Sendable, Equatable, Codable {
        /// The session's id.
        public var session: Int64
        /// When it started.
        public var date: Date
        /// Its profile.
        public var profile: String
        /// Its longest hold, in s.
        public var longestHold: Double
        /// Holds done.
        public var holds: Int
        /// Holds that reached their target.
        public var holdsReached: Int
    }

    /// Every week from the first session's to the current one, empty weeks included.
    public var weeks: [Week]
    /// Mean sessions per week over `weeks` (0 when there are none).
    public var sessionsPerWeek: Double
    /// Consecutive days with a session, ending today — or yesterday, while today has none yet.
    public var currentStreak: Int
    /// The most consecutive days with a session, ever.
    public var longestStreak: Int
    /// The closed sessions' holds, oldest first.
    public var holdProgression: [HoldPoint]

    /// Statistics of the given sessions.
    ///
    /// - Parameters:
    ///   - sessions: the sessions (any order).
    ///   - now: the present (for the current week and streak).
    ///   - timeZone: the wearer's time zone (sets where days and weeks begin).
    public init(sessions: [StoredSession], now: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let sorted = sessions.sorted { ($0.startDate, $0.id) < ($1.startDate, $1.id) }

        weeks = Self.weeks(of: sorted.map(\.startDate), now: now, calendar: calendar)
        sessionsPerWeek = weeks.isEmpty ? 0 : Double(sorted.count) / Double(weeks.count)

        let days = Set(sorted.map { calendar.startOfDay(for: $0.startDate) })
        currentStreak = Self.streak(endingAround: now, days: days, calendar: calendar)
        longestStreak = Self.longestStreak(days: days, calendar: calendar)

        holdProgression = sorted.compactMap { session in
            guard let summary = session.summary else { return nil }
            return HoldPoint(session: session.id, date: session.startDate, profile: session.info.profile,
                             longestHold: summary.longestHold, holds: summary.holds, holdsReached: summary.holdsReached)
        }
    }

    /// Sessions per ISO week, from the first date's week through the current week.
    private static func weeks(of dates: [Date], now: Date, calendar: Calendar) -> [Week] {
        guard let first = dates.first, let firstWeek = calendar.dateInterval(of: .weekOfYear, for: first),
              let lastWeek = calendar.dateInterval(of: .weekOfYear, for: max(now, dates.last ?? first))
        else { return [] }
        var counts: [Date: Int] = [:]
        for date in dates {
            if let week = calendar.dateInterval(of: .weekOfYear, for: date) { counts[week.start, default: 0] += 1 }
        }
        var weeks: [Week] = []
        var start = firstWeek.start
        while start <= lastWeek.start {
            weeks.append(Week(year: calendar.component(.yearForWeekOfYear, from: start),
                              week: calendar.component(.weekOfYear, from: start),
                              start: start, sessions: counts[start] ?? 0))
            guard let next = calendar.date(byAdding: .weekOfYear, value: 1, to: start) else { break }
            start = next
        }
        return weeks
    }

    /// Consecutive days in `days` ending today, or yesterday if today is not (yet) among them.
    private static func streak(endingAround now: Date, days: Set<Date>, calendar: Calendar) -> Int {
        var day = calendar.startOfDay(for: now)
        if !days.contains(day), let yesterday = calendar.date(byAdding: .day, value: -1, to: day) {
            day = yesterday
        }
        var count = 0
        while days.contains(day) {
            count += 1
            guard let previous = calendar.date(byAdding: .day, value: -1, to: day) else { break }
            day = previous
        }
        return count
    }

    /// The longest run of consecutive days in `days`.
    private static func longestStreak(days: Set<Date>, calendar: Calendar) -> Int {
        var longest = 0
        for day in days {
            // Count only from the first day of each run.
            if let previous = calendar.date(byAdding: .day, value: -1, to: day), days.contains(previous) { continue }
            var length = 1
            var next = day
            while let following = calendar.date(byAdding: .day, value: 1, to: next), days.contains(following) {
                length += 1
                next = following
            }
            longest = max(longest, length)
        }
        return longest
    }
}

extension SessionStore {
    /// Adherence and hold progression over every stored session.
    ///
    /// - Parameters:
    ///   - now: the present. Default: now.
    ///   - timeZone: the wearer's time zone. Default: the system's.
    public func stats(now: Date = Date(), timeZone: TimeZone = .current) throws(StoreError) -> AdherenceStats {
        AdherenceStats(sessions: try sessions(), now: now, timeZone: timeZone)
    }
}
