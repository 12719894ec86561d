import StretchGuardSimulation
import Testing
@testable import StretchGuardCore

/// Angle between the up directions (world z seen in the sensor frame) of two orientations, in degrees.
func inclinationError(_ estimate: QuaternionD, _ truth: QuaternionD) -> Double {
    let a = estimate.conjugate.rotate(.unitZ), b = truth.conjugate.rotate(.unitZ)
    return Double.acos(min(1, max(-1, a.dot(b)))) / degree
}

@Suite struct OrientationFilterTests {
    /// Runs the filter from a known start over the rendered motion and returns the estimates.
    private func run(_ samples: [IMUSample], startBias: Vector3D = .zero,
                     settings: OrientationFilterSettings = .default) -> (OrientationFilter, [QuaternionD]) {
        var filter = OrientationFilter(settings: settings, samplePeriod: samples[1].time - samples[0].time)
        filter.start(gyrBias: startBias, biasSigma: settings.biasSigmaInit, gravity: samples[0].acc)
        var estimates: [QuaternionD] = []
        for s in samples {
            filter.update(s)
            estimates.append(filter.orientation)
        }
        return (filter, estimates)
    }

    /// The estimate with the truth's heading at `index` (a 6-axis filter does not know heading).
    private func headingAligned(_ estimates: [QuaternionD], _ truth: [QuaternionD], at index: Int) -> [QuaternionD] {
        let offset = truth[index] * estimates[index].conjugate
        let heading = Double.atan2(y: offset.z, x: offset.w) * 2
        let r = QuaternionD(axis: .unitZ, angle: heading)
        return estimates.map { r * $0 }
    }

    @Test func stillSensorKeepsItsTilt() {
        var synth = MotionSynthesizer(sampleRate: 100)
        synth.gyrNoise = 0.003
        synth.accNoise = 0.05
        let tilt = QuaternionD(axis: Vector3D(1, -0.5, 0), angle: 30 * degree)
        let r = synth.render(duration: 60, initial: tilt, angularRate: { _ in .zero })
        let (filter, q) = run(r.samples)
        #expect(inclinationError(q.last!, tilt) < 0.1)
        #expect(filter.isResting)
        let aligned = headingAligned(q, r.truth, at: 0)
        #expect(angleBetween(aligned.last!, tilt) < 0.2 * degree)  // no heading drift with zero bias
    }

    @Test func constantRateRotationIsTracked() {
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.gyrNoise = 0.002
        synth.accNoise = 0.03
        let axis = Vector3D(0.3, 1, 0.5).normalized
        let r = synth.render(duration: 40, angularRate: { t in t < 2 ? .zero : axis * 0.6 })
        let (_, q) = run(r.samples)
        let worst = zip(q, r.truth).map { inclinationError($0, $1) }.max()!
        #expect(worst < 1.0)
        let aligned = headingAligned(q, r.truth, at: 0)
        #expect(angleBetween(aligned.last!, r.truth.last!) < 1.5 * degree)
    }

    @Test func gyroBiasIsLearnedAtRestAndRemoved() {
        var synth = MotionSynthesizer(sampleRate: 200)
        let bias = Vector3D(0.5, -0.3, 0.4) * degree
        synth.gyrBias = bias
        synth.gyrNoise = 0.002
        synth.accNoise = 0.03
        let r = synth.render(duration: 70, angularRate: { t in
            t < 10 ? .zero : Vector3D(0.4 * Double.sin(0.5 * t), 0.3 * Double.cos(0.3 * t), 0.5 * Double.sin(0.2 * t))
        })
        // The filter starts knowing nothing of the bias.
        var filter = OrientationFilter(samplePeriod: 0.005)
        filter.start(gyrBias: .zero, biasSigma: OrientationFilterSettings.default.biasSigmaInit, gravity: r.samples[0].acc)
        var estimates: [QuaternionD] = []
        for (index, s) in r.samples.enumerated() {
            filter.update(s)
            estimates.append(filter.orientation)
            if index == 1900 {
                #expect((filter.gyrBias - bias).length < 0.03 * degree)  // learned during the 10 s rest
            }
        }
        let worst = zip(estimates, r.truth).dropFirst(2000).map { inclinationError($0, $1) }.max()!
        #expect(worst < 1.0)
        // Without bias estimation the same motion drifts in heading by several degrees.
        var noBias = OrientationFilterSettings()
        noBias.restBiasEstimation = false
        noBias.motionBiasEstimation = false
        let (_, drifting) = run(r.samples, settings: noBias)
        let alignedGood = headingAligned(estimates, r.truth, at: 1999)
        let alignedBad = headingAligned(drifting, r.truth, at: 1999)
        let goodError = angleBetween(alignedGood.last!, r.truth.last!) / degree
        let badError = angleBetween(alignedBad.last!, r.truth.last!) / degree
        #expect(goodError < 2)
        #expect(badError > 5 * goodError)
    }

