import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardConfig
import StretchGuardReview
import StretchGuardStore
import Testing
@testable import StretchGuardWeb

@Suite("Recorded sessions over HTTP")
struct SessionRoutesTests {
    @Test("GET /api/sessions: the rows of `sessions --json` and the statistics of `sessions --stats --json`")
    func listing() async throws {
        let fixture = try WebFixture(sessions: 2)
        defer { fixture.remove() }
        let cliRows = try canonical(json: SessionListing(try fixture.store.sessionList()).json())
        let cliStats = try canonical(json: AdherenceReport(stats: try fixture.store.stats()).json())
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: "/api/sessions", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let body = try jsonObject(response)
                let rows = try #require(body["sessions"] as? [[String: Any]])
                #expect(rows.count == 2)
                #expect(try canonical(rows) == cliRows)
                #expect(try canonical(try #require(body["stats"])) == cliStats)
                #expect((body["unreadable"] as? [String])?.isEmpty == true)
            }
        }
    }

    @Test("GET /api/sessions before anything was recorded: an empty list, and no database is created")
    func emptyListing() async throws {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let server = WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library))
        try await application(server).test(.router) { client in
            try await client.execute(uri: "/api/sessions", method: .get) { response in
                #expect(response.status == .ok)
                let body = try jsonObject(response)
                #expect((body["sessions"] as? [Any])?.isEmpty == true)
                #expect((body["stats"] as? [String: Any])?["sessions_per_week"] as? Double == 0)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("GET /api/sessions/{id}: the review's JSON (summary, holds, events), by id and as `latest`")
    func review() async throws {
        let fixture = try WebFixture(sessions: 2)
        defer { fixture.remove() }
        let last = try #require(try fixture.store.sessionList().sessions.last?.id)
        let recording = try SessionRecording.load(from: fixture.store, selector: .id(last))
        let analysis = try SessionAnalysis(recording: recording,
                                           profile: try SessionProfile.resolve(for: recording, library: WebFixture.library))
        let expected = try canonical(json: ReviewJSON.render(analysis))
        try await application(fixture.server()).test(.router) { client in
            for uri in ["/api/sessions/\(last)", "/api/sessions/latest"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    let body = try jsonObject(response)
                    #expect(try canonical(body) == expected)
                    let summary = try #require(body["summary"] as? [String: Any])
                    #expect(summary["holds"] as? Int == analysis.summary.holds)
                    #expect((body["events"] as? [Any])?.isEmpty == false)
                }
            }
        }
    }

    @Test("GET /api/sessions/{id}/samples.csv: one row per replayed sample, as `review --csv` writes them")
    func samples() async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        let id = try #require(try fixture.store.sessionList().sessions.first?.id)
        let recording = try SessionRecording.load(from: fixture.store, selector: .id(id))
        let analysis = try SessionAnalysis(recording: recording,
                                           profile: try SessionProfile.resolve(for: recording, library: WebFixture.library))
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: "/api/sessions/\(id)/samples.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"session-\(id).csv\"")
                let text = String(buffer: response.body)
                let lines = text.split(separator: "\n")
                #expect(lines.first.map(String.init) == ReviewCSV.columns.joined(separator: ","))
                #expect(lines.count == analysis.track.count + 1)
                #expect(text == ReviewCSV.string(analysis.track))
            }
        }
    }

    @Test("an unknown session is 404 and a malformed id 400, each with a JSON sentence naming it and the fix",
          arguments: [("/api/sessions/999", HTTPResponse.Status.notFound, "no session 999"),
                      ("/api/sessions/999/samples.csv", .notFound, "no session 999"),
                      ("/api/sessions/abc", .badRequest, "'abc' names no session: give a session id"),
                      ("/api/sessions/0", .badRequest, "'0' names no session"),
                      ("/api/sessions/-4/samples.csv", .badRequest, "'-4' names no session")])
    func badSession(uri: String, status: HTTPResponse.Status, sentence: String) async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.hasPrefix(sentence))
                #expect(!message.contains("StoreError") && !message.contains("invalidSessionSelector"))
            }
        }
    }

    @Test("`latest` with nothing recorded is 404 with the hint to record one")
    func latestWithoutSessions() async throws {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let server = WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library))
        try await application(server).test(.router) { client in
            try await client.execute(uri: "/api/sessions/latest", method: .get) { response in
                #expect(response.status == .notFound)
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.contains("no sessions recorded yet") && message.contains("`stretchguard run`"))
            }
        }
    }
}
