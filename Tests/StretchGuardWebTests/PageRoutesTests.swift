import Foundation
import Hummingbird
import HummingbirdTesting
import StretchGuardCore
import StretchGuardLive
import StretchGuardReview
import StretchGuardStore
import StretchGuardTestSupport
import Testing
@testable import StretchGuardWeb

@Suite("The browser's pages")
struct PageRoutesTests {
    @Test("GET /: every session in `sessions`' cells, with links to its report, CSV and JSON, and the stats")
    func sessionList() async throws {
        let fixture = try WebFixture(sessions: 3)
        defer { fixture.remove() }
        let listing = SessionListing(try fixture.store.sessionList())
        let stats = try fixture.store.stats()
        #expect(listing.sessions.count == 3)
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(occurrences(of: "<tr class=\"session-row\"", in: page) == 3)
                for (session, cells) in zip(listing.sessions, listing.cells()) {
                    #expect(page.contains("href=\"/sessions/\(session.id)\""))
                    #expect(page.contains("href=\"/api/sessions/\(session.id)/samples.csv\""))
                    #expect(page.contains("href=\"/api/sessions/\(session.id)\""))
                    for cell in cells { #expect(page.contains(">\(ReviewFormat.escaped(cell))<"), "\(cell)") }
                }
                for column in SessionListing.columns { #expect(page.contains("<th>\(column)</th>")) }
                #expect(page.contains(">\(ReviewFormat.decimal(stats.sessionsPerWeek, 1))<"))
                #expect(page.contains(">\(AdherenceReport.days(stats.longestStreak))<"))
                #expect(occurrences(of: "<tr><td class=\"num\"><a href=\"/sessions/", in: page) == stats.holdProgression.count)
                #expect(!page.contains("id=\"live-link\""))
                #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/style.css\"/>"))
            }
        }
    }

    @Test("GET / with a live session: a link to /live; with nothing recorded: how to record one")
    func liveLinkAndEmpty() async throws {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let server = WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library), live: LiveFeed(channel: LiveChannel(), profile: .general))
        try await application(server).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<a class=\"live-link\" id=\"live-link\" href=\"/live\">"))
                #expect(page.contains("No sessions recorded yet. Record one with <code>stretchguard run</code>"))
                #expect(!page.contains("session-row"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("text from the database is escaped: a profile named like markup shows as text")
    func escaping() async throws {
        let fixture = try WebFixture(sessions: 0)
        defer { fixture.remove() }
        var profile = try WebFixture.library.load("general")
        profile.name = "<script>alert('x')</script> & co"
        _ = try SyntheticSession.write(into: fixture.store, duration: 30, rate: 50, startDate: WebFixture.startDate,
                                       profile: profile)
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
                #expect(!page.contains("<script>"))
            }
        }
    }

    @Test("GET /sessions/{id}: the HTML report with its title and hold table and a link back; `latest` too")
    func report() async throws {
        let fixture = try WebFixture(sessions: 2)
        defer { fixture.remove() }
        let last = try #require(try fixture.store.sessionList().sessions.last?.id)
        let recording = try SessionRecording.load(from: fixture.store, selector: .id(last))
        let analysis = try SessionAnalysis(recording: recording,
                                           profile: try SessionProfile.resolve(for: recording, library: WebFixture.library))
        #expect(!analysis.holds.isEmpty)
        try await application(fixture.server()).test(.router) { client in
            for uri in ["/sessions/\(last)", "/sessions/latest"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let page = String(buffer: response.body)
                    #expect(page.contains("<h1 id=\"title\">Session \(last) · "))
                    #expect(page.contains("id=\"holds\""))
                    #expect(occurrences(of: "<tr class=\"hold-row", in: page) == analysis.holds.count)
                    #expect(page.contains("<main>\n<nav id=\"page-nav\""))
                    #expect(page.contains("<a href=\"/\" id=\"back-link\">← All sessions</a>"))
                    #expect(page.contains("href=\"/api/sessions/\(last)/samples.csv\""))
                }
            }
        }
    }

    @Test("a report page for an unknown or malformed id is an HTML page with the API's sentence and status",
          arguments: [("/sessions/999", HTTPResponse.Status.notFound, "no session 999"),
                      ("/sessions/abc", .badRequest, "&#39;abc&#39; names no session: give a session id")])
    func badReport(uri: String, status: HTTPResponse.Status, sentence: String) async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        try await application(fixture.server()).test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("<p class=\"panel error-message\" id=\"error\">\(sentence)"), "\(page)")
                #expect(page.contains("id=\"back-link\""))
                #expect(!page.contains("StoreError"))
            }
        }
    }

    @Test("/live and its assets: HTML, CSS and JavaScript with their media types; /live without a session is a 404 page")
    func livePageAndAssets() async throws {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let archive = SessionArchive(databasePath: path, profiles: WebFixture.library)
        try await application(WebServer(archive: archive, live: LiveFeed(channel: LiveChannel(), profile: .general))).test(.router) { client in
            try await client.execute(uri: "/live", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                for id in ["alert-banner", "twist-value", "trace-twist", "trace-flexion", "hold-text", "session-clock",
                           "sensor-rate", "stop-list", "connection"] {
                    #expect(page.contains("id=\"\(id)\""), "\(id)")
                }
                #expect(page.contains("<script src=\"/assets/live.js\"></script>"))
                #expect(!page.contains("http://") && !page.contains("https://"), "no external resources")
            }
            try await client.execute(uri: "/assets/style.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                let css = String(buffer: response.body)
                #expect(css.hasPrefix(HTMLStyle.css))
                #expect(css.contains(".banner[data-state=\"twist-alert\"]"))
            }
            try await client.execute(uri: "/assets/live.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                let script = String(buffer: response.body)
                #expect(script.contains("/api/live/ws") && script.contains("LiveTraces.draw"))
                #expect(!script.contains("localStorage") && !script.contains("document.cookie"))
            }
        }
        try await application(WebServer(archive: archive)).test(.router) { client in
            try await client.execute(uri: "/live", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("no live session on this server"))
            }
        }
    }

    @Test("off loopback the pages and assets need the token (401); with it, every link and asset carries it")
    func token() async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        let token = PairingToken.random()
        let server = WebServer(archive: SessionArchive(store: fixture.store, profiles: WebFixture.library),
                               live: LiveFeed(channel: LiveChannel(), profile: .general), token: token)
        let id = try #require(try fixture.store.sessionList().sessions.first?.id)
        try await application(server).test(.router) { client in
            for uri in ["/", "/live", "/sessions/\(id)", "/sessions/latest", "/assets/style.css", "/assets/live.js"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    // A page, not JSON: a person typed the address without the token.
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(uri)")
                    #expect(String(buffer: response.body).contains("needs its pairing token"), "\(uri)")
                }
            }
            try await client.execute(uri: "/api/sessions", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/?token=\(token.value)", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                for link in ["/assets/style.css", "/live", "/sessions/\(id)", "/api/sessions/\(id)/samples.csv",
                             "/api/sessions/\(id)"] {
                    #expect(page.contains("href=\"\(link)?token=\(token.value)\""), "\(link)")
                }
                #expect(!page.contains("href=\"/sessions/\(id)\""))
            }
            try await client.execute(uri: "/live?token=\(token.value)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<script src=\"/assets/live.js?token=\(token.value)\"></script>"))
            }
            try await client.execute(uri: "/sessions/\(id)?token=\(token.value)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<a href=\"/?token=\(token.value)\" id=\"back-link\">"))
            }
        }
    }
}

/// Counts the non-overlapping occurrences of `needle` in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
