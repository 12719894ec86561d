import RealModule

/// The log dimensionless jerk (LDLJ) smoothness of one movement, from velocity or from acceleration.
///
/// Velocity form (LDLJ-V; Balasubramanian et al., J NeuroEng Rehabil 2015, "On the analysis of movement
/// smoothness", after Hogan & Sternad 2009):
///
///     LDLJ-V = −ln( (T³ / v_peak²) · ∫₀^T |d²v/dt²|² dt ),   v_peak = max |v(t)|
///
/// Acceleration form for inertial sensors (LDLJ-A; Melendez-Calderon, Shirota, Balasubramanian, "Estimating
/// movement smoothness from inertial measurement units", Front. Bioeng. Biotechnol. 8:558771, 2021):
///
///     LDLJ-A = −ln( (T / a_peak²) · ∫₀^T |da/dt|² dt ),      a_peak = max |a(t)|,
///
/// with the acceleration's mean over the movement subtracted first (removes gravity and any constant
/// offset). Both are dimensionless: scaling the amplitude or the duration leaves them unchanged. Higher
/// (less negative) is smoother; a minimum-jerk movement scores −ln 204.8 ≈ −5.322 (LDLJ-V) and
/// −ln 21.6 ≈ −3.073 (LDLJ-A). The two forms are on different scales and must not be compared.
///
/// Normalisation implemented, for `N` samples at `fs` Hz (h = 1/fs):
/// - `T = (N − 1)/fs`, the time from the first to the last sample (the reference code uses `N/fs`);
/// - `v_peak`, `a_peak`: the largest Euclidean length among the samples (after mean removal for LDLJ-A);
/// - vector inputs use the jerk *vector*'s squared length `|j|²` (the paper's "jerk magnitude"), not the
///   derivative of the speed;
/// - derivatives by finite differences at the sample rate, second-order accurate at every sample including
///   both ends (central differences inside, one-sided three/four-point formulas at the ends), and the
///   integral by the trapezoidal rule over all N samples. The reference code instead uses plain
///   differences and a rectangle sum over T = N/fs, whose error shrinks only as 1/N: for a minimum-jerk
///   movement sampled with N = 101 points it gives −5.302 (LDLJ-V) where this gives −5.3229 and the exact
///   value is −5.3220 (error ≈ 9/N² here).
///
/// Input that yields no finite value returns nil (never traps): too few samples, a non-finite sample, a
/// non-finite or non-positive sample rate, a zero peak (no movement), or a zero jerk integral (a perfectly
/// constant velocity or acceleration, whose LDLJ would be +∞).
public enum LogDimensionlessJerk {
    /// The fewest samples LDLJ-V accepts (its second derivative needs 4).
    public static let minimumVelocitySampleCount = 4
    /// The fewest samples LDLJ-A accepts (its first derivative needs 3).
    public static let minimumAccelerationSampleCount = 3

    /// LDLJ-V of a velocity profile (vector).
    ///
    /// - Parameters:
    ///   - velocity: velocity samples, e.g. in m/s (any consistent unit: the result is dimensionless).
    ///   - sampleRate: fs, in Hz.
    /// - Returns: LDLJ-V (dimensionless), or nil as described on the type.
    public static func ofVelocity(_ velocity: [Vector3D], sampleRate: Double) -> Double? {
        guard velocity.count >= minimumVelocitySampleCount,
              SampledCalculus.isValidSampleRate(sampleRate),
              SampledCalculus.allFinite(velocity)
        else { return nil }
        let peak = SampledCalculus.peakLength(velocity)
        let jerk = SampledCalculus.secondDerivative(velocity, sampleRate: sampleRate)
        let integral = SampledCalculus.integralOfSquaredLength(jerk, sampleRate: sampleRate)
        let duration = Double(velocity.count - 1) / sampleRate
        // T³/v_peak² · ∫ evaluated as (T/v_peak)² · T · ∫ to keep intermediates in range.
        let ratio = duration / peak
        return negativeLog(ratio * ratio * duration * integral)
    }

