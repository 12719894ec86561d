/// One sample's full result: orientation, posture and the coach's verdict.
public struct FormFrame: Sendable {
    public var posture: PostureFrame
    public var verdict: FormVerdict

    /// A frame from its posture and verdict.
    public init(posture: PostureFrame, verdict: FormVerdict) {
        self.posture = posture
        self.verdict = verdict
    }
}

/// The whole per-sample core: orientation filter, posture relative to the baseline, then the detectors.
///
/// With a pelvis baseline it runs two sensors: each has its own filter and bias estimate, and the posture
/// judged is the spine's, the thorax relative to the pelvis (`SpinalAngles`), in which a whole-body turn
/// cancels by construction. While the pelvis is lost the thorax judges alone, with its turn handling,
/// its twist carrying on from the spine's.
///
/// Allocation-free per sample; no I/O.
public struct FormPipeline: Sendable {
    /// The thorax's (the one sensor's) filter and posture.
    public private(set) var posture: PosturePipeline
    /// The pelvis's, in two-sensor mode.
    public private(set) var pelvis: PelvisChannel?
    public private(set) var coach: FormCoach
    /// The thorax's tilt at the last sample, in rad.
    private var lastTrunkTilt = 0.0
    /// The pelvis's report at the last sample (two sensors; before the first, reporting from neutral).
    private var lastPelvis = PelvisChannel.Report.none
    /// The pelvis's least share of the thorax's tilt for a deep bend to teach the forward axis as a
    /// forward bend with two sensors: a quarter (a forward bend hinges at the hips, a side bend hardly).
    static let hingeShareOfTeachingBend = 0.25

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture; with `baseline.pelvis`, two sensors.
    ///   - profile: the exercise's thresholds.
    ///   - samplePeriod: the expected sample period, in s.
    public init(baseline: Baseline, profile: FormProfile = .general, samplePeriod: Double) {
        posture = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                  samplePeriod: samplePeriod)
        if let pelvisBaseline = baseline.pelvis {
            pelvis = PelvisChannel(baseline: pelvisBaseline, firstBend: profile.firstBend, samplePeriod: samplePeriod)
            posture.setFollowsTurns(false)
        }
        coach = FormCoach(profile: profile)
    }

    /// Whether the hips take part in a bend of the thorax by `tilt` rad: the pelvis tilts at least
    /// `hingeShareOfTeachingBend` of it (a forward bend hinges at the hips, a side bend hardly).
    @inline(__always)
    private func hipsTakePart(tilt: Double) -> Bool {
        lastPelvis.angles.tilt >= Self.hingeShareOfTeachingBend * tilt
    }

    /// Whether the pelvis tells side bends from forward ones while the forward axis is learned: for an
    /// exercise whose first bend is forward and whose stretch may be any bend (the general profile). A
    /// forward-bend exercise (its stretch position `flexion`) takes its deep bends for forward bends, a
    /// rounded back with little hip flexion included; a side or backward first bend says so itself.
    @inline(__always)
    private var tellsSideFromForward: Bool {
        coach.profile.firstBend == .forward && coach.profile.hold.position == .any
    }

    /// Whether the posture judged now is the spine's (two sensors, the pelvis reporting).
    public var isSpinal: Bool { pelvis != nil && lastPelvis.isReporting }

    /// Processes one tick: the thorax's (the one sensor's) sample, with the pelvis's reading of the same
    /// tick in `sample.pelvis` in two-sensor mode (`nil` there: the pelvis gave nothing this tick).
    public mutating func process(_ sample: IMUSample) -> FormFrame {
        if pelvis != nil && lastPelvis.isReporting {
            // The thorax reads its bends from the way the hips face, and takes a deep bend for the teaching
            // forward bend only when the hips take part in it (a side bend barely tilts the pelvis).
            posture.face(lastPelvis.facingTurn, angle: lastPelvis.angles.twist)
            posture.allowForwardTeaching(!tellsSideFromForward || hipsTakePart(tilt: lastTrunkTilt))
        }
        var frame = posture.process(sample)
        lastTrunkTilt = frame.angles.tilt
        var change = PelvisChannel.Change.none
        // The whole trunk's bend (the thorax from neutral) places the wearer in the stretch and shows a
        // bounce; with two sensors its twist is the spine's.
        var trunk = frame.angles
        var spine: PostureAngles?
        // The pelvis's channel is changed in place (`pelvis!`) and read through its report: copying it out
        // of its optional would cost more than its filter.
        if pelvis != nil {
            pelvis!.process(sample.pelvis, time: sample.time, dt: posture.filter.state.lastStep, into: &lastPelvis)
            change = lastPelvis.change
            switch change {
            case .none: break
            case .lost:
                // The thorax takes over: its twist carries on from the spine's, and turns are handled by steps.
                posture.turnHeading(by: lastPelvis.angles.twist)
                posture.face(.identity, angle: 0)
                posture.allowForwardTeaching(true)
                posture.setFollowsTurns(true)
                trunk.twist = AngleWrap.principal(trunk.twist - lastPelvis.angles.twist)
                frame.angles = trunk
            case .returned:
                posture.setFollowsTurns(false)
            }
            if lastPelvis.isReporting {
                let spinal = lastPelvis.isForwardKnown && !posture.posture.isForwardProvisional
                    ? SpinalAngles(thoraxRelative: posture.posture.state.relative, pelvisRelative: lastPelvis.relative,
                                   pelvisAngles: lastPelvis.angles)
                    : SpinalAngles(thorax: frame.angles, pelvis: lastPelvis.angles,
                                   hipsTakePart: !posture.posture.isForwardProvisional || !tellsSideFromForward
                                       || hipsTakePart(tilt: frame.angles.tilt))
                frame.angles = spinal.spine
                frame.hips = spinal.hips
                trunk.twist = spinal.spine.twist
                spine = spinal.spine
            }
        }
        let verdict = coach.update(angles: trunk, gyr: sample.gyr - posture.gyrBias, acc: sample.acc,
                                   time: sample.time, dt: posture.filter.state.lastStep,
                                   stepping: posture.posture.state.isStepping, spine: spine, hips: frame.hips,
                                   pelvisChange: change)
        return FormFrame(posture: frame, verdict: verdict)
    }

    /// What started or ended at the last sample processed (or at `finish`).
    public var events: FormEvents { coach.events }

    /// Closes alerts and a hold in progress before this pipeline is replaced mid-session; its events
    /// replace `events`.
    public mutating func close(at time: Double) {
        coach.close(at: time)
    }

    /// Closes what is open at the end of a session; its events replace `events`.
    public mutating func finish(at time: Double) {
        coach.finish(at: time)
    }

    /// Judges by `profile` from now on (a plan's next exercise): the detectors start afresh with its
    /// thresholds (close the old ones first: ``close(at:)``). The orientation filters, the baselines and
    /// the learned axes carry on: the body has not moved.
    public mutating func judge(by profile: FormProfile) {
        coach = FormCoach(profile: profile)
    }
}
