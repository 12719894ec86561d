/// Which way the first deep bend of an exercise goes: what teaches the forward axis when no calibration
/// gave it.
public enum FirstBend: String, Sendable, Equatable, CaseIterable {
    /// A forward bend (most exercises: hamstring stretches, toe touches).
    case forward
    /// A backward bend (McKenzie extension).
    case backward = "backward"
    /// A side bend to either side: fixes the left–right axis; front and back stay a guess.
    case side
    /// Nothing: the forward axis stays provisional until a calibration gives it.
    case none
}

/// Learns the forward axis from the first deep, slow bend when no calibration gave it.
///
/// The spine axis is measured at the baseline (gravity), but which way is forward is not: it takes a bend.
/// Until then the forward axis is provisional and the tracker reports every bend as the profile's first
/// bend (`FirstBend`), so a forward-bend hold is timed before the axis is known. The first time the spine
/// tilts beyond `learnTilt` while moving slower than `slowRate`, the bend's direction becomes the first
/// bend's direction; while that bend lasts (deep and slow) the direction is averaged, then it is fixed.
/// Twist needs only the spine axis and is right all along.
public struct ForwardAxisLearner: Sendable {
    /// Tuning.
    public struct Settings: Sendable, Equatable {
        /// The bend that teaches the axis. Default `.forward`.
        public var firstBend: FirstBend = .forward
        /// Smallest tilt that counts as a deep bend, in rad. Default 35°: deeper than most people bend
        /// sideways or backwards, shallower than any forward stretch.
        public var learnTilt: Double = 35 * degree
        /// Largest low-passed angular speed of a slow bend, in rad/s. Default 20 °/s.
        public var slowRate: Double = 20 * degree
        /// Time constant of the angular-speed low-pass, in s. Default 0.3 s.
        public var rateTimeConstant: Double = 0.3

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// Whether the forward axis is known (from the calibration, or learned and fixed).
        public var known: Bool
        /// Whether the teaching bend is under way (the axis is being averaged).
        public var learning = false
        /// Sum of the bend's unit directions in the body frame of the bend's start (x, y).
        public var sumX: Double = 0, sumY: Double = 0
        /// The rotation about the spine applied so far during the teaching bend, in rad.
        public var applied: Double = 0
        /// Low-passed squared angular speed, in (rad/s)².
        public var squaredRate: Double = 0
        /// When the axis was learned, in s (NaN until then or when it came from a calibration).
        public var learnedAt: Double = .nan
    }

    public let settings: Settings
    public private(set) var state: State

    /// - Parameters:
    ///   - known: whether the forward axis is already known.
    public init(known: Bool, settings: Settings = Settings()) {
        self.settings = settings
        state = State(known: known)
    }

    /// Whether bends are still reported provisionally.
    public var isProvisional: Bool { !state.known }

    /// Feeds one sample; returns the turn about the spine, in rad, by which the body frame must turn now
    /// (0 almost always).
    ///
    /// - Parameters:
    ///   - spineX: the spine direction's forward component in the current body frame (sin of the bend
    ///     toward +x).
    ///   - spineY: its left component.
    ///   - tilt: the spine's tilt from neutral, in rad.
    ///   - squaredRate: the bias-corrected angular speed squared, in (rad/s)².
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    @inline(__always)
    public mutating func update(spineX: Double, spineY: Double, tilt: Double, squaredRate: Double,
                                time: Double, dt: Double) -> Double {
        guard (!state.known || state.learning) && settings.firstBend != .none else { return 0 }
        state.squaredRate += min(1, dt / settings.rateTimeConstant) * (squaredRate - state.squaredRate)
        let deepAndSlow = tilt >= settings.learnTilt && state.squaredRate <= settings.slowRate * settings.slowRate
        if state.learning && !deepAndSlow {
            state.learning = false
            return 0
        }
        guard deepAndSlow else { return 0 }
        if !state.learning {
            state.learning = true
            state.known = true
            state.learnedAt = time
            state.applied = 0
            state.sumX = 0
            state.sumY = 0
        }
        // The direction in the frame of the bend's start: undo the turn applied so far.
        let length = (spineX * spineX + spineY * spineY).squareRoot()
        guard length > 0 else { return 0 }
        let c = Double.cos(state.applied), s = Double.sin(state.applied)
        let x = spineX / length, y = spineY / length
        state.sumX += c * x - s * y
        state.sumY += s * x + c * y
        let target = Self.forwardAngle(bendX: state.sumX, bendY: state.sumY, firstBend: settings.firstBend)
        let turn = target - state.applied
        state.applied = target
        return turn
    }

    /// The angle about the spine of the forward axis, in rad, given the mean bend direction (x, y) of the
    /// teaching bend in the body frame of its start.
    static func forwardAngle(bendX: Double, bendY: Double, firstBend: FirstBend) -> Double {
        switch firstBend {
        case .forward, .none:
            return Double.atan2(y: bendY, x: bendX)
        case .backward:
            return Double.atan2(y: -bendY, x: -bendX)
        case .side:
            // Forward is across the bend; of the two choices, the one nearer the provisional forward.
            let (fx, fy) = bendY >= 0 ? (bendY, -bendX) : (-bendY, bendX)
            return Double.atan2(y: fy, x: fx)
        }
    }

    /// The provisional posture: every bend reported as the first bend, in rad.
    ///
    /// - Parameters:
    ///   - tilt: the spine's tilt, in rad.
    ///   - twist: the twist, in rad (unchanged).
    public func provisional(tilt: Double, twist: Double) -> PostureAngles {
        switch settings.firstBend {
        case .forward, .none: return PostureAngles(flexion: tilt, sideBend: 0, twist: twist, tilt: tilt)
        case .backward: return PostureAngles(flexion: -tilt, sideBend: 0, twist: twist, tilt: tilt)
        case .side: return PostureAngles(flexion: 0, sideBend: tilt, twist: twist, tilt: tilt)
        }
    }
}
