import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore
import StretchGuardTrace

/// The exercise profile a stored session is replayed with: the one it was recorded with (its name is
/// stored with the session), or one the reviewer picks.
public enum SessionProfile {
    /// The profile for replaying `recording`.
    ///
    /// A profile whose hold target grows per session (``HoldProgression``) had a session-specific target
    /// live: `run` uses `forSession(n)` with n − 1 the complete sessions of that profile before it. The
    /// replay does the same; and when the session stored a `hold_reached` event, whose duration is the
    /// target that was in force, that target wins (it is what the wearer heard).
    ///
    /// - Parameters:
    ///   - recording: the session.
    ///   - library: where profiles are looked up by name.
    ///   - override: a profile name or file to use instead of the session's own, or nil.
    /// - Throws: ``ReviewError/profile(session:name:_:)`` when the profile cannot be loaded,
    ///   ``ReviewError/store(_:)`` when the session list cannot be read.
    public static func resolve(for recording: SessionRecording, library: ProfileLibrary,
                               override: String? = nil) throws(ReviewError) -> FormProfile {
        if override == nil, let plan = try SessionPlanReplay.load(for: recording, library: library) {
            return plan.opening  // a plan session: its first exercise's, at the target it ran with
        }
        let name = override ?? recording.session.info.profile
        var profile: FormProfile
        do {
            profile = try library.load(name.isEmpty ? FormProfile.general.name : name)
        } catch {
            throw .profile(session: recording.id, name: name, error)
        }
        guard override == nil else { return profile }
        if let target = liveTarget(in: recording.storedEvents) {
            profile.hold.target = target
        } else {
            profile = profile.forSession(try sessionNumber(of: recording))
        }
        return profile
    }

    /// The hold target the live session announced, in s (nil when no hold reached one).
    static func liveTarget(in events: [FormEvent]) -> Double? {
        events.first { $0.kind == .holdReached && $0.duration > 0 }?.duration
    }

    /// The session's number for its profile's hold progression: 1 + the complete sessions of the same
    /// profile that started before it.
    static func sessionNumber(of recording: SessionRecording) throws(ReviewError) -> Int {
        let this = recording.session
        let sessions: [StoredSession]
        do {
            sessions = try recording.store.sessions()
        } catch {
            throw .store(error)
        }
        return 1 + sessions.count { other in
            other.id != this.id && other.isComplete && other.info.profile == this.info.profile
                && (other.startDate, other.id) < (this.startDate, this.id)
        }
    }
}
