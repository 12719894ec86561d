import Foundation
import Synchronization
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import StretchGuardCore
@testable import StretchGuardLive
import Testing
@testable import StretchGuardWeb

/// The live stream `GET /api/live/ws` over a real socket: its frames' schema and rate, the end of the
/// session, refusals (no session, no token, full, plain HTTP) and viewers that misbehave.
@Suite("The live stream over a WebSocket")
struct LiveStreamTests {
    /// A server on 127.0.0.1 (a free port) over `channel`, with the general profile.
    static func application(_ channel: LiveChannel?, token: PairingToken? = nil, maximumViewers: Int = 32) -> some ApplicationProtocol {
        let path = NSTemporaryDirectory() + "stretchguard-web-none-" + UUID().uuidString + "/sessions.sqlite"
        let server = WebServer(archive: SessionArchive(databasePath: path, profiles: WebFixture.library),
                               live: channel.map { LiveFeed(channel: $0, profile: .general, session: 7) },
                               token: token, maximumViewers: maximumViewers)
        return server.application(address: ServeAddress(host: "127.0.0.1", port: 0))
    }

    /// Publishes `count` snapshots 50 ms apart (session time advancing 0.05 s each, the twist rising 1° each),
    /// a "stop / it hurts" press and a twist alert on the way, then ends the session.
    static func play(_ channel: LiveChannel, count: Int = 40) async throws {
        var snapshot = LiveSnapshot()
        for index in 0..<count {
            snapshot.time = 500 + Double(index) * 0.05
            snapshot.elapsed = Double(index) * 0.05
            snapshot.twist = Double(index)
            snapshot.twistLevel = index >= 15 ? .alert : .clear
            channel.publish(snapshot)
            if index == 10 { channel.post(.stopMarked(time: snapshot.time)) }
            if index == 15 { channel.post(.form(FormEvent(kind: .twistAlertStarted, time: snapshot.time, value: 15 * degree))) }
            try await Task.sleep(for: .milliseconds(50))
        }
        channel.finish(snapshot)
    }

    /// Every message a viewer gets until the server closes, as JSON objects, and the close frame.
    static func watch(_ client: some TestClientProtocol, path: String = "/api/live/ws") async throws
        -> (messages: [[String: Any]], close: WebSocketCloseFrame?) {
        let received = MessageLog()
        let close = try await client.ws(path) { inbound, _, _ in
            for try await message in inbound.messages(maxSize: 1 << 20) {
                guard case let .text(text) = message else { continue }
                received.append(text)
            }
        }
        return (try received.objects(), close)
    }

