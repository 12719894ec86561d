import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import StretchGuardLive
import StretchGuardStore
import Testing
@testable import StretchGuardWeb

/// A session keeps recording, whole, while clients misbehave: garbage instead of HTTP, a WebSocket that
/// announces a 10 MB frame, one that never reads, one that talks, one that leaves at once.
@Suite("Misbehaving viewers do not disturb the session")
struct MisbehavingViewerTests {
    @Test("every sample recorded, nothing dropped by the recorder, and a well-behaved viewer sees the end")
    func sessionUndisturbed() async throws {
        let live = try RealTimeSession(script: """
            rate 200
            still 3 s
            twist 25 over 1 s
            hold 1 s
            neutral over 1 s
            still 1 s
            """)
        try await live.server.application(address: ServeAddress(host: "127.0.0.1", port: 0)).test(.live) { client in
            let port = try #require(client.port)
            let session = try live.start()
            async let watched = LiveStreamTests.watch(client)

            // Not HTTP at all.
            try RawConnection(port: port).send(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
            // A WebSocket that announces a 10 MB text frame (masked, as a client must) and sends 1 kB of it.
            let huge = try RawConnection(port: port)
            try huge.upgrade(path: "/api/live/ws")
            try huge.send(Data([0x81, 0xFF, 0, 0, 0, 0, 0, 0x98, 0x96, 0x80, 1, 2, 3, 4]) + Data(repeating: 0x41, count: 1024))
            // A WebSocket that never reads (its socket buffers fill; the server drops it after its write timeout).
            let stalled = try RawConnection(port: port, receiveBuffer: 1024)
            try stalled.upgrade(path: "/api/live/ws")
            // A viewer that talks, and one that leaves without closing.
            let talker = try await client.ws("/api/live/ws") { inbound, outbound, _ in
                try await outbound.write(.text("stop the session"))
                for try await _ in inbound.messages(maxSize: 1 << 20) {}
            }
            #expect(talker?.closeCode == .policyViolation)
            try RawConnection(port: port).upgrade(path: "/api/live/ws")

            // The server still answers while the session runs.
            try await client.execute(uri: "/api/live", method: .get) { response in
                #expect(response.status == .ok)
            }
            let outcome = session.wait()
            let (messages, close) = try await watched
            #expect(messages.last?["finished"] as? Bool == true)
            #expect(close?.closeCode == .normalClosure)
            guard case .scenarioFinished = outcome.end else {
                Issue.record("the session ended by \(outcome.end)")
                return
            }
            let counters = try outcome.recording.get()
            #expect(counters.dropped == 0)
            let recording = try #require(live.recording)
            let stored = try live.store.session(.id(recording))
            #expect(stored.isComplete)
            #expect(stored.sampleCount == outcome.timing.sampleCount)
            // The events the session reported are the ones stored (the twist among them unless the machine
            // was too loaded to keep the real-time scenario's shape).
            #expect(try live.store.events(of: recording).map(\.kind) == outcome.events.map(\.kind))
            withExtendedLifetime((huge, stalled)) {}
        }
    }
}

/// A plain TCP connection to 127.0.0.1, for clients that break the protocol on purpose.
final class RawConnection {
    private let socket: Int32

    /// - Parameter receiveBuffer: the socket's receive buffer, in bytes (small: a client that cannot keep up).
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        if var size = receiveBuffer {
            setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    func send(_ data: Data) throws {
        let sent = data.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == data.count else { throw POSIXError(.EPIPE) }
    }

    /// Sends a WebSocket upgrade request for `path` and reads the response's head.
    func upgrade(path: String) throws {
        try send(Data(("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
        var buffer = [UInt8](repeating: 0, count: 256)
        _ = recv(socket, &buffer, buffer.count, 0)
    }
}