    @Test func shakingDoesNotTiltTheEstimate() {
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.gyrNoise = 0.002
        synth.accNoise = 0.03
        let tilt = QuaternionD(axis: .unitY, angle: 40 * degree)
        // 2 Hz bouncing with 4 m/s² of horizontal and vertical acceleration, small wobble of the trunk.
        let r = synth.render(duration: 30, initial: tilt,
                             angularRate: { t in t < 3 ? .zero : Vector3D(0, 0.3 * Double.sin(4 * .pi * t), 0) },
                             linearAcceleration: { t in t < 3 ? .zero : Vector3D(4, 1, 4) * Double.sin(4 * .pi * t) })
        let (_, q) = run(r.samples)
        let worst = zip(q, r.truth).map { inclinationError($0, $1) }.max()!
        #expect(worst < 1.0)
        // The raw accelerometer alone would be off by far more.
        let naive = zip(r.samples, r.truth).map { s, t in
            Double.acos(min(1, s.acc.normalized.dot(t.conjugate.rotate(.unitZ)))) / degree
        }.max()!
        #expect(naive > 15)
    }

    @Test func unevenSamplingAndGapsUseEachSamplesOwnTimeStep() {
        var synth = MotionSynthesizer(sampleRate: 400)
        synth.gyrNoise = 0.001
        let axis = Vector3D(1, 0.2, 0.4).normalized
        let r = synth.render(duration: 20, angularRate: { t in t < 2 ? .zero : axis * 0.5 })
        // Keep an irregular subset: every 2nd–5th sample, plus a 0.3 s gap.
        var kept: [Int] = []
        var i = 0, k = 0
        while i < r.samples.count {
            if !(r.samples[i].time > 10 && r.samples[i].time < 10.3) { kept.append(i) }
            i += 2 + (k % 4)
            k += 1
        }
        let (_, q) = run(kept.map { r.samples[$0] })
        let aligned = headingAligned(q, kept.map { r.truth[$0] }, at: 0)
        let error = angleBetween(aligned.last!, r.truth[kept.last!]) / degree
        #expect(error < 2)
    }

    @Test func aWrongStartTiltIsCorrectedAndQuaternionsStayUnit() {
        // Started as if upright while lying 80° over: the large first corrections take the exact path.
        var synth = MotionSynthesizer(sampleRate: 200)
        synth.gyrNoise = 0.002
        synth.accNoise = 0.03
        let tilt = QuaternionD(axis: .unitX, angle: 80 * degree)
        let r = synth.render(duration: 120, initial: tilt,
                             angularRate: { t in Vector3D(0.2 * Double.sin(0.5 * t), 0.3 * Double.sin(0.3 * t), 0.4) })
        var filter = OrientationFilter(samplePeriod: 0.005)
        filter.start(gyrBias: .zero, biasSigma: OrientationFilterSettings.default.biasSigmaInit, gravity: .unitZ * 9.81)
        #expect(inclinationError(filter.orientation, tilt) > 79)
        var worstNorm = 0.0
        for (i, s) in r.samples.enumerated() {
            filter.update(s)
            worstNorm = max(worstNorm, abs(filter.state.strapdown.squaredNorm - 1),
                            abs(filter.state.inclinationCorrection.squaredNorm - 1))
            // Low-pass time constant 3 s: 80° is mostly gone within 10 s.
            if s.time > 10 { #expect(inclinationError(filter.orientation, r.truth[i]) < (s.time > 60 ? 2 : 5)) }
        }
        #expect(worstNorm < 1e-12)
    }
}
