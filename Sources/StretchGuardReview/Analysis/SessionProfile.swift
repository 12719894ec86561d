import StretchGuardConfig
import StretchGuardCore
import StretchGuardStore

/// The exercise profile a stored session is replayed with: the one it was recorded with (its name is
/// stored with the session), or one the reviewer picks.
public enum SessionProfile {
    /// The profile for replaying `recording`.
    ///
    /// A profile whose hold target grows per session (``HoldProgression``) had a session-specific target
    /// live. The stored `hold_reached` events carry that target, so when the session has one the replay
    /// uses it, and reproduces the live events; otherwise the profile's final target is used.
    ///
    /// - Parameters:
    ///   - recording: the session.
    ///   - library: where profiles are looked up by name.
    ///   - override: a profile name or file to use instead of the session's own, or nil.
    /// - Throws: ``ReviewError/profile(session:name:_:)`` when the profile cannot be loaded.
    public static func resolve(for recording: SessionRecording, library: ProfileLibrary,
                               override: String? = nil) throws(ReviewError) -> FormProfile {
        let name = override ?? recording.session.info.profile
        var profile: FormProfile
        do {
            profile = try library.load(name.isEmpty ? FormProfile.general.name : name)
        } catch {
            throw .profile(session: recording.id, name: name, error)
        }
        if override == nil, let target = liveTarget(in: recording.storedEvents) {
            profile.hold.target = target
        }
        return profile
    }

    /// The hold target the live session announced, in s (nil when no hold reached one).
    static func liveTarget(in events: [FormEvent]) -> Double? {
        events.first { $0.kind == .holdReached && $0.duration > 0 }?.duration
    }
}
