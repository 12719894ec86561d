import Dispatch
import Foundation
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardStore
import Synchronization

/// A live session: one sensor's samples (or two sensors' ticks: thorax and pelvis) through the core to the buzzer and LEDs and into the recorder, on
/// a thread of its own, until its stop token, its time limit, the simulated scenario's end, or a sensor that
/// stays gone; then every output off, the session's closing events recorded and the recording closed.
///
/// The sample thread does nothing slow: the sensor read, the core, the GPIO writes, a copy into the
/// recorder's bounded buffer, and (20 times a second at most) a snapshot into the ``LiveChannel``; nothing
/// is allocated per sample in steady state. Readers — the terminal display, a browser view, tests — take
/// snapshots and events from ``channel`` and never slow it down.
///
/// Everything it owns is touched by the sample thread only, from ``start()`` until it ends; ``wait()``
/// hands the result back (hence `@unchecked Sendable`: the hand-over is the thread's start and end).
public final class LiveSession: @unchecked Sendable {
    /// What the session needs, opened by the caller.
    public struct Parts {
        /// The sensor (chip driver or simulated chip) and its sample clock.
        public var sensor: LiveSensor
        /// The neutral posture the posture is measured from.
        public var baseline: Baseline
        /// The exercise's thresholds and hold target.
        public var profile: FormProfile
        /// The buzzer, LEDs and button.
        public var feedback: FeedbackOutputs
        /// Where the samples, events and markers go.
        public var recorder: SessionRecorder
        /// The session's time limit, in s (nil: until stopped or the scenario ends).
        public var duration: Double?
        /// A plan to walk the wearer through (`profile` is then unused: each exercise judges by its own); the
        /// session ends when the plan does.
        public var plan: LivePlan?

        public init(sensor: LiveSensor, baseline: Baseline, profile: FormProfile, feedback: FeedbackOutputs,
                    recorder: SessionRecorder, duration: Double? = nil, plan: LivePlan? = nil) {
            self.sensor = sensor
            self.baseline = baseline
            self.profile = plan?.openingProfile ?? profile
            self.feedback = feedback
            self.recorder = recorder
            self.duration = duration
            self.plan = plan
        }
    }

    /// How a session went, for the summary.
    public struct Outcome: Sendable {
        /// Why it ended.
        public var end: LiveSessionEnd
        /// Every event the coach reported, in order (a few a minute).
        public var events: [FormEvent]
        /// What they add up to.
        public var summary: SessionSummary
        /// The recorder's counts, or why closing the recording failed.
        public var recording: Result<RecorderCounters, any Error>
        /// How regularly the samples came, and how they were timed.
        public var timing: SampleTimingStatistics
        public var mode: SampleClockMode
        /// Which timing mode was chosen on the chip, what showed it works, and why better ones were passed over.
        public var clockChoice: SampleClockChoice
        /// The nominal sample period, in s.
        public var period: Double
        /// From each sample's acquisition instant (its time stamp: the data-ready edge's kernel time, its
        /// place in a FIFO batch, or the poll's read time) to the feedback written for it, in s.
        public var latency: LatencyHistogram
        /// Sensor reads that failed.
        public var sensorFaults: Int
        /// The sample loop's start and its last sample, on the sample clock, in s.
        public var startTime: Double, lastTime: Double
        /// The pelvis sensor's record, with two sensors; nil with one.
        public var pelvis: PelvisOutcome?
        /// The plan's repetitions and how each went (nil without a plan).
        public var plan: GuidedPlan?
        /// How the kernel scheduled the sample thread.
        public var priority: SampleThreadPriority
    }

    /// How the pelvis sensor did in a two-sensor session.
    public struct PelvisOutcome: Sendable, Equatable {
        /// Ticks that came without its reading (each 1/rate s).
        public var missedTicks: Int
        /// Times it was counted as gone (after 0.1 s of failed reads) and times it came back.
        public var losses: Int, returns: Int
        /// Whether it was answering at the end.
        public var answeringAtEnd: Bool
        /// Whether the session judged the spine (the thorax relative to the pelvis): the baseline had the
        /// pelvis's part. False: the pelvis was read but the calibration was for the thorax alone.
        public var spinal: Bool

