import RealModule

/// Expresses the sensor's orientation as the trunk's posture relative to the calibrated baseline, and lets
/// the baseline heading follow the wearer while they walk or turn on their feet.
///
/// A 6-axis filter cannot tell a torso twist from turning around on the feet: both are rotations about the
/// vertical. Turning the whole body needs steps, and steps shake the accelerometer; a torso twist on the
/// spot does not. So while the wearer is walking — at least `stepsForWalking` step impacts while upright,
/// the last one less than `walkTimeout` ago — the heading of the neutral posture follows the current
/// heading, and twist stays at zero. When the steps stop, the heading stays where the walk left it. A torso
/// twist on the spot (no steps) stays a twist; one started within `walkTimeout` of the last step is taken
/// for the end of the turn (one sensor cannot tell them apart; a pelvis sensor will).
public struct PostureTracker: Sendable {
    /// Tuning of walking detection and the heading follow.
    public struct Settings: Sendable, Equatable {
        /// Largest flexion or side bend that counts as upright, in rad. Default 20°.
        public var uprightTolerance: Double = 20 * degree
        /// Deviation of |specific force| from gravity that marks a step impact, in m/s². Default 1.5 m/s²
        /// (heel strikes read 2–6 m/s² on the upper back; a still or slowly moving trunk stays under 0.5).
        public var stepAccDeviation: Double = 1.5
        /// Shortest time between two counted steps, in s. Default 0.25 s.
        public var stepMinInterval: Double = 0.25
        /// Steps, each within `walkTimeout` of the previous, that make a walk. Default 2.
        public var stepsForWalking = 2
        /// Time after the last step at which a walk is over, in s. Default 1.5 s (a slow step takes ~1 s).
        public var walkTimeout: Double = 1.5

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// The neutral body-to-world orientation, heading included.
        public var neutral: QuaternionD
        /// Steps in the current run of steps (each within `walkTimeout` of the previous).
        public var steps = 0
        /// Time of the last counted step, in s.
        public var lastStepTime = -Double.infinity
        /// Whether the step detector is waiting for the force to come back below the threshold.
        public var stepLatched = false
        /// Whether the wearer is walking now (the heading follows).
        public var isWalking = false
        /// Whether a step impact came less than `walkTimeout` ago: perhaps the first step of a turn.
        public var isStepping: Bool { steps >= 1 }
        /// How many walks (heading follows) there have been.
        public var walks = 0
    }

    public let settings: Settings
    /// Sensor-to-body rotation.
    public let mounting: BodyMounting
    public private(set) var state: State
    /// |specific force|² outside which a sample is a step impact, in m²/s⁴.
    let stepBand: SquaredForceBand
    /// |specific force|² inside which the step detector re-arms, in m²/s⁴.
    let releaseBand: SquaredForceBand

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture; its heading is that of the filter at the baseline.
    ///   - neutralSensorOrientation: the filter's sensor-to-world orientation at the baseline (default:
    ///     the baseline's own, heading zero).
    public init(baseline: Baseline, neutralSensorOrientation: QuaternionD? = nil, settings: Settings = Settings()) {
        self.settings = settings
        mounting = baseline.mounting
        stepBand = SquaredForceBand(deviation: settings.stepAccDeviation)
        releaseBand = SquaredForceBand(deviation: settings.stepAccDeviation / 2)
        let sensor = neutralSensorOrientation ?? baseline.sensorOrientation
        state = State(neutral: sensor * baseline.mounting.sensorToBody.conjugate)
    }

    /// The posture for one sample.
    ///
    /// - Parameters:
    ///   - orientation: the filter's sensor-to-world orientation.
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    public mutating func update(orientation: QuaternionD, acc: Vector3D, time: Double) -> PostureAngles {
        update(orientation: orientation, times: .identity, acc: acc, time: time)
    }

    /// The posture for one sample, with the sensor-to-world orientation given as the product
    /// `world ⊗ sensor` of two rotations, as the orientation filter keeps it.
    ///
    /// The relative rotation `neutral⁻¹ ⊗ world ⊗ sensor ⊗ mounting⁻¹` is then grouped as
    /// `(neutral⁻¹ ⊗ world) ⊗ (sensor ⊗ mounting⁻¹)`: two products side by side and one after, instead of
    /// three in a row (the per-sample pipeline is bound by such chains, not by arithmetic).
    ///
    /// - Parameters:
    ///   - world: the left factor of the sensor-to-world orientation.
    ///   - sensor: the right factor.
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    public mutating func update(orientation world: QuaternionD, times sensor: QuaternionD, acc: Vector3D,
                                time: Double) -> PostureAngles {
        let sensorToBody = sensor * mounting.sensorToBody.conjugate
        let angles = PostureAngles(relativeRotation: (state.neutral.conjugate * world) * sensorToBody)
        let upright = abs(angles.flexion) <= settings.uprightTolerance
            && abs(angles.sideBend) <= settings.uprightTolerance
        countStep(acc: acc, time: time, upright: upright)

        let walking = state.steps >= settings.stepsForWalking
        if walking && !state.isWalking { state.walks += 1 }
        state.isWalking = walking
        guard walking && upright else { return angles }
        let body = world * sensorToBody
        followHeading(of: body)
        return PostureAngles(relativeRotation: state.neutral.conjugate * body)
    }

    /// Counts step impacts while upright: once per crossing of `stepAccDeviation`, no faster than a brisk
    /// walk; a pause longer than `walkTimeout` starts a new run.
    private mutating func countStep(acc: Vector3D, time: Double, upright: Bool) {
        if time - state.lastStepTime > settings.walkTimeout { state.steps = 0 }
        // |a| − g ≥ d compared as |a|² against (g ± d)²: no square root per sample.
        let squared = acc.squaredLength
        if squared >= stepBand.upper || squared <= stepBand.lower {
            if !state.stepLatched && upright && time - state.lastStepTime >= settings.stepMinInterval {
                state.steps += 1
                state.lastStepTime = time
            }
            state.stepLatched = true
        } else if squared < releaseBand.upper && squared > releaseBand.lower {
            state.stepLatched = false
        }
    }

    /// Turns the neutral orientation about the world vertical so that its heading matches `body`'s.
    private mutating func followHeading(of body: QuaternionD) {
        let delta = Self.heading(of: body) - Self.heading(of: state.neutral)
        state.neutral = (QuaternionD(axis: .unitZ, angle: delta) * state.neutral).normalized
    }

    /// The heading of a body-to-world orientation: the world-frame angle of its forward axis projected on
    /// the horizontal plane, in rad.
    static func heading(of body: QuaternionD) -> Double {
        let forward = body.rotate(.unitX)
        return Double.atan2(y: forward.y, x: forward.x)
    }
}

/// The squares of `g − deviation` and `g + deviation`, in m²/s⁴, to compare |a|² with instead of |a|
/// (`lower` is −1 when `g − deviation` is negative, so that no square falls below it).
struct SquaredForceBand: Sendable {
    let lower: Double
    let upper: Double

    /// - Parameter deviation: allowed |specific force| deviation from gravity, in m/s².
    init(deviation: Double) {
        let low = standardGravity - deviation
        lower = low >= 0 ? low * low : -1
        upper = (standardGravity + deviation) * (standardGravity + deviation)
    }
}
