import StretchGuardGPIO
import StretchGuardCore
import Synchronization
@testable import StretchGuardHardware
import Testing

@Suite struct SampleClockModeTests {
    @Test func bestModeIsEdgeThenFIFOThenPolling() {
        #expect(SampleClockMode.best(hasEdgeSource: true, hasFIFO: true) == .dataReadyEdge)
        #expect(SampleClockMode.best(hasEdgeSource: false, hasFIFO: true) == .fifo)
        #expect(SampleClockMode.best(hasEdgeSource: false, hasFIFO: false) == .polling)
    }

    @Test func unavailableModesAreRefused() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let withoutFIFO = WithoutFIFO(wrapped: try rig.configuredMPUDriver())
        #expect(throws: SampleClockError.self) { _ = try SampleClock(driver: withoutFIFO, clock: rig.clock, mode: .fifo) }
        #expect(throws: SampleClockError.self) {
            _ = try SampleClock(driver: withoutFIFO, clock: rig.clock, mode: .dataReadyEdge)
        }
        #expect(try SampleClock(driver: withoutFIFO, clock: rig.clock).mode == .polling)
        let line = SimulatedDataReadyLine(chip: chip, clock: rig.clock)
        #expect(try SampleClock(driver: withoutFIFO, clock: rig.clock, edgeSource: line).mode == .dataReadyEdge)
    }

    @Test func lsm6dsGetsTheFIFOMode() throws {
        let rig = SimulatedRig()
        rig.bus.attach(SimulatedLSM6DS(clock: rig.clock, source: RampSampleSource()), at: 0x6A)
        var driver = LSM6DSDriver(bus: rig.bus, clock: rig.clock)
        try driver.configure(.standard)
        var clock = try SampleClock(driver: driver, clock: rig.clock)
        #expect(clock.mode == .fifo)
        try clock.start()
        var count = 0
        for _ in 0..<25 { count += try clock.next { _ in } }  // 0.5 s
        #expect(abs(count - 104) <= 1)
        #expect(clock.statistics.droppedSamples == 0)
    }

    @Test func lateDeadlinesAreSkippedNotBunched() {
        #expect(SampleClock.deadline(after: 1.0, now: 1.0, interval: 0.005) == 1.005)
        #expect(abs(SampleClock.deadline(after: 1.0, now: 1.0123, interval: 0.005) - 1.015) < 1e-12)
    }
}

@Suite struct SampleClockWithSimulatedChipTests {
    @Test func pollingAtAbsoluteDeadlinesKeepsTheRate() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: RampSampleSource())
        let driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000))
        var clock = try SampleClock(driver: driver, clock: rig.clock, mode: .polling)
        try clock.start()
        var times: [Double] = []
        for _ in 0..<200 { _ = try clock.next { times.append($0.sample.time) } }

        #expect(times.count == 200)
        #expect(abs(try #require(clock.statistics.achievedRate) - 200) < 1e-6)
        #expect(clock.statistics.droppedSamples == 0)
        #expect(try #require(clock.statistics.jitterStandardDeviation) < 1e-9)
    }

    @Test func pollingThatFallsBehindCountsTheSkippedSamples() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        var clock = try SampleClock(driver: try rig.configuredMPUDriver(), clock: rig.clock, mode: .polling)
        try clock.start()
        for step in 0..<20 {
            if step == 10 { rig.clock.advance(by: 0.0162) }  // the process was descheduled for 16 ms
            _ = try clock.next { _ in }
        }
        #expect(clock.statistics.gapCount == 1)
        #expect(clock.statistics.droppedSamples == 2)  // read at 13.24 periods: samples 11 and 12 were never read
        #expect(clock.statistics.sampleCount == 20)
    }

    @Test func dataReadyEdgesTimeEachSample() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(source: RampSampleSource())
        let driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000))
        let line = SimulatedDataReadyLine(chip: chip, clock: rig.clock)
        var clock = try SampleClock(driver: driver, clock: rig.clock, edgeSource: line)
        #expect(clock.mode == .dataReadyEdge)
        try clock.start()
        #expect(chip.peek(0x38) & 0x01 == 1)

        var readings: [IMUReading] = []
        for _ in 0..<100 { _ = try clock.next { readings.append($0) } }

        #expect(readings.count == 100)
        #expect(abs(try #require(clock.statistics.achievedRate) - 200) < 1e-3)
        #expect(clock.statistics.droppedSamples == 0)
        for reading in readings {  // each read returns the sample of its own edge
            #expect(abs(reading.sample.gyr.x - (reading.sample.time - 100)) < .pi / 180 / 16.4 + 1e-6)
        }
    }

    @Test func missingEdgesTimeOut() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU()
        let driver = try rig.configuredMPUDriver()
        var clock = try SampleClock(driver: driver, clock: rig.clock,
                                    edgeSource: SimulatedDataReadyLine(chip: chip, clock: rig.clock))
        try clock.start()
        try rig.bus.writeByte(0, address: 0x68, register: 0x38)  // someone switched the interrupt off
        let before = rig.clock.now()
        #expect(try clock.next { _ in } == 0)
        #expect(clock.statistics.edgeTimeouts == 1)
        #expect(abs(rig.clock.now() - before - 10 * 0.005) < 1e-9)
    }

    @Test func fifoDrainingDeliversEverySampleEvenlySpaced() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: RampSampleSource())
        let driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000))
        var clock = try SampleClock(driver: driver, clock: rig.clock)
        #expect(clock.mode == .fifo)
        try clock.start()

        var readings: [IMUReading] = []
        for _ in 0..<50 { _ = try clock.next { readings.append($0) } }  // 1 s of 20 ms drains

        #expect(abs(readings.count - 200) <= 1)
        #expect(clock.statistics.droppedSamples == 0)
        #expect(abs(try #require(clock.statistics.achievedRate) - 200) < 0.5)
        #expect(try #require(clock.statistics.jitterP99) < 0.001)
        let rates = readings.map(\.sample.gyr.x)
        let steps = zip(rates.dropFirst(), rates).map { $0 - $1 }
        #expect(steps.allSatisfy { abs($0 - 0.005) < 0.002 })  // consecutive chip samples, none repeated or lost
    }

    @Test func fifoTimestampsStayEvenWhenDrainsWakeLate() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        let late = LateWakingClock(base: rig.clock, lateness: [0, 0.004, 0.001, 0, 0.003, 0.0005])
        var clock = try SampleClock(driver: try rig.configuredMPUDriver(), clock: late, mode: .fifo)
        try clock.start()
        var times: [Double] = []
        for _ in 0..<100 { _ = try clock.next { times.append($0.sample.time) } }

        #expect(times.count > 380)
        #expect(clock.statistics.droppedSamples == 0)
        #expect(try #require(clock.statistics.jitterP99) < 0.0005)  // drains wake up to 4 ms late
    }

    @Test func fifoOverflowIsCountedAsDroppedSamples() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        var clock = try SampleClock(driver: try rig.configuredMPUDriver(), clock: rig.clock)
        try clock.start()
        _ = try clock.next { _ in }
        rig.clock.advance(by: 1)  // stalled for a second: 200 samples into an 85-sample FIFO
        #expect(try clock.next { _ in } == 0)
        #expect(clock.statistics.fifoOverflows == 1)
        #expect(abs(clock.statistics.droppedSamples - 200) <= 1)
        #expect(try clock.next { _ in } > 0)  // draining resumes after the reset
    }
}

