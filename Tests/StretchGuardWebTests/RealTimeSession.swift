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
    let server: WebServer
    /// What the simulated sensor plays.
    let scenario: SimulatedScenario
    private let channel = LiveChannel()
    private let feed: LiveFeed
    private let lock = NSLock()
    private var running: LiveSession?

    /// - Parameter script: the scenario the simulated sensor plays (it must start with 2 s standing still:
    ///   the neutral posture is taken from them).
    convenience init(script: String, seed: UInt64 = 3) throws {
        let rendered = ScenarioRenderer(seed: seed).render(try Scenario.parse(script, name: "web")).samples
        try self.init(scenario: SimulatedScenario(name: "web", samples: rendered))
    }

    /// - Parameter scenario: what the simulated sensor plays, rendered (it must start with 2 s standing
    ///   still, as the demo does).
    init(scenario: SimulatedScenario) throws {
        self.scenario = scenario
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SessionStore(path: folder + "/sessions.sqlite")
        feed = LiveFeed(channel: channel, profile: .general)
        server = WebServer(archive: SessionArchive(store: store, profiles: WebFixture.library), live: feed)
    }

    /// Opens the simulated sensor and starts the session now: the scenario plays from this instant (its
    /// clock starts when the sensor opens), however long the server or a browser took to start.
    @discardableResult
    func start() throws -> LiveSession {
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario)
        var calibrator = BaselineCalibrator()
        for sample in scenario.samples where sample.time <= 2 { calibrator.add(sample) }
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: FormProfile.general.name,
                               calibration: "", softwareVersion: "test", scale: sensor.scale)
        let recorder = try SessionRecorder(store: store, info: info)
        feed.recorded(as: recorder.session)
        let session = LiveSession(.init(sensor: sensor, baseline: try calibrator.baseline(), profile: .general,
                                        feedback: try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO()),
                                        recorder: recorder), channel: channel)
        lock.withLock { running = session }
        session.start()
        return session
    }

    /// The session's recording, once started.
    var recording: Int64? { feed.session }

    /// Stops the session if it was started, and waits for it to end (outputs off, recording closed).
    func stop() {
        guard let session = lock.withLock({ running }) else { return }
        session.stopToken.stop()
        _ = session.wait()
    }

    deinit {
        try? store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
