import RealModule

/// One tick of inertial measurement: the thorax's (the one sensor's), in its own frame, and with two
/// sensors the pelvis's of the same tick, in the pelvis sensor's own frame.
public struct IMUSample: Hashable, Sendable {
    /// Monotonic time of the measurement, in seconds.
    public var time: Double
    /// Angular rate, in rad/s.
    public var gyr: Vector3D
    /// Specific force (gravity reaction plus linear acceleration), in m/s²: about (0, 0, +9.81) when the
    /// sensor lies flat and still.
    public var acc: Vector3D
    /// The pelvis sensor's reading at the same tick, in its own frame; `nil` with one sensor, or when the
    /// pelvis gave nothing at this tick.
    public var pelvis: PelvisReading?

    public init(time: Double, gyr: Vector3D, acc: Vector3D, pelvis: PelvisReading? = nil) {
        self.time = time
        self.gyr = gyr
        self.acc = acc
        self.pelvis = pelvis
    }

    /// The pelvis's reading as a sample of its own (same time), or `nil`.
    @inline(__always)
    public var pelvisSample: IMUSample? {
        guard let pelvis else { return nil }
        return IMUSample(time: time, gyr: pelvis.gyr, acc: pelvis.acc)
    }
}

/// The pelvis sensor's reading at a tick whose time its sample carries: angular rate in rad/s, specific force in
/// m/s², in that sensor's frame.
public struct PelvisReading: Hashable, Sendable {
    public var gyr: Vector3D
    public var acc: Vector3D

    public init(gyr: Vector3D, acc: Vector3D) {
        self.gyr = gyr
        self.acc = acc
    }
}

/// Standard gravity, in m/s².
public let standardGravity = 9.80665
