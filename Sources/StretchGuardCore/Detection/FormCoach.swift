/// One sample's verdict on the wearer's form.
public struct FormVerdict: Sendable {
    /// Twist level: clear, warning or alert.
    public var twist: TwistMonitor.Level = .clear
    /// Whether ballistic bouncing is going on.
    public var bounce = false
    /// Whether a hold is on, and for how long so far, in s.
    public var holding = false
    public var holdSeconds: Double = 0
    /// Whether this sample is a high impact.
    public var impact = false

    public init() {}

    /// Whether the twist alert is on.
    public var twistAlert: Bool { twist == .alert }
}

/// Composes the detectors into a per-sample verdict and an event stream (`events` after each `update`).
///
/// While the wearer steps or walks (the trunk bobs at step cadence, see `SteppingDetector`), twist alerts
/// and bounce cycles are suppressed: turning on the feet is not a twist, and gait sway is not bouncing.
public struct FormCoach: Sendable {
    public let profile: FormProfile
    public private(set) var twist: TwistMonitor
    public private(set) var bounce: BounceDetector
    public private(set) var hold: HoldTimer
    public private(set) var impact: ImpactMonitor
    /// What started or ended at the last sample judged.
    public private(set) var events = FormEvents()

    public init(profile: FormProfile = .general) {
        self.profile = profile
        twist = TwistMonitor(settings: profile.twist)
        bounce = BounceDetector(settings: profile.bounce)
        hold = HoldTimer(settings: profile.hold)
        impact = ImpactMonitor(settings: profile.impact)
    }

    /// Judges one sample.
    ///
    /// - Parameters:
    ///   - angles: the posture, in rad.
    ///   - gyr: bias-corrected angular rate, in rad/s.
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    ///   - stepping: whether the wearer is stepping or walking (see `PostureTracker.State.isStepping`).
    @inline(__always)
    public mutating func update(angles: PostureAngles, gyr: Vector3D, acc: Vector3D, time: Double, dt: Double,
                                stepping: Bool) -> FormVerdict {
        events.removeAll()
        var verdict = FormVerdict()
        verdict.twist = twist.update(twist: angles.twist, time: time, dt: dt, suppressed: stepping, events: &events)
        verdict.bounce = bounce.update(angles: angles, time: time, suppressed: stepping, events: &events)
        verdict.holding = hold.update(angles: angles, gyr: gyr, time: time, dt: dt, events: &events)
        verdict.holdSeconds = hold.heldSeconds(at: time)
        verdict.impact = impact.update(acc: acc, time: time, events: &events)
        return verdict
    }

    /// Closes everything open (alerts and a hold in progress) before this coach is replaced mid-session;
    /// its events replace `events`.
    public mutating func close(at time: Double) {
        events.removeAll()
        twist.end(at: time, events: &events)
        bounce.end(at: time, events: &events)
        hold.end(at: time, events: &events)
    }

    /// Closes what is open at the end of a session (a hold in progress); its events replace `events`.
    /// An alert still on stays open: the review shows it running to the session's end.
    public mutating func finish(at time: Double) {
        events.removeAll()
        hold.end(at: time, events: &events)
    }
}