        public init(missedTicks: Int, losses: Int, returns: Int, answeringAtEnd: Bool, spinal: Bool) {
            self.missedTicks = missedTicks
            self.losses = losses
            self.returns = returns
            self.answeringAtEnd = answeringAtEnd
            self.spinal = spinal
        }
    }

    /// Where readers take snapshots and events.
    public let channel: LiveChannel
    /// Stops the session (any thread).
    public let stopToken: StopToken
    /// Called on the sample thread after each sample with its count (from 1): instrumentation such as the
    /// benchmark's allocation counter. Set before ``start()``.
    public var sampleProbe: ((Int) -> Void)?

    /// Owned by the sample thread; `parts.sensor` is the one sensor (its clock is mutated as it reads).
    private var parts: Parts
    private var pipeline: SessionPipeline
    private let clock: any MonotonicClock
    private let done = DispatchSemaphore(value: 0)
    private let ended = Atomic<Bool>(false)
    private var outcome: Outcome?
    /// How the kernel schedules the sample thread (set as it starts).
    private var priority = SampleThreadPriority.ordinary

    // Sample-thread state.
    private var latency = LatencyHistogram()
    private var events: [FormEvent] = []
    private var sensorFaults = 0
    private var startTime: Double = 0
    private var lastTime: Double = 0
    private var samplesProcessed = 0
    private var nextPublish: Double = 0
    private var snapshot = LiveSnapshot()
    /// The plan being walked through, if any.
    private var guide: PlanGuide?
    /// Samples read by the last `next` (one, or a FIFO batch), judged once the read is over: the core never
    /// runs inside the driver's callback. Capacity kept from batch to batch.
    private var pending: [IMUSample] = []

    /// - Parameters:
    ///   - parts: what the session runs on.
    ///   - stopToken: the token that ends it (a new one by default).
    ///   - channel: where it publishes (a new one by default).
    public init(_ parts: Parts, stopToken: StopToken = StopToken(), channel: LiveChannel = LiveChannel()) {
        self.parts = parts
        self.stopToken = stopToken
        self.channel = channel
        clock = parts.sensor.timeSource
        pipeline = SessionPipeline(baseline: parts.baseline, profile: parts.profile, samplePeriod: 1 / parts.sensor.rate)
        snapshot.holdTarget = parts.profile.hold.target
        snapshot.mode = parts.sensor.clock.mode
        snapshot.twoSensors = parts.sensor.hasPelvis && parts.baseline.pelvis != nil
        guide = parts.plan.map(PlanGuide.init)
        snapshot.planSteps = parts.plan?.steps.count ?? 0
        events.reserveCapacity(256)
        pending.reserveCapacity(1024)
    }

