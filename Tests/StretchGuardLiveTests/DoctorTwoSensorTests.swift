import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardGPIO
import StretchGuardHardware
import Testing
@testable import StretchGuardLive

/// `doctor` with two sensors configured on one bus (simulated chips): each finding says which sensor it
/// is about, and a missing pelvis gets the address strap's question and the fix.
@Suite struct DoctorTwoSensorTests {
    private static let still = ClosureSampleSource { time in
        let wobble = sin(time * 377) * 0.002
        return IMUSample(time: time, gyr: Vector3D(wobble, -wobble, 0), acc: Vector3D(0, wobble * 10, standardGravity))
    }

    /// Runs the I2C check on a fake /dev/i2c-1 holding `chips` (address → chip kind).
    private func check(_ chips: [UInt8: IMUChipKind], pelvisAddress: UInt8? = 0x69) throws -> DoctorReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dev = root.appendingPathComponent("dev"), sysfs = root.appendingPathComponent("sys/i2c-1")
        try FileManager.default.createDirectory(at: dev, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sysfs, withIntermediateDirectories: true)
        try Data().write(to: dev.appendingPathComponent("i2c-1"))
        let bus = SimulatedI2CBus(name: "\(dev.path)/i2c-1")
        for (address, kind) in chips {
            let chip: any SimulatedI2CDevice = kind.family == .invenSenseMPU
                ? SimulatedMPU6050(model: kind, clock: SystemMonotonicClock(), source: Self.still)
                : SimulatedLSM6DS(model: kind, clock: SystemMonotonicClock(), source: Self.still)
            bus.attach(chip, at: address)
        }
        var thorax = HardwareConfig.IMU()
        thorax.bus = .init(path: "\(dev.path)/i2c-1")
        var pelvis = HardwareConfig.IMU(role: .pelvis, dataReadyLine: nil)
        pelvis.bus = thorax.bus
        pelvis.address = pelvisAddress
        var report = DoctorReport()
        var check = DoctorI2CCheck(imu: thorax, pelvis: pelvis, busOverride: nil, sampleCount: 20)
        check.deviceDirectory = dev.path
        check.sysfsDirectory = sysfs.deletingLastPathComponent().path
        check.run(into: &report) { _ in bus }
        return report
    }

    @Test("both answer (mixed families): each is read and named")
    func bothAnswer() throws {
        let report = try check([0x68: .mpu6050, 0x6B: .lsm6dsox], pelvisAddress: 0x6B)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.imu?.address == "0x68" && report.imu?.role == "thorax")
        #expect(report.pelvis?.address == "0x6B" && report.pelvis?.chip == "lsm6dsox" && report.pelvis?.role == "pelvis")
        #expect(report.sensors.map(\.name) == ["thorax (upper back)", "pelvis (belt)"])
        #expect(report.sensors.allSatisfy { $0.ok })
        #expect(report.sensors.first?.device?.hasPrefix("MPU-6050 at 0x68 on ") == true)
    }

    @Test("the pelvis does not answer at 0x69: the strap question and the fix, the thorax still ok")
    func pelvisMissing() throws {
        let report = try check([0x68: .mpu6050])
        #expect(!report.ok)
        #expect(report.imu?.address == "0x68" && report.pelvis == nil)
        let problem = try #require(report.problems.first { $0.part == "imu" })
        #expect(problem.problem.hasPrefix("pelvis (belt) sensor: no answer at 0x69 on "))
        #expect(problem.problem.contains("is AD0 tied high (to 3.3 V)?"))
        #expect(problem.fix.contains("AD0 goes to 3.3 V (0x69)") && problem.fix.contains("remove the pelvis IMU"))
        #expect(report.sensors.map(\.ok) == [true, false])
    }

    @Test("two chips answer but the pelvis is left to probing: it takes the one the thorax did not")
    func pelvisByProbing() throws {
        let report = try check([0x68: .mpu6050, 0x69: .mpu6500], pelvisAddress: nil)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.imu?.address == "0x68" && report.pelvis?.address == "0x69" && report.pelvis?.chip == "mpu6500")
    }
}
