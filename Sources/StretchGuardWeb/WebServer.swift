import Hummingbird
import HummingbirdWebSocket
import Logging
import StretchGuardLive

/// The physio's view as an HTTP server: the recorded sessions' API (``SessionRoutes``), the live
/// session's (``LiveRoutes``: the snapshot and its WebSocket stream) and the pages over both
/// (``PageRoutes``), read only, behind
/// ``PairingTokenMiddleware`` when a token is set.
public struct WebServer: Sendable {
    /// The recorded sessions.
    public var archive: SessionArchive
    /// The live session, or nil (`serve` without a session).
    public var live: LiveFeed? { broadcast?.feed }
    /// The live session's updates, encoded once for all its viewers.
    let broadcast: LiveBroadcast?
    /// The token every request must carry, or nil on a loopback bind (see ``token(for:)``).
    public var token: PairingToken?
    /// The live stream's viewers (at most 32 at once).
    let viewers: LiveViewers
    /// How the live stream serves each viewer.
    var stream = LiveStream.Settings()

    /// A server over `archive` and, when given, a live session.
    public init(archive: SessionArchive, live: LiveFeed? = nil, token: PairingToken? = nil, maximumViewers: Int = 32) {
        self.archive = archive
        broadcast = live.map { LiveBroadcast(feed: $0) }
        self.token = token
        viewers = LiveViewers(limit: maximumViewers)
    }

    /// The token a bind needs: none on loopback, a fresh random one on any other address.
    public static func token(for address: ServeAddress) -> PairingToken? {
        address.isLoopback ? nil : PairingToken.random()
    }

    /// The plain HTTP routes, for any request context.
    public func router<Context: RequestContext>(context: Context.Type = BasicRequestContext.self) -> Router<Context> {
        let router = Router(context: Context.self)
        if let token { router.add(middleware: PairingTokenMiddleware<Context>(token: token)) }
        SessionRoutes<Context>(archive: archive).add(to: router)
        LiveRoutes<Context>(broadcast: broadcast, viewers: viewers).add(to: router)
        PageRoutes<Context>(archive: archive, hasLiveSession: live != nil, links: PageLinks(token: token)).add(to: router)
        return router
    }

    /// The router that decides WebSocket upgrades: the live stream, behind the same token. A refused
    /// upgrade falls through to ``router(context:)``, which says why.
    func webSocketRouter() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        if let token { router.add(middleware: PairingTokenMiddleware<BasicWebSocketRequestContext>(token: token)) }
        LiveRoutes<BasicWebSocketRequestContext>(broadcast: broadcast, viewers: viewers).addStream(to: router, settings: stream)
        return router
    }

    /// The application listening on `address` (run it with `runService()`: SIGINT and SIGTERM end it).
    ///
    /// - Parameters:
    ///   - logger: where the framework logs (by default its own logger, at info level).
    ///   - listening: called once the socket is bound, with the port it got (the one asked for, or the free
    ///     one chosen for port 0).
    public func application(address: ServeAddress, logger: Logger? = nil,
                            listening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        // A viewer's messages are refused whatever their size; frames beyond 16 KiB close it at once (1009).
        // A viewer that does not answer the close handshake is cut off after 2 s; text that is not UTF-8 closes it (1007).
        let webSocket = WebSocketServerConfiguration(maxFrameSize: 1 << 14, closeTimeout: .seconds(2), validateUTF8: true)
        return Application(router: router(),
                           server: .http1WebSocketUpgrade(webSocketRouter: webSocketRouter(),
                                                          configuration: .init(ws: webSocket)),
                           configuration: .init(address: .hostname(address.host, port: address.port), serverName: "StretchGuard"),
                           onServerRunning: { channel in listening(channel.localAddress?.port ?? address.port) },
                           logger: logger)
    }

    /// The URL of `path` on `address`: `http://HOST:PORT/PATH`, with `?token=` when a token is needed.
    public func url(for address: ServeAddress, path: String = "/") -> String {
        "http://\(address)\(path)" + (token.map { "?token=\($0.value)" } ?? "")
    }
}
