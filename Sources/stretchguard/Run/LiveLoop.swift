import Foundation
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardStore
import Synchronization

/// The sample loop of a live session, on its own thread: driver → core → feedback, then the sample and
/// its events handed to the recorder's bounded buffer. Nothing slow is in the way: no I/O but the sensor
/// read and the GPIO writes, no allocation per sample, the display gets a snapshot 10 times a second.
///
/// Owned by the loop thread from `run()` to its return; the main thread reads only `shared` meanwhile
/// (hence `@unchecked Sendable`: the hand-over is the thread start and join).
final class LiveLoop: @unchecked Sendable {
    var sensor: LiveSensor
    var pipeline: SessionPipeline
    let feedback: FeedbackOutputs
    let recorder: SessionRecorder
    /// Session time limit, in s (nil: until the scenario ends or a stop signal).
    let duration: Double?
    /// Display snapshot and the end flag, shared with the main thread.
    let shared = Mutex(LiveSnapshot())
    let finished = Atomic<Bool>(false)

    // Results, read after the thread ends.
    private(set) var latency = LatencyHistogram()
    /// Every event the coach reported (a few per minute: kept for the summary).
    private(set) var events: [FormEvent] = []
    private(set) var sensorFaults = 0
    private(set) var endReason = "stopped"
    private(set) var lastTime: Double = 0
    private(set) var startTime: Double = 0
    private var nextPublish: Double = 0
    private var snapshot = LiveSnapshot()

    init(sensor: LiveSensor, baseline: Baseline, profile: FormProfile, feedback: FeedbackOutputs,
         recorder: SessionRecorder, duration: Double?) {
        self.sensor = sensor
        pipeline = SessionPipeline(baseline: baseline, profile: profile, samplePeriod: 1 / sensor.rate)
        self.feedback = feedback
        self.recorder = recorder
        self.duration = duration
        snapshot.holdTarget = profile.hold.target
    }

    /// Runs until a stop signal, the duration, the scenario's end, or a sensor that stays gone; then drives
    /// every output off (before anything else happens).
    func run() {
        defer {
            feedback.close()
            finished.store(true, ordering: .releasing)
        }
        let monotonic = SystemMonotonicClock()
        startTime = monotonic.now()
        lastTime = startTime
        feedback.player.play(.ready, now: startTime)
        var faultSince: Double?
        do {
            try sensor.clock.start()
        } catch {
            endReason = "the sensor could not start: \(error)"
            return
        }
        while StopSignal.received == nil {
            let now = monotonic.now()
            if let duration, now - startTime >= duration { endReason = "duration reached"; break }
            if let end = sensor.scenarioEnd, now >= end { endReason = "scenario finished"; break }
            do {
                _ = try sensor.clock.next { reading in self.process(reading.sample, clock: monotonic) }
                faultSince = nil
            } catch {
                sensorFaults += 1
                if faultSince == nil {
                    faultSince = now
                    feedback.player.play(.sensorFault, now: now)
                    post("sensor fault: \(error)")
                }
                if let since = faultSince, now - since > 5 {
                    endReason = "the sensor stopped answering (\(error))"
                    break
                }
                try? feedback.player.tick(now: now)
                StopSignal.sleep(0.05)
            }
            pollButton(now: monotonic.now())
        }
        if StopSignal.received != nil { endReason = "stopped by signal" }
        feedback.close()  // outputs off before anything else
        recorder.mark(SessionMarker(time: lastTime, kind: .note, note: "outputs off (\(endReason))"))
        try? sensor.clock.stop()
        pipeline.finish(at: lastTime)
        recorder.record(pipeline.events)
        events += pipeline.events
    }

    /// One sample: record it (as it will be stored), run the core, drive the feedback, measure latency.
    private func process(_ raw: IMUSample, clock: SystemMonotonicClock) {
        let sample = recorder.record(raw)
        lastTime = sample.time
        let frame = pipeline.process(sample)
        let events = pipeline.events
        if !events.isEmpty {
            recorder.record(events)
            feedback.handle(events, now: sample.time)
            count(events)
        }
        if let outcome = pipeline.recaptured { reportRecapture(outcome, at: sample.time) }
        feedback.setIdle(holding: frame.verdict.holding, twist: frame.verdict.twist)
        try? feedback.player.tick(now: clock.now())
        latency.record(clock.now() - raw.time)
        if sample.time >= nextPublish { publish(frame, at: sample.time) }
    }

    private func count(_ events: FormEvents) {
        for event in events {
            self.events.append(event)
            snapshot.tally.add(event)
            snapshot.messages.append(LiveStatusText.describe(event, since: startTime))
        }
    }

    private func publish(_ frame: FormFrame, at time: Double) {
        nextPublish = time + 0.1
        snapshot.elapsed = time - startTime
        snapshot.twist = frame.posture.angles.twist / degree
        snapshot.flexion = frame.posture.angles.flexion / degree
        snapshot.twistLevel = frame.verdict.twist
        snapshot.bouncing = frame.verdict.bounce
        snapshot.holding = frame.verdict.holding
        snapshot.holdSeconds = frame.verdict.holdSeconds
        snapshot.buzzerOn = feedback.buzzerOn
        snapshot.ledColor = feedback.ledColor
        snapshot.capturingBaseline = pipeline.isRecapturing
        let published = snapshot
        snapshot.messages.removeAll(keepingCapacity: true)
        shared.withLock { current in
            let pending = current.messages
            current = published
            current.messages = pending + published.messages
        }
    }

    /// Button: a short press marks "stop / it hurts"; a long press re-captures the neutral baseline.
    private func pollButton(now: Double) {
        guard let button = feedback.button else { return }
        try? button.poll { event in
            switch event.kind {
            case .shortPress:
                recorder.mark(SessionMarker(time: event.time, kind: .stop, note: "stop / it hurts"))
                feedback.player.play(.stop, now: now)
                post("marked: stop / it hurts")
            case .longPress:
                // The marker's time is the re-capture's start: the review replays it from there.
                pipeline.beginRecapture(at: lastTime)
                recorder.mark(SessionMarker(time: lastTime, kind: .recapture, note: "re-capturing the neutral posture"))
                post("re-capturing the neutral posture: stand upright and still for \(Int(SessionPipeline.recaptureDuration)) s")
            default: break
            }
        }
    }

    private func reportRecapture(_ outcome: Result<Baseline, BaselineCalibrator.Failure>, at time: Double) {
        switch outcome {
        case .success:
            recorder.mark(SessionMarker(time: time, kind: .note, note: "neutral posture re-captured"))
            post("neutral posture re-captured")
        case let .failure(error):
            recorder.mark(SessionMarker(time: time, kind: .note, note: "re-capture failed: the previous neutral posture stays"))
            post("could not re-capture the neutral posture: \(error.description); keeping the previous one")
        }
    }

    private func post(_ message: String) {
        snapshot.messages.append(message)
        let pending = snapshot.messages
        snapshot.messages.removeAll(keepingCapacity: true)
        shared.withLock { $0.messages += pending }
    }
}
