import Testing
@testable import StretchGuardCore

/// Drives a `PostureTracker` with a scripted body motion (sensor axes = body axes unless a mounting is
/// given): heading, forward bend, a vertical trunk bob, and a gyroscope bias the filter did not remove.
private struct TrackerScript {
    var tracker: PostureTracker
    var time = 0.0
    var heading = 0.0  // rad: the trunk's (or whole body's) heading
    var pitch = 0.0  // rad, forward bend
    /// Heading error the filter has accumulated from an uncorrected vertical bias, in rad.
    var filterDrift = 0.0
    let mounting: QuaternionD
    let dt = 0.01

    init(mounting: QuaternionD = .identity, forwardKnown: Bool = true) {
        self.mounting = mounting
        let up = mounting.conjugate.rotate(Vector3D(0, 0, standardGravity))
        let baseline = Baseline(gyrBias: .zero, gyrBiasSigma: 0, gravity: up,
                                mounting: forwardKnown ? BodyMounting(sensorToBody: mounting) : .provisional(spine: up),
                                duration: 2, sampleCount: 200, forwardAxisKnown: forwardKnown)
        tracker = PostureTracker(baseline: baseline, neutralSensorOrientation: mounting)
    }

    /// Turns the heading by `degrees` over `seconds` (minimum jerk); with a vertical bob of `bob` m at
    /// `cadence` steps/s when stepping.
    mutating func turn(by degrees: Double, over seconds: Double, bob: Double = 0, cadence: Double = 1.7,
                       jolt: Double = 0) -> (maxTwist: Double, last: PostureAngles) {
        let start = heading
        let n = Int(seconds / dt)
        var maxTwist = 0.0, last = PostureAngles.neutral
        for i in 1...n {
            let s = Double(i) / Double(n)
            let shape = 10 * s * s * s - 15 * s * s * s * s + 6 * s * s * s * s * s
            let before = heading
            heading = start + degrees * degree * shape
            let w = 2 * Double.pi * cadence
            // A jolt: one 0.1 s knock up and back down, early in the movement.
            let knock = Double(i) * dt < 0.1 ? jolt : (Double(i) * dt < 0.2 ? -jolt : 0)
            let lift = bob * w * w * Double.cos(w * Double(i) * dt) + knock
            last = step(rate: Vector3D(0, 0, (heading - before) / dt), lift: lift)
            maxTwist = max(maxTwist, abs(last.twist))
        }
        return (maxTwist, last)
    }

    /// Bends forward to `degrees` over `seconds` at a steady rate.
    mutating func bend(to degrees: Double, over seconds: Double) -> PostureAngles {
        let n = Int(seconds / dt)
        let rate = (degrees * degree - pitch) / seconds
        var last = PostureAngles.neutral
        for _ in 0..<n {
            pitch += rate * dt
            last = step(rate: Vector3D(0, rate, 0), lift: 0)
        }
        return last
    }

    /// Stays still for `seconds`, with a residual vertical gyro bias of `bias` rad/s drifting the filter.
    mutating func stand(_ seconds: Double, bias: Double = 0) -> PostureAngles {
        var last = PostureAngles.neutral
        for _ in 0..<Int(seconds / dt) {
            filterDrift += bias * dt
            last = step(rate: .zero, lift: 0, verticalBias: bias)
        }
        return last
    }

    /// One sample: body rate `rate` (body frame, rad/s), vertical lift acceleration `lift` (m/s²).
    private mutating func step(rate: Vector3D, lift: Double, verticalBias: Double = 0) -> PostureAngles {
        time += dt
        let body = QuaternionD(axis: .unitZ, angle: heading + filterDrift) * QuaternionD(axis: .unitY, angle: pitch)
        let sensor = body * mounting
        let force = sensor.conjugate.rotate(Vector3D(0, 0, standardGravity + lift))
        let gyr = mounting.conjugate.rotate(rate) + sensor.conjugate.rotate(Vector3D(0, 0, verticalBias))
        return tracker.update(orientation: sensor, times: .identity, gyr: gyr, acc: force, time: time, dt: dt)
    }
}

