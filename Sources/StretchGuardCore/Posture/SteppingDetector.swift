/// Tells stepping (walking, or turning round on the feet) from a torso movement on the spot by the trunk's
/// periodic vertical bob.
///
/// Every step lifts and lowers the trunk: a bob of ±0.7–2.5 cm at 1.5–2 steps/s is a vertical acceleration
/// of `(2π f)² A` ≈ 0.6–4 m/s², whether or not the heel strikes. A torso twist, a bend or a hold on the spot
/// moves the upper back about the spine or the hips, with next to no vertical acceleration at step cadence
/// while the trunk is upright. So the world-vertical specific force is band-passed around step cadence
/// (first-order high-pass at `lowCutoff`, first-order low-pass at `highCutoff`) and its swings past
/// `±threshold` are counted while upright and not tilting (a bounce in a bend also shakes the sensor at
/// step cadence, but by rotating it about a horizontal axis at tens of °/s; a step lifts the trunk without
/// turning it). Swings that alternate, each within `pairWindow` of the last:
/// - two (one bob, half a step) make stepping **likely** (`isStepping`): alerts wait, nothing else changes;
/// - three (a whole step) **confirm** it (`isConfirmed`): the heading may follow.
///
/// A lone jolt (a knock, a strap settling) makes at most a likely stepping that lapses `releaseTime` later;
/// it never re-zeroes anything. Both states last until `releaseTime` after the last swing of their kind.
public struct SteppingDetector: Sendable {
    /// Tuning; rate-independent.
    public struct Settings: Sendable, Equatable {
        /// Lower edge of the step-cadence band, in Hz. Default 1.2 Hz.
        public var lowCutoff: Double = 1.2
        /// Upper edge of the step-cadence band, in Hz. Default 2.5 Hz.
        public var highCutoff: Double = 2.5
        /// Band-passed vertical specific force that marks the top or bottom of a bob, in m/s². Default
        /// 0.15 m/s²: the gentlest shuffle (±0.7 cm at 1.5 steps/s, 0.62 m/s²) passes the first-order band
        /// at about 0.4 m/s², and still does so while it fades in over the first step, so a turn is known
        /// within half a step; a twist or a hold on the spot stays under 0.05.
        public var threshold: Double = 0.15
        /// Longest time between the top and the bottom of one bob, in s. Default 0.6 s (a step at 1.2 Hz
        /// has its top and bottom 0.42 s apart).
        public var pairWindow: Double = 0.6
        /// Time after the last bob at which stepping is over, in s. Default 0.8 s.
        public var releaseTime: Double = 0.8
        /// Largest spine tilt at which bobs count, in rad. Default 15°: people step upright.
        public var uprightTilt: Double = 15 * degree
        /// Largest low-passed angular speed about horizontal axes at which bobs count, in rad/s. Default
        /// 20 °/s RMS: gait sways the trunk at a few °/s; a 3° bounce at 1.5 Hz tilts it at 20–30 °/s.
        public var maxTiltRate: Double = 20 * degree
        /// Time constant of the tilt-rate low-pass, in s. Default 0.3 s.
        public var tiltRateTimeConstant: Double = 0.3

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// Slow part of the vertical specific force (the high-pass's low-pass), in m/s² (NaN before the
        /// first sample).
        public var slow: Double = .nan
        /// The band-passed vertical specific force, in m/s².
        public var band: Double = 0
        /// Low-passed squared angular speed about horizontal axes, in (rad/s)².
        public var squaredTiltRate: Double = 0
        /// Whether the band is past `+threshold` or past `−threshold` now.
        public var high = false, low = false
        /// The sign (+1, −1; 0 before any) and time, in s, of the last swing past the threshold.
        public var lastSwingSign: Double = 0, lastSwing = -Double.infinity
        /// Swings in the current alternating run.
        public var alternations = 0
        /// Times of the last swing that made stepping likely, and confirmed, in s.
        public var lastLikely = -Double.infinity, lastConfirmed = -Double.infinity
        /// Whether stepping is likely now (alerts wait), and confirmed (the heading may follow).
        public var isStepping = false, isConfirmed = false
        /// How many confirmed stepping episodes there have been.
        public var episodes = 0
    }

    public let settings: Settings
    public private(set) var state = State()
    /// The sample period the filter gains below are for, in s (0 before the first sample), and the gains
    /// of the high-pass, the low-pass and the tilt-rate low-pass (unitless): recomputed only when the
    /// period moves by more than 5 %, so no division runs per sample.
    private var gainPeriod: Double = 0
    private var highPassGain: Double = 0, lowPassGain: Double = 0, tiltRateGain: Double = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one sample; returns whether stepping is likely (`state.isConfirmed` says whether it is sure).
    ///
    /// - Parameters:
    ///   - verticalForce: specific force along the world vertical, in m/s² (about +9.81 when still).
    ///   - tilt: the spine's tilt from neutral, in rad.
    ///   - squaredTiltRate: the squared angular speed about horizontal axes, in (rad/s)².
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    @inline(__always)
    public mutating func update(verticalForce: Double, tilt: Double, squaredTiltRate: Double, time: Double,
                                dt: Double) -> Bool {
        if state.slow.isNaN { state.slow = verticalForce }
        if abs(dt - gainPeriod) > 0.05 * gainPeriod { setGains(period: dt) }
        state.slow += highPassGain * (verticalForce - state.slow)
        state.band += lowPassGain * (verticalForce - state.slow - state.band)
        state.squaredTiltRate += tiltRateGain * (squaredTiltRate - state.squaredTiltRate)
        let high = state.band >= settings.threshold, low = state.band <= -settings.threshold
        if tilt <= settings.uprightTilt && state.squaredTiltRate <= settings.maxTiltRate * settings.maxTiltRate {
            if high && !state.high { swing(sign: 1, at: time) }
            if low && !state.low { swing(sign: -1, at: time) }
        } else {
            state.alternations = 0
        }
        state.high = high
        state.low = low
        let confirmed = time - state.lastConfirmed <= settings.releaseTime
        if confirmed && !state.isConfirmed { state.episodes += 1 }
        state.isConfirmed = confirmed
        state.isStepping = confirmed || time - state.lastLikely <= settings.releaseTime
        return state.isStepping
    }

    /// Counts a swing past the threshold: it continues the alternating run when it has the other sign and
    /// comes within `pairWindow` of the last.
    private mutating func swing(sign: Double, at time: Double) {
        let alternates = state.lastSwingSign == -sign && time - state.lastSwing <= settings.pairWindow
        state.alternations = alternates ? state.alternations + 1 : 1
        state.lastSwingSign = sign
        state.lastSwing = time
        if state.alternations >= 2 { state.lastLikely = time }
        if state.alternations >= 3 { state.lastConfirmed = time }
    }

    /// The first-order filters' gains for a sample period of `period` s (backward-Euler sections).
    private mutating func setGains(period: Double) {
        gainPeriod = period
        let high = 2 * Double.pi * settings.lowCutoff * period
        let low = 2 * Double.pi * settings.highCutoff * period
        highPassGain = high / (1 + high)
        lowPassGain = low / (1 + low)
        tiltRateGain = min(1, period / settings.tiltRateTimeConstant)
    }
}
