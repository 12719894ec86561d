import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardLive
import StretchGuardStore
import StretchGuardTrace
import StretchGuardWeb
import Synchronization

/// A live session as `stretchguard run --sensor sim` makes one: the simulated MPU-6050 playing the demo
/// scenario (`SimulatedScenario.demoName`) in real time on the system's clock, read through the real driver
/// and sample clock, feedback on simulated GPIO, recorded into a database in a fresh temporary folder. The
/// neutral posture is the one a replay finds at the demo's still start (as `stretchguard-bench` does).
final class LiveDemoSession: Sendable {
    let folder: String
    let store: SessionStore
    let session: LiveSession
    /// What the web server shows of it (the general profile, the recording's id).
    let feed: LiveFeed
    /// The demo's rendered samples (time from 0 s).
    let scenario: SimulatedScenario

    init() throws {
        folder = NSTemporaryDirectory() + "stretchguard-live-page-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SessionStore(path: folder + "/sessions.sqlite")
        scenario = try SimulatedScenario.load(SimulatedScenario.demoName)
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario,
                                         clock: SystemMonotonicClock())
        let feedback = try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO())
        guard case let .success(found) = FoundBaseline.search(TraceSamples(scenario.samples)) else {
            throw BrowserTestError("the demo scenario has no still start to take the neutral posture from")
        }
        let profile = FormProfile.general
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: profile.name, calibration: "",
                               softwareVersion: "test", scale: sensor.scale)
        let recorder = try SessionRecorder(store: store, info: info)
        session = LiveSession(.init(sensor: sensor, baseline: found.baseline, profile: profile, feedback: feedback,
                                    recorder: recorder))
        feed = LiveFeed(channel: session.channel, profile: profile, session: recorder.session)
    }

    private let started = Atomic<Bool>(false)

    /// Starts the sample thread (the simulated chip has played the demo since it was opened in `init`).
    func start() {
        started.store(true, ordering: .relaxed)
        session.start()
    }

    /// The demo's length, in s.
    var duration: Double { (scenario.samples.last?.time ?? 0) - (scenario.samples.first?.time ?? 0) }

    /// Stops the session (if it still runs), waits for its recording to close, and removes the folder.
    func finish() {
        session.stopToken.stop()
        if started.load(ordering: .relaxed) { _ = session.wait() }
        try? store.close()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
