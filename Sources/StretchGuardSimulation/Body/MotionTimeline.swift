import StretchGuardCore

/// A scenario's steps laid out in time: the trunk's posture, the stance heading and the pelvis's linear
/// acceleration as smooth functions of time, and which step is running when.
struct MotionTimeline: Sendable {
    /// One step placed in time, with the state it starts from and ends in.
    struct Segment: Sendable {
        var step: ScenarioStep
        /// Start time, in s.
        var start: Double
        /// Posture at the start and at the end, in rad.
        var startPosture: PostureAngles
        var endPosture: PostureAngles
        /// Stance heading at the start and at the end, in rad (about world z, + counter-clockwise).
        var startHeading: Double
        var endHeading: Double
        /// Which way an oscillation swings first: +1 or −1 (deeper into the current posture).
        var direction: Double
        /// Whether the step is a bounce by the alert definition.
        var bounceExpected: Bool
    }

    let segments: [Segment]
    /// Total length, in s.
    let duration: Double
    /// Breathing and tremor during holds, if any.
    let holdMotion: HoldMotion?

    init(_ steps: [ScenarioStep], holdMotion: HoldMotion? = nil) {
        self.holdMotion = holdMotion
        var segments: [Segment] = []
        var time = 0.0
        var posture = PostureAngles.neutral
        var heading = 0.0
        for step in steps {
            var segment = Segment(step: step, start: time, startPosture: posture, endPosture: posture,
                                  startHeading: heading, endHeading: heading, direction: 1,
                                  bounceExpected: false)
            switch step.action {
            case .move(let target):
                segment.endPosture = PostureAngles(flexion: target.flexion ?? posture.flexion,
                                                   sideBend: target.sideBend ?? posture.sideBend,
                                                   twist: target.twist ?? posture.twist)
            case .oscillate(let oscillation):
                segment.direction = posture[oscillation.axis] < -1e-9 ? -1 : 1
                segment.bounceExpected = AlertDefinition.isBounce(oscillation, keyword: step.keyword,
                                                                  duration: step.duration)
            case .turn(let angle, _):
                segment.endHeading = heading + angle
            case .hold, .walk, .jump:
                break
            }
            segments.append(segment)
            posture = segment.endPosture
            heading = segment.endHeading
            time += step.duration
        }
        self.segments = segments
        duration = time
    }

