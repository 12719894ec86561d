import StretchGuardCore

/// Renders a known rigid-body motion into the IMU samples a sensor would measure, with the true
/// orientation alongside, for tests and benchmarks with known truth.
///
/// The motion is given as the angular rate in the sensor frame (rad/s) and the linear acceleration in the
/// world frame (m/s², z up), each a function of time (s). The true orientation is integrated with
/// `substeps` exact sub-steps per sample.
public struct MotionSynthesizer: Sendable {
    /// Sample rate, in Hz.
    public var sampleRate: Double = 200
    /// Constant gyroscope bias added to every sample, in rad/s.
    public var gyrBias: Vector3D = .zero
    /// Gyroscope white-noise standard deviation, in rad/s.
    public var gyrNoise: Double = 0
    /// Accelerometer white-noise standard deviation, in m/s².
    public var accNoise: Double = 0
    /// Seed of the noise.
    public var seed: UInt64 = 1
    /// Exact integration sub-steps per sample for the truth.
    public var substeps = 8

    /// A synthesizer at `sampleRate` Hz with no bias or noise (set the properties for them).
    public init(sampleRate: Double = 200) {
        self.sampleRate = sampleRate
    }

    /// The samples and the true sensor-to-world orientation at each sample.
    ///
    /// - Parameters:
    ///   - duration: length, in s.
    ///   - initial: sensor-to-world orientation at t = 0.
    ///   - angularRate: true angular rate in the sensor frame at time t, in rad/s.
    ///   - linearAcceleration: true linear acceleration in the world frame at time t, in m/s².
    public func render(duration: Double, initial: QuaternionD = .identity,
                       angularRate: (Double) -> Vector3D,
                       linearAcceleration: (Double) -> Vector3D = { _ in .zero })
        -> (samples: [IMUSample], truth: [QuaternionD]) {
        var random = SeededRandom(seed: seed)
        let dt = 1 / sampleRate
        let count = Int((duration * sampleRate).rounded()) + 1
        var samples: [IMUSample] = []
        var truth: [QuaternionD] = []
        samples.reserveCapacity(count)
        truth.reserveCapacity(count)
        var q = initial
        for i in 0..<count {
            let t = Double(i) * dt
            if i > 0 {
                // Advance the truth from the previous sample time to t.
                let h = dt / Double(substeps)
                for j in 0..<substeps {
                    let tm = t - dt + (Double(j) + 0.5) * h
                    q = (q * QuaternionD(rotationVector: angularRate(tm) * h)).normalized
                }
            }
            let specificForce = Vector3D(0, 0, standardGravity) + linearAcceleration(t)
            let acc = q.conjugate.rotate(specificForce) + random.gaussianVector(sigma: accNoise)
            let gyr = angularRate(t) + gyrBias + random.gaussianVector(sigma: gyrNoise)
            samples.append(IMUSample(time: t, gyr: gyr, acc: acc))
            truth.append(q)
        }
        return (samples, truth)
    }
}
