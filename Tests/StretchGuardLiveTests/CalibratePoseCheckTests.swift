import Foundation
import StretchGuardCore
import StretchGuardHardware
import Testing
@testable import StretchGuardLive

/// A wearer made of arithmetic: body rotations about body-fixed axes at constant rates, turned into the
/// gyroscope and accelerometer samples a sensor mounted at `mounting` would give (no noise unless asked).
struct SyntheticWearer {
    /// Sensor → body rotation.
    var mounting: QuaternionD
    /// Constant gyroscope bias, in rad/s (sensor frame).
    var gyrBias = Vector3D(0.004, -0.006, 0.002)
    /// Samples per second.
    var rate = 100.0
    /// Body → world (identity at the neutral posture).
    private(set) var body = QuaternionD.identity
    private(set) var samples: [IMUSample] = []
    private var time = 0.0

    init(mounting: QuaternionD = .identity) {
        self.mounting = mounting
    }

    /// Stands still for `seconds`, optionally with a 1 Hz wobble added to the gyroscope (rad/s amplitude)
    /// or the accelerometer (m/s² amplitude) on the sensor's x axis, and a scale on the accelerometer.
    mutating func still(_ seconds: Double, gyrWobble: Double = 0, accWobble: Double = 0, accScale: Double = 1) {
        for _ in 0..<Int((seconds * rate).rounded()) {
            let wave = Foundation.sin(2 * Double.pi * time)
            emit(rate: .zero, extraGyr: Vector3D(gyrWobble * wave, 0, 0), extraAcc: Vector3D(accWobble * wave, 0, 0),
                 accScale: accScale)
        }
    }

    /// Rotates the trunk by `angle` (rad) about a body-fixed axis, at a constant rate over `seconds`.
    mutating func rotate(about axis: Vector3D, by angle: Double, over seconds: Double) {
        let steps = Int((seconds * rate).rounded())
        let omega = axis.normalized * (angle / seconds)
        for _ in 0..<steps {
            body = (body * QuaternionD(rotationVector: omega / rate)).renormalized
            emit(rate: omega)
        }
    }

    private mutating func emit(rate omega: Vector3D, extraGyr: Vector3D = .zero, extraAcc: Vector3D = .zero,
                               accScale: Double = 1) {
        time += 1 / rate
        let toSensor = mounting.conjugate
        let gyr = toSensor.rotate(omega) + gyrBias + extraGyr
        let acc = toSensor.rotate(body.conjugate.rotate(Vector3D(0, 0, standardGravity))) * accScale + extraAcc
        samples.append(IMUSample(time: time, gyr: gyr, acc: acc))
    }

    /// Takes the samples so far (and forgets them).
    mutating func take() -> [IMUSample] {
        defer { samples = [] }
        return samples
    }
}

/// The calibration's pose checks on synthetic samples: moving, implausible, too small a bend, twisted,
/// leaning sideways, and a clean bend that finds any mounting.
@Suite struct CalibratePoseCheckTests {
    private let check = CalibrationPoseCheck()
    /// A sensor strapped on skew: no axis along the body's.
    private let skewed = QuaternionD(axis: Vector3D(1, 2, 3), angle: 2.0)

    private func uprightBaseline(_ wearer: inout SyntheticWearer) throws -> Baseline {
        wearer.still(3)
        return try check.upright(wearer.take())
    }

    @Test func aStillUprightPoseGivesTheBiasAndGravity() throws {
        var wearer = SyntheticWearer(mounting: skewed)
        let baseline = try uprightBaseline(&wearer)
        #expect((baseline.gyrBias - wearer.gyrBias).length < 1e-9)
        #expect(abs(baseline.gravity.length - standardGravity) < 1e-9)
        #expect(baseline.sampleCount == 300)
    }