    @Test("a hello with the profile's thresholds, then updates at 10 Hz or more with the snapshot and the events, then the end")
    func schemaAndRate() async throws {
        let channel = LiveChannel()
        try await Self.application(channel).test(.live) { client in
            async let playing: Void = Self.play(channel)
            let (messages, close) = try await Self.watch(client)
            try await playing
            let hello = try #require(messages.first)
            #expect(hello["type"] as? String == "hello")
            #expect(hello["session_id"] as? Int == 7)
            #expect(hello["profile"] as? String == FormProfile.general.name)
            #expect(abs(try #require(hello["twist_alert_deg"] as? Double) - FormProfile.general.twist.alertAngle / degree) < 0.01)
            #expect(abs(try #require(hello["twist_warning_deg"] as? Double) - FormProfile.general.twist.warningAngle / degree) < 0.01)
            #expect(abs(try #require(hello["hold_enter_deg"] as? Double) - FormProfile.general.hold.enterAngle / degree) < 0.01)
            #expect(hello["hold_position"] as? String == FormProfile.general.hold.position.rawValue)

            let updates = Array(messages.dropFirst())
            #expect(updates.allSatisfy { $0["type"] as? String == "update" })
            let snapshots = try updates.map { try #require($0["snapshot"] as? [String: Any]) }
            // The snapshot is exactly what GET /api/live gives: the same keys.
            #expect(Set(snapshots[0].keys) == Set(try jsonKeys(of: LiveSnapshotJSON(LiveSnapshot()))))
            let sequences = snapshots.compactMap { $0["sequence"] as? Int }
            #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count, "updates out of order or repeated")
            // Rate against the session's own clock (the publisher's 50 ms steps), so a loaded machine slows both.
            let elapsed = snapshots.compactMap { $0["elapsed_s"] as? Double }
            let span = try #require(elapsed.last) - (try #require(elapsed.first))
            #expect(span > 1)
            #expect(Double(updates.count - 1) / span >= 10, "\(updates.count) updates over \(span) s of session")
            #expect(snapshots.contains { ($0["twist_deg"] as? Double ?? 0) > 20 && $0["twist_level"] as? String == "alert" })

            let events = updates.flatMap { $0["events"] as? [[String: Any]] ?? [] }
            #expect(events.map { $0["kind"] as? String } == ["stop_marked", "twist_alert_started"])
            #expect(events.first?["text"] as? String == "marked: stop / it hurts")
            #expect(events.first?["elapsed_s"] as? Double == 0.5)
            #expect((events.last?["text"] as? String)?.hasPrefix("twist alert: 15°") == true)

            #expect(updates.last?["finished"] as? Bool == true)
            #expect(updates.dropLast().allSatisfy { $0["finished"] as? Bool == false })
            #expect(close?.closeCode == .normalClosure)
        }
    }

    @Test("a viewer that joins late gets the events still in the ring: the stop markers so far")
    func lateViewerGetsEarlierEvents() async throws {
        let channel = LiveChannel()
        channel.post(.stopMarked(time: 3))
        var snapshot = LiveSnapshot()
        snapshot.time = 5
        snapshot.elapsed = 4
        channel.publish(snapshot)
        channel.finish(snapshot)
        try await Self.application(channel).test(.live) { client in
            let (messages, _) = try await Self.watch(client)
            let events = messages.dropFirst().flatMap { $0["events"] as? [[String: Any]] ?? [] }
            #expect(events.map { $0["kind"] as? String } == ["stop_marked"])
            #expect(events.first?["elapsed_s"] as? Double == 2)
        }
    }

    @Test("a viewer that sends anything is closed with the reason (the stream only sends); others go on")
    func viewerMessagesAreRefused() async throws {
        let channel = LiveChannel()
        try await Self.application(channel).test(.live) { client in
            async let playing: Void = Self.play(channel, count: 30)
            async let watching = Self.watch(client)
            let close = try await client.ws("/api/live/ws") { inbound, outbound, _ in
                try await outbound.write(.text("{\"command\":\"stop\"}"))
                for try await _ in inbound.messages(maxSize: 1 << 20) {}
            }
            #expect(close?.closeCode == .policyViolation)
            #expect(close?.reason?.contains("only sends") == true)
            let big = try await client.ws("/api/live/ws") { inbound, outbound, _ in
                try await outbound.write(.binary(ByteBuffer(repeating: 0x41, count: 100_000)))
                for try await _ in inbound.messages(maxSize: 1 << 20) {}
            }
            #expect(big?.closeCode != .normalClosure, "a 100 kB frame was taken")
            try await playing
            let (messages, close2) = try await watching
            #expect(messages.last?["finished"] as? Bool == true)
            #expect(close2?.closeCode == .normalClosure)
        }
    }

    @Test("no live session: the upgrade is refused and a plain GET says why (404); with one, a plain GET gets 426")
    func refusals() async throws {
        try await Self.application(nil).test(.live) { client in
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await client.ws("/api/live/ws") { _, _, _ in }
            }
            try await client.execute(uri: "/api/live/ws", method: .get) { response in
                #expect(response.status == .notFound)
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.hasPrefix("no live session"))
            }
        }
        try await Self.application(LiveChannel()).test(.live) { client in
            try await client.execute(uri: "/api/live/ws", method: .get) { response in
                #expect(response.status == .upgradeRequired)
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.contains("WebSocket"))
            }
        }
    }

    @Test("off loopback: no stream without the pairing token (401), the stream with it")
    func token() async throws {
        let channel = LiveChannel()
        let token = PairingToken.random()
        try await Self.application(channel, token: token).test(.live) { client in
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await client.ws("/api/live/ws") { _, _, _ in }
            }
            try await client.execute(uri: "/api/live/ws", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            async let playing: Void = Self.play(channel, count: 5)
            let (messages, _) = try await Self.watch(client, path: "/api/live/ws?token=\(token.value)")
            try await playing
            #expect(messages.first?["type"] as? String == "hello")
            #expect(messages.last?["finished"] as? Bool == true)
        }
    }

    @Test("beyond the viewer limit the upgrade is refused and a plain GET says the stream is full (503)")
    func viewerLimit() async throws {
        let channel = LiveChannel()
        try await Self.application(channel, maximumViewers: 1).test(.live) { client in
            let entered = AsyncStream<Void>.makeStream()
            async let first = client.ws("/api/live/ws") { inbound, _, _ in
                entered.continuation.yield()
                for try await _ in inbound.messages(maxSize: 1 << 20) {}
            }
            for await _ in entered.stream { break }
            await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                try await client.ws("/api/live/ws") { _, _, _ in }
            }
            try await client.execute(uri: "/api/live/ws", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let message = try #require(try jsonObject(response)["error"] as? String)
                #expect(message.contains("already has 1 viewers"))
            }
            channel.finish(LiveSnapshot())
            _ = try await first
        }
    }
}

/// Text messages collected by a viewer's handler (which runs on its own task).
final class MessageLog: Sendable {
    private let texts = Mutex<[String]>([])

    func append(_ text: String) { texts.withLock { $0.append(text) } }

    /// Each message parsed as a JSON object.
    func objects() throws -> [[String: Any]] {
        try texts.withLock { $0 }.map { text in
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
        }
    }
}

/// The keys `value` encodes at its top level.
func jsonKeys(of value: some Encodable) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? [String: Any]
    return Array(try #require(object).keys)
}
