import RealModule

/// Decides whether the sensor is at rest: gyroscope and accelerometer both stay close to their own
/// low-passed values for at least `restMinDuration`, and the low-passed rate is small enough to be bias.
public struct RestDetector: Sendable {
    /// Low-passed angular rate, in rad/s (a bias measurement while at rest).
    public var gyrLowPass = LowPassState<SIMD4<Double>>()
    /// Low-passed specific force, in m/s².
    public var accLowPass = LowPassState<SIMD4<Double>>()
    /// How long the sensor has been still, in s.
    public var stillTime: Double = 0
    /// Whether the sensor is at rest now.
    public var isResting = false

    public init() {}

    /// The low-passed angular rate, in rad/s.
    @inlinable public var meanGyr: Vector3D { Vector3D(gyrLowPass.output) }

    /// Feeds one sample.
    ///
    /// - Parameters:
    ///   - gyr: angular rate, in rad/s.
    ///   - acc: specific force, in m/s².
    ///   - dt: the sample's period, in s.
    public mutating func update(gyr: Vector3D, acc: Vector3D, dt: Double,
                                settings s: OrientationFilterSettings, coefficients k: OrientationFilterCoefficients) {
        let g = gyr.simd, a = acc.simd
        let gLp = gyrLowPass.step(g, dt: dt, k.restLowPass)
        let aLp = accLowPass.step(a, dt: dt, k.restLowPass)
        let gDev = g - gLp, aDev = a - aLp
        let gyrQuiet = (gDev * gDev).sum() < s.restGyrThreshold * s.restGyrThreshold
            && abs(gLp[0]) <= s.biasClip && abs(gLp[1]) <= s.biasClip && abs(gLp[2]) <= s.biasClip
        let accQuiet = (aDev * aDev).sum() < s.restAccThreshold * s.restAccThreshold
        if gyrQuiet && accQuiet {
            stillTime += dt
            isResting = stillTime >= s.restMinDuration
        } else {
            stillTime = 0
            isResting = false
        }
    }
}