    /// Starts the sample thread (call once).
    public func start() {
        let thread = Thread { [self] in
            priority = SampleThreadPriority.raiseCallingThread()
            outcome = run()
            ended.store(true, ordering: .releasing)
            done.signal()
        }
        thread.name = "stretchguard-samples"
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// Whether the session has ended (outputs off, recording closed).
    public var isFinished: Bool { ended.load(ordering: .acquiring) }

    /// Waits for the session to end and returns how it went.
    public func wait() -> Outcome {
        done.wait()
        done.signal()  // later calls return at once
        return outcome!
    }

    // MARK: - The sample thread

    private func run() -> Outcome {
        startTime = clock.now()
        lastTime = startTime
        parts.feedback.player.play(.ready, now: startTime)
        guide?.begin(at: startTime, recorder: parts.recorder, feedback: parts.feedback, channel: channel)
        let end = loop()
        parts.feedback.close()  // outputs off before anything else
        guide?.close(at: lastTime, recorder: parts.recorder)
        parts.recorder.mark(SessionMarker(time: lastTime, kind: .note, note: "outputs off (\(end))"))
        try? parts.sensor.stop()
        pipeline.finish(at: lastTime)
        parts.recorder.record(pipeline.events)
        for event in pipeline.events { note(event) }
        let summary = SessionSummary(events: events)
        let recording = Result<RecorderCounters, any Error> { try parts.recorder.finish(summary: summary) }
        snapshot.buzzerOn = false
        snapshot.ledColor = .off
        channel.finish(snapshot)
        return Outcome(end: end, events: events, summary: summary, recording: recording,
                       timing: parts.sensor.clock.statistics, mode: parts.sensor.clock.mode, clockChoice: parts.sensor.clock.choice,
                       period: parts.sensor.clock.period, latency: latency, sensorFaults: sensorFaults,
                       startTime: startTime, lastTime: lastTime, pelvis: pelvisOutcome, plan: guide?.runner,
                       priority: priority)
    }

    private var pelvisOutcome: PelvisOutcome? {
        guard let reader = parts.sensor.pelvis?.reader else { return nil }
        return PelvisOutcome(missedTicks: reader.missedTicks, losses: reader.losses, returns: reader.returns,
                             answeringAtEnd: reader.isAnswering, spinal: parts.baseline.pelvis != nil)
    }

    /// Reads and judges samples until something ends the session; returns what did.
    private func loop() -> LiveSessionEnd {
        do {
            try parts.sensor.start()
        } catch {
            return .sensorCouldNotStart(error)
        }
        var faultSince: Double?
        while !stopToken.isStopped {
            let now = clock.now()
            if let duration = parts.duration, now - startTime >= duration { return .durationReached }
            if let end = parts.sensor.scenarioEnd, now >= end { return .scenarioFinished }
            if let guide, let endTime = guide.endTime, lastTime >= endTime, let end = guide.end { return end }
            do {
                _ = try parts.sensor.next { reading in pending.append(reading.sample) }
                faultSince = nil
            } catch {
                sensorFaults += 1
                if faultSince == nil {
                    faultSince = now
                    parts.feedback.player.play(.sensorFault, now: now)
                    channel.post(.sensorFault(time: now, error))
                }
                if let since = faultSince, now - since > 5 { return .sensorStopped(error) }
                try? parts.feedback.player.tick(now: now)
                clock.sleep(until: now + 0.05)
            }
            // What a batch delivered before a failure is still judged and recorded.
            for sample in pending { process(sample) }
            pending.removeAll(keepingCapacity: true)
            pollButton(now: clock.now())
        }
        return .stopped
    }

    /// One sample: record it (as it will be stored), run the core, drive the feedback, measure latency.
    private func process(_ raw: IMUSample) {
        // The core judges the sample as stored (both sensors' counts), so a review replays it exactly.
        let sample = parts.recorder.record(raw)
        lastTime = sample.time
        let frame = pipeline.process(sample)
        let emitted = pipeline.events
        if !emitted.isEmpty {
            parts.recorder.record(emitted)
            parts.feedback.handle(emitted, now: sample.time)
            for event in emitted { note(event) }
        }
        if guide != nil,
           let closing = guide!.follow(frame.verdict, events: emitted, at: sample.time, pipeline: &pipeline,
                                       recorder: parts.recorder, feedback: parts.feedback, channel: channel),
           !closing.isEmpty {
            // The previous exercise's alerts and hold, closed where the next exercise begins.
            parts.recorder.record(closing)
            parts.feedback.handle(closing, now: sample.time)
            for event in closing { note(event) }
        }
        if let outcome = pipeline.recaptured { reportRecapture(outcome, at: sample.time) }
        parts.feedback.setIdle(holding: frame.verdict.holding, twist: frame.verdict.twist)
        let now = clock.now()
        try? parts.feedback.player.tick(now: now)
        latency.record(now - raw.time)
        if sample.time >= nextPublish { publish(frame, at: sample.time) }
        samplesProcessed += 1
        sampleProbe?(samplesProcessed)
    }

    private func note(_ event: FormEvent) {
        switch event.kind {
        case .pelvisLost:
            snapshot.pelvisLost = true
            parts.recorder.mark(SessionMarker(time: event.time, kind: .note,
                                              note: "pelvis sensor lost: no pelvis readings from here (single-sensor detection)"))
        case .pelvisReturned:
            snapshot.pelvisLost = false
            parts.recorder.mark(SessionMarker(time: event.time, kind: .note,
                                              note: "pelvis sensor back: two-sensor detection again"))
        default:
            break
        }
        events.append(event)
        snapshot.tally.add(event)
        channel.post(.form(event))
    }

    private func publish(_ frame: FormFrame, at time: Double) {
        let angles = frame.posture.angles
        snapshot.time = time
        snapshot.elapsed = time - startTime
        snapshot.twist = angles.twist / degree
        snapshot.flexion = angles.flexion / degree
        snapshot.sideBend = angles.sideBend / degree
        snapshot.hipFlexion = frame.posture.hips.map { $0.flexion / degree }
        snapshot.twistLevel = frame.verdict.twist
        snapshot.bouncing = frame.verdict.bounce
        snapshot.holding = frame.verdict.holding
        snapshot.holdSeconds = frame.verdict.holdSeconds
        snapshot.buzzerOn = parts.feedback.buzzerOn
        snapshot.ledColor = parts.feedback.ledColor
        snapshot.capturingBaseline = pipeline.isRecapturing
        if let guide {
            snapshot.planStep = guide.runner.index
            snapshot.planPhase = guide.runner.phase
            snapshot.restLeft = guide.runner.restRemaining(at: time)
            snapshot.holdTarget = guide.runner.current.target
        }
        let timing = parts.sensor.clock.statistics
        snapshot.achievedRate = timing.achievedRate
        snapshot.droppedSamples = timing.droppedSamples
        snapshot.sensorFaults = sensorFaults
        snapshot.pelvisMissedTicks = parts.sensor.pelvis?.reader.missedTicks ?? 0
        // A reader holding the lock this instant: publish again at the next sample.
        if channel.publish(snapshot) { nextPublish = time + 0.05 }
    }

    /// Button: a short press marks "stop / it hurts"; a long press re-captures the neutral posture.
    private func pollButton(now: Double) {
        guard let button = parts.feedback.button else { return }
        try? button.poll { event in
            switch event.kind {
            case .shortPress:
                parts.recorder.mark(SessionMarker(time: event.time, kind: .stop, note: "stop / it hurts"))
                parts.feedback.player.play(.stop, now: now)
                channel.post(.stopMarked(time: event.time))
                // A plan ends for the day: the wearer is never pushed on through pain.
                guide?.stopForPain(at: lastTime, recorder: parts.recorder, channel: channel)
            case .longPress:
                // The marker's time is the re-capture's start: the review replays it from there.
                pipeline.beginRecapture(at: lastTime)
                parts.recorder.mark(SessionMarker(time: lastTime, kind: .recapture, note: "re-capturing the neutral posture"))
                channel.post(.recaptureStarted(time: lastTime, duration: SessionPipeline.recaptureDuration))
            default: break
            }
        }
    }

    private func reportRecapture(_ outcome: Result<Baseline, BaselineCalibrator.Failure>, at time: Double) {
        switch outcome {
        case .success:
            parts.recorder.mark(SessionMarker(time: time, kind: .note, note: "neutral posture re-captured"))
            channel.post(.recaptured(time: time))
        case let .failure(error):
            parts.recorder.mark(SessionMarker(time: time, kind: .note, note: "re-capture failed: the previous neutral posture stays"))
            channel.post(.recaptureFailed(time: time, error))
        }
    }
}
