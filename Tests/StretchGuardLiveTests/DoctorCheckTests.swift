import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import Testing
@testable import StretchGuardLive

/// `doctor`'s checks against simulated chips and GPIO: what a maker sees for each kind of fault.
@Suite struct DoctorCheckTests {
    /// A fake /dev with `i2c-1` and its sysfs name, so the adapter list finds one bus.
    private func fakeDevices() throws -> (dev: String, sysfs: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        let dev = root.appendingPathComponent("dev"), sysfs = root.appendingPathComponent("sys/i2c-1")
        try FileManager.default.createDirectory(at: dev, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sysfs, withIntermediateDirectories: true)
        try Data().write(to: dev.appendingPathComponent("i2c-1"))
        try Data("bcm2835 (i2c@7e804000)\n".utf8).write(to: sysfs.appendingPathComponent("name"))
        return (dev.path, sysfs.deletingLastPathComponent().path)
    }

    /// A still sensor with a little noise (a real chip's data changes every sample).
    private static let stillWithNoise = ClosureSampleSource { time in
        let wobble = sin(time * 377) * 0.002
        return IMUSample(time: time, gyr: Vector3D(wobble, -wobble, 0), acc: Vector3D(0, wobble * 10, standardGravity))
    }

    private func check(_ chip: SimulatedMPU6050?, at address: UInt8 = 0x68, configured: UInt8? = nil,
                       samples: Int = 20) throws -> DoctorReport {
        let (dev, sysfs) = try fakeDevices()
        let bus = SimulatedI2CBus(name: "\(dev)/i2c-1")
        if let chip { bus.attach(chip, at: address) }
        var imu = HardwareConfig.IMU()
        imu.bus = .init(path: "\(dev)/i2c-1")
        imu.address = configured
        var report = DoctorReport()
        var check = DoctorI2CCheck(imu: imu, busOverride: nil, sampleCount: samples)
        check.deviceDirectory = dev
        check.sysfsDirectory = sysfs
        check.run(into: &report) { _ in bus }
        return report
    }

    @Test func aStillLiveMPU6050PassesWithItsSampleScaled() throws {
        let chip = SimulatedMPU6050(clock: SystemMonotonicClock(), source: Self.stillWithNoise)
        let report = try check(chip)
        #expect(report.problems.isEmpty, "\(report.problems)")
        let imu = try #require(report.imu)
        #expect(imu.chip == "mpu6050" && imu.address == "0x68" && imu.samplesRead == 20)
        #expect(abs(imu.meanAccNorm - standardGravity) < 0.01)
        #expect(abs(imu.sample.acc[2] - standardGravity) < 0.01)
        #expect(report.i2c.buses.first?.name == "bcm2835 (i2c@7e804000)")
        #expect(report.i2c.buses.first?.imus.first?.chip == "mpu6050")
    }

    @Test func frozenDataIsAProblemNamingStuck() throws {
        let chip = SimulatedMPU6050(clock: SystemMonotonicClock(), source: Self.stillWithNoise)
        chip.setDataFrozen(true)
        let report = try check(chip, samples: 40)
        #expect(report.problems.contains { $0.part == "imu" && $0.problem.contains("stuck") })
        #expect(report.imu?.health.contains("stuck") == true)
    }

    @Test func implausibleGravityIsAProblemWithTheMeasuredValue() throws {
        let light = ClosureSampleSource { time in
            IMUSample(time: time, gyr: Vector3D(sin(time * 300) * 0.001, 0, 0), acc: Vector3D(0, 0, 4.9))
        }
        let report = try check(SimulatedMPU6050(clock: SystemMonotonicClock(), source: light))
        let problem = try #require(report.problems.first { $0.part == "imu" })
        #expect(problem.problem.contains("4.9"))
        #expect(problem.fix.contains("accel_range_g"))
    }

    @Test func nothingAtTheConfiguredAddressSaysWhatWasFoundAndHowToCheckTheWiring() throws {
        let chip = SimulatedMPU6050(clock: SystemMonotonicClock(), source: Self.stillWithNoise)
        let report = try check(chip, at: 0x68, configured: 0x69)
        let problem = try #require(report.problems.first { $0.part == "imu" })
        #expect(problem.problem.contains("0x69") && problem.problem.contains("MPU-6050 at 0x68"))
        #expect(problem.fix.contains("i2cdetect -y 1") || problem.fix.contains("AD0"))
        #expect(report.imu == nil)
    }

