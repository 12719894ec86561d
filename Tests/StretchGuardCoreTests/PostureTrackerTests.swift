import Testing
@testable import StretchGuardCore

/// Drives a `PostureTracker` with a scripted body heading and step impacts (sensor axes = body axes).
private struct TrackerScript {
    var tracker: PostureTracker
    var time = 0.0
    var heading = 0.0  // rad
    var pitch = 0.0  // rad, forward bend of the whole script
    let dt = 0.01

    init() {
        let baseline = Baseline(gyrBias: .zero, gyrBiasSigma: 0, gravity: Vector3D(0, 0, standardGravity),
                                mounting: BodyMounting(sensorToBody: .identity), duration: 2, sampleCount: 200)
        tracker = PostureTracker(baseline: baseline)
    }

    /// Turns the heading by `degrees` over `seconds`, with a step impact every 0.5 s if `stepping`.
    mutating func turn(by degrees: Double, over seconds: Double, stepping: Bool) -> PostureAngles {
        let n = Int(seconds / dt)
        let rate = degrees * degree / seconds
        var last = PostureAngles.neutral
        for i in 0..<n {
            heading += rate * dt
            let impact = stepping && i % 50 < 3 ? 3.0 : 0
            last = step(gyrZ: rate, extraForce: impact)
        }
        return last
    }

    /// Stands still for `seconds`.
    mutating func stand(_ seconds: Double) -> PostureAngles {
        var last = PostureAngles.neutral
        for _ in 0..<Int(seconds / dt) { last = step(gyrZ: 0, extraForce: 0) }
        return last
    }

    private mutating func step(gyrZ: Double, extraForce: Double) -> PostureAngles {
        time += dt
        let q = QuaternionD(axis: .unitZ, angle: heading) * QuaternionD(axis: .unitY, angle: pitch)
        return tracker.update(orientation: q, acc: Vector3D(0, 0, standardGravity + extraForce), time: time)
    }
}

@Suite struct PostureTrackerTests {
    @Test func turningAroundOnTheFeetIsNotATwist() {
        var script = TrackerScript()
        _ = script.stand(2)
        let during = script.turn(by: 120, over: 3, stepping: true)
        #expect(abs(during.twist) < 0.01 * degree)  // the heading follows while walking
        #expect(script.tracker.state.isWalking)
        let settled = script.stand(2)
        #expect(abs(settled.twist) < 0.01 * degree)
        #expect(!script.tracker.state.isWalking)
        #expect(script.tracker.state.walks == 1)
    }

    @Test func aTorsoTwistOnTheSpotStaysATwist() {
        var script = TrackerScript()
        _ = script.stand(2)
        _ = script.turn(by: 30, over: 1, stepping: false)
        let held = script.stand(5)
        #expect(abs(held.twist / degree - 30) < 0.01)
        #expect(script.tracker.state.walks == 0)
    }

    @Test func aTwistAfterTheWalkHasEndedIsATwist() {
        var script = TrackerScript()
        _ = script.stand(2)
        _ = script.turn(by: 90, over: 3, stepping: true)
        _ = script.stand(2)  // longer than the walk timeout
        _ = script.turn(by: -20, over: 1, stepping: false)
        let held = script.stand(2)
        #expect(abs(held.twist / degree + 20) < 0.01)
    }

    @Test func oneImpactIsNotAWalk() {
        var script = TrackerScript()
        _ = script.stand(2)
        _ = script.turn(by: 0, over: 0.2, stepping: true)  // a single knock
        _ = script.turn(by: 25, over: 1, stepping: false)
        let held = script.stand(2)
        #expect(abs(held.twist / degree - 25) < 0.01)
        #expect(script.tracker.state.walks == 0)
    }

    @Test func stepsWhileBentAreNotCounted() {
        var script = TrackerScript()
        script.pitch = 40 * degree  // bent forward: impacts are bounces in a stretch, not steps
        _ = script.stand(2)
        _ = script.turn(by: 30, over: 3, stepping: true)
        let held = script.stand(1)
        #expect(abs(held.twist / degree) > 20)  // the turn still reads as rotation: nothing followed it
        #expect(script.tracker.state.walks == 0)
    }

    /// The squared band must decide exactly as |(|a| − g)| against the deviation would, on both sides of
    /// gravity, at its edges, and for a deviation larger than g (no lower edge).
    @Test(arguments: [0.75, 1.5, 4.0, 12.0])
    func squaredForceBandDecidesAsTheDeviationDoes(deviation: Double) {
        let band = SquaredForceBand(deviation: deviation)
        var outsideCount = 0
        for step in 0...4000 {
            let magnitude = Double(step) * 0.01  // 0 to 40 m/s²
            let a = Vector3D(magnitude * 0.6, 0, magnitude * 0.8)
            let squared = a.squaredLength
            let outside = squared >= band.upper || squared <= band.lower
            let reference = abs(magnitude - standardGravity)
            // Away from the edges (rounding of the squares) the two must agree exactly.
            if abs(reference - deviation) > 1e-9 {
                #expect(outside == (reference >= deviation), "|a| = \(magnitude) m/s², deviation \(deviation)")
            }
            if outside { outsideCount += 1 }
        }
        #expect(outsideCount > 0)
    }
}
