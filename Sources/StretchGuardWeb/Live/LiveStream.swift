import Foundation
import Synchronization
import HummingbirdWebSocket
import StretchGuardLive

/// One viewer of the live stream (`GET /api/live/ws`): a ``LiveStreamHello``, then a ``LiveStreamUpdate``
/// about every 50 ms while something is new, encoded once for all viewers by the session's
/// ``LiveBroadcast``; when the session ends, its last update and a normal close.
///
/// The sample thread never waits for a viewer: it only publishes into the channel, which the broadcast
/// reads. A viewer that does not take an update within `writeTimeout` (a stalled tablet, a dead network),
/// or falls the broadcast's backlog behind, is dropped; the stream only sends, so a message from the viewer
/// closes it with the reason (policy violation, 1008; too large, 1009).
struct LiveStream: Sendable {
    struct Settings: Sendable {
        /// How long one update may take to reach the viewer before the viewer is dropped.
        var writeTimeout: Duration = .seconds(2)
        /// The largest message read from a viewer before it is refused, in bytes.
        var maximumMessage = 1024
    }

    /// Why a viewer's stream ended.
    enum Ending: Sendable, Equatable {
        /// The session ended; the viewer had its last update.
        case sessionFinished
        /// The viewer closed the socket (or the connection went).
        case viewerLeft
        /// The viewer sent a message: the stream only sends.
        case viewerSpoke
        /// An update did not reach the viewer within the write timeout.
        case viewerTooSlow
    }

    let broadcast: LiveBroadcast
    var settings = Settings()

    /// Serves one viewer until the session ends or the viewer goes; returns why.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws -> Ending {
        let ending = try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask { try await send(to: outbound) }
            group.addTask { try await listen(to: inbound) }
            defer { group.cancelAll() }
            return try await group.next() ?? .viewerLeft
        }
        switch ending {
        case .sessionFinished:
            try await outbound.close(.normalClosure, reason: "the session has ended")
        case .viewerSpoke:
            try await outbound.close(.policyViolation, reason: "this stream only sends: messages from the viewer are refused")
        case .viewerLeft, .viewerTooSlow:
            break  // nothing to say to a viewer that left or cannot take it; the library closes the socket
        }
        return ending
    }

    /// The hello, then the broadcast's frames, until the session ends; a write that takes longer than the
    /// write timeout ends the stream (a watchdog looks a few times per timeout, so that no timer is set per
    /// update).
    private func send(to outbound: WebSocketOutboundWriter) async throws -> Ending {
        let writing = PendingWrite()
        let timeout = settings.writeTimeout
        return try await withThrowingTaskGroup(of: Ending.self) { group in
            group.addTask {
                func write(_ text: String) async throws {
                    writing.since.withLock { $0 = .now }
                    try await outbound.writeTextMessage(text)
                    writing.since.withLock { $0 = nil }
                }
                try await write(WebResponse.encode(LiveStreamHello(broadcast.feed), compact: true))
                let (id, frames) = broadcast.join()
                defer { broadcast.leave(id) }
                for await frame in frames {
                    try await write(frame.text)
                    if frame.finished { return .sessionFinished }
                }
                return .viewerTooSlow  // the broadcast ended its frames: it fell too far behind
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: timeout / 4)
                    if let since = writing.since.withLock({ $0 }), since.duration(to: .now) > timeout { return .viewerTooSlow }
                }
            }
            defer { group.cancelAll() }
            return try await group.next() ?? .viewerTooSlow
        }
    }

    /// Reads what the viewer sends: nothing is expected; the first message ends the stream.
    private func listen(to inbound: WebSocketInboundStream) async throws -> Ending {
        var messages = inbound.messages(maxSize: settings.maximumMessage).makeAsyncIterator()
        return try await messages.next() == nil ? .viewerLeft : .viewerSpoke
    }

    /// When the write under way began (nil between writes), for the watchdog.
    private final class PendingWrite: Sendable {
        let since = Mutex<ContinuousClock.Instant?>(nil)
    }
}
