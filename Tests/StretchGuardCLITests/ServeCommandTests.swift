import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `stretchguard serve` for real: the binary binds, prints the URL to open (with the pairing token off
/// loopback), answers over TCP, and stops cleanly on SIGINT and SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    private typealias RunningServer = RunSessionTests.RunningSession

    /// The first `Open: URL` line the server printed.
    private func openURL(_ server: RunningServer) throws -> URL {
        #expect(server.wait(for: "Ctrl-C stops the server."), "\(server.text)")
        let line = try #require(server.text.split(separator: "\n").first { $0.hasPrefix("Open: ") }, "\(server.text)")
        return try #require(URL(string: String(line.dropFirst("Open: ".count)).split(separator: " ")[0].description))
    }

    /// The status and body of a GET.
    private func get(_ url: URL) async throws -> (Int, Data) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    private func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    @Test("on loopback: the sessions over HTTP without a token; SIGINT stops it with status 0")
    func loopback() async throws {
        let database = try ReviewDatabase(duration: 60)
        defer { database.remove() }
        let server = try RunningServer(["serve", "127.0.0.1:0", "--db", database.path], home: try home())
        let url = try openURL(server)
        #expect(url.host == "127.0.0.1" && url.query == nil, "\(url)")
        // The printed URL is the session list, a page; the same sessions as JSON under /api/.
        #expect(url.path == "/" || url.path.isEmpty, "\(url)")
        let (status, page) = try await get(url)
        #expect(status == 200)
        #expect(String(decoding: page, as: UTF8.self).contains("href=\"/sessions/1\""))
        let (_, data) = try await get(try #require(URL(string: "/api/sessions", relativeTo: url)))
        let body = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((body["sessions"] as? [Any])?.count == 1)
        kill(server.process.processIdentifier, SIGINT)
        #expect(server.finish() == 0, "\(server.text)")
    }

    @Test("on every interface: the printed URL carries a token; without it 401; SIGTERM stops it")
    func token() async throws {
        let database = try ReviewDatabase(duration: 60)
        defer { database.remove() }
        let server = try RunningServer(["serve", "0.0.0.0:0", "--db", database.path], home: try home())
        let printed = try openURL(server)
        let token = try #require(printed.query?.split(separator: "=").last.map(String.init), "\(printed)")
        #expect(token.count == 32)
        // Over loopback, so the test does not depend on the machine's network.
        let port = try #require(printed.port)
        let withToken = try #require(URL(string: "http://127.0.0.1:\(port)/api/sessions/1?token=\(token)"))
        let without = try #require(URL(string: "http://127.0.0.1:\(port)/api/sessions/1"))
        #expect(try await get(withToken).0 == 200)
        let (status, data) = try await get(without)
        #expect(status == 401)
        #expect(String(decoding: data, as: UTF8.self).contains("pairing token"))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(server.finish() == 0, "\(server.text)")
    }

    @Test("a port in use: exit 1 with a sentence naming the port and the fix")
    func portInUse() async throws {
        let home = try home()
        let first = try RunningServer(["serve", "127.0.0.1:0", "--db", home.appendingPathComponent("a.sqlite").path],
                                      home: home)
        let port = try #require(try openURL(first).port)
        let second = try RunningServer(["serve", "127.0.0.1:\(port)", "--db", home.appendingPathComponent("a.sqlite").path],
                                       home: home)
        #expect(second.finish() == 1)
        #expect(second.text.contains("stretchguard: error: cannot listen on 127.0.0.1:\(port): another program uses port \(port)"),
                "\(second.text)")
        kill(first.process.processIdentifier, SIGINT)
        #expect(first.finish() == 0)
    }

    @Test("a malformed address: exit 1 with the expected form, no server started")
    func badAddress() throws {
        let server = try RunningServer(["serve", "host:"], home: try home())
        #expect(server.finish() == 1)
        #expect(server.text.contains("'host:' is not an address to serve on: give a port (8080) or HOST:PORT"), "\(server.text)")
    }
}
