import StretchGuardConfig
import StretchGuardCore
import StretchGuardHardware
import StretchGuardTrace

/// The I2C half of `doctor`: which buses exist and may be opened, what answers at the IMU addresses, and
/// whether the configured IMU (or both, thorax and pelvis) gives plausible samples (|a| ≈ g at rest, not
/// stuck, not saturated). With two sensors every finding says which one it is about.
public struct DoctorI2CCheck {
    /// The IMU the config asks for (the thorax's).
    public var imu: HardwareConfig.IMU
    /// The pelvis IMU, when two sensors are configured.
    public var pelvis: HardwareConfig.IMU?
    /// Look only at this bus (`--bus N`); nil: every bus, and the configured one for the IMU.
    public var busOverride: Int?
    /// How many samples to read from the IMU.
    public var sampleCount: Int
    /// Where `/dev/i2c-N` and sysfs live (tests point these elsewhere).
    public var deviceDirectory = "/dev"
    public var sysfsDirectory = "/sys/class/i2c-dev"

    /// Tolerance on |a| at rest around standard gravity, in m/s².
    /// - Parameters:
    ///   - imu: the configured IMU.
    ///   - busOverride: look only at /dev/i2c-N.
    ///   - sampleCount: how many samples to read.
    ///   - pelvis: the configured pelvis IMU, or nil.
    public init(imu: HardwareConfig.IMU, pelvis: HardwareConfig.IMU? = nil, busOverride: Int?, sampleCount: Int) {
        self.imu = imu
        self.pelvis = pelvis
        self.busOverride = busOverride
        self.sampleCount = sampleCount
    }

    public static let gravityTolerance = 1.0
    /// Mean |ω| above which the sensor is not at rest (or its gyro is off), in rad/s (≈ 6 °/s).
    public static let restRateLimit = 0.1

    /// The configured IMUs with their roles, thorax first.
    private var configured: [(role: HardwareConfig.IMU.Role, imu: HardwareConfig.IMU)] {
        [(.thorax, imu)] + (pelvis.map { [(.pelvis, $0)] } ?? [])
    }

    /// The bus an IMU is checked on: `--bus N`, else its own.
    private func busPath(_ imu: HardwareConfig.IMU) -> String {
        busOverride.map { "/dev/i2c-\($0)" } ?? imu.bus.path
    }

    public func run(into report: inout DoctorReport, openBus: (String) throws(I2CError) -> any I2CBus) {
        report.i2c.checked = true
        let imuBusPath = busPath(imu)
        let adapters = I2CAdapterList.present(deviceDirectory: deviceDirectory, sysfsDirectory: sysfsDirectory)
            .filter { busOverride == nil || $0.number == busOverride }
        if adapters.isEmpty {
            let which = busOverride.map { "/dev/i2c-\($0) does not exist" } ?? "no I2C bus (/dev/i2c-*) on this machine"
            report.problem("i2c", which, fix: I2CErrorKind.busMissing.fix(bus: imuBusPath))
            return
        }
        for adapter in adapters {
            var bus = DoctorReport.Bus(number: adapter.number, path: adapter.devicePath, name: adapter.adapterName,
                                       accessible: adapter.isAccessible)
            defer { report.i2c.buses.append(bus) }
            guard adapter.isAccessible else {
                report.problem("permissions", "cannot open \(adapter.devicePath): permission denied",
                               fix: I2CErrorKind.permissionDenied.fix(bus: adapter.devicePath)
                                   + " (Hardware/udev/60-stretchguard.rules gives the i2c group access)")
                continue
            }
            let handle: any I2CBus
            do throws(I2CError) {
                handle = try openBus(adapter.devicePath)
            } catch {
                report.problem("i2c", error.message, fix: error.fix)
                continue
            }
            let probe = IMUProbe.scan(handle)
            bus.imus = probe.found.map {
                DoctorReport.Responder(address: hexByte($0.address), chip: $0.chip.rawValue, whoAmI: hexByte($0.whoAmI))
            }
            bus.unknown = probe.unknown.map {
                DoctorReport.Responder(address: hexByte($0.address), chip: nil,
                                       whoAmI: $0.readings.first.map { hexByte($0.value) } ?? "?")
            }
            for failure in probe.failures {
                report.warning("i2c", failure.message, fix: failure.fix)
            }
            var taken: UInt8?
            for (role, configuredIMU) in configured where busPath(configuredIMU) == adapter.devicePath {
                let chosen = readIMU(configuredIMU, role: role, on: handle, busPath: adapter.devicePath, probe: probe,
                                     besides: taken, into: &report)
                taken = taken ?? chosen
            }
        }
        for (role, configuredIMU) in configured where !adapters.contains(where: { $0.devicePath == busPath(configuredIMU) }) {
            let present = adapters.map(\.devicePath).joined(separator: ", ")
            let path = busPath(configuredIMU)
            report.problem("imu", "\(subject(role))the configured IMU bus \(path) does not exist (present: \(present))",
                           fix: "set imu.bus in the hardware config to one of those, or enable I2C bus 1 with "
                               + "sudo raspi-config (Interface Options → I2C)")
            report.sensors.append(.init(role: role.rawValue, name: SensorPlacement.name(role), device: nil, ok: false,
                                        summary: "bus \(path) does not exist"))
        }
    }

