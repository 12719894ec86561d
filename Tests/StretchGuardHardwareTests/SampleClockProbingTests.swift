import StretchGuardCore
import StretchGuardGPIO
@testable import StretchGuardHardware
import Testing

/// Choosing the sample clock's mode by trying each on the chip: the data-ready edge when edges arrive,
/// else the FIFO when it fills, else polling, with the reasons kept.
@Suite struct SampleClockProbingTests {
    @Test func edgesThatArriveChooseTheEdgeMode() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(source: RampSampleSource())
        let line = SimulatedDataReadyLine(chip: chip, clock: rig.clock)
        let driver = try rig.configuredMPUDriver()
        let start = rig.clock.now()
        var clock = try SampleClock.probing(driver: driver, clock: rig.clock,
                                            dataReady: .line(line, name: "GPIO17"))
        #expect(clock.mode == .dataReadyEdge)
        #expect(clock.choice.fallbackReason == nil)
        #expect(clock.choice.evidence == "GPIO17 gave 3 edges, 5.00 ms apart")
        #expect("\(clock.choice)" == "data-ready edge (GPIO17 gave 3 edges, 5.00 ms apart)")
        #expect(rig.clock.now() - start < 0.02)  // three edges, not the whole window
        #expect(chip.peek(0x38) & 0x01 == 0)  // disarmed after the trial; start() arms it

        try clock.start()
        var times: [Double] = []
        for _ in 0..<20 { _ = try clock.next { times.append($0.sample.time) } }
        #expect(times.count == 20 && clock.statistics.droppedSamples == 0)
    }

    @Test func aLineWithoutEdgesFallsBackToTheFIFO() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let unwired = rig.addMPU(.mpu6500, at: 0x69)  // asleep: its INT pin never pulses
        let line = SimulatedDataReadyLine(chip: unwired, clock: rig.clock)
        let driver = try rig.configuredMPUDriver()
        let start = rig.clock.now()
        let clock = try SampleClock.probing(driver: driver, clock: rig.clock,
                                            dataReady: .line(line, name: "GPIO17"))
        #expect(clock.mode == .fifo)
        #expect(clock.choice.fallbackReason == "data-ready line GPIO17 gave no edges within 50 ms")
        #expect("\(clock.choice)" == "FIFO, because data-ready line GPIO17 gave no edges within 50 ms")
        #expect(abs(rig.clock.now() - start - 0.1) < 1e-6)  // two 50 ms windows
    }

    @Test func tooFewEdgesAreCounted() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let clock = try SampleClock.probing(driver: try rig.configuredMPUDriver(), clock: rig.clock,
                                            dataReady: .line(OneEdge(line: SimulatedDataReadyLine(chip: chip, clock: rig.clock)),
                                                             name: "GPIO17"))
        #expect(clock.mode == .fifo)
        #expect(clock.choice.fallbackReason == "data-ready line GPIO17 gave only 1 of 3 edges within 50 ms")
    }

    @Test func withoutEdgesOrAFIFOItPolls() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let driver = WithoutFIFO(wrapped: try rig.configuredMPUDriver())
        let clock = try SampleClock.probing(driver: driver, clock: rig.clock,
                                            dataReady: .unavailable(reason: "no data-ready line is configured"))
        #expect(clock.mode == .polling)
        #expect(clock.choice.fallbacks == ["no data-ready line is configured",
                                           "the MPU-6050 driver has no FIFO support"])
    }

    @Test func aFIFOThatStaysEmptyIsPassedOver() throws {
        // The kernel's i2c-stub: a register image whose FIFO count never moves.
        let rig = SimulatedRig()
        rig.addMPU()
        let driver = EmptyFIFO(wrapped: try rig.configuredMPUDriver())
        let clock = try SampleClock.probing(driver: driver, clock: rig.clock,
                                            dataReady: .unavailable(reason: "no data-ready line is configured"))
        #expect(clock.mode == .polling)
        #expect("\(clock.choice)" == "polling, because no data-ready line is configured; "
                + "the MPU-6050 FIFO held no samples after 50 ms")
    }

    @Test func theProbeWindowFollowsTheRate() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let unwired = rig.addMPU(.mpu6500, at: 0x69)
        let clock = try SampleClock.probing(driver: try rig.configuredMPUDriver(settings: IMUSettings(outputDataRate: 100)),
                                            clock: rig.clock,
                                            dataReady: .line(SimulatedDataReadyLine(chip: unwired, clock: rig.clock), name: "17"),
                                            probe: SampleClockProbe(edgesNeeded: 2, periods: 5))
        #expect(clock.choice.fallbacks.first == "data-ready line 17 gave no edges within 50 ms")
    }

    /// The GPIO layer's data-ready line on a simulated GPIO chip, pulsed at 200 Hz, and the chip and clock
    /// on the GPIO simulation's time: the probe picks the edge mode and samples carry the edges' times.
    @Test func aSimulatedGPIOLineDrivesTheEdgeMode() throws {
        let gpio = SimulatedGPIO(startTime: 100)
        let bus = SimulatedI2CBus(name: "test-bus")
        bus.attach(SimulatedMPU6050(clock: gpio.clock, source: RampSampleSource()), at: 0x68)
        var driver = MPUDriver(bus: bus, clock: gpio.clock)
        try driver.configure(.standard)
        let chip = try gpio.openChip(.label("pinctrl-bcm2711"))
        let line = try DataReadyLine(chip: chip, line: .name("GPIO17"))
        let configured = gpio.now
        let pulses = (1...40).map { configured + Double($0) * 0.005 }
        for time in pulses {
            gpio.setLevel(true, of: .name("GPIO17"), at: time)
            gpio.setLevel(false, of: .name("GPIO17"), at: time + 50e-6)
        }
        var clock = try SampleClock.probing(driver: driver, clock: gpio.clock, dataReady: .line(line, name: "GPIO17"))
        #expect(clock.mode == .dataReadyEdge)
        try clock.start()
        var times: [Double] = []
        for _ in 0..<10 { _ = try clock.next { times.append($0.sample.time) } }
        #expect(zip(times, pulses.dropFirst(3)).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(clock.statistics.droppedSamples == 0)
    }
}

