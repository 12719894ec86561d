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
/// Allocation-free per sample; no I/O.
public struct FormPipeline: Sendable {
    public private(set) var posture: PosturePipeline
    public private(set) var coach: FormCoach

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture.
    ///   - profile: the exercise's thresholds.
    ///   - samplePeriod: the expected sample period, in s.
    public init(baseline: Baseline, profile: FormProfile = .general, samplePeriod: Double) {
        posture = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                  samplePeriod: samplePeriod)
        coach = FormCoach(profile: profile)
    }

    /// Processes one sample.
    public mutating func process(_ sample: IMUSample) -> FormFrame {
        let frame = posture.process(sample)
        let verdict = coach.update(angles: frame.angles, gyr: sample.gyr - posture.gyrBias, acc: sample.acc,
                                   time: sample.time, dt: posture.filter.state.lastStep,
                                   stepping: posture.posture.state.isStepping)
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
}
