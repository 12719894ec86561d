import StretchGuardCore

/// Where a recorded session changed exercise profile (a plan's next exercise): the profile judging from
/// the sample at `time` (s on the sample clock) on.
public struct ProfileSwitch: Sendable {
    /// The sample at which the live session switched, in s (the switch follows that sample's judging).
    public var time: Double
    /// The profile from then on.
    public var profile: FormProfile

    public init(time: Double, profile: FormProfile) {
        self.time = time
        self.profile = profile
    }
}

/// A recorded session's profile switches, handed to a ``SessionPipeline`` where the live loop made them:
/// the live loop switches right after judging the sample at which the rest ended, and marks that sample's
/// time; so a replay switches after judging the first sample at or after the mark.
public struct ProfileSwitchSchedule: Sendable {
    private var switches: ArraySlice<ProfileSwitch>

    /// - Parameter switches: in any order.
    public init(_ switches: [ProfileSwitch]) {
        self.switches = switches.sorted { $0.time < $1.time }[...]
    }

    /// Switches `pipeline` for every switch due at a sample just judged at `time` (s).
    public mutating func apply(after time: Double, in pipeline: inout SessionPipeline) {
        while let next = switches.first, next.time <= time {
            pipeline.switchProfile(to: next.profile, at: time)
            switches.removeFirst()
        }
    }
}
