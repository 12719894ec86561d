import StretchGuardCore
import StretchGuardGPIO
import Testing
@testable import StretchGuardHardware

/// The pelvis chip read on the thorax chip's tick (register-level simulated chips on one bus, manual time):
/// how far apart in time the two samples of a tick were taken, and what a pelvis that stops answering gives.
@Suite struct TickPairedIMUTests {
    /// Each chip reports the instant its sample was taken: gyr x = t − 100 rad/s (±250 °/s range: one count
    /// is 0.13 ms of that ramp, for the 4 s a test lasts at most).
    struct InstantSource: IMUSampleSource {
        func sample(at time: Double) -> IMUSample {
            IMUSample(time: time, gyr: Vector3D(time - 100, 0, 0), acc: Vector3D(0, 0, standardGravity))
        }
    }

    static let settings = IMUSettings(outputDataRate: 200, gyrRange: .dps250, lowPassBandwidth: 42)

    /// A thorax chip at 0x68 and a pelvis chip at 0x69 configured `offset` s later (their sample grids do
    /// not line up), the thorax's clock in `edge` or polling mode.
    static func pair(edge: Bool, offset: Double = 0.00037) throws -> (rig: SimulatedRig, clock: SampleClock, pelvis: TickPairedIMU) {
        let rig = SimulatedRig()
        let thoraxChip = rig.addMPU(at: 0x68, source: InstantSource())
        rig.addMPU(at: 0x69, source: InstantSource())
        let thorax = try rig.configuredMPUDriver(at: 0x68, settings: settings)
        rig.clock.advance(by: offset)
        let pelvis = try TickPairedIMU(driver: MPUDriver(chip: .mpu6050, bus: rig.bus, address: 0x69, clock: rig.clock),
                                       settings: settings, tickRate: thorax.configuration.outputDataRate,
                                       now: rig.clock.now())
        let line = edge ? SimulatedDataReadyLine(chip: thoraxChip, clock: rig.clock) : nil
        let clock = try SampleClock(driver: thorax, clock: rig.clock, edgeSource: line, mode: edge ? .dataReadyEdge : .polling)
        return (rig, clock, pelvis)
    }

    /// For `ticks` ticks: the thorax sample's instant minus the pelvis sample's, in s.
    static func skews(edge: Bool, offset: Double, ticks: Int = 400) throws -> [Double] {
        var (rig, clock, pelvis) = try pair(edge: edge, offset: offset)
        let start = rig.clock.now()
        try clock.start()
        var skews: [Double] = []
        for _ in 0..<ticks {
            var thorax: IMUReading?
            _ = try clock.next { thorax = $0 }
            let tick = try #require(thorax)
            guard let paired = pelvis.read(stampedAt: tick.sample.time, now: rig.clock.now()) else {
                #expect(rig.clock.now() < start + pelvis.retry.settleTime, "a tick without the pelvis after it settled")
                continue
            }
            #expect(paired.sample.time == tick.sample.time)  // stamped with the tick's time
            skews.append(tick.sample.gyr.x - paired.sample.gyr.x)
        }
        return skews
    }

