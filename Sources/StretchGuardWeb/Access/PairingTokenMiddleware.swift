import Foundation
import Hummingbird

/// Lets a request through only with the pairing token: `?token=TOKEN` in the URL or
/// `Authorization: Bearer TOKEN`; any other request gets 401 with a sentence saying how to connect: JSON
/// under `/api/`, a page elsewhere (a person typed the address without its token).
///
/// Installed only when the server listens beyond loopback (``WebServer``); on 127.0.0.1 every request passes.
public struct PairingTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The token requests must carry.
    public let token: PairingToken

    /// A check for `token`.
    public init(token: PairingToken) {
        self.token = token
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        guard carriesToken(request) else {
            if request.uri.path.hasPrefix("/api/") { throw WebError.missingToken }
            // The error page's own links carry no token: without it they lead back here.
            return ErrorPage.response(.missingToken, links: PageLinks(token: nil))
        }
        return try await next(request, context)
    }

    /// Whether the request carries the token in its query or its bearer header.
    func carriesToken(_ request: Request) -> Bool {
        if let query = request.uri.queryParameters.get("token"), token.matches(query) { return true }
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer",
               token.matches(parts[1].trimmingCharacters(in: .whitespaces)) { return true }
        }
        return false
    }
}
