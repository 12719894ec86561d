/// What a body-worn IMU can physically report, and what a still sensor's calibration can hold: the one
/// place every boundary (a trace's cells, a calibration file, a chip's sample, a database row) checks
/// numbers from outside against.
///
/// The limits are generous on purpose — a value beyond them is not a fast movement but a broken file,
/// a unit error or a fault.
public enum IMUSampleLimits {
    /// The largest angular rate on any axis, in rad/s (4,000 °/s: twice the widest gyro range, ±2,000 °/s).
    public static let angularRate = 4000.0 * degree
    /// The largest specific force on any axis, in m/s² (32 g: twice the widest accelerometer range, ±16 g).
    public static let specificForce = 32 * standardGravity
    /// The largest gyro bias a calibration may hold, in rad/s (20 °/s: ten times a consumer MEMS gyro's
    /// worst zero-rate offset).
    public static let gyroBias = 20 * degree
    /// The gravity a calibration's still pose may measure, in m/s² (±15 % of 9.81: scale errors and the
    /// accelerometer's offset, never an unscaled or zero reading).
    public static let gravity = 8.3...11.3

    /// Whether `sample`'s rate and force are finite and within the limits on every axis.
    @inlinable
    public static func contains(_ sample: IMUSample) -> Bool {
        sample.time.isFinite
            && abs(sample.gyr.x) <= angularRate && abs(sample.gyr.y) <= angularRate && abs(sample.gyr.z) <= angularRate
            && abs(sample.acc.x) <= specificForce && abs(sample.acc.y) <= specificForce && abs(sample.acc.z) <= specificForce
    }
}
