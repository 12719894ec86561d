import StretchGuardCore
@testable import StretchGuardSimulation
import Testing

/// Randomised recording conditions: deterministic per seed and name, varied across seeds, inside their
/// ranges, and a pinned scenario kept as written.
@Suite struct ConditionsTests {
    private let exercise = """
        still 3 s
        bend 50 over 2 s
        hold 4 s
        bounce 3 cycles at 1.5 Hz amplitude 3
        twist 20 over 1 s
        neutral over 2 s
        still 3 s
        """

    @Test func conditionsAreDeterministicPerSeedAndVaryAcrossSeeds() throws {
        let s = try scenario(exercise, name: "exercise")
        let first = SimulationConditions.draw(seed: 5, for: s)
        #expect(first == SimulationConditions.draw(seed: 5, for: s))
        #expect(first.isDrawn)
        let drawn = (1...30).map { SimulationConditions.draw(seed: $0, for: s) }
        #expect(Set(drawn.map(\.sampleRate)) == [100, 200, 400])
        #expect(Set(drawn.map(\.mountingClass)).isSuperset(of: [.axisAligned, .random]))
        #expect(Set(drawn.map(\.leverArm)).count == 30)
        #expect(Set(drawn.map(\.renderSeed)).count == 30)
        // Another scenario name draws other conditions with the same seed.
        let other = try scenario(exercise, name: "another")
        #expect(SimulationConditions.draw(seed: 5, for: other) != first)
    }

    @Test func allTwentyFourAxisAlignedMountingsAreReachable() throws {
        let s = try scenario("still 2 s", name: "mountings")  // short: 600 draws
        #expect(SensorMounting.axisAligned.count == 24)
        var seen: [String: Int] = [:]
        var random = 0
        let draws = 600
        for seed in 1...UInt64(draws) {
            switch SimulationConditions.draw(seed: seed, for: s).mounting {
            case .axes(let up, let forward): seen["\(up.rawValue) \(forward.rawValue)", default: 0] += 1
            case .rotation: random += 1
            default: Issue.record("unexpected mounting")
            }
        }
        #expect(seen.count == 24, "\(seen.keys.sorted())")
        #expect(seen["+x +z"] != nil && seen["-x +y"] != nil)  // sensor x up the spine, either way
        #expect(abs(Double(random) / Double(draws) - 0.5) < 0.08)
        // Each axis-aligned mounting is a proper rotation with every body axis along a sensor axis.
        for mounting in SensorMounting.axisAligned {
            #expect(MountingClass(sensorToBody: mounting.sensorToBody(seed: 1)) != .random)
        }
        #expect(MountingClass(sensorToBody: SensorMounting.aligned.sensorToBody(seed: 1)) == .aligned)
    }

    @Test(arguments: UInt64(1)...UInt64(12))
    func drawnConditionsStayInsideTheirRanges(seed: UInt64) throws {
        let s = try scenario(exercise, name: "ranges")
        let c = SimulationConditions.draw(seed: seed, for: s)
        typealias R = SimulationConditions.Ranges
        #expect(R.leverArm.contains(c.leverArm))
        #expect(abs(c.errors.jitterSpan - 0.02 / c.sampleRate) < 1e-15 && c.errors.jitter == 0)
        for axis in 0..<3 {
            #expect(abs(c.errors.gyrBiasOffset[axis]) <= 2 * degree)
            #expect(abs(c.errors.gyrBiasSlope[axis] * s.duration) <= 0.25 * degree + 1e-12)
            #expect(abs(c.errors.accBiasOffset[axis]) <= 0.15)
        }
        #expect((1...3).contains(c.errors.dropBursts.count))
        for burst in c.errors.dropBursts {
            #expect(burst.lowerBound >= 4 && burst.upperBound <= s.duration)
            #expect(R.dropBurstLength.contains(burst.upperBound - burst.lowerBound))
        }
        let hold = try #require(c.holdMotion)
        #expect(R.breathingAmplitude.contains(hold.breathingAmplitude) && R.breathingFrequency.contains(hold.breathingFrequency))
        #expect(R.tremorAmplitude.contains(hold.tremorAmplitude) && R.tremorFrequency.contains(hold.tremorFrequency))
        // The chosen 16-bit ranges are never reached by the motion.
        let gyrRange = try #require(c.errors.gyrRange), accRange = try #require(c.errors.accRange)
        #expect(R.gyrRanges.contains(gyrRange) && R.accRanges.contains(accRange))
        let (samples, _) = c.render(s)
        for sample in samples {
            for axis in 0..<3 {
                #expect(abs(sample.gyr[axis]) < 0.9 * gyrRange && abs(sample.acc[axis]) < 0.9 * accRange)
            }
        }
    }

