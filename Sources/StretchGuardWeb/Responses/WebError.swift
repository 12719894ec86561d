import Hummingbird
import StretchGuardReview
import StretchGuardStore

/// A request the server refuses or cannot answer, answered with its HTTP status and a JSON body
/// `{"error": "one sentence: what is wrong, and what to do"}` (never a Swift type printed raw).
public struct WebError: Error, HTTPResponseError, Sendable, Equatable {
    /// The HTTP status (4xx: the request; 5xx: the server's database).
    public var status: HTTPResponse.Status
    /// The sentence.
    public var message: String

    /// An error with its status and sentence.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// A request without the pairing token on a server that listens beyond loopback.
    static let missingToken = WebError(
        .unauthorized,
        "this StretchGuard server needs its pairing token: open the URL `stretchguard serve` printed (it ends in ?token=…), or send `Authorization: Bearer TOKEN`")

    /// No live session on this server (`serve` without `run`).
    static let noLiveSession = WebError(
        .notFound,
        "no live session on this server: `stretchguard serve` shows recorded sessions only (/api/sessions); start one with `stretchguard run`")

    /// A plain HTTP request to the live stream's address.
    static let webSocketOnly = WebError(
        .upgradeRequired,
        "/api/live/ws is a WebSocket stream: connect with a WebSocket client (the live page at /live does); /api/live gives the latest snapshot as plain JSON")

    /// More viewers than the server serves at once.
    static func tooManyViewers(_ limit: Int) -> WebError {
        WebError(.serviceUnavailable,
                 "this live session already has \(limit) viewers, the most it serves: close the live page on another device and try again")
    }

    /// A session id that is not a number or `latest`.
    static func badSessionID(_ text: String) -> WebError {
        WebError(.badRequest, StoreError.invalidSessionSelector(text).description)
    }

    /// The store's error with the status it deserves: unknown sessions 404, a bad id 400, the database's
    /// own trouble 500.
    static func store(_ error: StoreError) -> WebError {
        switch error {
        case .unknownSession, .noSessions: return WebError(.notFound, error.description)
        case .invalidSessionSelector: return WebError(.badRequest, error.description)
        case .unreadableSession: return WebError(.unprocessableContent, error.description)
        default: return WebError(.internalServerError, error.description)
        }
    }

    /// A review's error: a session that cannot be replayed is the session's problem (422), not the server's.
    static func review(_ error: ReviewError) -> WebError {
        switch error {
        case let .store(store): return .store(store)
        case .noSamples: return WebError(.notFound, error.description)
        case .calibration, .profile, .baseline: return WebError(.unprocessableContent, error.description)
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        WebResponse.response(WebResponse.encode(Body(error: message)), status: status)
    }

    /// The JSON body.
    private struct Body: Encodable { var error: String }
}