@Suite struct SystemMonotonicClockTests {
    @Test func sleepsUntilAnAbsoluteDeadline() {
        let clock = SystemMonotonicClock()
        let deadline = clock.now() + 0.02
        clock.sleep(until: deadline)
        #expect(clock.now() >= deadline)
        let past = clock.now()
        clock.sleep(until: past - 1)
        #expect(clock.now() - past < 0.01)
    }
}

/// A clock whose sleeps overrun their deadlines by a repeating list of delays (s), like a busy scheduler.
final class LateWakingClock: MonotonicClock {
    private let base: ManualClock
    private let lateness: [Double]
    private let wakes = Mutex(0)

    init(base: ManualClock, lateness: [Double]) {
        self.base = base
        self.lateness = lateness
    }

    func now() -> Double { base.now() }

    func sleep(until deadline: Double) {
        let wake = wakes.withLock { count in
            defer { count += 1 }
            return count
        }
        base.sleep(until: deadline + lateness[wake % lateness.count])
    }
}

/// An MPU driver that pretends to have no FIFO, for the modes that need one.
struct WithoutFIFO: IMUDriver {
    var wrapped: MPUDriver
    var chip: IMUChipKind { wrapped.chip }
    var address: UInt8 { wrapped.address }
    var settings: IMUSettings { wrapped.settings }
    var configuration: IMUConfiguration { wrapped.configuration }
    var fifoCapacity: Int? { nil }
    mutating func configure(_ settings: IMUSettings) throws { try wrapped.configure(settings) }
    mutating func readSample(time: Double) throws -> IMUReading { try wrapped.readSample(time: time) }
    func isDataReady() throws -> Bool { try wrapped.isDataReady() }
    func setDataReadyInterrupt(enabled: Bool) throws { try wrapped.setDataReadyInterrupt(enabled: enabled) }
    func setFIFO(enabled: Bool) throws { throw IMUDriverError.unsupportedFeature(chip: chip, feature: "the FIFO") }
    func resetFIFO() throws { throw IMUDriverError.unsupportedFeature(chip: chip, feature: "the FIFO") }
    func fifoLevel() throws -> FIFOLevel { throw IMUDriverError.unsupportedFeature(chip: chip, feature: "the FIFO") }
    func readFIFO(count: Int, firstTime: Double, period: Double, _ body: (IMUReading) -> Void) throws {
        throw IMUDriverError.unsupportedFeature(chip: chip, feature: "the FIFO")
    }
}
