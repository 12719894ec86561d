import Foundation
import Testing

/// `stretchguard sessions`: the listing, its JSON, and the adherence statistics.
@Suite struct SessionsCommandTests {
    /// Three sessions: Monday and Tuesday of one week, Monday of the next.
    static let dates = [0.0, 1, 7].map { ReviewDatabase.startDate.addingTimeInterval($0 * 86_400) }

    @Test func listsEverySessionWithItsTotals() throws {
        let database = try ReviewDatabase(sessionsStartingAt: Self.dates, duration: 90)
        defer { database.remove() }
        let result = try database.run(["sessions"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("id  date              length  profile  holds  reached  alerts"))
        #expect(lines[1].hasPrefix(" 1  2025-06-16 09:30    1:30  general"))
        #expect(lines[3].hasPrefix(" 3  2025-06-23 09:30    1:30  general"))
        #expect(lines[1].hasSuffix("complete"))
        #expect(lines[1].contains("1 (1 twist)"))
    }

    @Test func jsonListsTheSessions() throws {
        let database = try ReviewDatabase(sessionsStartingAt: Self.dates, duration: 90)
        defer { database.remove() }
        let result = try database.run(["sessions", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.map { $0["id"] as? Int } == [1, 2, 3])
        #expect(rows[0]["start"] as? String == "2025-06-16T09:30:00Z")
        #expect(rows[0]["completed"] as? Bool == true)
        #expect(rows[0]["twist_alerts"] as? Int == 1)
        #expect((rows[0]["holds"] as? Int ?? 0) >= 2)
    }

    @Test func statsShowWeeksStreaksAndHoldProgression() throws {
        // Streaks and weeks count up to today: sessions yesterday, the day before, and 9 days ago.
        let now = Date()
        let dates = [-9.0, -2, -1].map { now.addingTimeInterval($0 * 86_400) }
        let database = try ReviewDatabase(sessionsStartingAt: dates, duration: 90)
        defer { database.remove() }
        let text = try database.run(["sessions", "--stats"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  current streak   2 days"))
        #expect(text.stdout.contains("  longest streak   2 days"))
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func label(_ date: Date) -> String {
            let week = calendar.component(.weekOfYear, from: date)
            return "\(calendar.component(.yearForWeekOfYear, from: date))-W" + (week < 10 ? "0\(week)" : "\(week)")
        }
        // Per week, the sessions that started in it (the two recent ones may straddle a Monday).
        var counts: [String: Int] = [:]
        for date in dates { counts[label(date), default: 0] += 1 }
        for (week, count) in counts {
            #expect(text.stdout.contains("  \(week)  " + String(repeating: " ", count: count < 10 ? 1 : 0) + "\(count) "
                                         + String(repeating: "#", count: count) + "\n"), "\(week): \(count)")
        }
        #expect(text.stdout.contains("Hold progression (longest hold per session)"))
        let json = try database.run(["sessions", "--stats", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["current_streak_days"] as? Int == 2)
        #expect(object["longest_streak_days"] as? Int == 2)
        #expect((object["hold_progression"] as? [[String: Any]])?.count == 3)
        #expect(object["sessions_per_week"] is Double)
    }

    @Test func noDatabaseYetIsAnEmptyListingNotAnError() throws {
        let database = try ReviewDatabase.empty()
        defer { database.remove() }
        let result = try database.run(["sessions"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("no sessions recorded yet in \(database.path); `stretchguard run` records one"))
        let json = try database.run(["sessions", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == true)
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }
}
