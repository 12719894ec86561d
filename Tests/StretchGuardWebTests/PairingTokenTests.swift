import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import StretchGuardWeb

@Suite("The pairing token")
struct PairingTokenTests {
    @Test("off loopback every request needs the token: 401 without it or with a wrong one, 200 with it")
    func required() async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        let address = try ServeAddress(parsing: "0.0.0.0:8080")
        let token = try #require(WebServer.token(for: address))
        let server = fixture.server(token: token)
        try await application(server).test(.router) { client in
            for uri in ["/api/sessions", "/api/sessions/1", "/api/sessions/1/samples.csv", "/api/live",
                        "/api/sessions?token=\(token.value.dropLast())0x", "/api/sessions?token="] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    let message = try #require(try jsonObject(response)["error"] as? String)
                    #expect(message.contains("pairing token"))
                }
            }
            try await client.execute(uri: "/api/sessions", method: .get,
                                     headers: [.authorization: "Bearer wrong"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/sessions?token=\(token.value)", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/sessions/1", method: .get,
                                     headers: [.authorization: "Bearer \(token.value)"]) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(server.url(for: address) == "http://0.0.0.0:8080/?token=\(token.value)")
    }

    @Test("on loopback no token is made and requests pass without one")
    func loopback() async throws {
        let fixture = try WebFixture(sessions: 1)
        defer { fixture.remove() }
        let address = try ServeAddress(parsing: "8080")
        #expect(WebServer.token(for: address) == nil)
        let server = fixture.server(token: WebServer.token(for: address))
        try await application(server).test(.router) { client in
            try await client.execute(uri: "/api/sessions", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        #expect(server.url(for: address) == "http://127.0.0.1:8080/")
    }

    @Test("random tokens: 32 lowercase hex digits, different each time; matching compares the whole text")
    func random() {
        let a = PairingToken.random(), b = PairingToken.random()
        #expect(a != b)
        for token in [a, b] {
            #expect(token.value.count == 32)
            #expect(token.value.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
        #expect(a.matches(a.value))
        #expect(!a.matches(a.value.dropLast()))
        #expect(!a.matches(a.value + "0"))
        #expect(!a.matches(b.value))
        #expect(!a.matches(""))
    }
}
