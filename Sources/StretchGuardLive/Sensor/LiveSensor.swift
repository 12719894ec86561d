import StretchGuardGPIO
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
import StretchGuardStore

/// The sensor a live command reads: a real IMU found on the configured bus, or the simulated MPU-6050
/// (register-level, behind the same `I2CBus`) playing a scenario. Either way the real driver and the
/// sample clock run; samples arrive timestamped on the monotonic clock.
///
/// A real IMU's sample clock is chosen by trying the modes on it (`SampleClock.probing`): the data-ready
/// edge when the configured line opens and edges arrive once the interrupt is armed, else the FIFO when
/// it fills, else polling; `clockMode` and `clockFallbackReason` say which and why.
public struct LiveSensor {
    /// Which sensor this is (calibrations belong to one).
    public let identity: CalibrationRecord.SensorIdentity
    /// For the session record: "/dev/i2c-1 0x68" or "simulated (scenario demo)".
    public let device: String
    /// The chip's part name, "MPU-6050".
    public let chipName: String
    /// The sample clock over the configured driver.
    public var clock: SampleClock
    /// The clock the samples are stamped on (and the session is timed by), in s: `CLOCK_MONOTONIC`, or the
    /// simulation's clock.
    public let timeSource: any MonotonicClock
    /// For the simulated sensor: when the scenario ends, in monotonic s; nil for a real sensor.
    public let scenarioEnd: Double?
    /// Why `auto` fell back to the simulated sensor (printed once), or nil.
    public let fallbackReason: String?

    /// The size of one raw count, for the session store.
    public var scale: SampleScale {
        SampleScale(gyr: clock.driver.configuration.gyrScale, acc: clock.driver.configuration.accScale)
    }

    /// The achieved output data rate, in Hz.
    public var rate: Double { clock.driver.configuration.outputDataRate }

    /// How samples are timed: the data-ready edge, the FIFO or polling.
    public var clockMode: SampleClockMode { clock.mode }

    /// Why a better sample-clock mode was passed over ("data-ready line GPIO17 gave no edges within 50 ms"),
    /// or nil when the best one is in use.
    public var clockFallbackReason: String? { clock.choice.fallbackReason }

    /// Opens the sensor `choice` asks for.
    ///
    /// - Parameters:
    ///   - choice: auto, sim or a chip kind.
    ///   - imu: the configured IMU (bus, address, rate, ranges).
    ///   - scenario: what the simulated sensor plays.
    ///   - gpioChip: the chip the IMU's data-ready line is on (the config's `gpio.chip`); nil: the chip that
    ///     has a line of that name.
    ///   - clock: the clock the simulated chip and its sample clock run on (the system's; a ``ManualClock``
    ///     plays the scenario as fast as it is read).
    public static func open(_ choice: SensorChoice, imu: HardwareConfig.IMU,
                            scenario: @autoclosure () throws -> SimulatedScenario,
                            gpioChip: HardwareConfig.Chip? = nil,
                            clock: any MonotonicClock = SystemMonotonicClock()) throws -> LiveSensor {
        if choice != .simulated {
            do {
                return try openHardware(imu: imu, kind: { if case .chip(let kind) = choice { kind } else { nil } }(),
                                        gpioChip: gpioChip)
            } catch let error as LiveSetupError where choice == .auto {
                return try openSimulated(imu: imu, scenario: scenario(), reason: error.description, clock: clock)
            }
        }
        return try openSimulated(imu: imu, scenario: scenario(), reason: nil, clock: clock)
    }

    /// The configured IMU on its bus, identified by WHO_AM_I, with the best sample clock that works.
    private static func openHardware(imu: HardwareConfig.IMU, kind: IMUChipKind?, gpioChip: HardwareConfig.Chip?) throws -> LiveSensor {
        let bus: LinuxI2CBus
        do {
            bus = try LinuxI2CBus(path: imu.bus.path)
        } catch {
            throw LiveSetupError("cannot open \(imu.bus.path): \(error.kind.meaning)")
        }
        let found = IMUProbe.scan(bus, addresses: imu.candidateAddresses).found
            .filter { kind == nil || $0.chip == kind }
        guard let chosen = found.first else {
            let what = kind.map { "\($0)" } ?? "IMU"
            throw LiveSetupError("no \(what) answers on \(imu.bus.path)")
        }
        var driver = chosen.makeDriver(bus: bus)
        try driver.configure(IMUSettings(imu))
        let clock = try probeClock(driver: driver, imu: imu, gpioChip: gpioChip, gpio: LinuxGPIOBackend())
        return LiveSensor(identity: .init(chip: chosen.chip.rawValue, bus: imu.bus.path, address: hexByte(chosen.address)),
                          device: "\(imu.bus.path) \(hexByte(chosen.address))", chipName: chosen.chip.description,
                          clock: clock, timeSource: SystemMonotonicClock(), scenarioEnd: nil, fallbackReason: nil)
    }