    /// LDLJ-V of a scalar velocity or speed profile (e.g. m/s): the vector form with one axis.
    ///
    /// - Parameters:
    ///   - velocity: velocity (signed) or speed samples, in any consistent unit.
    ///   - sampleRate: fs, in Hz.
    /// - Returns: LDLJ-V (dimensionless), or nil as described on the type.
    public static func ofVelocity(_ velocity: [Double], sampleRate: Double) -> Double? {
        ofVelocity(velocity.map { Vector3D($0, 0, 0) }, sampleRate: sampleRate)
    }

    /// LDLJ-V of a rotation, from gyroscope samples ω in rad/s: the angular jerk is d²ω/dt².
    ///
    /// The derivative is taken of ω as measured, in the sensor's frame. Its first derivative equals the
    /// world-frame angular acceleration α (expressed in the sensor frame); the second differs from the
    /// world-frame angular jerk by ω × α, which vanishes for rotation about a fixed axis and is small for
    /// slow stretches. The result does not depend on how the sensor is mounted (a constant rotation of the
    /// axes leaves every length unchanged).
    ///
    /// - Parameters:
    ///   - angularVelocity: gyroscope samples, in rad/s (bias-corrected).
    ///   - sampleRate: fs, in Hz.
    /// - Returns: LDLJ-V (dimensionless), or nil as described on the type.
    public static func ofAngularVelocity(_ angularVelocity: [Vector3D], sampleRate: Double) -> Double? {
        ofVelocity(angularVelocity, sampleRate: sampleRate)
    }

    /// LDLJ-A of an acceleration profile (vector), e.g. raw accelerometer samples.
    ///
    /// The mean over the samples is subtracted first, which removes gravity exactly only while the sensor's
    /// orientation is constant: when the sensor tilts during the movement, the part of gravity that
    /// changes with the tilt stays in the signal (a known limitation of LDLJ-A from a body-fixed
    /// accelerometer; pass a gravity-free acceleration when one is available).
    ///
    /// - Parameters:
    ///   - acceleration: acceleration samples, in m/s² (any consistent unit: the result is dimensionless).
    ///   - sampleRate: fs, in Hz.
    /// - Returns: LDLJ-A (dimensionless), or nil as described on the type.
    public static func ofAcceleration(_ acceleration: [Vector3D], sampleRate: Double) -> Double? {
        guard acceleration.count >= minimumAccelerationSampleCount,
              SampledCalculus.isValidSampleRate(sampleRate),
              SampledCalculus.allFinite(acceleration)
        else { return nil }
        let mean = SampledCalculus.mean(acceleration)
        let centred = acceleration.map { $0 - mean }
        let peak = SampledCalculus.peakLength(centred)
        let jerk = SampledCalculus.firstDerivative(centred, sampleRate: sampleRate)
        let integral = SampledCalculus.integralOfSquaredLength(jerk, sampleRate: sampleRate)
        let duration = Double(acceleration.count - 1) / sampleRate
        return negativeLog(duration / (peak * peak) * integral)
    }

    /// LDLJ-A of a scalar acceleration profile (e.g. m/s², mean removed first): the vector form with one axis.
    ///
    /// - Parameters:
    ///   - acceleration: acceleration samples, in any consistent unit.
    ///   - sampleRate: fs, in Hz.
    /// - Returns: LDLJ-A (dimensionless), or nil as described on the type.
    public static func ofAcceleration(_ acceleration: [Double], sampleRate: Double) -> Double? {
        ofAcceleration(acceleration.map { Vector3D($0, 0, 0) }, sampleRate: sampleRate)
    }

    /// `−ln(x)` for a finite `x > 0`, else nil (zero peak → ∞ or NaN; zero jerk → 0).
    private static func negativeLog(_ dimensionlessJerk: Double) -> Double? {
        guard dimensionlessJerk.isFinite, dimensionlessJerk > 0 else { return nil }
        return -Double.log(dimensionlessJerk)
    }
}
