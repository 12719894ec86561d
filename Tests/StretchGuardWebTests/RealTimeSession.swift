import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardLive
import StretchGuardSimulation
import StretchGuardStore
import StretchGuardWeb

/// A live session on the simulated sensor in real time (the system's clock: a browser or a socket sees it
/// as it happens), recorded into a temporary database, with a web server over it on 127.0.0.1.
final class RealTimeSession: @unchecked Sendable {
    let folder = NSTemporaryDirectory() + "stretchguard-web-live-\(UUID().uuidString)"
    let store: SessionStore
    let session: LiveSession
    let server: WebServer
    let recording: Int64

    /// - Parameter script: the scenario the simulated sensor plays (it must start with 2 s standing still:
    ///   the neutral posture is taken from them).
    convenience init(script: String, seed: UInt64 = 3) throws {
        let rendered = ScenarioRenderer(seed: seed).render(try Scenario.parse(script, name: "web")).samples
        try self.init(scenario: SimulatedScenario(name: "web", samples: rendered))
    }

    /// - Parameter scenario: what the simulated sensor plays, rendered (it must start with 2 s standing
    ///   still, as the demo does).
    init(scenario: SimulatedScenario) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SessionStore(path: folder + "/sessions.sqlite")
        let rendered = scenario.samples
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario)
        var calibrator = BaselineCalibrator()
        for sample in rendered where sample.time <= 2 { calibrator.add(sample) }
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: FormProfile.general.name,
                               calibration: "", softwareVersion: "test", scale: sensor.scale)
        let recorder = try SessionRecorder(store: store, info: info)
        recording = recorder.session
        session = LiveSession(.init(sensor: sensor, baseline: try calibrator.baseline(), profile: .general,
                                    feedback: try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO()),
                                    recorder: recorder))
        server = WebServer(archive: SessionArchive(store: store, profiles: WebFixture.library),
                           live: LiveFeed(channel: session.channel, profile: .general, session: recorder.session))
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
