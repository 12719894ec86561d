/// One IMU sample as the store keeps it: the time in whole microseconds and six signed 16-bit counts.
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

    /// A sample from its time and counts.
    ///
    /// - Parameters:
    ///   - time: monotonic time, in µs.
    ///   - gyr: angular rate counts (x, y, z).
    ///   - acc: specific force counts (x, y, z).
    public init(time: Int64, gyr: SIMD3<Int16>, acc: SIMD3<Int16>) {
        self.time = time
        self.gyr = gyr
        self.acc = acc
    }

    /// A zero sample at time 0 (fills buffers before use).
    public static let zero = RawSample(time: 0, gyr: .zero, acc: .zero)
}
