import Foundation
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import Testing

@Suite("Sessions listing and adherence report")
struct SessionListingTests {
    /// A stored session with given totals, without samples (the listing reads only the rows).
    static func session(id: Int64, daysAfter days: Double, status: SessionStatus = .complete,
                        summary: SessionSummary? = SessionSummary(holds: 3, holdsReached: 2, longestHold: 31.4,
                                                                   twistAlerts: 1, bounceAlerts: 2)) -> StoredSession {
        let info = SessionInfo(startDate: ReviewFixture.startDate.addingTimeInterval(days * 86_400), startTime: 100,
                               device: "simulated", chip: "simulated", rate: 200, profile: "standing-hamstring",
                               softwareVersion: "0.1.0", scale: .wideRange)
        return StoredSession(id: id, info: info, endTime: status == .recording ? nil : 322, status: status,
                             sampleCount: 44_400, summary: summary)
    }

    @Test("one aligned line per session: date, length, profile, holds, alerts, status")
    func text() {
        let listing = SessionListing(sessions: [Self.session(id: 1, daysAfter: 0),
                                                Self.session(id: 2, daysAfter: 1, status: .incomplete),
                                                Self.session(id: 3, daysAfter: 2, status: .recording, summary: nil)],
                                     timeZone: utc)
        let lines = listing.text(databasePath: "/tmp/x.sqlite").split(separator: "\n").map(String.init)
        #expect(lines[0] == "id  date              length  profile             holds  reached  alerts                 status")
        #expect(lines[1] == " 1  2025-06-16 09:30    3:42  standing-hamstring      3        2  3 (1 twist, 2 bounce)  complete")
        #expect(lines[2].hasSuffix("incomplete (stopped early)"))
        #expect(lines[3] == " 3  2025-06-18 09:30       -  standing-hamstring      -        -  -                      recording")
        #expect(lines.last!.contains("stretchguard review ID"))
        #expect(SessionListing(sessions: []).text(databasePath: "/tmp/x.sqlite")
            == "no sessions recorded yet in /tmp/x.sqlite; `stretchguard run` records one\n")
    }

    @Test("JSON: one object per session, totals null while recording")
    func json() throws {
        let listing = SessionListing(sessions: [Self.session(id: 1, daysAfter: 0),
                                                Self.session(id: 2, daysAfter: 1, status: .recording, summary: nil)])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listing.json().utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["completed"] as? Bool == true)
        #expect(rows[0]["duration_s"] as? Double == 222)
        #expect(rows[0]["holds"] as? Int == 3 && rows[0]["longest_hold_s"] as? Double == 31.4)
        #expect(rows[1]["status"] as? String == "recording")
        #expect(rows[1]["holds"] is NSNull)
    }

    @Test("adherence: sessions per week, streaks, a bar per week and the hold progression")
    func adherence() throws {
        let sessions = [Self.session(id: 1, daysAfter: 0), Self.session(id: 2, daysAfter: 1),
                        Self.session(id: 3, daysAfter: 2), Self.session(id: 4, daysAfter: 9)]
        let now = ReviewFixture.startDate.addingTimeInterval(9.5 * 86_400)
        let stats = AdherenceStats(sessions: sessions, now: now, timeZone: utc)
        let report = AdherenceReport(stats: stats, timeZone: utc)
        let text = report.text()
        #expect(text.contains("  sessions         4 over 2 weeks, 2.0 per week"))
        #expect(text.contains("  current streak   1 day"))
        #expect(text.contains("  longest streak   3 days"))
        #expect(text.contains("  2025-W25   3 ###"))
        #expect(text.contains("  2025-W26   1 #"))
        #expect(text.contains("Hold progression"))
        #expect(occurrences(of: "standing-hamstring     31 s", in: text) == 4)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["sessions_per_week"] as? Double == 2)
        #expect(object["longest_streak_days"] as? Int == 3)
        #expect((object["hold_progression"] as? [[String: Any]])?.count == 4)
        #expect((object["weeks"] as? [[String: Any]])?.count == 2)
    }
}
