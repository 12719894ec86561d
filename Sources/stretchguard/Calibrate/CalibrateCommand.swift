import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardLive

/// `stretchguard calibrate`: the guided two-pose calibration (upright and still, then a forward bend),
/// saved as a versioned file in the user's data folder; `--show` and `--list` print what is saved.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Calibrate the sensor on your back: stand upright and still, then bend forward (about 15 s).",
        discussion: """
            Wear the sensor on your upper back, between the shoulder blades, on the spine, strapped snug \
            (any orientation: calibration finds it). Follow the prompts: stand upright and still while it \
            counts down and measures (gyro bias, the spine's direction), then bend forward slowly from the \
            hips to about 30° and hold (which way is forward). A pose that moved, a bend under 15°, or a \
            bend that twisted or leaned sideways is rejected with the reason, and you try again. The result \
            is saved in $XDG_DATA_HOME/stretchguard/calibrations/ (default ~/.local/share/…); `run` uses the \
            latest one for its sensor. With the simulated sensor it plays \
            Calibration/procedures/calibrate.scenario. Ctrl-C stops without saving anything. \
            See Calibration/README.md.
            """)

    @Option(help: "auto (the configured IMU, else the simulated sensor), sim, or a chip: mpu6050, icm20948, lsm6dsox, …")
    var sensor = SensorChoice.auto
    @Option(help: "A name for this calibration, e.g. 'morning'.")
    var name = "default"
    @Option(help: "The hardware config file (see Hardware/stretchguard.example.yaml).")
    var config: String?
    @Option(help: "What the simulated sensor plays: a .scenario file (default: Calibration/procedures/calibrate.scenario).")
    var scenario: String?
    @Option(help: "Tries before giving up (a rejected pose starts again from upright).")
    var tries = 3
    @Flag(help: "Print the latest calibration for the sensor (or the FILE given) instead of calibrating.")
    var show = false
    @Flag(help: "List every saved calibration, newest first.")
    var list = false
    @Flag(help: "With --show: print the calibration file's JSON.")
    var json = false
    @Argument(help: "With --show: a calibration file to print.")
    var file: String?
    @Option(help: "Who wears the device: the name later sessions are recorded under (in the session database) and the clinic's server lists them by.")
    var wearer: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 64,
              !name.contains(where: \.isNewline) else {
            throw ValidationError("--name must be 1…64 characters on one line")
        }
        guard (1...10).contains(tries) else { throw ValidationError("--tries must be 1…10") }
        guard !(show && list) else { throw ValidationError("--show and --list cannot be combined") }
        if file != nil && !show { throw ValidationError("a FILE is only taken with --show") }
        if json && !show { throw ValidationError("--json goes with --show") }
    }

    func run() throws {
        StopSignal.install()
        do {
            if list {
                try listAll()
            } else if show {
                try showLatest()
            } else {
                try calibrate()
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(String(describing: error))
        }
    }

    private var library: CalibrationLibrary { CalibrationLibrary(environment: ProcessInfo.processInfo.environment) }

    // MARK: - Calibrating

    private func calibrate() throws {
        if let wearer {
            let name = try WearerName.resolve(wearer, store: try store.open())
            printFlushed("wearer: \(name ?? wearer); later sessions are recorded under this name")
        }
        let console = TextCalibrationConsole(isTerminal: isatty(STDOUT_FILENO) == 1, write: StandardStreams.out)
        let hardware = try HardwareConfigFile.load(explicitPath: config).config
        let live = try LiveSensor.open(sensor, imu: hardware.thorax, pelvis: hardware.pelvis,
                                       scenario: try SimulatedScenario.load(procedureScenario()), gpioChip: hardware.gpio.chip)
        let library = library
        if let reason = live.fallbackReason { console.line("No IMU found (\(reason)); using the simulated sensor.") }
        console.line("Calibrating \(live.identity) (\(live.chipName), \(live.device)).")
        if let pelvis = live.pelvis {
            console.line("And the pelvis (belt) sensor: \(pelvis.chipName), \(pelvis.device). Both are calibrated together.")
            console.line("The first sensor goes on your upper back, between the shoulder blades, on the spine; the second "
                         + "on the belt over the sacrum (the flat bone at the base of the spine). Strap both snug; any "
                         + "orientation works. Press Ctrl-C to stop at any time: nothing is saved then.")
        } else {
            console.line("The sensor goes on your upper back, between the shoulder blades, on the spine; strap it snug. "
                         + "Any orientation works. Press Ctrl-C to stop at any time: nothing is saved then.")
        }
        var source = LiveCalibrationSource(sensor: live)
        try source.sensor.start()
        defer { try? source.sensor.stop() }
        let procedure = CalibrationProcedure(timeline: CalibrationTimeline(tries: tries), console: console,
                                             stopRequested: { StopSignal.token.isStopped })
        let result: CalibrationProcedure.Result
        do {
            result = try procedure.run(&source)
        } catch let failure as CalibrationProcedure.Failure {
            throw fail(failure, code: failure == .stopped ? 130 : 1)
        }
        let record = CalibrationRecord(name: name, created: Date(), sensor: live.identity, method: "calibrate",
                                       baseline: result.baseline)
        let previous = try? library.latest(for: live.identity)
        let path = try library.save(record)
        console.heading("Calibration saved")
        for line in CalibrationText.summary(record, path: path) { console.line("  " + line) }
        if let previous, let note = CalibrationText.forwardChangeNote(from: previous.record, to: record) { console.line(note) }
        console.line("`stretchguard run` uses it from now on; `stretchguard calibrate --show` prints it again.")
    }

    /// The scenario the simulated sensor plays: `--scenario`, else the calibration procedure's.
    private func procedureScenario() throws -> String {
        try scenario ?? SimulatedScenario.locate(SimulatedScenario.calibrationProcedureName)
    }

    // MARK: - Showing

    private func showLatest() throws {
        let found: (record: CalibrationRecord, path: String)
        if let file {
            found = (try CalibrationLibrary.read(file, for: nil), file)
        } else {
            let identity = try sensorIdentity()
            // The simulated sensor has a pelvis when its scenario renders one: take the newer of the two.
            let candidates = identity == .simulated ? [identity, .simulatedPair] : [identity]
            let newest = try candidates.compactMap { candidate throws(ConfigError) in try library.latest(for: candidate) }
                .max { $0.record.created < $1.record.created }
            guard let latest = newest else {
                let others = library.all().count
                throw CommandFailure("no calibration for \(identity) yet in \(library.directory)"
                                     + (others > 0 ? " (\(others) for other sensors: --list shows them)" : "")
                                     + "; run `stretchguard calibrate\(identity == .simulated ? " --sensor sim" : "")` to make one")
            }
            found = latest
        }
        if json {
            printFlushed(String(decoding: try found.record.encoded(), as: UTF8.self))
        } else {
            for line in CalibrationText.summary(found.record, path: found.path) { printFlushed(line) }
        }
    }

    /// The sensor `--sensor` picks: the simulated one without opening anything, else the IMU found.
    private func sensorIdentity() throws -> CalibrationRecord.SensorIdentity {
        if sensor == .simulated { return .simulated }
        let hardware = try HardwareConfigFile.load(explicitPath: config).config
        let live = try LiveSensor.open(sensor, imu: hardware.thorax, pelvis: hardware.pelvis,
                                       scenario: try SimulatedScenario.load(procedureScenario()), gpioChip: hardware.gpio.chip)
        if let reason = live.fallbackReason {
            StandardStreams.error("note: no IMU found (\(reason)); showing the simulated sensor's calibration\n")
        }
        return live.identity
    }

    private func listAll() throws {
        let entries = library.all()
        guard !entries.isEmpty else {
            printFlushed("No calibrations yet in \(library.directory.isEmpty ? "(no data folder)" : library.directory); "
                         + "`stretchguard calibrate` makes one.")
            return
        }
        for entry in entries {
            switch entry.record {
            case let .success(record):
                printFlushed("\(record.created.formatted(date: .abbreviated, time: .standard))  \(record.name)  "
                             + "\(record.sensor)  \(record.method)  \(entry.path)")
            case let .failure(error):
                printFlushed("unreadable  \(error)")
            }
        }
    }
}