    @Test func rotationWhileStillIsRejectedInDegreesPerSecond() {
        var wearer = SyntheticWearer()
        wearer.still(3, gyrWobble: 10 * degree)  // RMS 7.07 °/s
        do {
            _ = try check.upright(wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case let .moving(gyr, _, acc, _) = error else { Issue.record("\(error)"); return }
            #expect(abs(gyr / degree - 7.07) < 0.05 && acc < 1e-9)
            #expect(error.description == "you were moving: the rotation rate varied by 7.1 °/s (still is under 3.0 °/s)")
        }
    }

    @Test func accelerationWhileStillIsRejectedInMetresPerSecondSquared() {
        var wearer = SyntheticWearer()
        wearer.still(3, accWobble: 0.6)  // RMS 0.42 m/s²
        do {
            _ = try check.upright(wearer.take())
            Issue.record("expected a rejection")
        } catch {
            #expect(error.description == "you were moving: the acceleration varied by 0.42 m/s² (still is under 0.30 m/s²)")
            #expect(error.advice.contains("still"))
        }
    }

    @Test func gravityFarFrom9_81IsImplausible() {
        var wearer = SyntheticWearer()
        wearer.still(3, accScale: 0.5)
        do {
            _ = try check.upright(wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case let .implausibleGravity(magnitude, _) = error else { Issue.record("\(error)"); return }
            #expect(abs(magnitude - standardGravity / 2) < 1e-9)
            #expect(error.description.hasPrefix("the sensor measured 4.90 m/s² instead of about 9.81 m/s²"))
        }
    }

    @Test func tooFewSamplesAreNotABaseline() {
        var wearer = SyntheticWearer()
        wearer.still(0.1)
        #expect(throws: CalibrationPoseProblem.tooShort(samples: 10, minimum: 20)) { try check.upright(wearer.take()) }
    }

    @Test(arguments: [QuaternionD.identity, QuaternionD(axis: Vector3D(1, 2, 3), angle: 2.0),
                      QuaternionD(axis: .unitX, angle: .pi / 2)])
    func aCleanForwardBendFindsTheMounting(mounting: QuaternionD) throws {
        var wearer = SyntheticWearer(mounting: mounting)
        let baseline = try uprightBaseline(&wearer)
        wearer.rotate(about: .unitY, by: 30 * degree, over: 3)
        wearer.still(1)
        let movement = wearer.take()
        wearer.still(3)
        let bend = try check.bend(from: baseline, movement: movement, hold: wearer.take())
        #expect(abs(bend.angle / degree - 30) < 0.01)
        #expect(abs(bend.twist) < 0.1 * degree && abs(bend.sideLean) < 0.1 * degree)
        // The found mounting maps the sensor's axes onto the body's as the true one does.
        let error = (bend.mounting.sensorToBody * mounting.conjugate).canonical.angle
        #expect(error < 0.1 * degree)
    }

    @Test func aBendUnder15DegreesIsRejectedWithTheAngle() throws {
        var wearer = SyntheticWearer(mounting: skewed)
        let baseline = try uprightBaseline(&wearer)
        wearer.rotate(about: .unitY, by: 8 * degree, over: 2)
        let movement = wearer.take()
        wearer.still(3)
        do {
            _ = try check.bend(from: baseline, movement: movement, hold: wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case let .bendTooSmall(angle, minimum) = error else { Issue.record("\(error)"); return }
            #expect(abs(angle / degree - 8) < 0.01 && minimum == 15 * degree)
            #expect(error.description == "you bent 8° (at least 15° is needed; about 30° is best)")
        }
    }

    @Test func twistingWhileBendingIsRejected() throws {
        var wearer = SyntheticWearer(mounting: skewed)
        let baseline = try uprightBaseline(&wearer)
        wearer.rotate(about: .unitY, by: 30 * degree, over: 3)
        wearer.rotate(about: .unitZ, by: 15 * degree, over: 1)  // about the bent trunk's own axis
        let movement = wearer.take()
        wearer.still(3)
        do {
            _ = try check.bend(from: baseline, movement: movement, hold: wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case let .twisted(angle, _) = error else { Issue.record("\(error)"); return }
            #expect(abs(angle / degree - 15) < 0.5)
            #expect(error.description == "your chest turned 15° to the left while bending (at most 10°)")
        }
    }

    @Test func leaningSidewaysOnTheWayIsRejected() throws {
        var wearer = SyntheticWearer(mounting: skewed)
        let baseline = try uprightBaseline(&wearer)
        wearer.rotate(about: .unitX, by: 20 * degree, over: 2)  // head toward the right
        wearer.rotate(about: .unitX, by: -20 * degree, over: 2)  // and back
        wearer.rotate(about: .unitY, by: 30 * degree, over: 3)
        let movement = wearer.take()
        wearer.still(3)
        do {
            _ = try check.bend(from: baseline, movement: movement, hold: wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case let .leanedSideways(angle, _) = error else { Issue.record("\(error)"); return }
            #expect(abs(angle / degree - 20) < 0.5)
            #expect(error.description == "you leaned 20° to the right while bending (at most 10°)")
        }
    }

    @Test func movingDuringTheHoldIsRejected() throws {
        var wearer = SyntheticWearer()
        let baseline = try uprightBaseline(&wearer)
        wearer.rotate(about: .unitY, by: 30 * degree, over: 3)
        let movement = wearer.take()
        wearer.still(3, gyrWobble: 8 * degree)
        do {
            _ = try check.bend(from: baseline, movement: movement, hold: wearer.take())
            Issue.record("expected a rejection")
        } catch {
            guard case .moving = error else { Issue.record("\(error)"); return }
        }
    }
}
