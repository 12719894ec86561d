import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardSimulation
import StretchGuardStore
import Testing
@testable import StretchGuardLive

/// A live session on the simulated sensor in simulated time (a ``ManualClock``: the scenario plays as fast
/// as the sample thread reads it): the twist alert reaches the buzzer, the recording and every reader;
/// the stop token ends it with the outputs off.
@Suite struct LiveSessionTests {
    static let twist = """
        rate 200
        still 3 s
        twist 25 over 1 s
        hold 3 s
        neutral over 1 s
        still 3 s
        """

    final class Setup {
        let folder = NSTemporaryDirectory() + "stretchguard-live-\(UUID().uuidString)"
        let store: SessionStore
        let gpio = SimulatedGPIO()
        let session: LiveSession
        let rendered: [IMUSample]

        init(script: String = LiveSessionTests.twist, duration: Double? = nil) throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try SessionStore(path: folder + "/sessions.sqlite")
            rendered = ScenarioRenderer(seed: 5).render(try Scenario.parse(script, name: "live")).samples
            let clock = ManualClock(start: 100)
            let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.imus[0],
                                             scenario: SimulatedScenario(name: "live", samples: rendered), clock: clock)
            let feedback = try FeedbackOutputs(config: .defaults, simulation: gpio)
            var calibrator = BaselineCalibrator()
            for s in rendered where s.time <= 2 { calibrator.add(s) }
            let info = SessionInfo(startDate: Date(), startTime: clock.now(), device: sensor.device,
                                   chip: sensor.chipName, rate: sensor.rate, profile: "general", calibration: "",
                                   softwareVersion: "test", scale: sensor.scale)
            let recorder = try SessionRecorder(store: store, info: info)
            session = LiveSession(.init(sensor: sensor, baseline: try calibrator.baseline(), profile: .general,
                                        feedback: feedback, recorder: recorder, duration: duration))
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("a twist: alert events to every reader, the buzzer on then off, the recording closed")
    func twistReachesEveryone() throws {
        let setup = try Setup()
        var readers = [setup.session.channel.subscribe(), setup.session.channel.subscribe()]
        setup.session.start()
        var seen: [[FormEvent]] = [[], []]
        var finished = false
        while !finished {
            Thread.sleep(forTimeInterval: 0.002)
            for index in readers.indices {
                let update = readers[index].poll()
                #expect(update.missedEvents == 0)
                seen[index] += update.events.compactMap { if case let .form(event) = $0 { event } else { nil } }
                finished = update.finished
            }
        }
        let outcome = setup.session.wait()
        guard case .scenarioFinished = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        let alert = try #require(outcome.events.first { $0.kind == .twistAlertStarted })
        #expect(abs(alert.value / degree) > 15)
        #expect(seen[0] == outcome.events && seen[1] == outcome.events)
        #expect(outcome.summary.twistAlerts == 1)

        let buzzer = setup.gpio.writes(to: .name("GPIO18"))
        #expect(buzzer.contains { $0.active }, "the buzzer never sounded")
        #expect(buzzer.last?.active == false, "the buzzer was left on")
        let final = setup.session.channel.latest
        #expect(!final.buzzerOn && final.ledColor == .off)

        let counters = try outcome.recording.get()
        #expect(counters.dropped == 0)
        let stored = try setup.store.session(.latest)
        #expect(stored.sampleCount == outcome.timing.sampleCount)
        #expect(try setup.store.events(of: stored.id).map(\.kind) == outcome.events.map(\.kind))
        #expect(try setup.store.markers(of: stored.id).contains { $0.note == "outputs off (scenario finished)" })
    }

    @Test("the stop token ends the session at once, outputs off, marked in the recording")
    func stopTokenEndsTheSession() throws {
        let setup = try Setup(script: "rate 200\nstill 600 s")
        setup.session.stopToken.stop()
        setup.session.start()
        let outcome = setup.session.wait()
        guard case .stopped = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        #expect(outcome.timing.sampleCount == 0)
        let stored = try setup.store.session(.latest)
        #expect(try setup.store.markers(of: stored.id).contains { $0.note == "outputs off (stopped)" })
        #expect(setup.gpio.writes(to: .name("GPIO18")).last?.active != true)
    }

    @Test("the time limit ends the session")
    func durationEndsTheSession() throws {
        let setup = try Setup(script: "rate 200\nstill 60 s", duration: 5)
        setup.session.start()
        let outcome = setup.session.wait()
        guard case .durationReached = outcome.end else {
            Issue.record("ended by \(outcome.end)")
            return
        }
        #expect(abs(outcome.lastTime - outcome.startTime - 5) < 0.05)
        #expect(abs(Double(outcome.timing.sampleCount) - 1000) <= 12)
        // The sample thread asked for real-time scheduling and got what a new thread of this process gets.
        #expect(outcome.priority == SampleThreadPriorityTests.onNewThread { SampleThreadPriority.raiseCallingThread() })
    }

    @Test("stopped in the middle of a beep: the buzzer line is driven off before the session ends")
    func stopDuringABeepDrivesTheBuzzerOff() throws {
        let setup = try Setup()
        let gpio = setup.gpio, token = setup.session.stopToken
        setup.session.sampleProbe = { _ in
            if gpio.isHigh(.name("GPIO18")) { token.stop() }  // the stop arrives while the buzzer sounds
        }
        setup.session.start()
        let outcome = setup.session.wait()
        guard case .stopped = outcome.end else {
            Issue.record("ended by \(outcome.end): the buzzer never sounded")
            return
        }
        let buzzer = gpio.writes(to: .name("GPIO18"))
        let lastOn = try #require(buzzer.lastIndex { $0.active }, "the buzzer never sounded")
        #expect(buzzer[lastOn...].dropFirst().contains { !$0.active } && buzzer.last?.active == false)
        #expect(!gpio.isHigh(.name("GPIO18")))
        let stored = try setup.store.session(.latest)
        #expect(stored.isComplete)
    }
}
