/// An exercise's thresholds for every detector, and how its hold target grows across sessions.
///
/// Profiles are data: `Calibration/profiles/*.toml` hold the human-edited ones (degrees and seconds);
/// `FormProfile.general` is the built-in default.
public struct FormProfile: Sendable, Equatable {
    /// Short name, e.g. `standing-hamstring`.
    public var name: String
    /// One line for the wearer: what the exercise is.
    public var summary: String
    public var twist = TwistMonitor.Settings()
    public var bounce = BounceDetector.Settings()
    public var hold = HoldTimer.Settings()
    public var impact = ImpactMonitor.Settings()
    /// "Bend from the hips" (two sensors only); off unless the profile turns it on.
    public var hipHinge = HipHingeCue.Settings()
    /// "Keep the hips still" (two sensors only); off unless the profile turns it on.
    public var hipsStill = HipsStillCue.Settings()
    public var progression = HoldProgression()
    /// Which way the exercise's first deep bend goes: it teaches the forward axis when no calibration gave
    /// it. Default `.forward`.
    public var firstBend = FirstBend.forward
    /// How deep that bend must go to teach the forward axis, in rad. Default 35°.
    public var firstBendTilt: Double = 35 * degree
    /// Whether the exercise works one side at a time (one leg, one arm), so a plan names its side: left,
    /// right, or both in turn. Default `false` (both sides at once, or no side: an extension, cat-cow).
    public var isOneSided = false

    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
    }

    /// The general default: any bend of 20° is a stretch position, 30 s holds.
    public static let general = FormProfile(name: "general", summary: "Any stretch: hold still, no twist, no bounce")

    /// The posture tracker's settings for this exercise: its first bend teaches the forward axis.
    public var postureSettings: PostureTracker.Settings {
        var settings = PostureTracker.Settings()
        settings.forwardAxis.firstBend = firstBend
        settings.forwardAxis.learnTilt = firstBendTilt
        return settings
    }

    /// The names of the settings that are out of range, empty when all are usable.
    public var inconsistencies: [String] {
        var bad: [String] = []
        if !twist.isConsistent { bad.append("twist") }
        if !bounce.isConsistent { bad.append("bounce") }
        if !hold.isConsistent { bad.append("hold") }
        if !impact.isConsistent { bad.append("impact") }
        if !hipHinge.isConsistent { bad.append("hip_hinge") }
        if !hipsStill.isConsistent { bad.append("hips_still") }
        if !progression.isConsistent { bad.append("progression") }
        return bad
    }

    /// This profile with the hold target for the given session (see `HoldProgression`).
    public func forSession(_ number: Int) -> FormProfile {
        var profile = self
        profile.hold.target = progression.target(forSession: number, final: hold.target)
        return profile
    }
}

/// Builds hold targets up gradually: start lower and add a little each session until the final target.
public struct HoldProgression: Sendable, Equatable {
    /// Target of the first session, in s; `nil` starts at the final target (no progression).
    public var startTarget: Double?
    /// Added per completed session, in s. Default 5 s.
    public var stepPerSession: Double = 5

    public init(startTarget: Double? = nil, stepPerSession: Double = 5) {
        self.startTarget = startTarget
        self.stepPerSession = stepPerSession
    }

    /// Whether the values make sense.
    public var isConsistent: Bool { (startTarget ?? 1) > 0 && stepPerSession >= 0 }

    /// The hold target of session `number` (1 = the first), in s, never above `final`.
    public func target(forSession number: Int, final: Double) -> Double {
        guard let start = startTarget else { return final }
        return min(final, start + Double(max(0, number - 1)) * stepPerSession)
    }
}
