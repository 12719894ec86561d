import StretchGuardCore
import StretchGuardLive

/// What the server shows of a live session: its channel (the snapshots and events the sample thread
/// publishes without waiting for anyone), the exercise profile it judges by (the thresholds the page
/// draws) and the id of its recording.
public struct LiveFeed: Sendable {
    /// The live session's channel.
    public var channel: LiveChannel
    /// The session's exercise profile, its hold target already set for this session.
    public var profile: FormProfile
    /// The recording's session id (what `review` takes), or nil when the session is not recorded.
    public var session: Int64?

    public init(channel: LiveChannel, profile: FormProfile, session: Int64? = nil) {
        self.channel = channel
        self.profile = profile
        self.session = session
    }
}
