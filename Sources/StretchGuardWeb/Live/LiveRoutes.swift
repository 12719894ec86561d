import Hummingbird
import StretchGuardLive

/// The live session's API: `GET /api/live`, the latest snapshot as ``LiveSnapshotJSON`` (sequence 0 before
/// the first). Reads the session's ``LiveChannel``, whose writer never waits for it.
struct LiveRoutes<Context: RequestContext>: Sendable {
    /// The live session's channel, or nil when the server shows recorded sessions only (404).
    let channel: LiveChannel?

    /// Adds the routes to `router`.
    func add(to router: Router<Context>) {
        let channel = channel
        router.get("/api/live") { _, _ in
            guard let channel else { throw WebError.noLiveSession }
            return WebResponse.response(WebResponse.encode(LiveSnapshotJSON(channel.latest)))
        }
    }
}