/// A data-ready line that gives one edge and then none.
final class OneEdge: DataReadyEdgeSource {
    private let line: SimulatedDataReadyLine
    private var given = false

    init(line: SimulatedDataReadyLine) { self.line = line }

    func waitForEdge(timeout: Double) throws -> UInt64? {
        if given { return nil }
        given = true
        return try line.waitForEdge(timeout: timeout)
    }

    func discardQueuedEdges() throws {}
}

/// An MPU driver whose FIFO never fills, like a register image's.
struct EmptyFIFO: IMUDriver {
    var wrapped: MPUDriver
    var chip: IMUChipKind { wrapped.chip }
    var address: UInt8 { wrapped.address }
    var settings: IMUSettings { wrapped.settings }
    var configuration: IMUConfiguration { wrapped.configuration }
    var fifoCapacity: Int? { wrapped.fifoCapacity }
    mutating func configure(_ settings: IMUSettings) throws { try wrapped.configure(settings) }
    mutating func readSample(time: Double) throws -> IMUReading { try wrapped.readSample(time: time) }
    func isDataReady() throws -> Bool { try wrapped.isDataReady() }
    func setDataReadyInterrupt(enabled: Bool) throws { try wrapped.setDataReadyInterrupt(enabled: enabled) }
    mutating func setFIFO(enabled: Bool) throws { try wrapped.setFIFO(enabled: enabled) }
    mutating func resetFIFO() throws { try wrapped.resetFIFO() }
    func fifoLevel() throws -> FIFOLevel { FIFOLevel(samples: 0, overflowed: false) }
    mutating func readFIFO(count: Int, firstTime: Double, period: Double, _ body: (IMUReading) -> Void) throws {}
}
