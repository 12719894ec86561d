import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct ICM20948DriverTests {
    func rig(source: any IMUSampleSource = ConstantSampleSource()) -> (SimulatedRig, SimulatedICM20948) {
        let rig = SimulatedRig()
        let chip = SimulatedICM20948(clock: rig.clock, source: source)
        rig.bus.attach(chip, at: 0x69)
        return (rig, chip)
    }

    @Test func configureWritesBank2AndReturnsToBank0() throws {
        let (rig, chip) = rig()
        var driver = ICM20948Driver(bus: rig.bus, address: 0x69, clock: rig.clock)
        try driver.configure(.standard)

        #expect(chip.selectedBank == 0)
        #expect(chip.peek(bank: 2, 0x00) == 5)  // 1125 Hz / (1 + 5) = 187.5 Hz, the nearest to 200 Hz
        #expect(chip.peek(bank: 2, 0x11) == 5)
        #expect(chip.peek(bank: 2, 0x01) == 0x1B)  // DLPF 3 (51.2 Hz), ±500 °/s, DLPF on
        #expect(chip.peek(bank: 2, 0x14) == 0x1B)  // DLPF 3 (50.4 Hz), ±4 g, DLPF on
        #expect(chip.peek(bank: 2, 0x09) == 1)
        #expect(chip.peek(bank: 0, 0x01) == 0 && chip.peek(bank: 0, 0x14) == 0)  // nothing landed in bank 0
        #expect(chip.peek(bank: 0, 0x06) == 0x01)  // awake
        #expect(driver.configuration.outputDataRate == 187.5)
        #expect(driver.configuration.gyrLowPassBandwidth == 51.2)
    }

    @Test func chipLeftInAnotherBankIsConfiguredAnyway() throws {
        let (rig, chip) = rig()
        try rig.bus.writeByte(0x20, address: 0x69, register: 0x7F)  // an earlier program left bank 2 selected
        #expect(chip.selectedBank == 2)
        var driver = ICM20948Driver(bus: rig.bus, address: 0x69, clock: rig.clock)
        try driver.configure(.standard)
        #expect(chip.selectedBank == 0)
        #expect(chip.peek(bank: 2, 0x01) == 0x1B)
    }

    @Test func burstReadIsBigEndianAccThenGyr() throws {
        let truth = ConstantSampleSource(gyr: Vector3D(1, 0, -1), acc: Vector3D(0, -standardGravity, 0))
        let (rig, _) = rig(source: truth)
        var driver = ICM20948Driver(bus: rig.bus, address: 0x69, clock: rig.clock)
        try driver.configure(.standard)
        rig.advance(periods: 1, rate: 187.5)

        let reading = try driver.readSample(time: 3)
        #expect(reading.raw.acc == SIMD3(0, -8192, 0))
        #expect(reading.raw.gyr == SIMD3(3753, 0, -3753))  // 57.2958 °/s × 65.5 LSB/(°/s)
        #expect(isClose(reading.sample.acc, truth.acc, within: standardGravity / 8192))
        #expect(isClose(reading.sample.gyr, truth.gyr, within: .pi / 180 / 65.5))
    }

    @Test func dataReadyStatusAndInterrupt() throws {
        let (rig, chip) = rig()
        var driver = ICM20948Driver(bus: rig.bus, address: 0x69, clock: rig.clock)
        try driver.configure(.standard)
        _ = try driver.isDataReady()
        #expect(try driver.isDataReady() == false)
        rig.advance(periods: 1, rate: 187.5)
        #expect(try driver.isDataReady())
        try driver.setDataReadyInterrupt(enabled: true)
        #expect(chip.peek(bank: 0, 0x11) == 0x01)
    }
}