    @Test func droppedBurstsRemoveConsecutiveSamplesFromSamplesAndTruth() throws {
        let s = try scenario(exercise, name: "bursts")
        var c = SimulationConditions.draw(seed: 3, for: s)
        c.errors.dropRate = 0
        var whole = c
        whole.errors.dropBursts = []
        let (samples, truth) = c.render(s)
        let (allSamples, allTruth) = whole.render(s)
        #expect(samples.count == truth.count && zip(samples, truth).allSatisfy { $0.time == $1.time })
        #expect(allSamples.count == allTruth.count)
        let kept = Set(samples.map(\.time))
        let missing = allSamples.indices.filter { !kept.contains(allSamples[$0].time) }
        #expect(!missing.isEmpty)
        for burst in c.errors.dropBursts {
            let inside = missing.filter { burst.contains(allSamples[$0].time) }
            // At least one sample per burst, and the burst's samples are consecutive rows.
            #expect(inside.count >= Int((burst.upperBound - burst.lowerBound) * c.sampleRate) - 1 && inside.count >= 1)
            #expect(inside.last! - inside.first! == inside.count - 1)
        }
        #expect(missing.allSatisfy { i in c.errors.dropBursts.contains { $0.contains(allSamples[i].time) } })
        #expect(!truth.contains { t in c.errors.dropBursts.contains { $0.contains(t.time) } })
    }

    @Test func aPinnedScenarioRendersExactlyAsWritten() throws {
        let pinned = try scenario("conditions fixed\nmounting random\nrate 50\n" + exercise, name: "pinned")
        let kept = SimulationConditions.resolve(pinned, seed: 9, randomise: true)
        #expect(!kept.isDrawn && kept.sampleRate == 50)
        let (a, ta) = kept.render(pinned)
        let (b, tb) = ScenarioRenderer(seed: 9).render(pinned)
        #expect(a == b && ta == tb)
        // Without the line, the same file is randomised.
        let free = try scenario("mounting random\nrate 50\n" + exercise, name: "pinned")
        #expect(SimulationConditions.resolve(free, seed: 9, randomise: true).isDrawn)
        #expect(!SimulationConditions.resolve(free, seed: 9, randomise: false).isDrawn)
    }

    @Test(arguments: UInt64(1)...UInt64(4))
    func breathingAndTremorStayBelowEveryAlertDefinition(seed: UInt64) throws {
        let s = try scenario("still 20 s\nbend 40 over 2 s\nhold 20 s", name: "quiet")
        let c = SimulationConditions.draw(seed: seed, for: s)
        let (samples, truth) = c.render(s)
        #expect(truth.allSatisfy { $0.twist == 0 && !$0.bounceExpected })
        let upright = truth.filter { $0.time < 20 }.map(\.flexion)
        let swing = upright.max()! - upright.min()!
        #expect(swing > 0.5 * degree && swing < AlertDefinition.bouncePeakToPeak)  // breathing shows, under 3°
        // The tremor is a local rotation: fast (8–12 Hz) and small, no lever-arm swing in the specific force.
        let still = samples.filter { $0.time > 5 && $0.time < 15 }
        let force = still.map { $0.acc.length }
        #expect(force.max()! - force.min()! < 0.2)
        let bias = still.reduce(Vector3D.zero) { $0 + $1.gyr } * (1 / Double(still.count))
        let rate = still.map { ($0.gyr - bias).length }.max()!
        #expect(rate < 2 * Double.pi * 12 * 0.1 * degree * 1.2 + 2.5 * degree)
    }
}
