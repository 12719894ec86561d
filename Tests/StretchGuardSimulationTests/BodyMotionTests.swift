import StretchGuardCore
import StretchGuardSimulation
import Testing

/// The ideal sensor signals against the body motion they come from.
@Suite struct BodyMotionTests {
    @Test func standingStillReadsGravityAlongUpAndNoRotation() throws {
        let (samples, truth) = try render("""
            sensor ideal
            mounting rotation 20 -35 110
            still 5 s
            """)
        let up = QuaternionD(rotationVector: Vector3D(20, -35, 110) * degree).conjugate.rotate(.unitZ)
        for s in samples {
            #expect((s.acc - up * standardGravity).length < 1e-6)
            #expect(s.gyr.length < 1e-9)
        }
        #expect(truth.allSatisfy { $0.flexion == 0 && $0.sideBend == 0 && $0.twist == 0 && $0.segment == "still" })
    }

    @Test func stillWithNoiseHasGravityMagnitudeAndZeroMeanRate() throws {
        let (samples, _) = try render("""
            sensor ideal
            gyr noise 0.07
            acc noise 0.012
            gyr range 500
            acc range 8
            mounting random
            still 60 s
            """, seed: 7)
        let magnitude = meanAndDeviation(samples.map(\.acc.length))
        #expect(abs(magnitude.mean - standardGravity) < 0.002)
        for axis in 0..<3 {
            let rate = meanAndDeviation(samples.map { $0.gyr[axis] })
            // 4 standard errors of the mean.
            #expect(abs(rate.mean) < 4 * 0.07 * degree / Double(samples.count).squareRoot())
            #expect(abs(rate.deviation / (0.07 * degree) - 1) < 0.05)
        }
    }

    /// The rendered gyroscope, integrated from the mounting, gives back the truth angles (decomposed
    /// relative to the neutral stance through the mounting), and the accelerometer agrees with the
    /// integrated orientation whenever the body is still.
    @Test func integratedGyroscopeReproducesTheTruth() throws {
        let text = """
            rate 500
            sensor ideal
            mounting rotation 30 -50 120
            still 2 s
            bend 50 over 2 s
            side 15 over 1 s
            twist 20 over 1 s
            hold 1 s
            bounce 3 cycles at 2 Hz amplitude 4 in side
            twist -10 bend 70 over 1.5 s
            tremor 2 s at 10 Hz amplitude 0.4 in twist
            neutral over 2 s
            catcow 1 cycles at 0.2 Hz amplitude 20
            walk 4 s
            still 1 s
            """
        let s = try scenario(text)
        let (samples, truth) = ScenarioRenderer(seed: 3).render(s)
        let mounting = s.mounting.sensorToBody(seed: 3)
        let orientations = integrateGyroscope(samples, from: mounting)
        var worst = 0.0
        for (i, q) in orientations.enumerated() {
            let angles = PostureAngles(relativeRotation: q * mounting.conjugate)
            let t = truth[i]
            worst = max(worst, abs(angles.flexion - t.flexion), abs(angles.sideBend - t.sideBend),
                        abs(angles.twist - t.twist))
            if t.segment == "hold" || t.segment == "still" {
                let expected = q.conjugate.rotate(Vector3D(0, 0, standardGravity))
                #expect((samples[i].acc - expected).length < 0.01, "t = \(t.time)")
            }
        }
        #expect(worst < 0.02 * degree, "worst angle error \(worst / degree)°")
        #expect(truth.contains { abs($0.twist - 20 * degree) < 1e-9 })
    }

    /// Mid-swing of a minimum-jerk forward bend the angular acceleration is zero, so the sensor at the
    /// lever arm feels gravity plus the centripetal ω²·L toward the hips, and no tangential force.
    @Test func forwardBendSwingsTheSensorOnAnArc() throws {
        let (samples, truth) = try render("""
            sensor ideal
            lever 0.45
            still 2 s
            bend 60 over 1 s
            hold 1 s
            """)
        let mid = try #require(samples.firstIndex { abs($0.time - 2.5) < 1e-9 })
        let s = samples[mid], theta = truth[mid].flexion
        #expect(abs(theta - 30 * degree) < 1e-9)
        let omega = s.gyr.length
        #expect(abs(omega - 15.0 / 8 * 60 * degree) < 1e-6)  // minimum jerk peaks at 15/8 of the mean rate
        #expect(abs(s.gyr.y - omega) < 1e-9)  // about body y, forward
        let centripetal = omega * omega * 0.45  // 1.735 m/s²
        #expect(abs(centripetal - 1.7348) < 1e-3)
        #expect(abs((standardGravity * Double.cos(theta) - s.acc.z) - centripetal) < 1e-5)
        #expect(abs(s.acc.x + standardGravity * Double.sin(theta)) < 1e-5)
        #expect(abs(s.acc.y) < 1e-9)
    }

    @Test func wholeBodyTurnIsNotTwist() throws {
        let text = """
            rate 400
            sensor ideal
            still 2 s
            turn 90 over 2 s
            still 2 s
            """
        let (samples, truth) = try render(text)
        #expect(truth.allSatisfy { $0.twist == 0 && $0.flexion == 0 && $0.sideBend == 0 })
        #expect(truth.contains { $0.segment == "turn" })
        let final = try #require(integrateGyroscope(samples, from: .identity).last)
        // The sensor faces 90° to the left (heading turned about world z).
        #expect((final.conjugate * QuaternionD(axis: .unitZ, angle: 90 * degree)).angle < 0.01 * degree)
        // The steps of the turn jolt the sensor by 2 m/s² or more (the heading re-zero relies on it).
        let turning = samples.indices.filter { truth[$0].segment == "turn" }
        let jolt = turning.map { abs(samples[$0].acc.length - standardGravity) }.max() ?? 0
        #expect(jolt >= 2)
    }

    @Test func walkingStepsAtAboutOnePointEightHertzWithImpactsAndNoBounceLabel() throws {
        let (samples, truth) = try render("sensor ideal\nstill 2 s\nwalk 20 s\nstill 2 s")
        let walking = samples.indices.filter { truth[$0].segment == "walk" }
        // Heel strikes: upward crossings of 1.3 g.
        var strikes = 0
        for (a, b) in zip(walking, walking.dropFirst())
        where samples[a].acc.z < 1.3 * standardGravity && samples[b].acc.z >= 1.3 * standardGravity {
            strikes += 1
        }
        #expect((32...37).contains(strikes), "\(strikes) strikes in 20 s")  // 1.8 steps/s, faded ends
        #expect(truth.allSatisfy { !$0.bounceExpected })
        for angle in [\TruthSample.flexion, \TruthSample.sideBend, \TruthSample.twist] {
            let values = walking.map { truth[$0][keyPath: angle] }
            #expect((values.max()! - values.min()!) < AlertDefinition.bouncePeakToPeak)
        }
    }

    @Test func jumpLandingsExceedThreeG() throws {
        let (samples, truth) = try render("still 2 s\njump 3\nstill 2 s", seed: 5)
        var landings = 0
        for (a, b) in zip(samples, samples.dropFirst())
        where a.acc.length < 3 * standardGravity && b.acc.length >= 3 * standardGravity {
            landings += 1
        }
        #expect(landings == 3)
        // Free flight: the sensor falls with the body and feels (almost) nothing.
        let airborne = samples.filter { $0.acc.length < 1 }
        #expect(airborne.count > 3 * 30)  // about 0.4 s each at 100 Hz
        #expect(truth.allSatisfy { !$0.bounceExpected && $0.twist == 0 })
    }
}
