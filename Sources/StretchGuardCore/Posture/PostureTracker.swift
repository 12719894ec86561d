import RealModule

/// Expresses the sensor's orientation as the trunk's posture relative to the neutral baseline, and keeps
/// that neutral honest over a session: any mounting, heading drift, turns on the feet.
///
/// - **Mounting.** The spine axis comes from the baseline; the forward axis from the calibration, else it
///   is learned from the first deep, slow bend (`ForwardAxisLearner`). Twist needs only the spine axis.
/// - **Heading drift.** The gyroscope bias left about the world vertical is estimated while the wearer is
///   quiet (`HeadingBiasEstimator`) and the neutral heading turns with it, so a long hold does not drift
///   into a twist.
/// - **Turns are not twists.** A 6-axis sensor cannot tell a torso twist from turning on the feet: both
///   rotate about the vertical. Steps can: the trunk bobs at step cadence (`SteppingDetector`). From the
///   first bob alerts wait; once a whole step confirms it, the twist is held at its value before the turn
///   began and the neutral heading follows the wearer, so when the steps stop the heading has been
///   re-zeroed to the way the wearer now faces. A twist on the spot makes no bob and stays a twist; a lone
///   jolt only delays its alert.
public struct PostureTracker: Sendable {
    /// Tuning of each part.
    public struct Settings: Sendable, Equatable {
        public var stepping = SteppingDetector.Settings()
        /// Whether steps are looked for at all (the pelvis's tracker does not: the thorax's tells).
        public var detectsSteps = true
        public var headingBias = HeadingBiasEstimator.Settings()
        public var forwardAxis = ForwardAxisLearner.Settings()

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// The neutral body-to-world orientation, heading included.
        public var neutral: QuaternionD
        /// The twist reported while stepping is confirmed, in rad: its value the last time the trunk was not
        /// turning about the vertical before stepping became likely (the turn itself is not twist).
        public var heldTwist: Double = 0
        /// The twist at the last sample whose vertical rate was under `steadyVerticalRate`, in rad.
        public var steadyTwist: Double = 0
        /// Heading turned into the neutral for the vertical bias and not yet applied, in rad.
        public var pendingHeading: Double = 0
        /// Whether the wearer is likely stepping now (alerts wait; once confirmed the heading follows and the
        /// twist is held).
        public var isStepping = false
        /// The rotation from the neutral body frame to the current one, in the neutral body frame (what the
        /// angles are read from), before any held twist.
        public var relative = QuaternionD.identity
    }

    public let settings: Settings
    /// Vertical rate under which the trunk counts as not turning, in rad/s: 10 °/s.
    static let steadyVerticalRate = 10 * degree
    /// Sensor-to-body rotation (the forward part may still be learned).
    public private(set) var mounting: BodyMounting
    public private(set) var state: State
    public private(set) var stepping: SteppingDetector
    public private(set) var headingBias: HeadingBiasEstimator
    public private(set) var forwardAxis: ForwardAxisLearner
    /// Whether confirmed stepping turns the neutral heading with the wearer and holds the twist (one
    /// sensor: a turn on the feet is not a twist). With a pelvis sensor the turn cancels in the spine's
    /// relative rotation, so the pipeline switches this off while the pelvis reports.
    public var followsTurns = true
    /// The whole body's turn since neutral, about the neutral vertical (a rotation about z, and its angle in
    /// rad): bends are decomposed, and the forward axis learned, relative to the way the body faces now.
    /// None with one sensor (the neutral heading follows the steps instead); with two, the pelvis's twist.
    public private(set) var facing = QuaternionD.identity
    public private(set) var facingAngle = 0.0
    /// Whether a deep bend may teach the forward axis now (with two sensors a bend counts as a forward
    /// bend only when the hips take part in it).
    public var forwardTeachingAllowed = true
    /// Body-to-sensor rotation, kept with `mounting`.
    private var bodyToSensor: QuaternionD

    /// - Parameters:
    ///   - baseline: the neutral posture; its heading is that of the filter at the baseline.
    ///   - neutralSensorOrientation: the filter's sensor-to-world orientation at the baseline (default:
    ///     the baseline's own, heading zero).
    ///   - settings: tuning.
    public init(baseline: Baseline, neutralSensorOrientation: QuaternionD? = nil, settings: Settings = Settings()) {
        self.settings = settings
        mounting = baseline.mounting
        bodyToSensor = baseline.mounting.sensorToBody.conjugate
        stepping = SteppingDetector(settings: settings.stepping)
        headingBias = HeadingBiasEstimator(settings: settings.headingBias)
        forwardAxis = ForwardAxisLearner(known: baseline.forwardAxisKnown, settings: settings.forwardAxis)
        let sensor = neutralSensorOrientation ?? baseline.sensorOrientation
        state = State(neutral: sensor * bodyToSensor)
    }

