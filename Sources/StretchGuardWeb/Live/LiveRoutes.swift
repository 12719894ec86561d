import Hummingbird
import HummingbirdWebSocket
import StretchGuardLive

/// The live session's API: `GET /api/live`, the latest snapshot as ``LiveSnapshotJSON`` (sequence 0 before
/// the first), and `GET /api/live/ws`, the stream of updates (``LiveStream``). Both read the session's
/// ``LiveChannel``, whose writer never waits for them; without a live session both answer 404.
struct LiveRoutes<Context: RequestContext>: Sendable {
    /// The live session, or nil when the server shows recorded sessions only.
    var feed: LiveFeed? { broadcast?.feed }
    /// The live session's updates, encoded once for all viewers, or nil without a live session.
    let broadcast: LiveBroadcast?
    /// The viewers connected to the stream now.
    let viewers: LiveViewers

    /// Adds the plain HTTP routes to `router` (a plain request to the stream's address gets 426, or 503
    /// when the stream is full, or 404 without a live session: the upgrade falls through to these).
    func add(to router: Router<Context>) {
        let feed = feed, viewers = viewers
        router.get("/api/live") { _, _ in
            guard let feed else { throw WebError.noLiveSession }
            return WebResponse.response(WebResponse.encode(LiveSnapshotJSON(feed.channel.latest)))
        }
        router.get("/api/live/ws") { _, _ -> Response in
            guard feed != nil else { throw WebError.noLiveSession }
            if viewers.isFull { throw WebError.tooManyViewers(viewers.limit) }
            throw WebError.webSocketOnly
        }
    }
}

extension LiveRoutes where Context: WebSocketRequestContext {
    /// Adds the WebSocket upgrade of `/api/live/ws` to `router` (the server's upgrade router).
    func addStream(to router: Router<Context>, settings: LiveStream.Settings = .init()) {
        let broadcast = broadcast, viewers = viewers
        router.ws("/api/live/ws") { _, _ in
            guard broadcast != nil, !viewers.isFull else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            guard let broadcast, viewers.enter() else { return }
            defer { viewers.leave() }
            _ = try await LiveStream(broadcast: broadcast, settings: settings).serve(inbound: inbound, outbound: outbound)
        }
    }
}
