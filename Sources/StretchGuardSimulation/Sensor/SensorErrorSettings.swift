import StretchGuardCore

/// The imperfections a simulated IMU adds to the ideal signals.
///
/// Defaults (`typical`) are those of a consumer MEMS IMU on a 100 Hz bus: white noise, a constant bias per
/// axis plus a slow random-walk drift, a per-axis scale error, 16-bit samples at ±500 °/s and ±8 g, a
/// little timestamp jitter and an occasional lost sample.
public struct SensorErrorSettings: Sendable, Equatable {
    /// Gyroscope white noise, RMS per axis per sample, in rad/s.
    public var gyrNoise: Double
    /// Standard deviation of each gyroscope axis's constant bias (drawn once per render), in rad/s.
    public var gyrBias: Double
    /// Gyroscope bias random walk, in rad/s per √s.
    public var gyrDrift: Double
    /// Standard deviation of each gyroscope axis's scale error (drawn once), as a fraction (0.005 = 0.5 %).
    public var gyrScale: Double
    /// Gyroscope full-scale range, in rad/s: readings are 16-bit codes of `range / 32768`, saturating;
    /// nil for unquantised readings.
    public var gyrRange: Double?
    /// Accelerometer white noise, RMS per axis per sample, in m/s².
    public var accNoise: Double
    /// Standard deviation of each accelerometer axis's constant bias, in m/s².
    public var accBias: Double
    /// Accelerometer bias random walk, in m/s² per √s.
    public var accDrift: Double
    /// Standard deviation of each accelerometer axis's scale error, as a fraction.
    public var accScale: Double
    /// Accelerometer full-scale range, in m/s² (16-bit, saturating); nil for unquantised readings.
    public var accRange: Double?
    /// Sample-time jitter, RMS, in s: each sample is taken (and stamped) this far off its nominal time,
    /// limited to ±0.4 sample periods.
    public var jitter: Double
    /// Probability that a sample is lost (its row omitted), 0–1.
    public var dropRate: Double
    /// A fixed gyroscope bias added to the drawn one, per axis, in rad/s (default zero).
    public var gyrBiasOffset: Vector3D = .zero
    /// A linear change of the gyroscope bias, per axis, in rad/s per s (default zero): the bias at time t
    /// s is `offset + slope · t` on top of the drawn bias and its random walk.
    public var gyrBiasSlope: Vector3D = .zero
    /// A fixed accelerometer bias added to the drawn one, per axis, in m/s² (default zero).
    public var accBiasOffset: Vector3D = .zero
    /// Uniform sample-time jitter, half-width in s (default 0): each sample is taken up to this far either
    /// side of its nominal time, uniformly; when positive it replaces the Gaussian `jitter`.
    public var jitterSpan: Double = 0
    /// Stretches of time, in s, whose samples are all lost (bursts of consecutive missing rows).
    public var dropBursts: [ClosedRange<Double>] = []

    /// Settings with every value given, in the units documented on the properties.
    public init(gyrNoise: Double, gyrBias: Double, gyrDrift: Double, gyrScale: Double, gyrRange: Double?,
                accNoise: Double, accBias: Double, accDrift: Double, accScale: Double, accRange: Double?,
                jitter: Double, dropRate: Double) {
        self.gyrNoise = gyrNoise
        self.gyrBias = gyrBias
        self.gyrDrift = gyrDrift
        self.gyrScale = gyrScale
        self.gyrRange = gyrRange
        self.accNoise = accNoise
        self.accBias = accBias
        self.accDrift = accDrift
        self.accScale = accScale
        self.accRange = accRange
        self.jitter = jitter
        self.dropRate = dropRate
    }

    /// Codes per half range of a 16-bit reading: one step is `range / 32768`.
    public static let halfRangeCodes = 32768.0

    /// A consumer MEMS IMU: gyroscope 0.07 °/s noise, 0.5 °/s bias, 0.005 °/s/√s drift, 0.5 % scale,
    /// ±500 °/s; accelerometer 0.012 m/s² noise, 0.05 m/s² bias, 0.0005 m/s²/√s drift, 0.5 % scale, ±8 g;
    /// 0.2 ms jitter; 0.1 % dropped samples.
    public static let typical = SensorErrorSettings(
        gyrNoise: 0.07 * degree, gyrBias: 0.5 * degree, gyrDrift: 0.005 * degree, gyrScale: 0.005,
        gyrRange: 500 * degree, accNoise: 0.012, accBias: 0.05, accDrift: 0.0005, accScale: 0.005,
        accRange: 8 * standardGravity, jitter: 0.0002, dropRate: 0.001)

    /// A perfect sensor: no noise, bias, drift, scale error, quantisation, jitter or drops.
    public static let ideal = SensorErrorSettings(
        gyrNoise: 0, gyrBias: 0, gyrDrift: 0, gyrScale: 0, gyrRange: nil, accNoise: 0, accBias: 0,
        accDrift: 0, accScale: 0, accRange: nil, jitter: 0, dropRate: 0)

    /// One gyroscope reading step, in rad/s (nil when not quantised).
    public var gyrStep: Double? { gyrRange.map { $0 / Self.halfRangeCodes } }

    /// One accelerometer reading step, in m/s² (nil when not quantised).
    public var accStep: Double? { accRange.map { $0 / Self.halfRangeCodes } }
}
