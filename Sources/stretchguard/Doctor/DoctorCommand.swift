import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardGPIO
import StretchGuardHardware
import StretchGuardLive
import StretchGuardStore

/// `stretchguard doctor`: checks the hardware setup and says exactly what is wrong and how to fix it.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the sensor, buzzer, LEDs, button and permissions; say what is wrong and how to fix it.",
        discussion: """
            Lists the I2C buses and what answers at the IMU addresses, identifies the IMU, configures it and \
            reads a few samples (keep the sensor still: |a| should be 9.81 m/s²), checks the GPIO chip and \
            every configured line, and checks permissions. Exits non-zero when the setup cannot work. \
            With --outputs it instead sounds the buzzer, lights each LED in turn and waits for a button \
            press, to check the feedback wiring by eye and ear.
            """)

    @Option(help: "The hardware config file (default: ~/.config/stretchguard/hardware.yaml, then /etc/stretchguard/hardware.yaml, then the built-in Raspberry Pi wiring).")
    var config: String?

    @Option(help: "Look only at /dev/i2c-N (and use it for the IMU).")
    var bus: Int?

    @Option(help: "How many samples to read from the IMU.")
    var samples = 50

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(help: "Test the feedback parts: buzzer, each LED in turn, then a button press.")
    var outputs = false

    @Option(help: "With --outputs: how long each output stays on, in seconds.")
    var stepSeconds = 1.5

    @Option(help: "With --outputs: how long to wait for the button, in seconds.")
    var buttonTimeout = 20.0

    func validate() throws {
        guard samples >= 2 && samples <= 100_000 else { throw ValidationError("--samples must be 2…100000") }
        guard stepSeconds > 0, buttonTimeout > 0 else { throw ValidationError("--step-seconds and --button-timeout must be > 0") }
    }

    func run() throws {
        StopSignal.install()
        var report = DoctorReport()
        let hardware: HardwareConfig
        do throws(ConfigError) {
            let loaded = try HardwareConfigFile.load(explicitPath: config)
            report.config = loaded.source.description
            hardware = loaded.config
        } catch {
            report.config = config ?? "(search failed)"
            report.problem("config", error.description, fix: "fix the file, or start from Hardware/stretchguard.example.yaml")
            try finish(report)
            return
        }
        if !outputs {
            let environment = ProcessInfo.processInfo.environment
            let database = try? StoreLocation.path(environment: environment)
            let calibrations = CalibrationLibrary(environment: environment).directory
            DoctorPrivacyCheck(paths: [database.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path },
                                       calibrations].compactMap { $0 }.filter { !$0.isEmpty })
                .run(into: &report)
            DoctorSchedulingCheck().run(into: &report)
            DoctorI2CCheck(imu: hardware.thorax, pelvis: hardware.pelvis, busOverride: bus, sampleCount: samples)
                .run(into: &report) { path throws(I2CError) in try LinuxI2CBus(path: path) }
        }
        let chip = DoctorGPIOCheck(config: hardware).run(backend: LinuxGPIOBackend(), into: &report)
        defer { chip?.close() }
        if outputs, let chip {
            DoctorOutputTest(config: hardware, stepSeconds: stepSeconds, buttonTimeout: buttonTimeout,
                             stop: StopSignal.token, say: { if !json { printFlushed($0) } })
                .run(on: chip, into: &report)
        }
        try finish(report)
    }

    private func finish(_ report: DoctorReport) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            printFlushed(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            printFlushed(DoctorReportText(report: report).render())
        }
        if !report.ok { throw ExitCode(1) }
    }
}
