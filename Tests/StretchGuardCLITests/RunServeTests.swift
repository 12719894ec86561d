import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import StretchGuardStore
import Testing

/// `stretchguard run --serve` for real: the binary prints the live page's URL, answers the live snapshot
/// while the session runs, needs the token off loopback, and closes the server only after the session
/// (outputs off, recording closed); a bad or busy address stops it before anything is recorded.
@Suite(.serialized) struct RunServeTests {
    private typealias Running = RunSessionTests.RunningSession

    private func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("run-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    /// A scenario that lasts (10 min standing still), so the session outlives the test's requests however
    /// loaded the machine; the tests end it with a signal.
    private func longScenario(in home: URL) throws -> String {
        let path = home.appendingPathComponent("long.scenario").path
        try "still 600 s\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The first `Live view: URL` line.
    private func liveURL(_ run: Running) throws -> URL {
        #expect(run.wait(for: "recording session"), "\(run.text)")
        let line = try #require(run.text.split(separator: "\n").first { $0.hasPrefix("Live view: ") }, "\(run.text)")
        return try #require(URL(string: String(line.dropFirst("Live view: ".count)).split(separator: " ")[0].description))
    }

    private func get(_ url: URL) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// `GET /api/live` on `port` (with `query`) until a snapshot of the running session arrives.
    private func liveSnapshot(port: Int, query: String = "") async throws -> [String: Any] {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/live\(query)"))
        for _ in 0..<100 {
            let (status, data) = try await get(url)
            #expect(status == 200)
            let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            if (body["sequence"] as? Int ?? 0) > 0 { return body }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no snapshot within 10 s")
        return [:]
    }

    @Test("on loopback: the live snapshot while the session runs; SIGINT ends the session, then the server")
    func loopback() async throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let run = try Running(["run", "--sensor", "sim", "--scenario", try longScenario(in: home), "--serve", "127.0.0.1:0",
                               "--db", db], home: home)
        let url = try liveURL(run)
        #expect(url.host == "127.0.0.1" && url.path == "/live" && url.query == nil, "\(url)")
        let port = try #require(url.port)
        let snapshot = try await liveSnapshot(port: port)
        #expect(snapshot["twist_deg"] is Double && snapshot["hold_target_s"] as? Double == 30)
        // The recorded sessions are served beside the live one.
        let (status, data) = try await get(try #require(URL(string: "http://127.0.0.1:\(port)/api/sessions")))
        #expect(status == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("\"sessions\""))
        kill(run.process.processIdentifier, SIGINT)
        #expect(run.finish() == 0, "\(run.text)")
        #expect(run.text.contains("Session 1:"), "\(run.text)")
        // The session was closed (complete, in the store), and the server with it.
        #expect(try SessionStore(path: db).session(.latest).isComplete)
        await #expect(throws: (any Error).self) { _ = try await get(url) }
    }

    @Test("on every interface: the URL carries a token (no QR code without a terminal); without it 401; SIGTERM ends it")
    func token() async throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let run = try Running(["run", "--sensor", "sim", "--scenario", try longScenario(in: home), "--serve", "0.0.0.0:0",
                               "--db", db], home: home)
        let url = try liveURL(run)
        let token = try #require(url.query?.split(separator: "=").last.map(String.init), "\(url)")
        #expect(token.count == 32)
        #expect(run.text.contains("pairing token") && !run.text.contains("Scan it"), "\(run.text)")
        let port = try #require(url.port)
        let (status, _) = try await get(try #require(URL(string: "http://127.0.0.1:\(port)/api/live")))
        #expect(status == 401)
        _ = try await liveSnapshot(port: port, query: "?token=\(token)")
        kill(run.process.processIdentifier, SIGTERM)
        #expect(run.finish() == 0, "\(run.text)")
    }

    @Test("a malformed or busy address: exit 1 with the sentence and the fix, and nothing recorded")
    func badAddress() throws {
        let home = try home()
        let db = home.appendingPathComponent("s.sqlite").path
        let malformed = try Running(["run", "--sensor", "sim", "--serve", "localhost:http", "--db", db], home: home)
        #expect(malformed.finish() == 1)
        #expect(malformed.text.contains("stretchguard: error: --serve: "), "\(malformed.text)")
        #expect(!malformed.text.contains("recording session"))

        let listener = try Running(["serve", "127.0.0.1:0", "--db", db], home: home)
        #expect(listener.wait(for: "Ctrl-C stops the server."), "\(listener.text)")
        let port = try #require(listener.text.split(separator: "\n").first { $0.hasPrefix("Open: ") }
            .flatMap { URL(string: String($0.dropFirst("Open: ".count)))?.port })
        let busy = try Running(["run", "--sensor", "sim", "--serve", "127.0.0.1:\(port)", "--db", db], home: home)
        #expect(busy.finish() == 1)
        #expect(busy.text.contains("--serve: cannot listen on 127.0.0.1:\(port): another program uses port \(port)"), "\(busy.text)")
        #expect(!busy.text.contains("recording session"))
        kill(listener.process.processIdentifier, SIGINT)
        #expect(listener.finish() == 0)
        #expect(try SessionStore(path: db).sessions().isEmpty)
    }
}
