import StretchGuardSimulation
import Testing
@testable import StretchGuardCore

@Suite struct BaselineCalibratorTests {
    private func stillSamples(bias: Vector3D, tilt: QuaternionD, accScale: Double = 1,
                              gyrNoise: Double = 0.002, seconds: Double = 2) -> [IMUSample] {
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.gyrBias = bias
        synth.gyrNoise = gyrNoise
        synth.accNoise = 0.02
        return synth.render(duration: seconds, initial: tilt, angularRate: { _ in .zero }).samples.map {
            IMUSample(time: $0.time, gyr: $0.gyr, acc: $0.acc * accScale)
        }
    }

    @Test func measuresBiasAndGravityFromAStillPeriod() throws {
        let bias = Vector3D(0.01, -0.004, 0.02)
        let tilt = QuaternionD(axis: Vector3D(1, 1, 0), angle: 25 * degree)
        var calibrator = BaselineCalibrator()
        stillSamples(bias: bias, tilt: tilt).forEach { calibrator.add($0) }
        let baseline = try calibrator.baseline()
        #expect((baseline.gyrBias - bias).length < 0.001)
        #expect(abs(baseline.gravity.length - standardGravity) < 0.01)
        // The measured spine axis is the up direction: the baseline orientation maps it onto world z.
        let up = baseline.sensorOrientation.rotate(baseline.gravity.normalized)
        #expect((up - .unitZ).length < 1e-9)
        #expect(abs(baseline.duration - 2) < 1e-9)
    }

    @Test func rejectsAMovingWearer() {
        // Swaying ±4° at 0.5 Hz: the orientation wanders about 1.8° RMS about its trend (still is under 1°).
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.accNoise = 0.02
        let w = 2 * Double.pi * 0.5
        let sway = synth.render(duration: 2, initial: .identity,
                                angularRate: { t in Vector3D(4 * degree * w * Double.cos(w * t), 0, 0) }).samples
        var calibrator = BaselineCalibrator()
        sway.forEach { calibrator.add($0) }
        let error = #expect(throws: BaselineCalibrator.Failure.self) { try calibrator.baseline() }
        guard case .moving(let angle, _, _, _) = error else { Issue.record("expected .moving, got \(String(describing: error))"); return }
        #expect(angle > 1.5 * degree)
    }

    @Test func toleratesTremorAndTakesBreathingOutOfTheBias() throws {
        // Breathing ±0.8° at 0.3 Hz about the sensor's y axis, with 12 Hz tremor of ±0.1° (7.5 °/s peak
        // rate) and a 1.5 °/s bias, over a stretch that is not a whole number of breaths.
        var synth = MotionSynthesizer(sampleRate: 200)
        let bias = Vector3D(1.5 * degree, -0.7 * degree, 0.4 * degree)
        synth.gyrBias = bias
        synth.accNoise = 0.02
        let (b, t) = (2 * Double.pi * 0.3, 2 * Double.pi * 12)
        let samples = synth.render(duration: 2, initial: .identity, angularRate: { s in
            Vector3D(0.1 * degree * t * Double.cos(t * s), 0.8 * degree * b * Double.cos(b * s), 0)
        }).samples
        var calibrator = BaselineCalibrator()
        samples.forEach { calibrator.add($0) }
        let baseline = try calibrator.baseline()
        // The mean rate would be off by the breath's net turn over 2 s (about 0.35 °/s here).
        let mean = samples.reduce(Vector3D.zero) { $0 + $1.gyr } / Double(samples.count)
        #expect((mean - bias).length > 0.2 * degree)
        #expect((baseline.gyrBias - bias).length < 0.05 * degree, "bias off by \((baseline.gyrBias - bias).length / degree) °/s")
    }

