import Foundation
import HummingbirdWebSocket
import StretchGuardLive

/// One viewer of the live stream (`GET /api/live/ws`): a ``LiveStreamHello``, then a ``LiveStreamUpdate``
/// about every 50 ms while something is new, from the viewer's own subscription to the session's channel;
/// when the session ends, its last update and a normal close.
///
/// The sample thread never waits for a viewer: it only publishes into the channel, and each viewer reads at
/// its own pace on its own task. A viewer that does not take an update within `writeTimeout` (a stalled
/// tablet, a dead network) is dropped; the stream only sends, so a message from the viewer closes it with
/// the reason (policy violation, 1008; too large, 1009).
struct LiveStream: Sendable {
    struct Settings: Sendable {
        /// How often the viewer's subscription is read, in s (the channel publishes at most 20 snapshots a
        /// second).
        var interval: Duration = .milliseconds(50)
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

    let feed: LiveFeed
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

    /// The hello, then the updates, until the session ends.
    private func send(to outbound: WebSocketOutboundWriter) async throws -> Ending {
        var subscription = feed.channel.subscribe()
        guard try await write(WebResponse.encode(LiveStreamHello(feed), compact: true), to: outbound) else {
            return .viewerTooSlow
        }
        var lastSequence: UInt64 = 0
        while true {
            let update = subscription.poll()
            if update.snapshot.sequence != lastSequence || !update.events.isEmpty || update.missedEvents > 0 || update.finished {
                lastSequence = update.snapshot.sequence
                guard try await write(WebResponse.encode(LiveStreamUpdate(update), compact: true), to: outbound) else {
                    return .viewerTooSlow
                }
            }
            if update.finished { return .sessionFinished }
            try await Task.sleep(for: settings.interval)
        }
    }

    /// Reads what the viewer sends: nothing is expected; the first message ends the stream.
    private func listen(to inbound: WebSocketInboundStream) async throws -> Ending {
        var messages = inbound.messages(maxSize: settings.maximumMessage).makeAsyncIterator()
        return try await messages.next() == nil ? .viewerLeft : .viewerSpoke
    }

    /// Writes `text` as one message; false when it did not go out within the write timeout.
    private func write(_ text: String, to outbound: WebSocketOutboundWriter) async throws -> Bool {
        let timeout = settings.writeTimeout
        return try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await outbound.writeTextMessage(text)
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
    }
}
