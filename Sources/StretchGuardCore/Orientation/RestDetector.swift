import RealModule

/// Decides whether the sensor is at rest: gyroscope and accelerometer both stay close to their own
/// low-passed values for at least `restMinDuration`, and the low-passed rate is small enough to be bias.
public struct RestDetector: Sendable {
    /// Low-passed angular rate (lanes 0–2, rad/s) and specific force (lanes 4–6, m/s²), one filter for both
    /// since they share the time constant.
    public var lowPass = LowPassState<SIMD8<Double>>()
    /// How long the sensor has been still, in s.
    public var stillTime: Double = 0
    /// Whether the sensor is at rest now.
    public var isResting = false

    public init() {}

    /// The low-passed angular rate, in rad/s (a bias measurement while at rest).
    @inlinable public var meanGyr: Vector3D { Vector3D(lowPass.output.lowHalf) }

    /// The low-passed specific force, in m/s².
    @inlinable public var meanAcc: Vector3D { Vector3D(lowPass.output.highHalf) }

    /// Feeds one sample.
    ///
    /// - Parameters:
    ///   - gyr: angular rate, in rad/s.
    ///   - acc: specific force, in m/s².
    ///   - dt: the sample's period, in s.
    @inline(__always)
    public mutating func update(gyr: Vector3D, acc: Vector3D, dt: Double,
                                settings s: OrientationFilterSettings, coefficients k: OrientationFilterCoefficients) {
        let x = SIMD8(lowHalf: gyr.simd, highHalf: acc.simd)
        let deviation = x - lowPass.step(x, dt: dt, k.restLowPass)
        let squared = deviation * deviation
        let mean = lowPass.output
        let gyrQuiet = squared.lowHalf.sum() < s.restGyrThreshold * s.restGyrThreshold
            && max(abs(mean[0]), abs(mean[1]), abs(mean[2])) <= s.biasClip
        let accQuiet = squared.highHalf.sum() < s.restAccThreshold * s.restAccThreshold
        if gyrQuiet && accQuiet {
            stillTime += dt
            isResting = stillTime >= s.restMinDuration
        } else {
            stillTime = 0
            isResting = false
        }
    }
}
