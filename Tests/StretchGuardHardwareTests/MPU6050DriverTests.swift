import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct MPU6050DriverTests {
    @Test func probeFindsTheChipAt0x68() {
        let rig = SimulatedRig()
        rig.addMPU(at: 0x68)
        let report = IMUProbe.scan(rig.bus)
        #expect(report.found == [DetectedIMU(chip: .mpu6050, address: 0x68, whoAmI: 0x68)])
        #expect(report.absent == [0x69, 0x6A, 0x6B])
        #expect(report.unknown.isEmpty && report.failures.isEmpty)
    }

    @Test func configureResetsFirstAndWritesRateFilterAndRanges() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let driver = try rig.configuredMPUDriver()

        #expect(rig.bus.writes.first == SimulatedI2CWrite(address: 0x68, register: 0x6B, bytes: [0x80]))
        #expect(chip.peek(0x6B) == 0x01)  // awake on the gyro PLL
        #expect(chip.peek(0x19) == 4)  // 1 kHz / (1 + 4) = 200 Hz
        #expect(chip.peek(0x1A) == 3)  // DLPF_CFG 3: 42 Hz, the widest ≤ 0.45 × 200 Hz
        #expect(chip.peek(0x1B) == 0x08)  // FS_SEL 1: ±500 °/s
        #expect(chip.peek(0x1C) == 0x08)  // AFS_SEL 1: ±4 g
        #expect(chip.peek(0x38) == 0 && chip.peek(0x6A) == 0 && chip.peek(0x23) == 0)
        #expect(chip.outputDataRate == 200)
        #expect(driver.configuration.outputDataRate == 200)
        #expect(driver.configuration.gyrLowPassBandwidth == 42)
        #expect(driver.configuration.accLowPassBandwidth == 44)
    }

    @Test(arguments: [(100, 9, 100), (333, 2, 1000.0 / 3), (1000, 0, 1000), (2, 255, 1000.0 / 256)] as [(Double, UInt8, Double)])
    func rateIsTheNearestTheDividerAllows(requested: Double, divider: UInt8, achieved: Double) throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let driver = try rig.configuredMPUDriver(settings: IMUSettings(outputDataRate: requested))
        #expect(chip.peek(0x19) == divider)
        #expect(abs(driver.configuration.outputDataRate - achieved) < 1e-9)
    }

    @Test func burstReadConvertsOneGravityAndRatesWithinOneCount() throws {
        let rig = SimulatedRig()
        let truth = ConstantSampleSource(gyr: Vector3D(0.5, -1, 2), acc: Vector3D(0, 0, standardGravity))
        rig.addMPU(source: truth)
        var driver = try rig.configuredMPUDriver()
        rig.advance(periods: 1)

        let before = rig.bus.transferCount
        let reading = try driver.readSample(time: 42)

        #expect(rig.bus.transferCount - before == 1)  // one burst read
        #expect(reading.raw.acc == SIMD3(0, 0, 8192))  // 1 g at 8192 LSB/g
        #expect(reading.sample.time == 42)
        #expect(abs(reading.sample.acc.z - 9.80665) <= standardGravity / 8192)
        #expect(isClose(reading.sample.gyr, truth.gyr, within: .pi / 180 / 65.5))
        #expect(reading.health == [])
    }

    @Test func wideRangesChangeTheScale() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: ConstantSampleSource(gyr: Vector3D(30, 0, 0), acc: Vector3D(0, 0, 12 * standardGravity)))
        var driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000, accRange: .g16))
        rig.advance(periods: 1)
        let reading = try driver.readSample(time: 0)
        #expect(reading.raw.acc.z == 12 * 2048)
        #expect(abs(reading.sample.gyr.x - 30) <= .pi / 180 / 16.4)
        #expect(reading.health == [])  // 30 rad/s fits in ±2000 °/s
    }

    @Test func gyroRange125IsRejected() {
        let rig = SimulatedRig()
        rig.addMPU()
        #expect(throws: IMUDriverError.unsupportedGyrRange(chip: .mpu6050, range: .dps125)) {
            _ = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps125))
        }
    }

    @Test func anotherChipAtTheAddressIsReported() {
        let rig = SimulatedRig()
        rig.addMPU(.mpu9250)
        #expect(throws: IMUDriverError.unexpectedIdentity(chip: .mpu6050, address: 0x68, found: 0x71)) {
            _ = try rig.configuredMPUDriver(.mpu6050)
        }
    }

    @Test func samplesFollowTheSourceOverTime() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: RampSampleSource())
        var driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000))
        var previous = -Double.infinity
        for _ in 0..<5 {
            rig.advance(periods: 10)
            let gyrX = try driver.readSample(time: rig.clock.now()).sample.gyr.x
            #expect(abs(gyrX - (rig.clock.now() - 100)) < 0.006)  // the sample of the last instant (≤ 5 ms old)
            #expect(gyrX > previous)
            previous = gyrX
        }
    }

    @Test func dataReadyIsSetPerSampleAndClearedByReading() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let driver = try rig.configuredMPUDriver()
        _ = try driver.isDataReady()
        #expect(try driver.isDataReady() == false)
        rig.advance(periods: 1)
        #expect(try driver.isDataReady() == true)
        #expect(try driver.isDataReady() == false)
    }

    @Test func dataReadyInterruptSetsIntEnable() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let driver = try rig.configuredMPUDriver()
        try driver.setDataReadyInterrupt(enabled: true)
        #expect(chip.peek(0x38) & 0x01 == 1)
        #expect(chip.peek(0x37) == 0)  // active high, push-pull, pulsed
        try driver.setDataReadyInterrupt(enabled: false)
        #expect(chip.peek(0x38) & 0x01 == 0)
    }

    @Test func mpu6500AlsoSetsTheAccelerometerFilter() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(.mpu6500)
        let driver = try rig.configuredMPUDriver(.mpu6500)
        #expect(chip.peek(0x1D) == 3)  // A_DLPF_CFG 3: 44.8 Hz
        #expect(driver.configuration.gyrLowPassBandwidth == 41)
        #expect(driver.fifoCapacity == 512 / 12)
    }
}

