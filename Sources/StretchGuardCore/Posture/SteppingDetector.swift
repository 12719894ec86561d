/// Tells stepping (walking, or turning round on the feet) from a torso movement on the spot by the trunk's
/// periodic vertical bob.
///
/// Every step lifts and lowers the trunk: a bob of ±0.7–2.5 cm at 1.5–2 steps/s is a vertical acceleration
/// of `(2π f)² A` ≈ 0.6–4 m/s², whether or not the heel strikes. A torso twist, a bend or a hold on the spot
/// moves the upper back about the spine or the hips, with next to no vertical acceleration at step cadence
/// while the trunk is upright. So the world-vertical specific force is band-passed around step cadence
/// (first-order high-pass at `lowCutoff`, first-order low-pass at `highCutoff`), and a bob is one swing
/// above `+threshold` and one below `−threshold` within `pairWindow`, while upright and not tilting: a
/// bounce in a bend also shakes the sensor at step cadence, but by rotating it about a horizontal axis (tens
/// of °/s), while a step lifts the trunk without turning it. The wearer is stepping from the first bob
/// until `releaseTime` after the last.
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
        /// Last times the band was above `+threshold` and below `−threshold`, in s.
        public var lastHigh = -Double.infinity, lastLow = -Double.infinity
        /// Time of the last bob, in s.
        public var lastBob = -Double.infinity
        /// Whether the wearer is stepping now.
        public var isStepping = false
        /// How many stepping episodes there have been.
        public var episodes = 0
    }

    public let settings: Settings
    public private(set) var state = State()

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one sample; returns whether the wearer is stepping.
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
        let highPass = 2 * Double.pi * settings.lowCutoff * dt
        let lowPass = 2 * Double.pi * settings.highCutoff * dt
        state.slow += highPass / (1 + highPass) * (verticalForce - state.slow)
        state.band += lowPass / (1 + lowPass) * (verticalForce - state.slow - state.band)
        state.squaredTiltRate += min(1, dt / settings.tiltRateTimeConstant) * (squaredTiltRate - state.squaredTiltRate)
        if tilt <= settings.uprightTilt && state.squaredTiltRate <= settings.maxTiltRate * settings.maxTiltRate {
            if state.band >= settings.threshold { state.lastHigh = time }
            if state.band <= -settings.threshold { state.lastLow = time }
            if time - state.lastHigh <= settings.pairWindow && time - state.lastLow <= settings.pairWindow {
                state.lastBob = time
            }
        }
        let stepping = time - state.lastBob <= settings.releaseTime
        if stepping && !state.isStepping { state.episodes += 1 }
        state.isStepping = stepping
        return stepping
    }
}
