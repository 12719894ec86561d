import StretchGuardCore
import StretchGuardLive
import Synchronization

/// What the server shows of a live session: its channel (the snapshots and events the sample thread
/// publishes without waiting for anyone), the exercise profile it judges by (the thresholds the page
/// draws) and the id of its recording, known once the recording has begun (the server may start first).
public final class LiveFeed: Sendable {
    /// The live session's channel.
    public let channel: LiveChannel
    /// The session's exercise profile, its hold target already set for this session.
    public let profile: FormProfile
    private let recording: Mutex<Int64?>

    public init(channel: LiveChannel, profile: FormProfile, session: Int64? = nil) {
        self.channel = channel
        self.profile = profile
        recording = Mutex(session)
    }

    /// The recording's session id (what `review` takes), or nil before the recording begins.
    public var session: Int64? { recording.withLock { $0 } }

    /// Names the recording once it has begun.
    public func recorded(as session: Int64) {
        recording.withLock { $0 = session }
    }
}
