import Foundation
import Testing

/// `replay --session ID|latest`: detection re-run over a stored session, printed as `replay` prints a file.
@Suite struct ReviewReplaySessionTests {
    @Test func rowsForEverySampleWithTheReplayColumns() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let result = try database.run(["replay", "--session", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "t,qw,qx,qy,qz,twist_deg,flexion_deg,side_bend_deg,twist_alert,bounce_alert,holding,hold_s")
        let json = try database.run(["review", "1", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let samples = try #require((object["session"] as? [String: Any])?["samples"] as? Int)
        #expect(lines.count == samples + 1)
        #expect(lines.dropFirst().contains { $0.split(separator: ",")[8] == "1" })
        #expect(lines.dropFirst().contains { $0.split(separator: ",")[9] == "1" })
    }

    @Test func eventsAndSummaryMatchTheLiveSession() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let events = database.folder + "/events.jsonl"
        let result = try database.run(["replay", "--session", "latest", "--events", events, "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("StretchGuard replay of session 1"))
        #expect(result.stdout.contains("  exercise         general: "))
        #expect(result.stdout.contains("  twist alerts     1, worst "))
        #expect(result.stdout.contains("  bounce alerts    1 — "))
        let lines = try String(contentsOfFile: events, encoding: .utf8).split(separator: "\n")
        // The same events as the live session stored (the review's JSON lists those).
        let json = try database.run(["review", "1", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stored = try #require(object["events"] as? [[String: Any]])
        #expect(lines.count == stored.count)
        for (line, event) in zip(lines, stored) {
            #expect(line.contains("\"event\":\"\(event["event"] as? String ?? "?")\""))
        }
    }

    @Test func needsATraceOrASession() throws {
        let neither = try ReviewDatabase.run(["replay"])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("give either a trace file or --session ID|latest"))
        let database = try ReviewDatabase()
        defer { database.remove() }
        let unknown = try database.run(["replay", "--session", "7"])
        #expect(unknown.failedWithOneLine)
        #expect(unknown.stderr.contains("no session 7; `stretchguard sessions` lists them"))
    }
}
