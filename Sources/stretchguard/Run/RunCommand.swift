import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardLive
import StretchGuardStore
import StretchGuardSync
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
    @Option(help: "What the simulated sensor plays: a name from Calibration/scenarios/ or a .scenario file (default: the demo, or with --plan a wearer following the plan).")
    var scenario: String?
    @Option(help: "The exercise profile: a name from Calibration/profiles/ or a YAML file (default general).")
    var profile: String?
    @Option(help: "Walk through a physio's plan: a name from Calibration/plans/ or a YAML file (each exercise uses its own profile; the session ends with the plan).")
    var plan: String?
    @Option(help: "With --sensor sim: play the simulation this many times faster than real time (1–50).")
    var speed = 1.0
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
    @Option(help: "Who wears the device: the name the clinic's server lists the session under (kept for later sessions; `calibrate --wearer` sets it too).")
    var wearer: String?
    @Option(name: .customLong("sync-to"), help: ArgumentHelp(
        "After the session is closed, send it (and any not sent yet) to the clinic's server: postgres://USER@HOST:PORT/DB. A failure is a warning; the session stays here.",
        valueName: "URL"))
    var syncTo: String?
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
        guard plan == nil || profile == nil else {
            throw fail("--plan and --profile: choose one (a plan names each exercise's profile)")
        }
        guard speed == 1 || (self.sensor == .simulated && speed >= 1 && speed <= 50) else {
            throw fail("--speed plays the simulated sensor faster: use it with --sensor sim, from 1 to 50")
        }
        if let syncTo {
            do throws(SyncError) { _ = try ServerAddress(parsing: syncTo) } catch { throw fail("--sync-to: \(error)") }
        }
        let hardware = try HardwareConfigFile.load(explicitPath: config).config
        let database = try store.resolvedPath()
        let sessions = try SessionStore(path: database, forRecording: true)  // quick_check, writable
        let wearerName = try WearerName.resolve(wearer, store: sessions)
        var exercise: FormProfile
        var livePlan: LivePlan?
        if let plan {
            livePlan = try PlanSetup.prepare(plan, store: sessions, say: say)
            exercise = livePlan!.profile(forStep: 0)
        } else {
            exercise = try ProfileLibrary.standard().load(profile ?? FormProfile.general.name)
            let completed = try sessions.sessions().filter { $0.info.profile == exercise.name && $0.isComplete && $0.info.plan == nil }.count
            exercise = exercise.forSession(completed + 1)
        }
        let scenario = self.scenario
        let clock: any MonotonicClock = speed == 1 ? SystemMonotonicClock() : AcceleratedClock(speed: speed)
        var sensor = try LiveSensor.open(self.sensor, imu: hardware.thorax, pelvis: hardware.pelvis,
                                         scenario: try Self.scenario(scenario, plan: livePlan), gpioChip: hardware.gpio.chip,
                                         clock: clock)
        if let reason = sensor.fallbackReason { say("no IMU found (\(reason)); using the simulated sensor — `stretchguard doctor` checks the hardware") }
        say("sensor: \(sensor.chipName), \(sensor.device), \(FixedDecimal.string(sensor.rate, decimals: 1)) Hz; "
            + "sample clock: \(sensor.clock.choice)")
        if let pelvis = sensor.pelvis {
            say("pelvis sensor: \(pelvis.chipName), \(pelvis.device), read on each tick of the upper-back sensor")
        }
        let feedback = try FeedbackOutputs(config: hardware, simulatedOnly: sensor.scenarioEnd != nil)
        // Every way out of here turns the outputs off (idempotent: a session has already done it).
        defer { feedback.close() }
        say("feedback: \(feedback.description)" + (livePlan == nil
            ? "; exercise: \(exercise.name), hold target \(Int(exercise.hold.target)) s" : ""))
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
                if livePlan != nil, case .capturing = step {
                    say("a plan's backward and side bends need to know which way is forward: `stretchguard calibrate` "
                        + "tells it; until then the first deep forward bend does")
                }
            }
        } catch {
            guard StopSignal.received == nil else { return stoppedBeforeStart() }
            throw error
        }
        guard StopSignal.received == nil else { return stoppedBeforeStart() }
        let info = SessionInfo(startDate: Date(), startTime: sensor.timeSource.now(), device: sensor.device,
                               chip: sensor.chipName, rate: sensor.rate, profile: exercise.name,
                               calibration: String(decoding: try calibrationRecord.encoded(), as: UTF8.self),
                               softwareVersion: StretchGuard.configuration.version, scale: sensor.scale, pelvis: sensor.pelvisStoreInfo,
                               plan: livePlan.map { SessionPlan(name: $0.plan.name, definition: $0.definition) },
                               wearer: wearerName)
        let recorder = try SessionRecorder(store: sessions, info: info) { warning in
            channel.post(.recorderWarning(warning))
        }
        let live = LiveSession(.init(sensor: sensor, baseline: calibrationRecord.baseline, profile: exercise,
                                     feedback: feedback, recorder: recorder, duration: duration, plan: livePlan),
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
                                    database: database, target: exercise.hold.target, plan: livePlan).render())
        if let syncTo { Self.syncAfterSession(sessions, to: syncTo) }
    }

    /// `--sync-to`: sends the closed session (and any earlier one not sent) to the server; a failure is a
    /// warning with the reason, and the sessions stay here, complete.
    private static func syncAfterSession(_ sessions: SessionStore, to url: String) {
        do throws(SyncError) {
            let report = try StretchGuard.Sync.push(sessions, to: url)
            printFlushed("sync: " + report.line)
        } catch {
            warn("the session was not sent to the server: \(error). It is kept here; `stretchguard sync --to URL` sends it later")
        }
    }

    /// What the simulated sensor plays: the scenario named, else a wearer following the plan, else the demo.
    private static func scenario(_ name: String?, plan: LivePlan?) throws -> SimulatedScenario {
        if let name { return try SimulatedScenario.load(name) }
        if let plan { return try PlanScenario(plan: plan.plan, targets: plan.targets).simulated(name: plan.plan.name) }
        return try SimulatedScenario.load(SimulatedScenario.demoName)
    }

    /// A signal before the recording began (Ctrl-C while the neutral posture was being captured): nothing
    /// to close, a clean exit.
    private func stoppedBeforeStart() {
        printFlushed("stopped before the session began (\(StopSignal.receivedName ?? "signal")); nothing was recorded")
    }
}