    /// "MPU-6050 at 0x68 on /dev/i2c-1".
    private func device(_ chip: DetectedIMU, _ busPath: String) -> String {
        "\(chip.chip.description) at \(hexByte(chip.address)) on \(busPath)"
    }

    /// "pelvis (belt) sensor: " with two sensors; empty with one (the findings read as they always have).
    private func subject(_ role: HardwareConfig.IMU.Role) -> String {
        pelvis == nil ? "" : "\(SensorPlacement.name(role)) sensor: "
    }

    /// Picks the configured IMU among what answered (not at `taken`, the other sensor's address on this
    /// bus), configures it and reads samples; its address, or nil when none answered.
    private func readIMU(_ imu: HardwareConfig.IMU, role: HardwareConfig.IMU.Role, on bus: any I2CBus, busPath: String,
                         probe: IMUProbeReport, besides taken: UInt8?, into report: inout DoctorReport) -> UInt8? {
        let wanted = probe.found.filter { found in
            (imu.address == nil || imu.address == found.address)
                && (imu.chip == nil || imu.chip?.rawValue == found.chip.rawValue)
                && found.address != taken
        }
        let name = SensorPlacement.name(role)
        guard let chosen = wanted.first else {
            defer {
                let addresses = imu.candidateAddresses.filter { $0 != taken }
                report.sensors.append(.init(role: role.rawValue, name: name, device: nil, ok: false,
                                            summary: SensorPlacement.noAnswer(at: addresses, on: busPath)))
            }
            if pelvis != nil {
                let addresses = imu.candidateAddresses.filter { $0 != taken }
                let found = probe.found.filter { $0.address != taken }
                let others = found.isEmpty ? "" : " (found: \(found.map(\.description).joined(separator: ", ")))"
                report.problem("imu", "\(subject(role))\(SensorPlacement.noAnswer(at: addresses, on: busPath))\(others)",
                               fix: SensorPlacement.noAnswerFix(role: role, bus: busPath))
                return nil
            }
            if let unknown = probe.unknown.first(where: { imu.address == nil || $0.address == imu.address }) {
                report.problem("imu", "\(unknown) on \(busPath): not an IMU StretchGuard knows",
                               fix: "use an MPU-6050/6500/9250, ICM-20948 or LSM6DS3/LSM6DSOX breakout; "
                                   + "see Hardware/parts.md")
            } else {
                let place = imu.address.map(hexByte) ?? "0x68, 0x69, 0x6A or 0x6B"
                let found = probe.found.isEmpty ? "" : " (found: \(probe.found.map(\.description).joined(separator: ", ")))"
                report.problem("imu", "no \(imu.chip.map { "\($0)" } ?? "IMU") answers at \(place) on \(busPath)\(found)",
                               fix: I2CErrorKind.noAcknowledge.fix(bus: busPath))
            }
            return nil
        }
        var driver = chosen.makeDriver(bus: bus)
        do {
            try driver.configure(IMUSettings(imu))
            var clock = try SampleClock(driver: driver, mode: .polling)
            try clock.start()
            var readings: [IMUReading] = []
            while readings.count < sampleCount {
                _ = try clock.next { readings.append($0) }
            }
            try clock.stop()
            let problemsBefore = report.problems.count
            judge(readings, role: role, chip: chosen, busPath: busPath, rate: clock.driver.configuration.outputDataRate,
                  into: &report)
            let problems = report.problems[problemsBefore...].map(\.problem)
            report.sensors.append(.init(role: role.rawValue, name: name, device: device(chosen, busPath), ok: problems.isEmpty,
                                        summary: problems.isEmpty ? "ok" : "read, but see the problems below"))
        } catch let error as I2CError {
            report.problem("imu", "\(subject(role))\(chosen) on \(busPath): \(error.message)", fix: error.fix)
            report.sensors.append(.init(role: role.rawValue, name: name, device: device(chosen, busPath), ok: false,
                                        summary: error.message))
        } catch {
            report.problem("imu", "\(subject(role))\(chosen) on \(busPath): \(error)",
                           fix: "check the wiring and power-cycle the sensor, then run doctor again")
            report.sensors.append(.init(role: role.rawValue, name: name, device: device(chosen, busPath), ok: false,
                                        summary: "\(error)"))
        }
        return chosen.address
    }

