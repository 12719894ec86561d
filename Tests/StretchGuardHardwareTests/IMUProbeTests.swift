import Glibc
import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct IMUProbeTests {
    @Test func twoIMUsShareOneBus() throws {
        let rig = SimulatedRig()
        let thorax = ConstantSampleSource(gyr: Vector3D(0.1, 0, 0), acc: Vector3D(0, 0, standardGravity))
        let pelvis = ConstantSampleSource(gyr: Vector3D(0, -0.3, 0), acc: Vector3D(standardGravity, 0, 0))
        rig.addMPU(at: 0x68, source: thorax)
        rig.addMPU(at: 0x69, source: pelvis)

        let report = IMUProbe.scan(rig.bus)
        #expect(report.found.map(\.address) == [0x68, 0x69])
        #expect(report.found.allSatisfy { $0.chip == .mpu6050 })
        #expect(report.absent == [0x6A, 0x6B])

        var drivers = report.found.map { $0.makeDriver(bus: rig.bus, clock: rig.clock) }
        for index in drivers.indices { try drivers[index].configure(.standard) }
        rig.advance(periods: 1)
        let thoraxReading = try drivers[0].readSample(time: 1)
        let pelvisReading = try drivers[1].readSample(time: 1)
        let thoraxAgain = try drivers[0].readSample(time: 1)

        #expect(isClose(thoraxReading.sample.gyr, thorax.gyr, within: 0.001))
        #expect(isClose(pelvisReading.sample.gyr, pelvis.gyr, within: 0.001))
        #expect(isClose(pelvisReading.sample.acc, pelvis.acc, within: 0.002))
        #expect(thoraxAgain.raw == thoraxReading.raw)
    }

    @Test func eachFamilyIsFoundByItsOwnIdentityRegister() {
        let rig = SimulatedRig()
        rig.addMPU(.mpu9250, at: 0x68)
        rig.bus.attach(SimulatedICM20948(clock: rig.clock), at: 0x69)
        rig.bus.attach(SimulatedLSM6DS(model: .lsm6dsox, clock: rig.clock), at: 0x6A)
        rig.bus.attach(SimulatedLSM6DS(model: .lsm6ds3, clock: rig.clock), at: 0x6B)

        let found = IMUProbe.scan(rig.bus).found
        #expect(found == [
            DetectedIMU(chip: .mpu9250, address: 0x68, whoAmI: 0x71),
            DetectedIMU(chip: .icm20948, address: 0x69, whoAmI: 0xEA),
            DetectedIMU(chip: .lsm6dsox, address: 0x6A, whoAmI: 0x6C),
            DetectedIMU(chip: .lsm6ds3, address: 0x6B, whoAmI: 0x69),
        ])
        #expect(found[1].makeDriver(bus: rig.bus) is ICM20948Driver)
        #expect(found[2].makeDriver(bus: rig.bus) is LSM6DSDriver)
        #expect(found[0].makeDriver(bus: rig.bus) is MPUDriver)
    }

    @Test func unknownChipIsListedWithWhatItAnswered() {
        let rig = SimulatedRig()
        rig.bus.attach(SimulatedRegisterImage([0x75: 0x12, 0x00: 0x5A]), at: 0x68)  // e.g. an ICM-20602
        let report = IMUProbe.scan(rig.bus, addresses: [0x68])
        #expect(report.found.isEmpty)
        #expect(report.unknown == [UnknownI2CResponder(address: 0x68, readings: [
            IdentityReading(register: 0x75, value: 0x12), IdentityReading(register: 0x00, value: 0x5A),
        ])])
    }

    @Test func transferFailureIsNotMistakenForAbsence() {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x69)
        rig.bus.failNextTransfers(1, errno: EIO, address: 0x69)
        let report = IMUProbe.scan(rig.bus, addresses: [0x68, 0x69])
        #expect(report.absent == [0x68])
        #expect(report.failures.map(\.errno) == [EIO])
        #expect(report.failures.first?.address == 0x69)
        #expect(report.found.isEmpty)
    }

    @Test func probingOnlyReads() {
        let rig = SimulatedRig()
        rig.bus.attach(SimulatedRegisterImage([0x75: 0x00]), at: 0x68)
        rig.addMPU(at: 0x69)
        _ = IMUProbe.scan(rig.bus)
        #expect(rig.bus.writes.isEmpty)
    }
}
