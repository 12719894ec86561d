import Foundation
import StretchGuardStore
import Testing

/// `stretchguard review`: the outputs and the bad inputs, through the built binary.
@Suite struct ReviewCommandTests {
    @Test func htmlReportIsWrittenWithThePlotAndTheHoldTable() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let html = database.folder + "/report.html"
        let result = try database.run(["review", "latest", "--html", html])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("HTML report written to \(html)"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg id=\"posture-plot\""))
        #expect(page.contains("<h1 id=\"title\">Session 1 · Monday 16 June 2025, 09:30</h1>"))
        #expect(page.contains("<tr class=\"hold-row"))
        #expect(page.contains("<rect class=\"alert-twist\""))
        #expect(page.contains("<rect class=\"alert-bounce\""))
        #expect(page.contains("<rect class=\"gap\""))
        #expect(page.contains(">stop / it hurts</text>"))
    }

    @Test func jsonHasTheSummaryHoldsAndEvents() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let result = try database.run(["review", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["session", "summary", "holds", "alerts", "events", "markers", "gaps", "replay"] {
            #expect(object[key] != nil, "no \(key)")
        }
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["twist_alerts"] as? Int == 1)
        #expect(summary["bounce_alerts"] as? Int == 1)
        #expect(summary["stops"] as? Int == 1)
        #expect((summary["holds_reached"] as? Int ?? 0) >= 1)
        #expect((object["replay"] as? [String: Any])?["matches"] as? Bool == true)
    }

    @Test func anUnknownSessionPointsToTheListing() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let result = try database.run(["review", "42"])
        #expect(result.failedWithOneLine, "\(result.stderr)")
        #expect(result.stderr.contains("no session 42; `stretchguard sessions` lists them"))
        let bad = try database.run(["review", "yesterday"])
        #expect(bad.failedWithOneLine)
        #expect(bad.stderr.contains("'yesterday' names no session: give a session id (a number) or 'latest'"))
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let database = try ReviewDatabase.empty()
        defer { database.remove() }
        let result = try database.run(["review", "latest"])
        #expect(result.failedWithOneLine)
        #expect(result.stderr.contains("no session database at \(database.path) yet; `stretchguard run` records sessions there"))
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test func aDatabaseFromANewerSchemaIsRefusedWithTheFix() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        // PRAGMA user_version lives at byte 60 of the SQLite header (big-endian); the store closed cleanly,
        // so there is no WAL holding a newer copy of page 1.
        #expect(!FileManager.default.fileExists(atPath: database.path + "-wal"))
        let handle = try #require(FileHandle(forUpdatingAtPath: database.path))
        try handle.seek(toOffset: 60)
        try handle.write(contentsOf: Data([0, 0, 0, 99]))
        try handle.close()
        for arguments in [["review", "1"], ["sessions"], ["replay", "--session", "1"]] {
            let result = try database.run(arguments)
            #expect(result.failedWithOneLine, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("written by a newer StretchGuard (schema 99 > \(SessionStore.supportedSchemaVersion)); upgrade stretchguard"),
                    "\(arguments): \(result.stderr)")
        }
    }

    @Test func aCorruptDatabaseIsRefusedWithTheFix() throws {
        let database = try ReviewDatabase.empty()
        defer { database.remove() }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: database.path))
        for arguments in [["review", "latest"], ["sessions", "--stats"]] {
            let result = try database.run(arguments)
            #expect(result.failedWithOneLine, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("is damaged or not a database"), "\(result.stderr)")
            #expect(result.stderr.contains("mv '\(database.path)' '\(database.path).broken'"))
        }
    }

    @Test func anotherProfileReplaysWithItsThresholds() throws {
        let database = try ReviewDatabase()
        defer { database.remove() }
        let result = try database.run(["review", "1", "--profile", "side-stretch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("profile side-stretch"))
        #expect(result.stdout.contains("replayed with profile side-stretch, recorded with general"))
        let unknown = try database.run(["review", "1", "--profile", "handstand"])
        #expect(unknown.failedWithOneLine)
        #expect(unknown.stderr.contains("'handstand'"))
    }
}