@Suite struct PostureTrackerTests {
    @Test func aShufflingTurnIsNotATwistAndTheHeadingReZeroes() {
        var script = TrackerScript()
        _ = script.stand(3)
        // ±1 cm bob at 1.7 steps/s: 1.1 m/s², no heel strike.
        let turn = script.turn(by: 90, over: 2.5, bob: 0.01)
        #expect(turn.maxTwist < 12 * degree, "twist reached \(turn.maxTwist / degree)°")
        #expect(script.tracker.stepping.state.episodes == 1)
        let after = script.stand(2)
        #expect(!script.tracker.state.isStepping)
        #expect(abs(after.twist) < 1 * degree)
        // Then a bend: measured in the new facing direction, all flexion.
        let bent = script.bend(to: 40, over: 2)
        #expect(abs(bent.flexion - 40 * degree) < 1 * degree && abs(bent.sideBend) < 1 * degree)
    }

    @Test func whileSteppingTheTwistFromBeforeTheTurnIsHeld() {
        var script = TrackerScript()
        _ = script.stand(3)
        _ = script.turn(by: 12, over: 1)  // a torso twist on the spot first
        _ = script.stand(1)
        let turn = script.turn(by: 120, over: 3, bob: 0.01)
        #expect(script.tracker.stepping.state.isConfirmed)
        #expect(abs(turn.last.twist - 12 * degree) < 0.5 * degree, "held \(turn.last.twist / degree)°")
        #expect(abs(script.tracker.state.heldTwist - 12 * degree) < 0.5 * degree)
    }

    @Test func aTwistOnTheSpotStaysATwist() {
        var script = TrackerScript()
        _ = script.stand(3)
        let turn = script.turn(by: 25, over: 1)
        #expect(abs(turn.last.twist - 25 * degree) < 0.5 * degree)
        #expect(script.tracker.stepping.state.episodes == 0)
        // Repeated standing twists with short pauses stay twists.
        _ = script.stand(0.5)
        let back = script.turn(by: -50, over: 1.5)
        #expect(abs(back.last.twist + 25 * degree) < 0.5 * degree)
    }

    @Test func aLoneJoltDuringATwistDoesNotReZeroIt() {
        var script = TrackerScript()
        _ = script.stand(3)
        let turn = script.turn(by: 25, over: 1, jolt: 1.5)
        #expect(script.tracker.stepping.state.episodes == 0)  // never confirmed
        #expect(abs(turn.last.twist - 25 * degree) < 0.5 * degree)
        let held = script.stand(2)
        #expect(!script.tracker.state.isStepping)
        #expect(abs(held.twist - 25 * degree) < 0.5 * degree)
    }

    @Test func aResidualVerticalBiasDoesNotDriftIntoTwistDuringAHold() {
        var script = TrackerScript()
        _ = script.stand(3)
        _ = script.bend(to: 45, over: 2)
        // 0.25 °/s left in the gyro after the baseline: 15° over 60 s if nothing corrects it.
        let held = script.stand(60, bias: 0.25 * degree)
        #expect(abs(held.twist) < 1 * degree, "twist drifted to \(held.twist / degree)°")
    }

    @Test(arguments: [0, 1, 2, 3])
    func theForwardAxisIsLearnedFromTheFirstDeepBend(turnQuarter: Int) {
        // The chip turned about the spine by 0, 90, 180 or 270°, plus 20°: no calibration says which way
        // is forward.
        let mounting = QuaternionD(axis: .unitZ, angle: Double(turnQuarter) * 90 * degree + 20 * degree)
        var script = TrackerScript(mounting: mounting, forwardKnown: false)
        _ = script.stand(2)
        let shallow = script.bend(to: 20, over: 1)
        #expect(script.tracker.isForwardProvisional)
        #expect(abs(shallow.flexion - 20 * degree) < 0.5 * degree)  // provisional: reported as forward
        _ = script.bend(to: 50, over: 2)
        let held = script.stand(2)
        #expect(!script.tracker.isForwardProvisional)
        #expect(abs(held.flexion - 50 * degree) < 0.5 * degree && abs(held.sideBend) < 0.5 * degree)
    }
}
