import Glibc
import StretchGuardCore
import StretchGuardHardware
import Testing

@Suite struct SampleHealthMonitorTests {
    let still = RawIMUCounts(gyr: SIMD3(3, -2, 1), acc: SIMD3(10, -20, 8192))

    @Test func identicalRunFlagsStuckAndAChangeClearsIt() {
        var monitor = SampleHealthMonitor(stuckLimit: 3)
        #expect(monitor.assess(still) == [])
        #expect(monitor.assess(still) == [])
        #expect(monitor.assess(still) == .stuck)
        #expect(monitor.assess(still) == .stuck)
        var moved = still
        moved.gyr.z += 1
        #expect(monitor.assess(moved) == [])
        #expect(monitor.identicalRun == 1)
    }

    @Test(arguments: [
        (SIMD3<Int16>(32767, 0, 0), SIMD3<Int16>(0, 0, 0), SampleHealth.gyrSaturated),
        (SIMD3(0, -32768, 0), SIMD3(0, 0, 0), .gyrSaturated),
        (SIMD3(0, 0, 0), SIMD3(0, 0, -32768), .accSaturated),
        (SIMD3(32767, 0, 0), SIMD3(32767, 0, 0), [.gyrSaturated, .accSaturated]),
        (SIMD3(32766, -32767, 0), SIMD3(0, 0, 32766), []),
    ] as [(SIMD3<Int16>, SIMD3<Int16>, SampleHealth)])
    func saturationAtTheEndsOfTheRange(gyr: SIMD3<Int16>, acc: SIMD3<Int16>, expected: SampleHealth) {
        var monitor = SampleHealthMonitor(stuckLimit: 10)
        #expect(monitor.assess(RawIMUCounts(gyr: gyr, acc: acc)) == expected)
    }
}

@Suite struct SampleHealthFromChipTests {
    @Test func frozenDataRegistersAreFlaggedStuckUntilTheyMoveAgain() throws {
        let rig = SimulatedRig()
        let chip = rig.addMPU(source: RampSampleSource())
        var driver = try rig.configuredMPUDriver(settings: IMUSettings(gyrRange: .dps2000, stuckSampleLimit: 4))
        rig.advance(periods: 1)
        #expect(try driver.readSample(time: 0).health == [])
        chip.setDataFrozen(true)
        var health: [SampleHealth] = []
        for _ in 0..<4 {
            rig.advance(periods: 1)
            health.append(try driver.readSample(time: 0).health)
        }
        #expect(health == [[], [], .stuck, .stuck])  // the frozen value read 4 times in a row (counting the first)
        chip.setDataFrozen(false)
        rig.advance(periods: 1)
        #expect(try driver.readSample(time: 0).health == [])
    }

    @Test func motionBeyondTheRangeSaturates() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: ConstantSampleSource(gyr: Vector3D(-20, 0, 0), acc: Vector3D(0, 0, 5 * standardGravity)))
        var driver = try rig.configuredMPUDriver()  // ±500 °/s (8.7 rad/s), ±4 g
        rig.advance(periods: 1)
        let reading = try driver.readSample(time: 0)
        #expect(reading.raw.gyr.x == -32768 && reading.raw.acc.z == 32767)
        #expect(reading.health == [.gyrSaturated, .accSaturated])
    }
}

@Suite struct DriverFaultTests {
    @Test func nackDuringSamplingIsARecoverableFaultWithTheRegister() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        var driver = try rig.configuredMPUDriver()
        rig.bus.setNotAcknowledging(0x68)
        let error = i2cError { _ = try driver.readSample(time: 0) }
        #expect(error?.isRecoverableSensorFault == true)
        #expect(error?.kind == .noAcknowledge)
        #expect(error?.operation == .readBlock && error?.address == 0x68 && error?.register == 0x3B)
        rig.bus.setNotAcknowledging(0x68, false)
        rig.advance(periods: 1)
        #expect(try driver.readSample(time: 0).raw.acc.z == 8192)
    }

    @Test func ioErrorBurstIsRecoveredByRetrying() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        var driver = try rig.configuredMPUDriver()
        rig.bus.failNextTransfers(3, errno: EIO)
        var failures = 0
        var reading: IMUReading?
        while reading == nil && failures < 10 {
            do { reading = try driver.readSample(time: 0) } catch let error as I2CError where error.kind == .transferFailed {
                failures += 1
            }
        }
        #expect(failures == 3)
        #expect(reading != nil)
    }

    @Test func chipThatDisappearsIsBackAfterReconfiguring() throws {
        let rig = SimulatedRig()
        rig.addMPU(source: ConstantSampleSource(gyr: Vector3D(0.2, 0, 0), acc: Vector3D(0, 0, standardGravity)))
        var driver = try rig.configuredMPUDriver()
        rig.bus.disconnect(0x68, afterTransfers: 1, returningAfter: 2)
        rig.advance(periods: 1)
        _ = try driver.readSample(time: 0)
        for _ in 0..<2 {
            #expect(i2cError { _ = try driver.readSample(time: 0) }?.kind == .noAcknowledge)
        }

        try driver.configure(driver.settings)  // back from power-on reset: asleep until configured
        rig.advance(periods: 1)
        let reading = try driver.readSample(time: 0)
        #expect(abs(reading.sample.gyr.x - 0.2) < 0.001)
        #expect(reading.raw.acc.z == 8192)
    }

    @Test func chipThatReturnsAsleepReadsStaleZerosUntilReconfigured() throws {
        let rig = SimulatedRig()
        rig.addMPU()
        var driver = try rig.configuredMPUDriver()
        rig.bus.disconnect(0x68)
        #expect(i2cError { _ = try driver.readSample(time: 0) }?.isRecoverableSensorFault == true)
        rig.bus.reconnect(0x68)
        rig.advance(periods: 1)
        #expect(try driver.readSample(time: 0).raw.acc == SIMD3(0, 0, 0))
    }
}
