/// A whole session's form pipeline, with the neutral posture re-captured mid-session (the button's long
/// press).
///
/// A re-capture starts at a time (the press); the samples after it, for `recaptureDuration`, are gathered
/// as a new neutral baseline while the current pipeline goes on judging. When the time is up, the current
/// pipeline is closed (alerts and a hold in progress end) and a fresh one starts from the new baseline, with the
/// calibrated mounting kept (only the neutral posture and the gyro bias change). If the wearer was not
/// still, the previous baseline stays.
///
/// The live loop and the review's replay both run this type, and a re-capture depends only on its start
/// time and the samples, so the review reproduces the live session's events exactly given the start time
/// (stored as a marker).
///
/// Allocation-free per sample; no I/O.
public struct SessionPipeline: Sendable {
    /// How long the wearer stands upright and still for a re-capture, in s.
    public static let recaptureDuration = 2.0

    /// The pipeline judging now.
    public private(set) var pipeline: FormPipeline
    /// The baseline in force.
    public private(set) var baseline: Baseline
    /// The outcome of a re-capture that ended at the last sample processed (`nil` at other samples).
    public private(set) var recaptured: Result<Baseline, BaselineCalibrator.Failure>?
    /// The expected sample period, in s.
    public let samplePeriod: Double

    private var capture: BaselineCalibrator?
    private var captureEnd: Double = 0
    /// The events of a sample at which the pipeline was replaced: the old pipeline's, then its closing ones.
    private var switchEvents: FormEvents?

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture at the session start.
    ///   - profile: the exercise's thresholds.
    ///   - samplePeriod: the expected sample period, in s.
    public init(baseline: Baseline, profile: FormProfile = .general, samplePeriod: Double) {
        self.baseline = baseline
        self.samplePeriod = samplePeriod
        pipeline = FormPipeline(baseline: baseline, profile: profile, samplePeriod: samplePeriod)
    }

    /// The filter's current gyroscope bias estimate, in rad/s (sensor frame).
    public var gyrBias: Vector3D { pipeline.posture.gyrBias }

    /// Whether a re-capture is gathering samples.
    public var isRecapturing: Bool { capture != nil }

    /// What started or ended at the last sample processed (or at `finish`).
    public var events: FormEvents { switchEvents ?? pipeline.events }

    /// Starts re-capturing the neutral posture from the samples after `time` (s); a re-capture already
    /// under way starts again.
    public mutating func beginRecapture(at time: Double) {
        capture = BaselineCalibrator()
        captureEnd = time + Self.recaptureDuration
    }

    /// Processes one tick (with the pelvis's reading in `sample.pelvis` in two-sensor mode).
    public mutating func process(_ sample: IMUSample) -> FormFrame {
        switchEvents = nil
        recaptured = nil
        let frame = pipeline.process(sample)
        if var calibrator = capture {
            calibrator.add(sample)
            capture = calibrator
            if sample.time >= captureEnd { finishRecapture(calibrator, at: sample.time) }
        }
        return frame
    }

    /// Judges by `profile` from the sample just processed on (a plan's next exercise, at `time`, that
    /// sample's time in s): alerts and a hold in progress are closed there (their events follow the
    /// sample's own in `events`) and the detectors start afresh; orientation and baseline carry on.
    public mutating func switchProfile(to profile: FormProfile, at time: Double) {
        var merged = switchEvents ?? pipeline.events
        pipeline.close(at: time)
        for event in pipeline.events { merged.append(event) }
        switchEvents = merged
        pipeline.judge(by: profile)
    }

    /// Closes what is open at the end of a session; its events replace `events`.
    public mutating func finish(at time: Double) {
        switchEvents = nil
        pipeline.finish(at: time)
    }

    private mutating func finishRecapture(_ calibrator: BaselineCalibrator, at time: Double) {
        capture = nil
        do {
            // The mounting in force is kept (calibrated, or learned from a bend): only the neutral posture
            // and the gyro bias change.
            var fresh = try calibrator.baseline(spineAxis: nil, forwardAxis: nil)
            let tracker = pipeline.posture.posture
            fresh.mounting = tracker.mounting
            fresh.forwardAxisKnown = !tracker.isForwardProvisional
            if let pelvisChannel = pipeline.pelvis {
                // The pelvis keeps its mounting too; a pelvis that gave nothing for a whole re-capture keeps
                // its previous neutral.
                var pelvisFresh = fresh.pelvis ?? baseline.pelvis
                pelvisFresh?.mounting = pelvisChannel.posture.posture.mounting
                pelvisFresh?.forwardAxisKnown = pelvisChannel.isForwardKnown
                fresh.pelvis = pelvisFresh
            }
            var merged = pipeline.events
            pipeline.close(at: time)
            for event in pipeline.events { merged.append(event) }
            switchEvents = merged
            baseline = fresh
            pipeline = FormPipeline(baseline: fresh, profile: pipeline.coach.profile, samplePeriod: samplePeriod)
            recaptured = .success(fresh)
        } catch {
            recaptured = .failure(error)
        }
    }
}
