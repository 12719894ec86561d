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

/// The live session with a pressed button: a long press mid-hold re-captures the neutral posture, and the
/// review's replay of the recorded session reproduces the live events (in real time: about 9 s).
@Suite struct LiveRecaptureTests {
    /// Upright 2 s, into a 40° bend, held.
    static let script = """
        rate 200
        still 2 s
        bend 40 over 1 s
        hold 10 s
        """

    @Test("a long press in a hold: recorded at the press, replayed at the same sample, events agree")
    func longPressIsRecordedAndReplayed() throws {
        let folder = NSTemporaryDirectory() + "stretchguard-recapture-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }

        let rendered = ScenarioRenderer(seed: 3).render(try Scenario.parse(Self.script, name: "recapture"))
        let scenario = SimulatedScenario(name: "recapture", samples: rendered.samples)
        let config = HardwareConfig.defaults
        let sensor = try LiveSensor.open(.simulated, imu: config.imus[0], scenario: scenario)
        let gpio = SimulatedGPIO(startTime: SystemMonotonicClock().now())
        let feedback = try FeedbackOutputs(config: config, simulation: gpio)
        var calibrator = BaselineCalibrator()
        for s in rendered.samples where s.time <= 1.5 { calibrator.add(s) }
        let baseline = try calibrator.baseline()
        let record = CalibrationRecord(name: "test", created: Date(), sensor: sensor.identity, method: "test",
                                       baseline: baseline)
        let info = SessionInfo(startDate: Date(), startTime: SystemMonotonicClock().now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: "general",
                               calibration: String(decoding: try record.encoded(), as: UTF8.self),
                               softwareVersion: "test", scale: sensor.scale)
        let recorder = try SessionRecorder(store: store, info: info)
        let session = LiveSession(.init(sensor: sensor, baseline: baseline, profile: .general, feedback: feedback,
                                        recorder: recorder, duration: 9))
        session.start()

        // The GPIO simulation's clock follows the monotonic clock; the button (GPIO27, active low) goes
        // down 4 s in, during the hold, and stays down 2.5 s: a long press at 6 s.
        let clock = SystemMonotonicClock()
        let start = clock.now()
        let button = GPIOLineAddress.name("GPIO27")
        var pressed = false, released = false
        while !session.isFinished {
            let now = clock.now()
            gpio.advance(to: now)
            if !pressed && now - start >= 4 { gpio.setLevel(false, of: button, at: now); pressed = true }
            if !released && now - start >= 6.5 { gpio.setLevel(true, of: button, at: now); released = true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        let outcome = session.wait()
        _ = try outcome.recording.get()
        let events = outcome.events

        let recording = try SessionRecording.load(from: store, selector: .latest, recalibrate: false)
        let press = try #require(recording.markers.first { $0.kind == .recapture })
        #expect(recording.markers.contains { $0.kind == .note && $0.note == "neutral posture re-captured" })
        // Live, the hold ended at the switch, 2 s after the press.
        let holdEnd = try #require(events.first { $0.kind == .holdEnded })
        #expect(abs(holdEnd.time - (press.time + SessionPipeline.recaptureDuration)) < 0.02)
        #expect(events.contains { $0.kind == .holdStarted && $0.time < press.time })

        let analysis = try SessionAnalysis(recording: recording, profile: .general)
        #expect(analysis.agreement.matches, "\(analysis.agreement.firstDifference ?? "")")
        #expect(analysis.agreement.stored == events.count)
        // After the switch the bend is the new neutral.
        let after = try #require(analysis.track.time.firstIndex { $0 >= holdEnd.time - recording.startTime + 0.5 })
        #expect(abs(analysis.track.flexion[after]) < 3 * degree)
    }
}