@Suite struct MPU6050FIFOTests {
    @Test func drainsQueuedSamplesOldestFirst() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(source: RampSampleSource())
        var driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000))
        try driver.setFIFO(enabled: true)
        #expect(chip.peek(0x23) == 0x78 && chip.peek(0x6A) & 0x40 != 0)
        let start = rig.clock.now()
        rig.advance(periods: 10)

        let level = try driver.fifoLevel()
        #expect(level == FIFOLevel(samples: 10, overflowed: false))
        var readings: [IMUReading] = []
        try driver.readFIFO(count: level.samples, firstTime: 7, period: 0.005) { readings.append($0) }

        #expect(readings.count == 10)
        #expect(readings.map(\.sample.time) == (0..<10).map { 7 + Double($0) * 0.005 })
        for (index, reading) in readings.enumerated() {
            let instant = start + Double(index + 1) * 0.005 - 100
            #expect(abs(reading.sample.gyr.x - instant) < .pi / 180 / 16.4)
            #expect(reading.raw.acc.z == 8192)
        }
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 0, overflowed: false))
    }

    @Test func overflowIsReportedAndResetRecovers() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let driver = try rig.configuredMPUDriver()
        try driver.setFIFO(enabled: true)
        rig.advance(periods: 400)  // 4800 bytes into a 1024-byte FIFO

        #expect(try driver.fifoLevel().overflowed)
        try driver.resetFIFO()
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 0, overflowed: false))
        rig.advance(periods: 3)
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 3, overflowed: false))
    }
}

/// The kernel's i2c-stub keeps one static byte per register: the driver must probe, configure (with a
/// reset bit that never clears) and read it.
@Suite struct RegisterImageTests {
    /// An MPU-6050 image as `i2cset` would program it: WHO_AM_I, 1 g on z, ±1000 counts of x and z rate.
    func mpuImage() -> SimulatedRegisterImage {
        let image = SimulatedRegisterImage([0x75: 0x68])
        image.store([0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x03, 0xE8, 0x00, 0x00, 0xFC, 0x18], at: 0x3B)
        return image
    }

    @Test func probeConfigureAndReadAStaticRegisterImage() throws {
        let rig = SimulatedRig()
        let image = mpuImage()
        rig.bus.attach(image, at: 0x68)

        let found = IMUProbe.scan(rig.bus).found
        #expect(found.map(\.chip) == [.mpu6050])
        var driver = try #require(found.first).makeDriver(bus: rig.bus, clock: rig.clock)
        let before = rig.clock.now()
        try driver.configure(.standard)

        #expect(rig.clock.now() - before >= 0.1)  // waited for the reset bit, then went on
        #expect(image[0x6B] == 0x01 && image[0x1B] == 0x08 && image[0x1C] == 0x08)
        let reading = try driver.readSample(time: 0)
        #expect(reading.raw == RawIMUCounts(gyr: SIMD3(1000, 0, -1000), acc: SIMD3(0, 0, 8192)))
        #expect(abs(reading.sample.acc.z - standardGravity) < 1e-12)
        #expect(abs(reading.sample.gyr.x - 1000 / 65.5 * .pi / 180) < 1e-12)
    }

    @Test func staticDataIsFlaggedStuck() throws {
        let rig = SimulatedRig()
        rig.bus.attach(mpuImage(), at: 0x68)
        var driver = MPUDriver(bus: rig.bus, clock: rig.clock)
        try driver.configure(IMUSettings(stuckSampleLimit: 5))
        let health = try (0..<6).map { _ in try driver.readSample(time: 0).health }
        #expect(health == [[], [], [], [], .stuck, .stuck])
    }
}
