import StretchGuardCore
import StretchGuardSimulation
import Testing

/// The simulated sensor's imperfections against their settings.
@Suite struct SensorErrorTests {
    private let exercise = """
        still 3 s
        bend 60 over 2 s
        bounce 3 cycles at 1.5 Hz amplitude 3
        twist 20 over 1 s
        neutral over 2 s
        walk 5 s
        """

    @Test func readingsAreSixteenBitCodesAtTheDocumentedSteps() throws {
        let typical = SensorErrorSettings.typical
        let gyrStep = try #require(typical.gyrStep), accStep = try #require(typical.accStep)
        #expect(abs(gyrStep / degree - 0.0152587890625) < 1e-12)  // 500 °/s / 32768
        #expect(abs(accStep - 8 * standardGravity / 32768) < 1e-15)  // 0.002394 m/s²
        let (samples, _) = try render("mounting random\n" + exercise)
        var gyrCodes = Set<Int>(), accCodes = Set<Int>()
        for s in samples {
            for axis in 0..<3 {
                let g = s.gyr[axis] / gyrStep, a = s.acc[axis] / accStep
                #expect(abs(g - g.rounded()) < 1e-6 && abs(a - a.rounded()) < 1e-6)
                gyrCodes.insert(Int(g.rounded()))
                accCodes.insert(Int(a.rounded()))
            }
        }
        // Noise spreads the readings over neighbouring codes: the smallest difference is one step.
        #expect(gyrCodes.count > 1000 && accCodes.count > 1000)
        #expect(Set(gyrCodes.map { $0 + 1 }).intersection(gyrCodes).count > 100)
    }

    @Test func readingsSaturateAtTheRange() throws {
        let (samples, _) = try render("acc range 2 g\ngyr range 100\nstill 2 s\njump 2\nbounce 4 cycles at 3 Hz amplitude 8")
        let accStep = 2 * standardGravity / 32768, gyrStep = 100 * degree / 32768
        let accHigh = samples.map { max($0.acc.x, $0.acc.y, $0.acc.z) }.max()!
        let gyrPeak = samples.map { max(abs($0.gyr.x), abs($0.gyr.y), abs($0.gyr.z)) }.max()!
        #expect(abs(accHigh - 32767 * accStep) < 1e-9)
        #expect(abs(gyrPeak - 32768 * gyrStep) < 1e-9 || abs(gyrPeak - 32767 * gyrStep) < 1e-9)
        #expect(samples.filter { $0.acc.z >= 32767 * accStep - 1e-9 }.count >= 4)
    }

    @Test func droppedSamplesMatchTheRateAndLeaveBothOutputsAligned() throws {
        let (samples, truth) = try render("drop 10 %\nstill 60 s", seed: 11)
        let nominal = 6001.0
        let expected = nominal * 0.9, sigma = (nominal * 0.1 * 0.9).squareRoot()
        #expect(abs(Double(samples.count) - expected) < 4 * sigma, "\(samples.count) kept")
        #expect(samples.count == truth.count)
        #expect(zip(samples, truth).allSatisfy { $0.time == $1.time })
        let (none, _) = try render("drop 0\njitter 0\nstill 60 s", seed: 11)
        #expect(none.count == 6001)
    }

    @Test func jitterMovesSampleTimesByTheConfiguredRMS() throws {
        let (samples, truth) = try render("jitter 1 ms\ndrop 0\nstill 60 s", seed: 4)
        let offsets = samples.map { $0.time - ($0.time * 100).rounded() / 100 }
        let (mean, deviation) = meanAndDeviation(offsets)
        #expect(abs(mean) < 0.0001)
        #expect(abs(deviation / 0.001 - 1) < 0.05, "jitter RMS \(deviation * 1000) ms")
        #expect(zip(samples, samples.dropFirst()).allSatisfy { $0.time < $1.time })
        #expect(zip(samples, truth).allSatisfy { $0.time == $1.time })
    }

    @Test func theSameSeedGivesTheSameOutputAndAnotherSeedOtherNoise() throws {
        let s = try scenario(exercise)
        let first = ScenarioRenderer(seed: 21).render(s), again = ScenarioRenderer(seed: 21).render(s)
        #expect(first.samples == again.samples && first.truth == again.truth)
        let other = ScenarioRenderer(seed: 22).render(s)
        let common = min(first.samples.count, other.samples.count)
        let differing = (0..<common).filter { first.samples[$0].gyr != other.samples[$0].gyr }.count
        #expect(differing > common * 9 / 10)
        // The motion is the same: with nothing dropped and no jitter, the truth is identical.
        let steady = try scenario("drop 0\njitter 0\n" + exercise)
        #expect(ScenarioRenderer(seed: 21).render(steady).truth == ScenarioRenderer(seed: 22).render(steady).truth)
    }

    @Test func biasShowsAsAConstantOffsetWhileStill() throws {
        let (samples, _) = try render("sensor ideal\ngyr bias 1\nstill 30 s", seed: 9)
        let first = samples[0].gyr
        #expect(first.length > 0.01 * degree)
        #expect(samples.allSatisfy { ($0.gyr - first).length < 1e-12 })
        let (drifting, _) = try render("sensor ideal\ngyr drift 0.05\nstill 100 s", seed: 9)
        // A random walk of 0.05 °/s/√s wanders about 0.5 °/s per axis in 100 s.
        let wander = (drifting.last!.gyr - drifting[0].gyr).length / degree
        #expect(wander > 0.05 && wander < 3, "\(wander) °/s")
    }
}
