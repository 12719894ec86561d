import StretchGuardCore

/// What a chip was actually set to by ``IMUDriver/configure(_:)``, and the scale factors that turn its raw
/// counts into SI units.
public struct IMUConfiguration: Hashable, Sendable {
    /// The chip's nominal output data rate, in Hz (the supported rate nearest to the one asked for).
    public var outputDataRate: Double
    /// The gyroscope's full-scale range.
    public var gyrRange: GyrRange
    /// The accelerometer's full-scale range.
    public var accRange: AccRange
    /// The gyroscope's low-pass −3 dB bandwidth, in Hz; nil when the chip's default (tied to its output data
    /// rate) is left in place.
    public var gyrLowPassBandwidth: Double?
    /// The accelerometer's low-pass −3 dB bandwidth, in Hz; nil when the chip's default is left in place.
    public var accLowPassBandwidth: Double?
    /// Angular rate per raw count, in rad/s (from the datasheet's sensitivity for `gyrRange`).
    public var gyrScale: Double
    /// Specific force per raw count, in m/s² (from the datasheet's sensitivity for `accRange`).
    public var accScale: Double

    public init(outputDataRate: Double, gyrRange: GyrRange, accRange: AccRange, gyrLowPassBandwidth: Double?,
                accLowPassBandwidth: Double?, gyrScale: Double, accScale: Double) {
        self.outputDataRate = outputDataRate
        self.gyrRange = gyrRange
        self.accRange = accRange
        self.gyrLowPassBandwidth = gyrLowPassBandwidth
        self.accLowPassBandwidth = accLowPassBandwidth
        self.gyrScale = gyrScale
        self.accScale = accScale
    }

    /// The nominal time between samples, in s.
    public var samplePeriod: Double { 1 / outputDataRate }

    /// Converts raw counts to a sample in rad/s and m/s².
    ///
    /// - Parameters:
    ///   - raw: the chip's counts, already in the sensor frame's axis order.
    ///   - time: the sample's monotonic time, in s.
    @inline(__always)
    public func sample(from raw: RawIMUCounts, time: Double) -> IMUSample {
        IMUSample(time: time,
                  gyr: Vector3D(Double(raw.gyr.x), Double(raw.gyr.y), Double(raw.gyr.z)) * gyrScale,
                  acc: Vector3D(Double(raw.acc.x), Double(raw.acc.y), Double(raw.acc.z)) * accScale)
    }

    /// A configuration for a chip whose sensitivities are given per count.
    ///
    /// - Parameters:
    ///   - degreesPerSecondPerCount: the gyroscope's sensitivity, in (°/s)/LSB.
    ///   - gravitiesPerCount: the accelerometer's sensitivity, in g/LSB.
    static func scaled(outputDataRate: Double, gyrRange: GyrRange, accRange: AccRange,
                       gyrLowPassBandwidth: Double?, accLowPassBandwidth: Double?,
                       degreesPerSecondPerCount: Double, gravitiesPerCount: Double) -> IMUConfiguration {
        IMUConfiguration(outputDataRate: outputDataRate, gyrRange: gyrRange, accRange: accRange,
                         gyrLowPassBandwidth: gyrLowPassBandwidth, accLowPassBandwidth: accLowPassBandwidth,
                         gyrScale: degreesPerSecondPerCount * .pi / 180,
                         accScale: gravitiesPerCount * standardGravity)
    }
}
