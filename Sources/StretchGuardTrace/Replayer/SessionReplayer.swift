import StretchGuardCore

/// One replayed sample.
public struct ReplayStep: Sendable {
    /// The sample as read (time in s on the recording's clock, rad/s, m/s²).
    public var sample: IMUSample
    /// The pipeline's result: orientation, posture angles (rad), verdict (empty when not judged).
    public var frame: FormFrame
    /// The angular velocity with the filter's current gyro bias removed (before the neutral stretch: the
    /// baseline's), in rad/s (sensor frame).
    public var angularVelocity: Vector3D
    /// What started or ended at this sample.
    public var events: FormEvents
    /// Whether the coach judged this sample: false for the samples before a found neutral stretch.
    public var judged: Bool
}

/// The one replay engine: runs the core over a recording — a CSV trace (`replay FILE`), a stored session
/// (`review`, `replay --session`), an evaluation scenario — exactly as the live session runs it.
///
/// - The neutral posture is a calibrated one (judged from the first sample), or the recording's first still
///   stretch (``FoundBaseline``): judged from its first sample, and the samples before it get their angles
///   from the same neutral by running the filter backwards in time from it (no verdicts, no events).
/// - The filter runs at ``samplePeriod(of:)``: one rule for every recording.
/// - The pipeline is ``SessionPipeline``, with the neutral posture re-captured at the given start times
///   (a stored session's `recapture` markers; a trace has none).
/// - Samples are streamed from the source: only the samples before the neutral stretch are kept.
public struct SessionReplayer<Source: ReplaySource> {
    /// The recording.
    public let source: Source
    /// The neutral posture judged against.
    public let baseline: ReplayBaseline
    /// The exercise's thresholds.
    public let profile: FormProfile
    /// Start times of the re-captures of the neutral posture, in s on the recording's clock.
    public let recaptures: [Double]
    /// Where the session changed profile (a plan's exercises), in s on the recording's clock.
    public let profileSwitches: [ProfileSwitch]
    /// The filter's sample period, in s (``samplePeriod(of:)``).
    public let samplePeriod: Double

    /// - Parameters:
    ///   - source: the recording.
    ///   - baseline: the neutral posture.
    ///   - profile: the exercise's thresholds.
    ///   - recaptures: start times of re-captures, in s on the recording's clock (any order).
    ///   - profileSwitches: where the profile changed (a plan's exercises; any order).
    /// - Throws: the source's read failure (the period may need the first samples).
    public init(source: Source, baseline: ReplayBaseline, profile: FormProfile = .general,
                recaptures: [Double] = [], profileSwitches: [ProfileSwitch] = []) throws(Source.Failure) {
        self.source = source
        self.baseline = baseline
        self.profile = profile
        self.recaptures = recaptures
        self.profileSwitches = profileSwitches
        samplePeriod = try Self.samplePeriod(of: source)
    }

    /// The sample period a replay runs the filter at, in s — one rule for every recording: the nominal
    /// period (1 / the rate) when the recording declares a rate (stored sessions do: the live session ran
    /// at it), else the median step between the first 201 samples (a trace: robust to a dropped sample or a
    /// jittery clock); 0.01 s with fewer than two samples.
    public static func samplePeriod(of source: Source) throws(Source.Failure) -> Double {
        if let rate = source.declaredRate, rate > 0, rate.isFinite { return 1 / rate }
        var times: [Double] = []
        times.reserveCapacity(201)
        try source.read { sample in
            times.append(sample.time)
            return times.count < 201
        }
        guard times.count >= 2 else { return 0.01 }
        var steps = (1..<times.count).map { times[$0] - times[$0 - 1] }
        steps.sort()
        return steps[steps.count / 2]
    }

    /// Replays every sample, in order, then closes what is still open at the last (a hold in progress).
    ///
    /// - Parameter body: called with each replayed sample.
    /// - Returns: the events of closing the recording at its last sample.
    /// - Throws: the source's read failure.
    @discardableResult
    public func run(_ body: (ReplayStep) -> Void) throws(Source.Failure) -> FormEvents {
        var first = 0
        if let found = baseline.found {
            first = found.first
            if found.first > 0 {
                for step in try backwardSteps(found) { body(step) }
            }
        }
        var pipeline = SessionPipeline(baseline: baseline.baseline, profile: profile, samplePeriod: samplePeriod)
        var schedule = RecaptureSchedule(starts: recaptures)
        var switches = ProfileSwitchSchedule(profileSwitches)
        var last: Double?
        try source.read(from: first) { sample in
            schedule.start(before: sample.time, in: &pipeline)
            let frame = pipeline.process(sample)
            switches.apply(after: sample.time, in: &pipeline)
            body(ReplayStep(sample: sample, frame: frame, angularVelocity: sample.gyr - pipeline.gyrBias,
                            events: pipeline.events, judged: true))
            last = sample.time
        }
        pipeline.finish(at: last ?? 0)
        return pipeline.events
    }

    /// The samples before the neutral stretch, in order: the filter runs backwards in time from its start
    /// (time mirrored, rates negated), so the angles are relative to the neutral. The stretch's first sample
    /// only anchors the run.
    private func backwardSteps(_ found: FoundBaseline) throws(Source.Failure) -> [ReplayStep] {
        guard let anchor = found.lead.last else { return [] }
        var baseline = found.baseline
        if !baseline.forwardAxisKnown {
            // The rows before the neutral use the forward axis as the whole recording taught it.
            var learner = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                          samplePeriod: samplePeriod)
            try source.read(from: found.first) { _ = learner.process($0) }
            baseline.mounting = learner.posture.mounting
            baseline.forwardAxisKnown = !learner.posture.isForwardProvisional
        }
        // Backwards in time the rate is negated, and so is its bias: −(ω − b) = −ω − (−b).
        let bias = baseline.gyrBias
        baseline.gyrBias = -bias
        var pipeline = PosturePipeline(baseline: baseline, postureSettings: profile.postureSettings,
                                       samplePeriod: samplePeriod)
        var steps: [ReplayStep] = []
        steps.reserveCapacity(found.lead.count - 1)
        for sample in found.lead.reversed() {
            let mirrored = IMUSample(time: 2 * anchor.time - sample.time, gyr: -sample.gyr, acc: sample.acc)
            var posture = pipeline.process(mirrored)
            guard sample.time < anchor.time else { continue }
            posture.time = sample.time
            steps.append(ReplayStep(sample: sample, frame: FormFrame(posture: posture, verdict: FormVerdict()),
                                    angularVelocity: sample.gyr - bias, events: FormEvents(), judged: false))
        }
        return steps.reversed()
    }
}

extension SessionReplayer where Source == TraceSamples {
    /// A trace replayed as `stretchguard replay FILE` replays it: the neutral posture is its first still
    /// stretch (``FoundBaseline/search(_:options:)``), the period the median step, no re-captures.
    ///
    /// - Parameters:
    ///   - samples: the trace (s, rad/s, m/s², sensor frame).
    ///   - path: the trace's file name, for error messages (data lines start at line 2).
    ///   - options: how the neutral posture is found.
    ///   - profile: the exercise's thresholds.
    /// - Throws: ``TraceError`` when the trace has no still stretch.
    public init(trace samples: [IMUSample], path: String, options: ReplayOptions = ReplayOptions(),
                profile: FormProfile = .general) throws(TraceError) {
        let source = TraceSamples(samples)
        let found = try FoundBaseline.search(source, options: options).mapError { TraceError($0, path: path) }.get()
        self.init(source: source, baseline: .found(found), profile: profile)
    }
}
