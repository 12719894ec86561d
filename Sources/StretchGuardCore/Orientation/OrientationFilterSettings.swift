import RealModule

/// User-tunable, sample-rate-independent settings of `OrientationFilter`.
///
/// The defaults are one set for every recording (no per-trial tuning); they follow the structure of VQF
/// (Laidig & Seel, Information Fusion 2023): gyroscope strapdown integration, accelerometer low-pass
/// filtered in an almost-inertial frame for inclination, and a Kalman-filter gyroscope bias estimate that
/// runs both at rest and during motion.
public struct OrientationFilterSettings: Sendable, Equatable {
    /// Time constant of the accelerometer low-pass filter, in s: larger trusts the gyroscope longer and
    /// rejects linear acceleration (bouncing, walking) better. Default 3 s.
    public var accTimeConstant: Double = 3.0

    /// Whether to estimate gyroscope bias while the sensor is at rest. Default on.
    public var restBiasEstimation = true
    /// Whether to estimate the horizontal gyroscope bias components during motion. Default on.
    public var motionBiasEstimation = true

    /// Standard deviation of the initial bias estimate, in rad/s. Default 0.5 °/s.
    public var biasSigmaInit: Double = 0.5 * degree
    /// Time after which the bias estimate has forgotten old information, in s: how quickly it may follow a
    /// drifting bias (temperature). Default 100 s.
    public var biasForgettingTime: Double = 100
    /// Largest bias (and largest single disagreement) the estimate accepts, in rad/s. Default 2 °/s.
    public var biasClip: Double = 2 * degree
    /// Standard deviation of the motion-phase bias measurement, in rad/s. Default 0.1 °/s.
    public var biasSigmaMotion: Double = 0.1 * degree
    /// How much weaker the vertical (heading) bias component is observed during motion than the horizontal
    /// ones (unitless, > 0). Default 1e-4: hardly at all, since a 6-axis filter cannot see heading.
    public var biasVerticalForgettingFactor: Double = 1e-4
    /// Standard deviation of the rest-phase bias measurement, in rad/s. Default 0.03 °/s.
    public var biasSigmaRest: Double = 0.03 * degree

    /// How often the gyroscope bias estimate is updated, in s: samples are gathered into blocks this long
    /// (at least one sample). Default 0.2 s (5 Hz): a hundred times faster than the bias changes (tens of
    /// seconds) and fifteen times shorter than the 3 s low-pass the motion measurement is compared with. On
    /// BROAD every period from 0.02 s to 0.2 s scores within 0.002° and 0.002 °/min of each other; the
    /// block's Kalman update costs about 8 ns per sample at 0.04 s and under 2 ns at 0.2 s.
    public var biasUpdatePeriod: Double = 0.2

    /// Time the sensor must be still before rest is declared, in s. Default 1.5 s.
    public var restMinDuration: Double = 1.5
    /// Time constant of the rest detector's low-pass filters, in s. Default 0.5 s.
    public var restFilterTimeConstant: Double = 0.5
    /// Largest gyroscope deviation from its low-passed value at rest, in rad/s. Default 2 °/s.
    public var restGyrThreshold: Double = 2 * degree
    /// Largest accelerometer deviation from its low-passed value at rest, in m/s². Default 0.5 m/s².
    public var restAccThreshold: Double = 0.5

    /// Longest gap between samples that is integrated as one step, in s; a longer gap (a dropped stretch of
    /// data) is integrated with the next sample's rate over this duration only. Default 0.5 s.
    public var maxSamplePeriod: Double = 0.5

    public init() {}

    /// The default settings.
    public static let `default` = OrientationFilterSettings()
}

/// One degree, in rad.
public let degree = Double.pi / 180