    @Test func rejectsAccelerationInTheWrongUnits() {
        var calibrator = BaselineCalibrator()
        stillSamples(bias: .zero, tilt: .identity, accScale: 1 / standardGravity).forEach { calibrator.add($0) }
        let error = #expect(throws: BaselineCalibrator.Failure.self) { try calibrator.baseline() }
        guard case .implausibleGravity(let magnitude) = error else {
            Issue.record("expected .implausibleGravity, got \(String(describing: error))"); return
        }
        #expect(abs(magnitude - 1) < 0.01)
    }

    @Test func rejectsTooFewSamples() {
        var calibrator = BaselineCalibrator()
        stillSamples(bias: .zero, tilt: .identity, seconds: 0.05).forEach { calibrator.add($0) }
        #expect(throws: BaselineCalibrator.Failure.tooFewSamples(count: 11, minimum: 20)) { try calibrator.baseline() }
    }
}

@Suite struct BodyMountingTests {
    @Test func declaredAxesMapOntoBodyAxes() throws {
        // Sensor y up the spine, sensor −z forward.
        let m = try BodyMounting.from(spine: .unitY, forward: -.unitZ)
        #expect(isClose(m.sensorToBody.rotate(.unitY), .unitZ, 1e-12))
        #expect(isClose(m.sensorToBody.rotate(-.unitZ), .unitX, 1e-12))
    }

    @Test func forwardIsMadeOrthogonalToTheSpine() throws {
        let m = try BodyMounting.from(spine: Vector3D(0, 0.2, 1), forward: .unitX)
        let forwardInSensor = m.sensorToBody.conjugate.rotate(.unitX)
        #expect(abs(forwardInSensor.dot(Vector3D(0, 0.2, 1).normalized)) < 1e-12)
    }

    @Test func forwardAlongTheSpineIsRejected() {
        #expect(throws: BodyMounting.Failure.forwardParallelToSpine) {
            try BodyMounting.from(spine: .unitX, forward: .unitX)
        }
    }

    @Test func twoPosesRecoverAnArbitraryMounting() throws {
        let sensorToBody = QuaternionD(axis: Vector3D(0.3, -1, 0.6), angle: 2.2)
        let bodyToSensor = sensorToBody.conjugate
        // World up seen in the body frame: upright, then bent forward 45° (about body +y).
        let uprightBody = Vector3D.unitZ
        let bentBody = QuaternionD(axis: .unitY, angle: 45 * degree).conjugate.rotate(.unitZ)
        let m = try BodyMounting.fromTwoPoses(uprightGravity: bodyToSensor.rotate(uprightBody) * 9.81,
                                              bentGravity: bodyToSensor.rotate(bentBody) * 9.81)
        #expect(angleBetween(m.sensorToBody, sensorToBody) < 1e-9)
    }

    @Test func twoPosesNeedARealBend() {
        #expect(throws: BodyMounting.Failure.self) {
            try BodyMounting.fromTwoPoses(uprightGravity: Vector3D(0, 0, 9.81), bentGravity: Vector3D(0.5, 0, 9.8))
        }
    }
}

@Suite struct BaselineFailureWordingTests {
    /// One wording for every caller: plain numbers with the limits, never a Swift enum.
    @Test func failuresReadAsSentences() {
        let moving = BaselineCalibrator.Failure.moving(angleDeviation: 3 * degree, gyrDeviation: 0, accDeviation: 0.1,
                                                       turnRate: 0)
        #expect(moving.description == "the wearer moved: the posture wandered 3° RMS (still is under 1.5°, 0.4 m/s² and 3 °/s)")
        let gravity = BaselineCalibrator.Failure.implausibleGravity(magnitude: 1.0)
        #expect(gravity.description == "the accelerometer reads 1 m/s² at rest, not about 9.81")
        for failure in [moving, gravity, .tooFewSamples(count: 3, minimum: 20)] {
            #expect(!failure.description.contains("(") || failure.description.contains("still is under")
                    || failure.description.contains("check the sensor"))
            #expect(!failure.description.contains("Failure") && !failure.description.contains("moving("))
        }
    }
}
