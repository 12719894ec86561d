import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardLive
import StretchGuardStore
import StretchGuardTrace
import StretchGuardWeb

/// `stretchguard run`: a live session with feedback, recorded for review.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exercise with live feedback: twist and bounce alerts, a hold timer; the session is recorded.",
        discussion: """
            Reads the IMU (or, with none found, the simulated sensor playing a demo exercise), judges each \
            sample, sounds the buzzer and lights the LEDs (shown in the terminal when there are none), and \
            records the session for `stretchguard review`. Ctrl-C or SIGTERM ends it: outputs off first, then \
            the recording closed.
            """)

    @Option(help: "auto (the configured IMU, else the simulated sensor), sim, or a chip: mpu6050, icm20948, lsm6dsox, … (the upper-back sensor's; a pelvis IMU in the config is read beside it)")
    var sensor = SensorChoice.auto
    @Option(help: "What the simulated sensor plays: a name from Calibration/scenarios/ or a .scenario file.")
    var scenario = SimulatedScenario.demoName
    @Option(help: "The exercise profile: a name from Calibration/profiles/ or a YAML file.")
    var profile = "general"
    @Option(help: "End the session after this many seconds.")
    var duration: Double?
    @Option(help: "The hardware config file (see Hardware/stretchguard.example.yaml).")
    var config: String?
    @Option(help: "A calibration file to use instead of the latest for this sensor.")
    var calibration: String?
    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("serve"), help: ArgumentHelp(
        "Show the session live in a browser at [HOST:]PORT: 8080 (this machine), 0.0.0.0:8080 (the clinic's network, with a pairing token).",
        valueName: "[HOST:]PORT"))
    var serveAddress: String?
    @Flag(help: "Print only the summary at the end.")
    var quiet = false

    func run() throws {
        StopSignal.install()
        do {
            try session()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail("\(error)")
        }
    }

    private func session() throws {
        let say: (String) -> Void = { if !quiet { printFlushed($0) } }
        let serveAddress = try self.serveAddress.map { text in
            do { return try ServeAddress(parsing: text) } catch { throw fail("--serve: \(error)") }
        }
        let hardware = try HardwareConfigFile.load(explicitPath: config).config
        var exercise = try ProfileLibrary.standard().load(profile)
        var sensor = try LiveSensor.open(self.sensor, imu: hardware.thorax, pelvis: hardware.pelvis,
                                         scenario: try SimulatedScenario.load(scenario), gpioChip: hardware.gpio.chip)
        if let reason = sensor.fallbackReason { say("no IMU found (\(reason)); using the simulated sensor — `stretchguard doctor` checks the hardware") }
        say("sensor: \(sensor.chipName), \(sensor.device), \(FixedDecimal.string(sensor.rate, decimals: 1)) Hz; "
            + "sample clock: \(sensor.clock.choice)")
        if let pelvis = sensor.pelvis {
            say("pelvis sensor: \(pelvis.chipName), \(pelvis.device), read on each tick of the upper-back sensor")
        }
        let database = try store.resolvedPath()
        let sessions = try SessionStore(path: database, forRecording: true)  // quick_check, writable
        let completed = try sessions.sessions().filter { $0.info.profile == exercise.name && $0.isComplete }.count
        exercise = exercise.forSession(completed + 1)
        let feedback = try FeedbackOutputs(config: hardware, simulatedOnly: sensor.scenarioEnd != nil)
        // Every way out of here turns the outputs off (idempotent: a session has already done it).
        defer { feedback.close() }
        say("feedback: \(feedback.description); exercise: \(exercise.name), hold target \(Int(exercise.hold.target)) s")
        let channel = LiveChannel()
        let feed = LiveFeed(channel: channel, profile: exercise)
        // The browser view starts before the neutral posture is captured, so the physio can connect first;
        // it closes after the session has turned the outputs off and closed the recording.
        let web = try serveAddress.map { address in
            try LiveWebView.start(feed: feed, database: database, address: address, quiet: quiet)
        }
        defer { web?.stop() }
        let calibrationRecord: CalibrationRecord
        do {
            calibrationRecord = try SessionBaseline.resolve(explicit: calibration, sensor: &sensor, stop: StopSignal.token,
                                                            environment: ProcessInfo.processInfo.environment) { step in
                say(LiveStatusText.describe(step))
            }
        } catch {
            guard StopSignal.received == nil else { return stoppedBeforeStart() }
            throw error
        }
        guard StopSignal.received == nil else { return stoppedBeforeStart() }
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: exercise.name,
                               calibration: String(decoding: try calibrationRecord.encoded(), as: UTF8.self),
                               softwareVersion: StretchGuard.configuration.version, scale: sensor.scale, pelvis: sensor.pelvisStoreInfo)
        let recorder = try SessionRecorder(store: sessions, info: info) { warning in
            channel.post(.recorderWarning(warning))
        }
        let live = LiveSession(.init(sensor: sensor, baseline: calibrationRecord.baseline, profile: exercise,
                                     feedback: feedback, recorder: recorder, duration: duration),
                               stopToken: StopSignal.token, channel: channel)
        feed.recorded(as: recorder.session)
        say("recording session \(recorder.session) — Ctrl-C ends it")
        live.start()
        LiveDisplay(quiet: quiet).follow(live)
        // The session has driven every output off, then flushed and closed the recording.
        let outcome = live.wait()
        web?.stop()  // the viewers have had the session's end
        let counters = try outcome.recording.get()
        printFlushed(RunSummaryText(outcome: outcome, counters: counters, session: recorder.session,
                                    database: database, target: exercise.hold.target).render())
    }

    /// A signal before the recording began (Ctrl-C while the neutral posture was being captured): nothing
    /// to close, a clean exit.
    private func stoppedBeforeStart() {
        printFlushed("stopped before the session began (\(StopSignal.receivedName ?? "signal")); nothing was recorded")
    }
}
