import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct LSM6DSDriverTests {
    func rig(_ model: IMUChipKind = .lsm6dsox,
             source: any IMUSampleSource = ConstantSampleSource()) -> (SimulatedRig, SimulatedLSM6DS) {
        let rig = SimulatedRig()
        let chip = SimulatedLSM6DS(model: model, clock: rig.clock, source: source)
        rig.bus.attach(chip, at: 0x6A)
        return (rig, chip)
    }

    func configured(_ rig: SimulatedRig, _ model: IMUChipKind = .lsm6dsox,
                    settings: IMUSettings = .standard) throws -> LSM6DSDriver {
        var driver = LSM6DSDriver(chip: model, bus: rig.bus, address: 0x6A, clock: rig.clock)
        try driver.configure(settings)
        return driver
    }

    @Test func configureSetsRateRangesAndLowPass() throws {
        let (rig, chip) = rig()
        let driver = try configured(rig)
        #expect(chip.peek(0x12) == 0x44)  // BDU, IF_INC
        #expect(chip.peek(0x10) == 0x5A)  // 208 Hz, ±4 g, LPF2 on
        #expect(chip.peek(0x11) == 0x54)  // 208 Hz, ±500 °/s
        #expect(chip.peek(0x17) == 0x00)  // LPF2 at ODR/4
        #expect(driver.configuration.outputDataRate == 208)
        #expect(driver.configuration.accLowPassBandwidth == 52)
        #expect(driver.configuration.gyrLowPassBandwidth == nil)
    }

    @Test func explicitBandwidthPicksTheNearestCutoff() throws {
        let (rig, chip) = rig()
        let driver = try configured(rig, settings: IMUSettings(lowPassBandwidth: 10))
        #expect(chip.peek(0x17) == 0x40)  // HPCF_XL 2: ODR/20 = 10.4 Hz
        #expect(driver.configuration.accLowPassBandwidth == 10.4)
    }

    @Test func burstReadIsLittleEndianGyrThenAcc() throws {
        let truth = ConstantSampleSource(gyr: Vector3D(1, 0, 0), acc: Vector3D(0, 0, standardGravity))
        let (rig, chip) = rig(source: truth)
        var driver = try configured(rig)
        rig.advance(periods: 1, rate: 208)

        let reading = try driver.readSample(time: 0)
        #expect(chip.peek(0x2C) == 0x05 && chip.peek(0x2D) == 0x20)  // 8197 = 0x2005, low byte first
        #expect(reading.raw.acc == SIMD3(0, 0, 8197))  // 1000 mg / 0.122 mg/LSB
        #expect(reading.raw.gyr == SIMD3(3274, 0, 0))  // 57 296 mdps / 17.5 mdps/LSB
        #expect(abs(reading.sample.acc.z - standardGravity) <= 0.000122 * standardGravity)
        #expect(isClose(reading.sample.gyr, truth.gyr, within: 0.0175 * .pi / 180))
    }

    @Test func range125UsesTheFS125Bit() throws {
        let (rig, chip) = rig(source: ConstantSampleSource(gyr: Vector3D(0, 0, -1), acc: .zero))
        var driver = try configured(rig, settings: IMUSettings(gyrRange: .dps125))
        rig.advance(periods: 1, rate: 208)
        #expect(chip.peek(0x11) == 0x52)
        let reading = try driver.readSample(time: 0)
        #expect(reading.raw.gyr.z == -13096)  // −57 296 mdps / 4.375 mdps/LSB
        #expect(abs(reading.sample.gyr.z + 1) <= 0.004375 * .pi / 180)
    }

    @Test func lsm6ds3KeepsItsDefaultFilters() throws {
        let (rig, chip) = rig(.lsm6ds3)
        let driver = try configured(rig, .lsm6ds3)
        #expect(chip.peek(0x10) == 0x58)
        #expect(driver.configuration.accLowPassBandwidth == nil)
    }

    @Test func dataReadyStatusAndPulsedInterrupt() throws {
        let (rig, chip) = rig()
        var driver = try configured(rig)
        #expect(try driver.isDataReady() == false)
        rig.advance(periods: 1, rate: 208)
        #expect(try driver.isDataReady())
        _ = try driver.readSample(time: 0)
        #expect(try driver.isDataReady() == false)
        try driver.setDataReadyInterrupt(enabled: true)
        #expect(chip.peek(0x0D) == 0x02 && chip.peek(0x0B) == 0x80)
    }

    @Test(arguments: [IMUChipKind.lsm6dsox, .lsm6ds3, .lsm6ds3trc])
    func fifoDrainsQueuedSamplesOldestFirst(model: IMUChipKind) throws {
        let (rig, chip) = rig(model, source: RampSampleSource())
        var driver = try configured(rig, model, settings: IMUSettings(gyrRange: .dps2000))
        try driver.setFIFO(enabled: true)
        if model == .lsm6dsox {
            #expect(chip.peek(0x09) == 0x55 && chip.peek(0x0A) == 0x06)  // both batched at 208 Hz, continuous
        } else {
            #expect(chip.peek(0x08) == 0x09 && chip.peek(0x0A) == 0x2E)  // no decimation, 208 Hz, continuous
        }
        let start = rig.clock.now()
        rig.advance(periods: 10, rate: 208)

        let level = try driver.fifoLevel()
        #expect(level == FIFOLevel(samples: 10, overflowed: false))
        var readings: [IMUReading] = []
        try driver.readFIFO(count: level.samples, firstTime: 0, period: 1 / 208.0) { readings.append($0) }

        #expect(readings.count == 10)
        for (index, reading) in readings.enumerated() {
            let instant = start + Double(index + 1) / 208 - 100
            #expect(abs(reading.sample.gyr.x - instant) <= 0.070 * .pi / 180)
            #expect(abs(reading.sample.acc.z - standardGravity) <= 0.000122 * standardGravity)
        }
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 0, overflowed: false))
        #expect(chip.fifoByteCount == 0)
    }

    @Test(arguments: [IMUChipKind.lsm6dsox, .lsm6ds3])
    func fifoOverrunIsReportedAndResetRecovers(model: IMUChipKind) throws {
        let (rig, _) = rig(model)
        var driver = try configured(rig, model)
        try driver.setFIFO(enabled: true)
        rig.advance(periods: 2000, rate: 208)
        #expect(try driver.fifoLevel().overflowed)
        try driver.resetFIFO()
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 0, overflowed: false))
        rig.advance(periods: 3, rate: 208)
        #expect(try driver.fifoLevel() == FIFOLevel(samples: 3, overflowed: false))
    }

    @Test func partlyReadPatternIsAnOverflow() throws {
        let (rig, _) = rig(.lsm6ds3)
        var driver = try configured(rig, .lsm6ds3)
        try driver.setFIFO(enabled: true)
        rig.advance(periods: 2, rate: 208)
        _ = try rig.bus.readBlock(address: 0x6A, register: 0x3E, count: 2)  // someone popped one word
        #expect(try driver.fifoLevel().overflowed)
    }

    @Test func fifoOffStopsQueueing() throws {
        let (rig, chip) = rig()
        var driver = try configured(rig)
        try driver.setFIFO(enabled: true)
        try driver.setFIFO(enabled: false)
        rig.advance(periods: 5, rate: 208)
        #expect(chip.fifoByteCount == 0)
        #expect(try driver.fifoLevel().samples == 0)
    }
}