    /// The index of the segment running at `t` s (the first one before it starts, the last one after the
    /// end); a boundary belongs to the segment that starts there.
    func segmentIndex(at t: Double) -> Int {
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].start <= t { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The trunk's posture relative to the neutral stance at `t` s, in rad.
    func posture(at t: Double) -> PostureAngles {
        let segment = segments[segmentIndex(at: t)]
        let duration = segment.step.duration
        let tau = min(max(t - segment.start, 0), duration)
        let base = segment.startPosture
        switch segment.step.action {
        case .hold:
            guard let holdMotion else { return base }
            return PostureAngles(flexion: base.flexion + holdMotion.breathing(at: t, tau: tau, duration: duration),
                                 sideBend: base.sideBend, twist: base.twist)
        case .turn, .jump:
            return base
        case .move:
            let s = SmoothProfile.skewedMinimumJerk(tau / duration, peak: segment.step.velocityPeak)
            let end = segment.endPosture
            return PostureAngles(flexion: base.flexion + (end.flexion - base.flexion) * s,
                                 sideBend: base.sideBend + (end.sideBend - base.sideBend) * s,
                                 twist: base.twist + (end.twist - base.twist) * s)
        case .oscillate(let oscillation):
            var posture = base
            posture[oscillation.axis] += oscillation.offset(at: tau, duration: duration,
                                                           direction: segment.direction)
            return posture
        case .walk(_, let stepping):
            let sway = stepping.sway(at: tau, duration: duration)
            return PostureAngles(flexion: base.flexion + sway.flexion, sideBend: base.sideBend + sway.sideBend,
                                 twist: base.twist + sway.twist)
        }
    }

    /// Breathing's chest flexion at `t` s, in rad (part of `posture(at:)`; 0 outside holds).
    func breathing(at t: Double) -> Double {
        let segment = segments[segmentIndex(at: t)]
        guard let holdMotion, case .hold = segment.step.action else { return 0 }
        let duration = segment.step.duration
        return holdMotion.breathing(at: t, tau: min(max(t - segment.start, 0), duration), duration: duration)
    }

    /// The walking sway at `t` s, in rad (part of `posture(at:)`; neutral outside walks).
    func sway(at t: Double) -> PostureAngles {
        let segment = segments[segmentIndex(at: t)]
        guard case .walk(_, let stepping) = segment.step.action else { return .neutral }
        let duration = segment.step.duration
        return stepping.sway(at: min(max(t - segment.start, 0), duration), duration: duration)
    }

    /// The stride's swing at `t` s, −1…1 (unitless): the sine of the stride phase (half the step rate),
    /// faded in and out like the steps, at full size in walks and `PelvisMotion.turningGaitShare` of it in
    /// stepping turns; 0 elsewhere.
    func gait(at t: Double) -> Double {
        let segment = segments[segmentIndex(at: t)]
        let duration = segment.step.duration
        let tau = t - segment.start
        guard tau >= 0, tau <= duration else { return 0 }
        let stepping: SteppingPattern, share: Double
        switch segment.step.action {
        case .walk(_, let pattern): (stepping, share) = (pattern, 1)
        case .turn(_, let pattern): (stepping, share) = (pattern, PelvisMotion.turningGaitShare)
        case .hold, .move, .oscillate, .jump: return 0
        }
        let fade = SmoothProfile.window(tau, duration: duration, ramp: stepping.ramp(duration: duration))
        return share * fade * Double.sin(Double.pi * stepping.frequency * tau)
    }

    /// The hold tremor's local rotation of the sensor at `t` s (body frame; identity outside holds).
    func tremor(at t: Double) -> QuaternionD {
        guard let holdMotion else { return .identity }
        let segment = segments[segmentIndex(at: t)]
        guard case .hold = segment.step.action else { return .identity }
        let tau = t - segment.start
        guard tau > 0, tau < segment.step.duration else { return .identity }
        return holdMotion.tremor(at: t, tau: tau, duration: segment.step.duration).rotation
    }

    /// The stance heading at `t` s: the direction the pelvis faces, in rad about world z.
    func heading(at t: Double) -> Double {
        let segment = segments[segmentIndex(at: t)]
        guard case .turn = segment.step.action else { return segment.startHeading }
        let s = SmoothProfile.minimumJerk((t - segment.start) / segment.step.duration)
        return segment.startHeading + (segment.endHeading - segment.startHeading) * s
    }

    /// The pelvis's linear acceleration at `t` s, in m/s², in the world frame (z up).
    func pelvisAcceleration(at t: Double) -> Vector3D {
        let segment = segments[segmentIndex(at: t)]
        let duration = segment.step.duration
        let tau = t - segment.start
        guard tau >= 0, tau <= duration else { return .zero }
        let local: Vector3D
        switch segment.step.action {
        case .hold, .move, .oscillate:
            return .zero
        case .turn(_, let stepping):
            local = stepping.acceleration(at: tau, duration: duration)
        case .walk(let speed, let stepping):
            // Speed fades in over the first second and out over the last one.
            let ramp = min(1, duration / 2)
            let forward = speed * SmoothProfile.windowRate(tau, duration: duration, ramp: ramp)
            local = stepping.acceleration(at: tau, duration: duration) + Vector3D(forward, 0, 0)
        case .jump(let jump):
            return Vector3D(0, 0, jump.verticalAcceleration(at: tau))
        }
        return QuaternionD(axis: .unitZ, angle: heading(at: t)).rotate(local)
    }

    /// The step running at `t` s and whether it is a bounce by the alert definition.
    func segment(at t: Double) -> Segment {
        segments[segmentIndex(at: t)]
    }
}

extension PostureAngles {
    /// One angle by axis, in rad.
    subscript(axis: PostureAxis) -> Double {
        get {
            switch axis {
            case .flexion: return flexion
            case .sideBend: return sideBend
            case .twist: return twist
            }
        }
        set {
            switch axis {
            case .flexion: flexion = newValue
            case .sideBend: sideBend = newValue
            case .twist: twist = newValue
            }
        }
    }
}
