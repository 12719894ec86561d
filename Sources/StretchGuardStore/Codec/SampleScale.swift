/// The size of one count of each sensor, stored with each session so that raw counts turn back into SI
/// units exactly and deterministically.
public struct SampleScale: Hashable, Sendable, Codable {
    /// Angular rate per gyroscope count, in rad/s.
    public var gyr: Double
    /// Specific force per accelerometer count, in m/s².
    public var acc: Double

    /// A scale from the size of one count.
    ///
    /// Pass the chip's own sensitivity (the driver's `IMUConfiguration.gyrScale` and `accScale`): then the
    /// counts stored are the chip's counts, and quantising a driver sample changes nothing but its time.
    ///
    /// - Parameters:
    ///   - gyr: angular rate per count, in rad/s (> 0).
    ///   - acc: specific force per count, in m/s² (> 0).
    public init(gyr: Double, acc: Double) {
        precondition(gyr > 0 && gyr.isFinite && acc > 0 && acc.isFinite, "SampleScale: counts must have a positive finite size")
        self.gyr = gyr
        self.acc = acc
    }

    /// The scale that spreads each full-scale range over ±32767 counts.
    ///
    /// - Parameters:
    ///   - gyrFullScale: the largest angular rate to keep, in rad/s.
    ///   - accFullScale: the largest specific force to keep, in m/s².
    public init(gyrFullScale: Double, accFullScale: Double) {
        self.init(gyr: gyrFullScale / Double(SampleCodec.largestCount),
                  acc: accFullScale / Double(SampleCodec.largestCount))
    }

    /// For samples whose chip is unknown (simulations, imported traces): ±2000 °/s (about 0.061 °/s per
    /// count) and ±16 g (about 4.8 mm/s² per count), the widest ranges of common IMUs.
    public static let wideRange = SampleScale(gyrFullScale: 2000 * Double.pi / 180, accFullScale: 16 * 9.80665)
}
