import StretchGuardCore
import StretchGuardHardware
import StretchGuardSimulation
import Testing

@Suite struct RecordedSampleSourceTests {
    let recording = [
        IMUSample(time: 10, gyr: Vector3D(0, 0, 0), acc: Vector3D(0, 0, 9)),
        IMUSample(time: 11, gyr: Vector3D(2, 0, -4), acc: Vector3D(1, 0, 9)),
        IMUSample(time: 13, gyr: Vector3D(2, 2, -4), acc: Vector3D(1, 0, 9)),
    ]

    @Test func interpolatesBetweenSamplesAndHoldsAtTheEnds() {
        var source = RecordedSampleSource(recording, startingAt: 100)
        #expect(source.duration == 3)
        #expect(source.sample(at: 99).gyr == .zero)
        #expect(source.sample(at: 100.25).gyr == Vector3D(0.5, 0, -1))
        #expect(source.sample(at: 102).gyr == Vector3D(2, 1, -4))
        #expect(source.sample(at: 102).time == 102)
        #expect(source.sample(at: 150).gyr == Vector3D(2, 2, -4))
        #expect(source.sample(at: 100.5).acc == Vector3D(0.5, 0, 9))  // going back in time still works
    }

    /// A rendered scenario fed through the simulated chip and its driver comes back within a count.
    @Test func renderedScenarioThroughTheSimulatedChip() throws {
        let scenario = try Scenario.parse("""
            sensor ideal
            rate 200
            still 2 s
            twist 30 over 1 s
            """, name: "twist")
        let (samples, _) = ScenarioRenderer(seed: 1).render(scenario)
        let rig = SimulatedRig()
        rig.addMPU(source: RecordedSampleSource(samples, startingAt: 100))
        var driver = try rig.configuredMPUDriver()
        rig.clock.sleep(until: 102.5)
        let reading = try driver.readSample(time: rig.clock.now())

        var truth = RecordedSampleSource(samples, startingAt: 100)
        let expected = truth.sample(at: 102.5)  // the chip's last sample is at most 5 ms older
        #expect(abs(expected.gyr.length) > 0.1)  // mid-twist
        #expect(isClose(reading.sample.gyr, expected.gyr, within: 0.02))
        #expect(isClose(reading.sample.acc, expected.acc, within: 0.01))
    }
}
