/// Estimates the gyroscope bias left about the world vertical, which a 6-axis filter cannot see and which
/// turns straight into twist drift (0.25 °/s is 15° a minute).
///
/// Breathing, holding and bending rotate the trunk about horizontal axes only, so while the wearer is
/// quiet the angular rate along the world vertical is that residual bias plus noise: a cheap scalar
/// observation. It is taken only when the whole rate is small (low-passed |ω| under `quietRate` for
/// `settleTime`, not stepping) and the vertical rate itself is under `maxVerticalRate`, so a real twist,
/// even a slow one, does not count; the estimate follows the observations with time constant
/// `timeConstant` and never exceeds `clip`. The caller turns the neutral heading by the estimate × dt.
public struct HeadingBiasEstimator: Sendable {
    /// Tuning; rate-independent.
    public struct Settings: Sendable, Equatable {
        /// Largest low-passed angular speed that counts as quiet, in rad/s. Default 5 °/s (breathing and
        /// postural sway stay under it).
        public var quietRate: Double = 5 * degree
        /// Time constant of the angular-speed low-pass, in s. Default 0.3 s.
        public var rateTimeConstant: Double = 0.3
        /// How long the wearer must have been quiet before samples count, in s. Default 0.5 s.
        public var settleTime: Double = 0.5
        /// Largest vertical rate a sample may show to count, in rad/s. Default 1 °/s: above any bias left
        /// after the baseline, below any deliberate twist.
        public var maxVerticalRate: Double = 1 * degree
        /// Time constant with which the estimate follows, in s. Default 2 s: a bias step of 0.25 °/s
        /// leaves about 0.6° of twist behind.
        public var timeConstant: Double = 2
        /// Largest estimate, in rad/s. Default 1 °/s.
        public var clip: Double = 1 * degree

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// Low-passed squared angular speed, in (rad/s)².
        public var squaredRate: Double = 0
        /// How long the wearer has been quiet, in s.
        public var quietTime: Double = 0
        /// The vertical bias estimate, in rad/s (+ = the filter's heading drifts counter-clockwise).
        public var bias: Double = 0
        /// Time that counted as an observation so far, in s.
        public var observedTime: Double = 0
    }

    public let settings: Settings
    public private(set) var state = State()
    /// 1 / `rateTimeConstant` and 1 / `timeConstant`, in 1/s.
    private let inverseRateTimeConstant: Double, inverseTimeConstant: Double

    public init(settings: Settings = Settings()) {
        self.settings = settings
        inverseRateTimeConstant = 1 / settings.rateTimeConstant
        inverseTimeConstant = 1 / settings.timeConstant
    }

    /// Feeds one sample; returns the estimate, in rad/s.
    ///
    /// - Parameters:
    ///   - squaredRate: the bias-corrected angular speed squared, in (rad/s)².
    ///   - verticalRate: the bias-corrected angular rate along the world vertical, in rad/s.
    ///   - stepping: whether the wearer is stepping (turning on the feet is a real vertical rotation).
    ///   - dt: the sample's period, in s.
    @inline(__always)
    public mutating func update(squaredRate: Double, verticalRate: Double, stepping: Bool, dt: Double) -> Double {
        state.squaredRate += min(1, dt * inverseRateTimeConstant) * (squaredRate - state.squaredRate)
        if state.squaredRate <= settings.quietRate * settings.quietRate && !stepping {
            state.quietTime += dt
        } else {
            state.quietTime = 0
        }
        guard state.quietTime >= settings.settleTime, abs(verticalRate) <= settings.maxVerticalRate else {
            return state.bias
        }
        let gain = min(1, dt * inverseTimeConstant)
        state.bias = min(max(state.bias + gain * (verticalRate - state.bias), -settings.clip), settings.clip)
        state.observedTime += dt
        return state.bias
    }
}