    @Test("the pelvis runs at ≥ 4× the tick rate with the thorax's low-pass filter")
    func pairedSettingsOversample() {
        let paired = TickPairedIMU.pairedSettings(IMUSettings(outputDataRate: 200), tickRate: 200)
        #expect(paired.outputDataRate == 800)
        #expect(paired.lowPassBandwidth == 90)  // 0.45 × 200 Hz, not 0.45 × 800 Hz
        #expect(TickPairedIMU.pairedSettings(IMUSettings(outputDataRate: 400, lowPassBandwidth: 42), tickRate: 400)
            .outputDataRate == 1000)
    }

    @Test("data-ready edge: the pelvis sample is at most one of its own periods (1 ms) older than the thorax's",
          arguments: [0.0, 0.00037, 0.0008, 0.0042])
    func edgeTickSkew(offset: Double) throws {
        let skews = try Self.skews(edge: true, offset: offset)
        let worst = try #require(skews.map(abs).max())
        let mean = skews.reduce(0, +) / Double(skews.count)
        // The pelvis chip runs at 1 kHz (the MPU-6050's rate nearest 800 Hz): its latest sample is 0–1 ms
        // old when read; one count of the ramp is 0.13 ms. The sample period is 5 ms.
        #expect(worst <= 0.001 + 0.00014, "worst skew \(worst * 1000) ms")
        #expect(mean >= 0 && mean <= 0.001, "mean skew \(mean * 1000) ms")
        print("edge-mode pair skew (grids \(offset * 1000) ms apart): mean \(mean * 1000) ms, worst \(worst * 1000) ms (period 5 ms)")
    }

    @Test("polling: the skew stays under one sample period (the thorax's own sample is up to a period old)",
          arguments: [0.0, 0.00037, 0.0042])
    func pollingTickSkew(offset: Double) throws {
        let skews = try Self.skews(edge: false, offset: offset)
        let worst = try #require(skews.map(abs).max())
        #expect(worst < 0.005, "worst skew \(worst * 1000) ms")
        print("polling pair skew (grids \(offset * 1000) ms apart): worst \(worst * 1000) ms (period 5 ms)")
    }

    @Test("a pelvis that stops answering gives nil ticks, is counted lost after 0.1 s, and is re-configured when back")
    func pelvisLossAndReturn() throws {
        var (rig, clock, pelvis) = try Self.pair(edge: true)
        try clock.start()
        rig.bus.disconnect(0x69, afterTransfers: 100)
        var present: [Bool] = []
        for step in 0..<800 {  // 4 s
            if step == 400 { rig.bus.reconnect(0x69) }  // pushed back in after 2 s: reset to power-on, asleep
            var thorax: IMUReading?
            _ = try clock.next { thorax = $0 }
            let tick = try #require(thorax)
            let paired = pelvis.read(stampedAt: tick.sample.time, now: rig.clock.now())
            if let paired { #expect(abs(paired.sample.acc.z - standardGravity) < 0.05, "a reading from an asleep chip") }
            present.append(paired != nil)
        }
        let settled = try #require(present.firstIndex(of: true))
        #expect(settled <= 11)  // 50 ms after it was configured
        let firstMissing = try #require(present[settled...].firstIndex(of: false))
        #expect((95...110).contains(firstMissing), "lost at tick \(firstMissing)")
        #expect(pelvis.losses == 1 && pelvis.returns == 1)
        let back = try #require(present[firstMissing...].firstIndex(of: true))
        // Back at the first re-configure after the reconnect (every 0.5 s), plus 0.05 s settling.
        #expect(back >= 400 && back <= 400 + 100 + 12, "back at tick \(back)")
        #expect(present[back...].allSatisfy { $0 })
        #expect(pelvis.missedTicks == present.filter { !$0 }.count)
        #expect(!present[firstMissing..<(firstMissing + 20)].contains(true))
        #expect(pelvis.isAnswering)
    }
}

@Suite struct TickPairedIMUStuckTests {
    @Test("a pelvis chip whose data hangs gives nil ticks once its samples are flagged stuck")
    func frozenPelvisGivesNothing() throws {
        var (rig, clock, pelvis) = try TickPairedIMUTests.pair(edge: true)
        let chip = SimulatedMPU6050(clock: rig.clock, source: TickPairedIMUTests.InstantSource())
        rig.bus.attach(chip, at: 0x69)  // the same registers' contents from here: a fresh chip, then frozen
        pelvis = try TickPairedIMU(driver: MPUDriver(chip: .mpu6050, bus: rig.bus, address: 0x69, clock: rig.clock),
                                   settings: TickPairedIMUTests.settings, tickRate: 200, now: rig.clock.now())
        try clock.start()
        var present: [Bool] = []
        for step in 0..<200 {
            if step == 50 { chip.setDataFrozen(true) }
            var thorax: IMUReading?
            _ = try clock.next { thorax = $0 }
            let tick = try #require(thorax)
            present.append(pelvis.read(stampedAt: tick.sample.time, now: rig.clock.now()) != nil)
        }
        // Frozen at tick 50; flagged after the stuck limit (25 identical reads).
        #expect(present[20..<50].allSatisfy { $0 })
        #expect(present[80...].allSatisfy { !$0 })
        #expect(pelvis.missedTicks >= 120 && pelvis.losses == 0)
    }
}
