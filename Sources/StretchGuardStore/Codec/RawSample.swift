/// One IMU sample as the store keeps it: the time in whole microseconds and six signed 16-bit counts, and
/// with two sensors the pelvis's six counts of the same tick.
///
/// The session's ``SampleScale`` turns counts into SI units; ``SampleCodec`` converts both ways. When the scale
/// is the chip's own sensitivity, these are exactly the counts the chip reported.
public struct RawSample: Hashable, Sendable {
    /// Monotonic time of the measurement, in µs (the sample clock's seconds × 10⁶, rounded).
    public var time: Int64
    /// Angular rate counts (x, y, z), in the session's gyroscope LSB (``SampleScale/gyr`` rad/s each).
    public var gyr: SIMD3<Int16>
    /// Specific force counts (x, y, z), in the session's accelerometer LSB (``SampleScale/acc`` m/s² each).
    public var acc: SIMD3<Int16>
    /// The pelvis sensor's counts at the same tick, in the pelvis's own LSB (the session's pelvis scale);
    /// nil with one sensor, or when the pelvis gave nothing at this tick.
    public var pelvis: RawPelvisReading?

    /// A sample from its time and counts.
    ///
    /// - Parameters:
    ///   - time: monotonic time, in µs.
    ///   - gyr: angular rate counts (x, y, z).
    ///   - acc: specific force counts (x, y, z).
    ///   - pelvis: the pelvis's counts of the same tick, or nil.
    public init(time: Int64, gyr: SIMD3<Int16>, acc: SIMD3<Int16>, pelvis: RawPelvisReading? = nil) {
        self.time = time
        self.gyr = gyr
        self.acc = acc
        self.pelvis = pelvis
    }

    /// A zero sample at time 0 (fills buffers before use).
    public static let zero = RawSample(time: 0, gyr: .zero, acc: .zero)
}

/// The pelvis sensor's counts at one tick (the time is its ``RawSample``'s): in the pelvis's gyroscope and
/// accelerometer LSB (the session's pelvis ``SampleScale``), in that sensor's own frame.
public struct RawPelvisReading: Hashable, Sendable {
    /// Angular rate counts (x, y, z), each the pelvis scale's ``SampleScale/gyr`` rad/s.
    public var gyr: SIMD3<Int16>
    /// Specific force counts (x, y, z), each the pelvis scale's ``SampleScale/acc`` m/s².
    public var acc: SIMD3<Int16>

    /// A reading from its counts.
    public init(gyr: SIMD3<Int16>, acc: SIMD3<Int16>) {
        self.gyr = gyr
        self.acc = acc
    }
}