    /// The posture for one sample, with the sensor-to-world orientation given as the product
    /// `world ⊗ sensor` of two rotations, as the orientation filter keeps it.
    ///
    /// - Parameters:
    ///   - world: the left factor of the sensor-to-world orientation.
    ///   - sensor: the right factor.
    ///   - gyr: bias-corrected angular rate, in rad/s (sensor frame).
    ///   - acc: specific force, in m/s² (sensor frame).
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    @inline(__always)
    public mutating func update(orientation world: QuaternionD, times sensor: QuaternionD, gyr: Vector3D,
                                acc: Vector3D, time: Double, dt: Double) -> PostureAngles {
        let strapdownBody = sensor * bodyToSensor
        let relative = (state.neutral.conjugate * world) * strapdownBody
        state.relative = relative
        // Seen from the way the body faces: a turn and then a bend is a bend (its twist is added back).
        let seen = facingAngle == 0 ? relative : facing.conjugate * relative
        var angles = PostureAngles(relativeRotation: seen)
        if facingAngle != 0 { angles.twist = AngleWrap.principal(angles.twist + facingAngle) }

        // The world vertical in the sensor frame: the third row of the sensor-to-world rotation.
        let o = world * sensor
        let up = Vector3D(2 * (o.x * o.z - o.w * o.y), 2 * (o.y * o.z + o.w * o.x), 1 - 2 * (o.x * o.x + o.y * o.y))
        let squaredRate = gyr.squaredLength
        let verticalRate = up.dot(gyr)
        let wasStepping = state.isStepping
        state.isStepping = settings.detectsSteps && stepping.update(verticalForce: up.dot(acc), tilt: angles.tilt,
                                           squaredTiltRate: squaredRate - verticalRate * verticalRate,
                                           time: time, dt: dt)
        let bias = headingBias.update(squaredRate: squaredRate, verticalRate: verticalRate,
                                      stepping: state.isStepping, dt: dt)
        turnNeutralHeading(by: bias * dt)

        if (forwardAxis.isProvisional && forwardTeachingAllowed) || forwardAxis.state.learning {
            // The spine's direction in the neutral body frame turned to the facing: the third column.
            let r = seen
            let turn = forwardAxis.update(spineX: 2 * (r.x * r.z + r.w * r.y), spineY: 2 * (r.y * r.z - r.w * r.x),
                                          tilt: angles.tilt,
                                          squaredRate: squaredRate, time: time, dt: dt)
            if turn != 0 {
                turnForwardAxis(by: turn)
                // The body frame turned about the spine: the relative rotation is seen from the new frame.
                let spin = QuaternionD(axis: .unitZ, angle: turn)
                state.relative = spin.conjugate * state.relative * spin
            }
        }
        if forwardAxis.isProvisional { angles = forwardAxis.provisional(tilt: angles.tilt, twist: angles.twist) }

        if state.isStepping && !wasStepping { state.heldTwist = state.steadyTwist }
        if verticalRate * verticalRate < Self.steadyVerticalRate * Self.steadyVerticalRate && !state.isStepping {
            state.steadyTwist = angles.twist
        }
        guard followsTurns && stepping.state.isConfirmed else { return angles }
        followHeading(of: world * strapdownBody)
        angles.twist = state.heldTwist
        return angles
    }

    /// Whether the forward axis is still provisional (bends are reported as the profile's first bend).
    public var isForwardProvisional: Bool { forwardAxis.isProvisional }

    /// Turns the neutral heading by `angle` rad about the world vertical at once (+ counter-clockwise seen
    /// from above): the twist falls by `angle`. The two-sensor pipeline hands the pelvis's turn to the
    /// thorax this way when the pelvis stops reporting, so the twist carries on from the spinal twist.
    public mutating func turnHeading(by angle: Double) {
        state.neutral = (QuaternionD(axis: .unitZ, angle: angle) * state.neutral).normalized
    }

    /// Sets the whole body's turn since neutral (see `facing`): `turn` a unit rotation about z by `angle` rad.
    public mutating func face(_ turn: QuaternionD, angle: Double) {
        facing = turn
        facingAngle = angle
    }

    /// Sets the neutral heading to the one the trunk faces now (`body`: the body-to-world orientation):
    /// the twist restarts from zero.
    public mutating func rezeroHeading(facing body: QuaternionD) {
        followHeading(of: body)
    }

    /// Turns the neutral orientation about the world vertical by `angle` rad, in steps of at least 0.001
    /// rad so that the quaternion product runs rarely.
    @inline(__always)
    private mutating func turnNeutralHeading(by angle: Double) {
        state.pendingHeading += angle
        guard abs(state.pendingHeading) >= 1e-3 else { return }
        state.neutral = (QuaternionD(axis: .unitZ, angle: state.pendingHeading) * state.neutral).normalized
        state.pendingHeading = 0
    }

    /// Turns the body frame about the spine by `angle` rad (the forward axis moves toward the wearer's
    /// left for +): the mounting and the neutral change together, so the spine and the twist stay.
    private mutating func turnForwardAxis(by angle: Double) {
        let turn = QuaternionD(axis: .unitZ, angle: angle)
        mounting = BodyMounting(sensorToBody: (turn.conjugate * mounting.sensorToBody).normalized)
        bodyToSensor = mounting.sensorToBody.conjugate
        state.neutral = (state.neutral * turn).normalized
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
