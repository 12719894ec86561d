import StretchGuardGPIO
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
import StretchGuardStore

/// The sensor a live command reads: a real IMU found on the configured bus, or the simulated MPU-6050
/// (register-level, behind the same `I2CBus`) playing a scenario. Either way the real driver and the
/// sample clock run; samples arrive timestamped on the monotonic clock.
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

    /// Opens the sensor `choice` asks for.
    ///
    /// - Parameters:
    ///   - choice: auto, sim or a chip kind.
    ///   - imu: the configured IMU (bus, address, rate, ranges).
    ///   - scenario: what the simulated sensor plays.
    ///   - clock: the clock the simulated chip and its sample clock run on (the system's; a ``ManualClock``
    ///     plays the scenario as fast as it is read).
    public static func open(_ choice: SensorChoice, imu: HardwareConfig.IMU,
                            scenario: @autoclosure () throws -> SimulatedScenario,
                            clock: any MonotonicClock = SystemMonotonicClock()) throws -> LiveSensor {
        if choice != .simulated {
            do {
                return try openHardware(imu: imu, kind: { if case .chip(let kind) = choice { kind } else { nil } }())
            } catch let error as LiveSetupError where choice == .auto {
                return try openSimulated(imu: imu, scenario: scenario(), reason: error.description, clock: clock)
            }
        }
        return try openSimulated(imu: imu, scenario: scenario(), reason: nil, clock: clock)
    }

    /// The configured IMU on its bus, identified by WHO_AM_I.
    private static func openHardware(imu: HardwareConfig.IMU, kind: IMUChipKind?) throws -> LiveSensor {
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
        let clock = try SampleClock(driver: driver, mode: driver.fifoCapacity == nil ? .polling : nil)
        return LiveSensor(identity: .init(chip: chosen.chip.rawValue, bus: imu.bus.path, address: hexByte(chosen.address)),
                          device: "\(imu.bus.path) \(hexByte(chosen.address))", chipName: chosen.chip.description,
                          clock: clock, timeSource: SystemMonotonicClock(), scenarioEnd: nil, fallbackReason: nil)
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
        let clock = try SampleClock(driver: driver, clock: system, mode: .polling)
        let duration = (scenario.samples.last?.time ?? 0) - (scenario.samples.first?.time ?? 0)
        return LiveSensor(identity: .simulated, device: "simulated (scenario \(scenario.name))",
                          chipName: "MPU-6050 (simulated)", clock: clock, timeSource: system, scenarioEnd: start + duration,
                          fallbackReason: reason)
    }
}
