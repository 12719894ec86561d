import Glibc
import StretchGuardCore
import StretchGuardHardware
import Testing

/// The bus number of a kernel i2c-stub adapter with a chip at 0x68 programmed as an MPU-6050 image (see
/// ``KernelI2CStubTests``), from `STRETCHGUARD_I2C_STUB_BUS`; nil (tests skipped) when not set.
let stubBusNumber: Int? = getenv("STRETCHGUARD_I2C_STUB_BUS").flatMap { Int(String(cString: $0)) }

/// The real Linux path (i2c-dev ioctls, libi2c SMBus calls) against the kernel's i2c-stub, run inside a
/// guest kernel where the stub was set up with:
///
///     modprobe i2c-stub chip_addr=0x68 && modprobe i2c-dev
///     i2cset -y $BUS 0x68 0x75 0x68
///     i2cset -y $BUS 0x68 0x3B 0x00 0x00 0x00 0x00 0x20 0x00 0x00 0x00 0x03 0xe8 0x00 0x00 0xfc 0x18 i
///     STRETCHGUARD_I2C_STUB_BUS=$BUS <test binary> --testing-library swift-testing --filter KernelI2CStubTests
@Suite(.enabled(if: stubBusNumber != nil, "needs STRETCHGUARD_I2C_STUB_BUS (a kernel i2c-stub)"), .serialized)
struct KernelI2CStubTests {
    @Test func adapterOffersTheTransfersTheDriversNeed() throws {
        let bus = try LinuxI2CBus(number: try #require(stubBusNumber))
        #expect(try bus.functionality().isSuperset(of: .requiredByDrivers))
        let listed = I2CAdapterList.present().first { $0.number == stubBusNumber }
        #expect(listed?.adapterName == "SMBus stub driver")
    }

    @Test func probeConfigureAndBurstReadTheStubbedMPU6050() throws {
        let bus = try LinuxI2CBus(number: try #require(stubBusNumber))
        let report = IMUProbe.scan(bus, addresses: [0x68, 0x69])
        #expect(report.found == [DetectedIMU(chip: .mpu6050, address: 0x68, whoAmI: 0x68)])
        #expect(report.absent == [0x69])  // i2c-stub answers ENODEV for addresses without a chip

        var driver = try #require(report.found.first).makeDriver(bus: bus)
        try driver.configure(.standard)  // the reset bit stays set in the stub: the wait times out and goes on
        #expect(try bus.readByte(address: 0x68, register: 0x6B) == 0x01)
        #expect(try bus.readByte(address: 0x68, register: 0x19) == 4)
        #expect(try bus.readByte(address: 0x68, register: 0x1C) == 0x08)

        let reading = try driver.readSample(time: 0)
        #expect(reading.raw == RawIMUCounts(gyr: SIMD3(1000, 0, -1000), acc: SIMD3(0, 0, 8192)))
        #expect(abs(reading.sample.acc.z - standardGravity) < 1e-12)
    }

    @Test func missingChipIsARecoverableNack() throws {
        let bus = try LinuxI2CBus(number: try #require(stubBusNumber))
        let error = i2cError { _ = try bus.readBlock(address: 0x69, register: 0x3B, count: 14) }
        #expect(error?.errno == ENODEV)
        #expect(error?.isRecoverableSensorFault == true)
    }
}
