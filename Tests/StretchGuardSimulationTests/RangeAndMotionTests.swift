import StretchGuardCore
@testable import StretchGuardSimulation
import Testing

/// Numeric ranges in the grammar, gentle stepping, and the move options (velocity peak, overshoot).
@Suite struct RangeAndMotionTests {
    private let ranged = """
        still 3..4 s
        twist 18..20 over 0.8..1.5 s
        hold 1..3 s
        bend 30..60 over 2 s
        bounce 3..5 cycles at 0.7..2.5 Hz amplitude 2..4
        """

    @Test func rangesAreDrawnInsideTheirBoundsAndDeterministically() throws {
        var cycles = Set<Double>()
        var twists = Set<Double>()
        for seed in UInt64(1)...40 {
            let s = try Scenario.parse(ranged, name: "ranged", seed: seed)
            let again = try Scenario.parse(ranged, name: "ranged", seed: seed)
            #expect(s.steps == again.steps)
            #expect((3...4).contains(s.steps[0].duration))
            guard case .move(let twist) = s.steps[1].action, let angle = twist.twist,
                  case .oscillate(let bounce) = s.steps[4].action else {
                Issue.record("unexpected steps")
                continue
            }
            #expect((18 * degree...20 * degree).contains(angle))
            #expect((0.8...1.5).contains(s.steps[1].duration) && (1...3).contains(s.steps[2].duration))
            #expect((0.7...2.5).contains(bounce.frequency) && (2 * degree...4 * degree).contains(bounce.amplitude))
            let n = s.steps[4].duration * bounce.frequency
            #expect(abs(n - n.rounded()) < 1e-9 && (3...5).contains(n.rounded()))
            cycles.insert(n.rounded())
            twists.insert(angle)
        }
        #expect(cycles == [3, 4, 5])  // whole cycles, every one reachable
        #expect(twists.count == 40)  // every seed draws anew
        // Without a seed, ranges come from the file's `seed` line.
        let lined = try Scenario.parse("seed 7\n" + ranged, name: "ranged")
        #expect(lined.steps == (try Scenario.parse("seed 7\n" + ranged, name: "ranged", seed: 7)).steps)
    }

    @Test func aRangeWithAnEndOutsideTheLimitsIsAnError() {
        #expect(throws: ScenarioError.self) { try scenario("rate 10..100\nstill 3 s") }
        #expect(throws: ScenarioError.self) { try scenario("still 3 s\nbounce 2..5 cycles at 0.7..60 Hz") }
        #expect(throws: ScenarioError.self) { try scenario("still 3 s\ntwist 18...20") }
    }

    @Test func gentleSteppingBobsWithoutHeelStrikes() throws {
        for seed in UInt64(1)...8 {
            let s = try Scenario.parse("sensor ideal\nstill 3 s\nturn 90..180 over 3..4 s gentle\nstill 2 s", name: "gentle", seed: seed)
            guard case .turn(_, let stepping) = s.steps[1].action else {
                Issue.record("not a turn")
                continue
            }
            #expect(SteppingPattern.gentleFrequencies.contains(stepping.frequency))
            #expect(SteppingPattern.gentleBobs.contains(stepping.verticalAmplitude))
            let bob = (2 * Double.pi * stepping.frequency) * (2 * Double.pi * stepping.frequency) * stepping.verticalAmplitude
            // The pelvis's vertical acceleration is the bob's sinusoid and nothing more.
            let duration = s.steps[1].duration
            var peak = 0.0, residual = 0.0
            for i in 0...4000 {
                let tau = duration * Double(i) / 4000
                let vertical = stepping.acceleration(at: tau, duration: duration).z
                let fade = SmoothProfile.window(tau, duration: duration, ramp: stepping.ramp(duration: duration))
                peak = max(peak, abs(vertical))
                residual = max(residual, abs(vertical - bob * Double.cos(2 * Double.pi * stepping.frequency * tau) * fade))
            }
            #expect(abs(peak - bob) < 0.01 * bob, "peak \(peak), (2πf)²A \(bob)")
            #expect(residual < 1e-9)
            // The sensor on the upright trunk reads it as specific force: no impact above 1.5 m/s².
            let (samples, _) = ScenarioRenderer(seed: seed).render(s)
            let turning = samples.filter { $0.time > 3 && $0.time < 3 + duration }
            let excess = turning.map { abs($0.acc.length - standardGravity) }.max()!
            #expect(excess < bob * 1.05 + 0.05)
            #expect(excess > 0.8 * bob)
        }
        // Ordinary turning steps do strike: the same check fails for them.
        let heavy = SteppingPattern.turning
        let strikes = (0...4000).map { heavy.acceleration(at: 3 * Double($0) / 4000, duration: 3).z }.max()!
        let heavyBob = (2 * Double.pi * heavy.frequency) * (2 * Double.pi * heavy.frequency) * heavy.verticalAmplitude
        #expect(strikes - heavyBob > 1.5)
    }

    @Test func aSkewedMoveIsFastestNearItsPeakAndStillStartsAndEndsAtRest() {
        for peak in [0.38, 0.45, 0.6] {
            let n = 10000
            let values = (0...n).map { SmoothProfile.skewedMinimumJerk(Double($0) / Double(n), peak: peak) }
            let speeds = zip(values, values.dropFirst()).map { ($1 - $0) * Double(n) }
            let fastest = Double(speeds.indices.max { speeds[$0] < speeds[$1] }!) / Double(n)
            #expect(abs(fastest - peak) < 0.08, "peak \(peak) at \(fastest)")
            #expect(values.first == 0 && values.last == 1 && speeds.first! < 1e-3 && speeds.last! < 1e-3)
            #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
        }
    }

    @Test func anOvershootGoesPastTheTargetOnceAndComesBack() throws {
        let s = try scenario("sensor ideal\nstill 3 s\nbend 50 over 2 s peak 0.4 overshoot 4\nhold 2 s")
        #expect(s.steps.count == 4 && s.steps[1].velocityPeak == 0.4)
        #expect(abs(s.steps[1].duration + s.steps[2].duration - 2) < 1e-12)
        let (_, truth) = ScenarioRenderer(seed: 1).render(s)
        let flexion = truth.map(\.flexion)
        #expect(abs(flexion.max()! - 54 * degree) < 0.01 * degree)
        #expect(abs(flexion.last! - 50 * degree) < 1e-9)
        #expect(!truth.contains { $0.bounceExpected })
    }

    @Test func onlyTheBounceStepIsLabelledABounce() throws {
        let (_, truth) = try render("""
            sensor ideal
            still 3 s
            bend 40 over 2 s
            oscillate 3 cycles at 1.5 Hz amplitude 3    # the same swing as a bounce, but repetitions
            hold 1 s
            bounce 3 cycles at 1.5 Hz amplitude 3
            """)
        #expect(!truth.contains { $0.segment == "oscillate" && $0.bounceExpected })
        #expect(truth.filter { $0.segment == "bounce" }.allSatisfy { $0.bounceExpected })
    }

    @Test func onlyAStartMovingScenarioMayBeginWithMovement() throws {
        #expect(throws: ScenarioError.self) { try scenario("bend 5 over 1 s\nstill 3 s") }
        let late = try scenario("start moving\nbend 5 over 1 s\nneutral over 1 s\nstill 3 s")
        #expect(late.startsMoving && late.steps.count == 3)
    }
}
