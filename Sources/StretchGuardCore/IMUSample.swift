import RealModule

/// One inertial measurement in the sensor's own frame.
public struct IMUSample: Hashable, Sendable {
    /// Monotonic time of the measurement, in seconds.
    public var time: Double
    /// Angular rate, in rad/s.
    public var gyr: Vector3D
    /// Specific force (gravity reaction plus linear acceleration), in m/s²: about (0, 0, +9.81) when the
    /// sensor lies flat and still.
    public var acc: Vector3D

    public init(time: Double, gyr: Vector3D, acc: Vector3D) {
        self.time = time
        self.gyr = gyr
        self.acc = acc
    }
}

/// Standard gravity, in m/s².
public let standardGravity = 9.80665