    @Test func noBusAtAllPointsAtRaspiConfig() throws {
        var report = DoctorReport()
        var check = DoctorI2CCheck(imu: HardwareConfig.IMU(), busOverride: nil, sampleCount: 5)
        check.deviceDirectory = "/nonexistent-dev"
        check.run(into: &report) { path throws(I2CError) in try LinuxI2CBus(path: path) }
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.fix.contains("raspi-config") == true)
    }

    @Test func gpioCheckFindsTheChipByLabelAndEveryLine() throws {
        var config = HardwareConfig.defaults
        config.gpio.chip = .label("pinctrl-bcm2711")
        let gpio = SimulatedGPIO()
        var report = DoctorReport()
        let chip = DoctorGPIOCheck(config: config).run(backend: gpio, into: &report)
        #expect(chip != nil)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.gpio.chip?.name == "gpiochip0")
        let roles = report.gpio.lines.map(\.role)
        #expect(roles == ["buzzer", "green LED", "yellow LED", "red LED", "button", "thorax IMU data-ready"])
        #expect(report.gpio.lines.first { $0.role == "buzzer" }?.offset == 18)
    }

    @Test func aBusyLineNamesItsHolderAndAnUnknownLineNamesTheConfigField() throws {
        var config = HardwareConfig.defaults
        config.gpio.button?.line = .name("GPIO99")
        let gpio = SimulatedGPIO()
        gpio.claim(.name("GPIO18"), consumer: "pwm-beeper")
        var report = DoctorReport()
        let chip = DoctorGPIOCheck(config: config).run(backend: gpio, into: &report)
        #expect(chip == nil)
        #expect(report.problems.contains { $0.problem.contains("buzzer line GPIO18") && $0.problem.contains("pwm-beeper") })
        #expect(report.problems.contains { $0.problem.contains("GPIO99") && $0.fix.contains("hardware config") })
        #expect(report.gpio.lines.first { $0.role == "buzzer" }?.usedBy == "pwm-beeper")
    }

    @Test func aMissingChipListsTheChipsFound() throws {
        var config = HardwareConfig.defaults
        config.gpio.chip = .name("gpiochip9")
        var report = DoctorReport()
        #expect(DoctorGPIOCheck(config: config).run(backend: SimulatedGPIO(), into: &report) == nil)
        let problem = try #require(report.problems.first)
        #expect(problem.problem.contains("gpiochip9") && problem.problem.contains("gpiochip0"))
    }
}

/// `doctor` warns about health data that other users may read, with the `chmod` that fixes it.
@Suite struct DoctorPrivacyCheckTests {
    @Test func openFilesAndFoldersAreWarnedAboutPrivateOnesAreNot() throws {
        let folder = NSTemporaryDirectory() + "doctor-privacy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = folder + "/sessions.sqlite", closed = folder + "/2026-01-01.json"
        #expect(FileManager.default.createFile(atPath: open, contents: Data()))
        #expect(FileManager.default.createFile(atPath: closed, contents: Data()))
        chmod(open, 0o644)
        chmod(closed, 0o600)
        chmod(folder, 0o750)
        var report = DoctorReport()
        DoctorPrivacyCheck(paths: [folder, folder + "/missing"]).run(into: &report)
        let fixes = report.warnings.map(\.fix)
        #expect(fixes.contains("chmod 600 '\(open)'"))
        #expect(fixes.contains("chmod 700 '\(folder)'"))
        #expect(!fixes.contains { $0.contains(closed) })
        #expect(report.warnings.first { $0.fix.contains(open) }?.problem.contains("every user") == true)
        #expect(report.warnings.first { $0.fix.contains(folder + "'") }?.problem.contains("your group") == true)
        #expect(report.ok, "privacy is a warning, not a problem that stops the setup")
    }
}

/// `doctor` warns when the sample thread could not have real-time scheduling, with how to permit it.
@Suite struct DoctorSchedulingCheckTests {
    @Test("refused: a warning naming the service's LimitRTPRIO and limits.conf; granted: nothing to say")
    func warnsOnlyWhenRefused() {
        var refused = DoctorSchedulingCheck()
        refused.raise = { .ordinary }
        var report = DoctorReport()
        refused.run(into: &report)
        #expect(report.warnings.map(\.part) == ["scheduling"])
        #expect(report.warnings.first?.fix.contains("LimitRTPRIO=20") == true)
        #expect(report.warnings.first?.fix.contains("rtprio 20") == true)
        #expect(report.ok, "a warning, not a problem that stops the setup")

        var granted = DoctorSchedulingCheck()
        granted.raise = { .realTime(20) }
        var quiet = DoctorReport()
        granted.run(into: &quiet)
        #expect(quiet.warnings.isEmpty)

        // The real check says what a new thread of this process actually gets.
        var real = DoctorReport()
        DoctorSchedulingCheck().run(into: &real)
        let expected = SampleThreadPriorityTests.onNewThread { SampleThreadPriority.raiseCallingThread() }
        #expect(real.warnings.isEmpty == expected.isRealTime)
    }
}
