import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardReview
import StretchGuardSimulation
import StretchGuardStore
import Testing
@testable import StretchGuardLive

/// A guided plan in a live session on the simulated sensor: the whole plan walked through with its cues and
/// markers, the review replaying it exactly; and "stop / it hurts" ending it for the day.
@Suite struct LivePlanTests {
    /// Two exercises: a standing hamstring stretch on the left (8 s), a side stretch both sides (6 s).
    static let yaml = """
        name: test-plan
        summary: "two exercises, for the tests"
        sessions_per_week: 3
        exercises:
          - profile: standing-hamstring
            sides: left
            repetitions: 1
            hold_s: 8
            rest_s: 6
          - profile: side-stretch
            sides: both
            repetitions: 1
            hold_s: 6
            rest_s: 6
        """

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let profiles = ProfileLibrary(directories: [repositoryRoot.appendingPathComponent("Calibration/profiles").path])

    final class Setup {
        let folder = NSTemporaryDirectory() + "stretchguard-plan-\(UUID().uuidString)"
        let store: SessionStore
        let gpio: SimulatedGPIO
        let session: LiveSession
        let plan: LivePlan

        init(clock: any MonotonicClock, gpio: SimulatedGPIO = SimulatedGPIO()) throws {
            self.gpio = gpio
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try SessionStore(path: folder + "/sessions.sqlite")
            let exercisePlan = try PlanFile.parse(LivePlanTests.yaml, path: "test-plan.yaml", profiles: LivePlanTests.profiles)
            plan = LivePlan(plan: exercisePlan, definition: LivePlanTests.yaml, targets: exercisePlan.startTargets)
            let scenario = try PlanScenario(plan: exercisePlan, targets: plan.targets).simulated(name: "test-plan", seed: 2)
            let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario, clock: clock)
            var calibrator = BaselineCalibrator()
            for sample in scenario.samples where sample.time <= 2 { calibrator.add(sample) }
            let baseline = try calibrator.baseline()
            // Stored with the session, as `run` does, so the review judges from the same neutral posture.
            let record = CalibrationRecord(name: "test", created: Date(), sensor: sensor.identity, method: "test",
                                           baseline: baseline)
            let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device, chip: sensor.chipName,
                                   rate: sensor.rate, profile: plan.openingProfile.name,
                                   calibration: String(decoding: try record.encoded(), as: UTF8.self), softwareVersion: "test",
                                   scale: sensor.scale, plan: SessionPlan(name: exercisePlan.name, definition: LivePlanTests.yaml))
            session = LiveSession(.init(sensor: sensor, baseline: baseline, profile: .general,
                                        feedback: try FeedbackOutputs(config: .defaults, simulation: gpio),
                                        recorder: try SessionRecorder(store: store, info: info), plan: plan))
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("the whole plan: each repetition announced and recorded, every hold reached, no alert, ended by the plan")
    func wholePlan() throws {
        // Ten times real time: a manual clock would outrun the recorder's writer (its buffer full, samples
        // dropped), and the review could not replay what was not stored.
        let setup = try Setup(clock: AcceleratedClock(speed: 10))
        var reader = setup.session.channel.subscribe()
        setup.session.start()
        var seen: [LiveEvent] = []
        while true {
            let update = reader.poll()
            seen += update.events
            if update.finished { break }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let outcome = setup.session.wait()
        guard case .planDone = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        #expect(try outcome.recording.get().dropped == 0)
        let runner = try #require(outcome.plan)
        #expect(runner.phase == .done)
        #expect(runner.outcomes.map(\.result) == [.done, .done, .done])
        #expect(outcome.summary.twistAlerts == 0 && outcome.summary.bounceAlerts == 0)
        #expect(runner.outcomes.allSatisfy { $0.restAlerts == 0 })
        // Each repetition announced to every reader, then the end.
        let announced = seen.compactMap { if case let .planStep(_, step, text) = $0 { (step, text) } else { nil } }
        #expect(announced.map(\.0) == [0, 1, 2])
        #expect(announced[1].1.contains("side-stretch, left side, 1 of 1") && announced[2].1.contains("right side"))
        #expect(seen.contains { if case .planEnded(_, .done) = $0 { true } else { false } })
        // Recorded: the targets, each step, the end; the side stretch judged by its own profile from its step.
        let markers = try setup.store.markers(of: 1).filter { $0.kind == .planStep }.compactMap { PlanStepMarker(note: $0.note) }
        #expect(markers.count == 5)
        #expect(markers.first == .targets([8, 6]) && markers.last == .end(.done))
        // The review replays it exactly: the same events, by the same profiles at the same samples.
        let recording = try SessionRecording.load(from: setup.store, selector: .latest)
        let profile = try SessionProfile.resolve(for: recording, library: Self.profiles)
        let switches = try SessionPlanReplay.load(for: recording, library: Self.profiles)?.switches ?? []
        #expect(switches.map(\.profile.name) == ["side-stretch"])
        let analysis = try SessionAnalysis(recording: recording, profile: profile, profileSwitches: switches)
        #expect(analysis.agreement.matches, "\(analysis.agreement)")

    }

    @Test("a short press mid-plan: stop / it hurts, the plan ends for today, the outputs go off, the recording is kept")
    func painStop() throws {
        let clock = AcceleratedClock(speed: 4)
        let gpio = SimulatedGPIO(startTime: clock.now())
        let setup = try Setup(clock: clock, gpio: gpio)
        setup.session.start()
        let start = clock.now()
        let button = GPIOLineAddress.name("GPIO27")
        var pressed = false, released = false
        while !setup.session.isFinished {
            let now = clock.now()
            gpio.advance(to: now)
            // In the first hold (the plan: 5 s still, a bend, 2 s, 3 s into position, then holding).
            if !pressed && now - start >= 16 { gpio.setLevel(false, of: button, at: now); pressed = true }
            if pressed && !released && now - start >= 16.3 { gpio.setLevel(true, of: button, at: now); released = true }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let outcome = setup.session.wait()
        guard case .planStopped = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        _ = try outcome.recording.get()
        let runner = try #require(outcome.plan)
        #expect(runner.phase == .stopped && runner.index == 0 && runner.outcomes[0].painMarked)
        #expect(runner.outcomes[1].start == nil)
        let markers = try setup.store.markers(of: 1)
        #expect(markers.contains { $0.kind == .stop })
        #expect(markers.contains { $0.kind == .planStep && PlanStepMarker(note: $0.note) == .end(.stopped) })
        #expect(try setup.store.session(.latest).isComplete)
        let buzzer = gpio.writes(to: .name("GPIO18"))
        #expect(buzzer.last?.active == false, "the buzzer was left on")
    }
}
