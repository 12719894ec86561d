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
    /// Whether the "bend from the hips" cue is on (two sensors).
    public var hipHinge = false
    /// Whether the "keep the hips still" cue is on (two sensors).
    public var hipsStill = false

    public init() {}

    /// Whether the twist alert is on.
    public var twistAlert: Bool { twist == .alert }
}

/// Composes the detectors into a per-sample verdict and an event stream (`events` after each `update`).
///
/// While the wearer steps or walks (the trunk bobs at step cadence, see `SteppingDetector`), bounce cycles
/// are suppressed (gait sway is not bouncing), and with one sensor so are twist alerts (turning on the
/// feet is not a twist). With the pelvis reporting the twist is the spine's, in which a turn cancels: no
/// stepping logic touches it.
public struct FormCoach: Sendable {
    public let profile: FormProfile
    public private(set) var twist: TwistMonitor
    public private(set) var bounce: BounceDetector
    public private(set) var hold: HoldTimer
    public private(set) var impact: ImpactMonitor
    public private(set) var hipHinge: HipHingeCue
    public private(set) var hipsStill: HipsStillCue
    /// What started or ended at the last sample judged.
    public private(set) var events = FormEvents()

    public init(profile: FormProfile = .general) {
        self.profile = profile
        twist = TwistMonitor(settings: profile.twist)
        bounce = BounceDetector(settings: profile.bounce)
        hold = HoldTimer(settings: profile.hold)
        impact = ImpactMonitor(settings: profile.impact)
        hipHinge = HipHingeCue(settings: profile.hipHinge)
        hipsStill = HipsStillCue(settings: profile.hipsStill)
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
    ///   - spine: the spine's angles (thorax relative to pelvis) while the pelvis sensor reports, else `nil`;
    ///     `angles` are then the whole trunk's bend with the spine's twist.
    ///   - hips: the pelvis's angles while the pelvis sensor reports, else `nil`.
    ///   - pelvisChange: whether the pelvis sensor was lost or came back at this sample.
    @inline(__always)
    public mutating func update(angles: PostureAngles, gyr: Vector3D, acc: Vector3D, time: Double, dt: Double,
                                stepping: Bool, spine: PostureAngles? = nil, hips: HipAngles? = nil,
                                pelvisChange: PelvisChannel.Change = .none) -> FormVerdict {
        events.removeAll()
        switch pelvisChange {
        case .none: break
        case .lost:
            events.append(FormEvent(kind: .pelvisLost, time: time))
            hipHinge.end(at: time, events: &events)
            hipsStill.end(at: time, events: &events)
        case .returned: events.append(FormEvent(kind: .pelvisReturned, time: time))
        }
        var verdict = FormVerdict()
        verdict.twist = twist.update(twist: angles.twist, time: time, dt: dt, suppressed: stepping && spine == nil,
                                     events: &events)
        verdict.bounce = bounce.update(angles: angles, time: time, suppressed: stepping, events: &events)
        verdict.holding = hold.update(angles: angles, gyr: gyr, time: time, dt: dt, events: &events)
        verdict.holdSeconds = hold.heldSeconds(at: time)
        verdict.impact = impact.update(acc: acc, time: time, events: &events)
        if let hips, let spine {
            let inPosition = hold.state.inPosition
            verdict.hipHinge = hipHinge.update(spineFlexion: spine.flexion, hipFlexion: hips.flexion,
                                               inPosition: inPosition, time: time, dt: dt, events: &events)
            verdict.hipsStill = hipsStill.update(pelvisTwist: hips.twist, inPosition: inPosition, time: time, dt: dt,
                                                 events: &events)
        }
        return verdict
    }

    /// Closes everything open (alerts and a hold in progress) before this coach is replaced mid-session;
    /// its events replace `events`.
    public mutating func close(at time: Double) {
        events.removeAll()
        twist.end(at: time, events: &events)
        bounce.end(at: time, events: &events)
        hipHinge.end(at: time, events: &events)
        hipsStill.end(at: time, events: &events)
        hold.end(at: time, events: &events)
    }

    /// Closes what is open at the end of a session (a hold in progress); its events replace `events`.
    /// An alert still on stays open: the review shows it running to the session's end.
    public mutating func finish(at time: Double) {
        events.removeAll()
        hold.end(at: time, events: &events)
    }
}