    /// Checks the samples for plausibility and records them.
    private func judge(_ readings: [IMUReading], role: HardwareConfig.IMU.Role, chip: DetectedIMU, busPath: String,
                       rate: Double, into report: inout DoctorReport) {
        guard let last = readings.last else { return }
        let count = Double(readings.count)
        let meanAcc = readings.reduce(0) { $0 + $1.sample.acc.length } / count
        let meanGyr = readings.reduce(0) { $0 + $1.sample.gyr.length } / count
        let health = readings.reduce(SampleHealth()) { $0.union($1.health) }
        let section = DoctorReport.IMUSection(
            role: role.rawValue, bus: busPath, address: hexByte(chip.address), chip: chip.chip.rawValue, rateHz: rate,
            samplesRead: readings.count,
            sample: DoctorReport.Sample(gyr: [last.sample.gyr.x, last.sample.gyr.y, last.sample.gyr.z],
                                        acc: [last.sample.acc.x, last.sample.acc.y, last.sample.acc.z]),
            meanAccNorm: meanAcc, meanGyrNorm: meanGyr, health: healthNames(health))
        switch role {
        case .thorax: report.imu = section
        case .pelvis: report.pelvis = section
        }
        let place = "\(subject(role))\(chip) at \(hexByte(chip.address)) on \(busPath)"
        if health.contains(.stuck) {
            report.problem("imu", "\(place): the data is stuck (the same bytes sample after sample)",
                           fix: "power-cycle the sensor; if it stays stuck, check its 3.3 V supply and replace the breakout")
        }
        if health.contains(.accSaturated) || health.contains(.gyrSaturated) {
            report.warning("imu", "\(place): samples at the end of the range (\(healthNames(health).joined(separator: ", ")))",
                           fix: "keep the sensor still during doctor; if it persists, raise imu.accel_range_g / "
                               + "imu.gyro_range_dps")
        }
        if abs(meanAcc - standardGravity) > Self.gravityTolerance {
            report.problem("imu", "\(place): |acceleration| at rest is \(FixedDecimal.string(meanAcc, decimals: 2)) m/s², "
                                + "expected \(FixedDecimal.string(standardGravity, decimals: 2)) ± \(FixedDecimal.string(Self.gravityTolerance, decimals: 1))",
                           fix: "keep the sensor still; if it is still, the chip or its scale is wrong: check imu.chip "
                               + "and imu.accel_range_g, or replace the breakout")
        }
        if meanGyr > Self.restRateLimit {
            report.warning("imu", "\(place): turning at \(FixedDecimal.string(meanGyr / degree, decimals: 1)) °/s on average",
                           fix: "keep the sensor still while doctor runs; a large rate at rest means a faulty gyro")
        }
    }

    private func healthNames(_ health: SampleHealth) -> [String] {
        var names: [String] = []
        if health.contains(.stuck) { names.append("stuck") }
        if health.contains(.gyrSaturated) { names.append("gyro saturated") }
        if health.contains(.accSaturated) { names.append("accelerometer saturated") }
        return names
    }
}