    /// The sample clock for `driver`: the modes tried on the chip, best first, with the IMU's data-ready line
    /// (`imu.dataReadyLine`) requested from `gpio` for the edge mode (and released when another mode wins).
    ///
    /// - Parameters:
    ///   - gpioChip: the chip the line is on; nil: the first chip with a line of that name (header chips
    ///     first), or gpiochip0 for a line given by offset.
    ///   - clock: the monotonic clock (the system's; a test's manual one).
    static func probeClock(driver: any IMUDriver, imu: HardwareConfig.IMU, gpioChip: HardwareConfig.Chip?,
                           gpio: any GPIOBackend, clock: any MonotonicClock = SystemMonotonicClock()) throws -> SampleClock {
        let candidate: DataReadyCandidate
        if let line = imu.dataReadyLine {
            do {
                if let chip = try dataReadyChip(for: line, configured: gpioChip, gpio: gpio) {
                    defer { chip.close() }
                    candidate = .line(try DataReadyLine(chip: chip, line: GPIOLineAddress(line)), name: line.description)
                } else {
                    candidate = .unavailable(reason: "no GPIO chip has a line named \(line) (the data-ready line)")
                }
            } catch {
                candidate = .unavailable(reason: "data-ready line \(line) could not be requested (\(error))")
            }
        } else {
            candidate = .unavailable(reason: "no data-ready line is configured (imu.data_ready_line: none)")
        }
        return try SampleClock.probing(driver: driver, clock: clock, dataReady: candidate)
    }

    /// The chip to request the data-ready line from: the configured one, else the first chip with a line of
    /// that name (the 40-pin header's chips first; nil when none has it), else gpiochip0 for an offset.
    private static func dataReadyChip(for line: HardwareConfig.Line, configured: HardwareConfig.Chip?,
                                      gpio: any GPIOBackend) throws(GPIOError) -> (any GPIOChip)? {
        if let configured { return try gpio.openChip(GPIOChipAddress(configured.description)) }
        guard case .name = line else { return try gpio.openChip(.name("gpiochip0")) }
        let header = HardwareConfig.Chip.raspberryPiHeaderLabels
        for info in try gpio.chips().sorted(by: { header.contains($0.label) && !header.contains($1.label) }) {
            guard let chip = try? gpio.openChip(.path(info.path)) else { continue }
            if (try? chip.offset(of: GPIOLineAddress(line))) != nil { return chip }
            chip.close()
        }
        return nil
    }

    /// The simulated MPU-6050 at 0x68 on a simulated bus, playing `scenario` from now.
    private static func openSimulated(imu: HardwareConfig.IMU, scenario: SimulatedScenario, reason: String?,
                                      clock system: any MonotonicClock) throws -> LiveSensor {
        let start = system.now() + 0.05
        let chip = SimulatedMPU6050(clock: system, source: RecordedSampleSource(scenario.samples, startingAt: start))
        let bus = SimulatedI2CBus(name: "simulated-i2c")
        bus.attach(chip, at: 0x68)
        var driver = DetectedIMU(chip: .mpu6050, address: 0x68, whoAmI: 0x68).makeDriver(bus: bus, clock: system)
        try driver.configure(IMUSettings(imu))
        let clock = try SampleClock(driver: driver, clock: system,
                                    choice: SampleClockChoice(mode: .polling, evidence: "the simulated sensor"))
        let duration = (scenario.samples.last?.time ?? 0) - (scenario.samples.first?.time ?? 0)
        return LiveSensor(identity: .simulated, device: "simulated (scenario \(scenario.name))",
                          chipName: "MPU-6050 (simulated)", clock: clock, timeSource: system, scenarioEnd: start + duration,
                          fallbackReason: reason)
    }
}
