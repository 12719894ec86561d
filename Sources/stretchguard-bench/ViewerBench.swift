import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardLive
import StretchGuardStore
import StretchGuardTrace
import StretchGuardWeb

/// `stretchguard-bench --stage viewers`: does the browser view cost the sample thread anything? The demo
/// scenario plays in real time on the simulated sensor (200 Hz, the real driver and sample clock), with
/// the web server over the session's channel, once with no viewer and once with `viewers` WebSocket
/// viewers (in a child process, `--stage viewer-clients`, so their own work is not counted as the
/// server's). Each run reports the loop's timing jitter over every stored sample (p99), the samples lost
/// (by the clock and by the recorder), the sample-to-feedback latency, the process's CPU use, and what
/// the viewers received.
struct ViewerBench {
    /// Seconds of session per run.
    var seconds: Double
    /// Viewers in the second run.
    var viewers: Int

    func run() throws -> ViewerBenchResult {
        let alone = try session(viewers: 0)
        let watched = try session(viewers: viewers)
        return ViewerBenchResult(seconds: seconds, runs: [alone, watched])
    }

    /// One real-time session with `viewers` viewers.
    private func session(viewers: Int) throws -> ViewerBenchResult.Run {
        let folder = NSTemporaryDirectory() + "stretchguard-bench-viewers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SessionStore(path: folder + "/sessions.sqlite")
        defer { try? store.close() }

        let scenario = try SimulatedScenario.load(SimulatedScenario.demoName)
        guard case let .success(found) = FoundBaseline.search(TraceSamples(scenario.samples)) else {
            throw LiveSetupError("the demo scenario has no still start")
        }
        let sensor = try LiveSensor.open(.simulated, imu: HardwareConfig.defaults.thorax, scenario: scenario)
        let feedback = try FeedbackOutputs(config: .defaults, simulation: SimulatedGPIO())
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: FormProfile.general.name,
                               calibration: "", softwareVersion: "bench", scale: sensor.scale)
        let recorder = try SessionRecorder(store: store, info: info)
        let channel = LiveChannel()
        let feed = LiveFeed(channel: channel, profile: .general, session: recorder.session)
        let server = try RunningWebServer.start(
            WebServer(archive: SessionArchive(store: store, profiles: ProfileLibrary.standard()), live: feed),
            on: ServeAddress(host: "127.0.0.1", port: 0))
        defer { server.stop(linger: 0) }
        let clients = viewers > 0 ? try ViewerClientsProcess(port: server.port, viewers: viewers) : nil
        clients?.waitUntilConnected()

        let session = LiveSession(.init(sensor: sensor, baseline: found.baseline, profile: .general, feedback: feedback,
                                        recorder: recorder, duration: seconds), channel: channel)
        let cpuBefore = ProcessCPU.seconds()
        let wallBefore = DispatchTime.now().uptimeNanoseconds
        session.start()
        let outcome = session.wait()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallBefore) / 1e9
        let cpu = ProcessCPU.seconds() - cpuBefore
        let counters = try outcome.recording.get()
        server.stop()
        let received = try clients?.finish()

        // Jitter over every stored sample, not the live window.
        let times = try store.samples(of: recorder.session).map(\.time)  // s
        var timing = SampleTimingStatistics(nominalRate: sensor.rate, window: max(times.count, 1))
        for time in times { timing.record(time) }
        return ViewerBenchResult.Run(
            viewers: viewers, samples: times.count, jitterP99: timing.jitterP99 ?? 0,
            jitterStandardDeviation: timing.jitterStandardDeviation ?? 0,
            droppedByClock: timing.droppedSamples, droppedByRecorder: counters.dropped,
            latencyP99: outcome.latency.quantile(0.99) ?? 0, cpuFraction: cpu / wall, priority: outcome.priority, received: received)
    }
}

/// The process's CPU time so far (user and system, every thread), in s.
enum ProcessCPU {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
