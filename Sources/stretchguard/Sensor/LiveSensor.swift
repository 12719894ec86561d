import StretchGuardGPIO
import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
import StretchGuardStore

/// The sensor a live command reads: a real IMU found on the configured bus, or the simulated MPU-6050
/// (register-level, behind the same `I2CBus`) playing a scenario. Either way the real driver and the
/// sample clock run; samples arrive timestamped on the monotonic clock.
struct LiveSensor {
    /// Which sensor this is (calibrations belong to one).
    let identity: CalibrationRecord.SensorIdentity
    /// For the session record: "/dev/i2c-1 0x68" or "simulated (scenario demo)".
    let device: String
    /// The chip's part name, "MPU-6050".
    let chipName: String
    /// The sample clock over the configured driver.
    var clock: SampleClock
    /// For the simulated sensor: when the scenario ends, in monotonic s; nil for a real sensor.
    let scenarioEnd: Double?
    /// Why `auto` fell back to the simulated sensor (printed once), or nil.
    let fallbackReason: String?

    /// The size of one raw count, for the session store.
    var scale: SampleScale {
        SampleScale(gyr: clock.driver.configuration.gyrScale, acc: clock.driver.configuration.accScale)
    }

    /// The achieved output data rate, in Hz.
    var rate: Double { clock.driver.configuration.outputDataRate }

    /// Opens the sensor `choice` asks for.
    ///
    /// - Parameters:
    ///   - choice: auto, sim or a chip kind.
    ///   - imu: the configured IMU (bus, address, rate, ranges).
    ///   - scenario: what the simulated sensor plays.
    static func open(_ choice: SensorChoice, imu: HardwareConfig.IMU, scenario: @autoclosure () throws -> SimulatedScenario) throws -> LiveSensor {
        if choice != .simulated {
            do {
                return try openHardware(imu: imu, kind: { if case .chip(let kind) = choice { kind } else { nil } }())
            } catch let error as CommandFailure where choice == .auto {
                return try openSimulated(imu: imu, scenario: scenario(), reason: error.description)
            }
        }
        return try openSimulated(imu: imu, scenario: scenario(), reason: nil)
    }

    /// The configured IMU on its bus, identified by WHO_AM_I.
    private static func openHardware(imu: HardwareConfig.IMU, kind: IMUChipKind?) throws -> LiveSensor {
        let bus: LinuxI2CBus
        do {
            bus = try LinuxI2CBus(path: imu.bus.path)
        } catch {
            throw CommandFailure("cannot open \(imu.bus.path): \(error.kind.meaning)")
        }
        let found = IMUProbe.scan(bus, addresses: imu.candidateAddresses).found
            .filter { kind == nil || $0.chip == kind }
        guard let chosen = found.first else {
            let what = kind.map { "\($0)" } ?? "IMU"
            throw CommandFailure("no \(what) answers on \(imu.bus.path)")
        }
        var driver = chosen.makeDriver(bus: bus)
        try driver.configure(IMUSettings(imu))
        let clock = try SampleClock(driver: driver, mode: driver.fifoCapacity == nil ? .polling : nil)
        return LiveSensor(identity: .init(chip: chosen.chip.rawValue, bus: imu.bus.path, address: hexByte(chosen.address)),
                          device: "\(imu.bus.path) \(hexByte(chosen.address))", chipName: chosen.chip.description,
                          clock: clock, scenarioEnd: nil, fallbackReason: nil)
    }

    /// The simulated MPU-6050 at 0x68 on a simulated bus, playing `scenario` from now.
    private static func openSimulated(imu: HardwareConfig.IMU, scenario: SimulatedScenario, reason: String?) throws -> LiveSensor {
        let system = SystemMonotonicClock()
        let start = system.now() + 0.05
        let chip = SimulatedMPU6050(clock: system, source: RecordedSampleSource(scenario.samples, startingAt: start))
        let bus = SimulatedI2CBus(name: "simulated-i2c")
        bus.attach(chip, at: 0x68)
        var driver = DetectedIMU(chip: .mpu6050, address: 0x68, whoAmI: 0x68).makeDriver(bus: bus, clock: system)
        try driver.configure(IMUSettings(imu))
        let clock = try SampleClock(driver: driver, clock: system, mode: .polling)
        let duration = (scenario.samples.last?.time ?? 0) - (scenario.samples.first?.time ?? 0)
        return LiveSensor(identity: .simulated, device: "simulated (scenario \(scenario.name))",
                          chipName: "MPU-6050 (simulated)", clock: clock, scenarioEnd: start + duration,
                          fallbackReason: reason)
    }
}
