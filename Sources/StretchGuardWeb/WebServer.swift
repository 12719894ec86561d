import Hummingbird
import StretchGuardLive

/// The physio's view as an HTTP server: the recorded sessions' API (``SessionRoutes``), the live
/// session's (``LiveRoutes``) and the pages over both (``PageRoutes``), read only, behind
/// ``PairingTokenMiddleware`` when a token is set.
public struct WebServer: Sendable {
    /// The recorded sessions.
    public var archive: SessionArchive
    /// The live session's channel, or nil (`serve` without a session).
    public var live: LiveChannel?
    /// The token every request must carry, or nil on a loopback bind (see ``token(for:)``).
    public var token: PairingToken?

    /// A server over `archive` and, when given, a live session.
    public init(archive: SessionArchive, live: LiveChannel? = nil, token: PairingToken? = nil) {
        self.archive = archive
        self.live = live
        self.token = token
    }

    /// The token a bind needs: none on loopback, a fresh random one on any other address.
    public static func token(for address: ServeAddress) -> PairingToken? {
        address.isLoopback ? nil : PairingToken.random()
    }

    /// The routes, for any request context (the WebSocket upgrade needs its own).
    public func router<Context: RequestContext>(context: Context.Type = BasicRequestContext.self) -> Router<Context> {
        let router = Router(context: Context.self)
        if let token { router.add(middleware: PairingTokenMiddleware<Context>(token: token)) }
        SessionRoutes<Context>(archive: archive).add(to: router)
        LiveRoutes<Context>(channel: live).add(to: router)
        PageRoutes<Context>(archive: archive, live: live, links: PageLinks(token: token)).add(to: router)
        return router
    }

    /// The application listening on `address` (run it with `runService()`: SIGINT and SIGTERM end it).
    ///
    /// - Parameter listening: called once the socket is bound, with the port it got (the one asked for, or
    ///   the free one chosen for port 0).
    public func application(address: ServeAddress,
                            listening: @escaping @Sendable (Int) -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(),
                    configuration: .init(address: .hostname(address.host, port: address.port), serverName: "StretchGuard"),
                    onServerRunning: { channel in listening(channel.localAddress?.port ?? address.port) })
    }

    /// The URL of `path` on `address`: `http://HOST:PORT/PATH`, with `?token=` when a token is needed.
    public func url(for address: ServeAddress, path: String = "/") -> String {
        "http://\(address)\(path)" + (token.map { "?token=\($0.value)" } ?? "")
    }
}
