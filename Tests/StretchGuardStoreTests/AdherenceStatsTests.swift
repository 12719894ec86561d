import Foundation
import Testing
@testable import StretchGuardStore

@Suite("Adherence statistics")
struct AdherenceStatsTests {
    let utc = TimeZone(secondsFromGMT: 0)!

    /// A date in UTC.
    func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 9) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour))!
    }

    /// A closed session started at `date` with this longest hold.
    func session(_ id: Int64, _ date: Date, longestHold: Double = 0) -> StoredSession {
        StoredSession(id: id, info: testInfo(startDate: date), endTime: 70, status: .complete, sampleCount: 12_000,
                      summary: SessionSummary(holds: 2, holdsReached: 1, longestHold: longestHold))
    }

    @Test("sessions per ISO week, empty weeks included, across a year boundary")
    func weeks() {
        // 2024-12-30 is the Monday of ISO week 1 of 2025.
        let sessions = [session(1, date(2024, 12, 23)), session(2, date(2024, 12, 24)), session(3, date(2024, 12, 29, 23)),
                        session(4, date(2025, 1, 8))]
        let stats = AdherenceStats(sessions: sessions, now: date(2025, 1, 15), timeZone: utc)
        #expect(stats.weeks.map(\.year) == [2024, 2025, 2025, 2025])
        #expect(stats.weeks.map(\.week) == [52, 1, 2, 3])
        #expect(stats.weeks.map(\.sessions) == [3, 0, 1, 0])
        #expect(stats.weeks.first?.start == date(2024, 12, 23, 0))
        #expect(stats.sessionsPerWeek == 1)
    }

    @Test("the time zone decides which day and week a late session belongs to")
    func timeZoneMatters() {
        // Sunday 23:30 UTC is already Monday in Berlin (UTC+1 in winter).
        let sessions = [session(1, date(2025, 1, 5, 23).addingTimeInterval(1_800))]
        let utcStats = AdherenceStats(sessions: sessions, now: date(2025, 1, 6, 12), timeZone: utc)
        let berlinStats = AdherenceStats(sessions: sessions, now: date(2025, 1, 6, 12),
                                         timeZone: TimeZone(secondsFromGMT: 3_600)!)
        #expect(utcStats.weeks.map(\.week) == [1, 2])
        #expect(berlinStats.weeks.map(\.week) == [2])
        #expect(utcStats.currentStreak == 1)   // yesterday
        #expect(berlinStats.currentStreak == 1) // today
    }

    @Test("the current streak counts back from today, or from yesterday while today has no session yet",
          arguments: [(0, 3), (1, 3), (2, 0)])
    func currentStreak(daysLater: Int, expected: Int) {
        let sessions = [session(1, date(2025, 3, 1)), session(2, date(2025, 3, 3)), session(3, date(2025, 3, 3, 18)),
                        session(4, date(2025, 3, 4)), session(5, date(2025, 3, 5))]
        let now = date(2025, 3, 5 + daysLater, 20)
        let stats = AdherenceStats(sessions: sessions, now: now, timeZone: utc)
        #expect(stats.currentStreak == expected)
        #expect(stats.longestStreak == 3)
    }

    @Test("hold progression lists closed sessions' longest holds in date order")
    func holdProgression() {
        let sessions = [session(3, date(2025, 3, 3), longestHold: 31), session(1, date(2025, 3, 1), longestHold: 12.5),
                        StoredSession(id: 9, info: testInfo(startDate: date(2025, 3, 4)), endTime: nil,
                                      status: .recording, sampleCount: 0, summary: nil),
                        session(2, date(2025, 3, 2), longestHold: 20)]
        let stats = AdherenceStats(sessions: sessions, now: date(2025, 3, 4), timeZone: utc)
        #expect(stats.holdProgression.map(\.session) == [1, 2, 3])
        #expect(stats.holdProgression.map(\.longestHold) == [12.5, 20, 31])
        #expect(stats.longestStreak == 4)
    }

    @Test("no sessions, no statistics")
    func empty() {
        let stats = AdherenceStats(sessions: [], now: date(2025, 3, 4), timeZone: utc)
        #expect(stats.weeks.isEmpty && stats.sessionsPerWeek == 0 && stats.currentStreak == 0 && stats.longestStreak == 0)
    }

    @Test("the store computes statistics from its sessions")
    func fromStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (store, _) = try SessionQueryTests.storeWithSessions(in: folder)
        // Sessions on three consecutive days from 2025-06-15 (a Sunday) 15:06 UTC.
        let stats = try store.stats(now: date(2025, 6, 17, 20), timeZone: utc)
        #expect(stats.currentStreak == 3)
        #expect(stats.weeks.map(\.sessions) == [1, 2])
        #expect(stats.holdProgression.map(\.longestHold) == [20, 10, 30])
    }
}
