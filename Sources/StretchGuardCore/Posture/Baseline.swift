import RealModule

/// The calibrated neutral posture: what "upright and still" looked like to this sensor on this wearer.
public struct Baseline: Sendable, Equatable, Codable {
    /// Gyroscope bias measured while still, in rad/s (sensor frame).
    public var gyrBias: Vector3D
    /// Its standard error, in rad/s.
    public var gyrBiasSigma: Double
    /// Mean specific force while still, in m/s² (sensor frame): gravity's reaction, pointing up.
    public var gravity: Vector3D
    /// Sensor-to-body rotation.
    public var mounting: BodyMounting
    /// Length of the still period, in s.
    public var duration: Double
    /// Samples in the still period.
    public var sampleCount: Int

    public init(gyrBias: Vector3D, gyrBiasSigma: Double, gravity: Vector3D, mounting: BodyMounting,
                duration: Double, sampleCount: Int) {
        self.gyrBias = gyrBias
        self.gyrBiasSigma = gyrBiasSigma
        self.gravity = gravity
        self.mounting = mounting
        self.duration = duration
        self.sampleCount = sampleCount
    }

    /// The sensor-to-world orientation at the baseline (heading zero): the tilt that makes `gravity` point
    /// up.
    public var sensorOrientation: QuaternionD { QuaternionD(from: gravity.normalized, to: .unitZ) }

    /// The neutral body-to-world orientation (heading zero).
    public var neutralBodyOrientation: QuaternionD { sensorOrientation * mounting.sensorToBody.conjugate }
}
