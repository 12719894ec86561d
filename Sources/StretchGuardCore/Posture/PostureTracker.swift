import RealModule

/// Expresses the sensor's orientation as the trunk's posture relative to the calibrated baseline, and
/// re-zeroes the baseline heading after the wearer has turned the whole body.
///
/// A 6-axis filter cannot tell a torso twist from turning around on the feet: both are rotations about the
/// vertical. Turning the whole body needs steps, and steps shake the accelerometer; a torso twist on the
/// spot does not. So when the wearer has taken steps while upright, then stands upright and still again for
/// `settleDuration`, the heading of the baseline is moved to the current heading. A torso twist while
/// standing (no steps) stays a twist.
public struct PostureTracker: Sendable {
    /// Tuning of the heading re-zero.
    public struct Settings: Sendable, Equatable {
        /// How long the wearer must stand upright and still before the heading re-zeroes, in s. Default 1 s.
        public var settleDuration: Double = 1.0
        /// Largest flexion or side bend that counts as upright, in rad. Default 20°.
        public var uprightTolerance: Double = 20 * degree
        /// Largest angular rate that counts as still, in rad/s. Default 15 °/s.
        public var stillRate: Double = 15 * degree
        /// Largest deviation of |specific force| from gravity that counts as still, in m/s². Default 1 m/s².
        public var stillAccDeviation: Double = 1.0
        /// Deviation of |specific force| from gravity that marks a step impact, in m/s². Default 2 m/s².
        public var stepAccDeviation: Double = 2.0
        /// Shortest time between two counted steps, in s. Default 0.25 s.
        public var stepMinInterval: Double = 0.25
        /// Steps needed before a settle re-zeroes the heading. Default 2.
        public var stepsForTurn = 2

        public init() {}
    }

    /// Per-sample state, readable for diagnostics.
    public struct State: Sendable, Equatable {
        /// The neutral body-to-world orientation, heading included.
        public var neutral: QuaternionD
        /// Steps counted since the wearer last settled.
        public var steps = 0
        /// Time of the last counted step, in s.
        public var lastStepTime = -Double.infinity
        /// Whether the step detector is waiting for the force to come back below the threshold.
        public var stepLatched = false
        /// How long the wearer has been upright and still, in s.
        public var settledTime: Double = 0
        /// How many times the heading has been re-zeroed.
        public var headingResets = 0
    }

    public let settings: Settings
    /// Sensor-to-body rotation.
    public let mounting: BodyMounting
    public private(set) var state: State

    /// - Parameters:
    ///   - baseline: the calibrated neutral posture; its heading is that of the filter at the baseline.
    ///   - neutralSensorOrientation: the filter's sensor-to-world orientation at the baseline (default:
    ///     the baseline's own, heading zero).
    public init(baseline: Baseline, neutralSensorOrientation: QuaternionD? = nil, settings: Settings = Settings()) {
        self.settings = settings
        mounting = baseline.mounting
        let sensor = neutralSensorOrientation ?? baseline.sensorOrientation
        state = State(neutral: sensor * baseline.mounting.sensorToBody.conjugate)
    }

    /// The posture for one sample.
    ///
    /// - Parameters:
    ///   - orientation: the filter's sensor-to-world orientation.
    ///   - gyr: bias-corrected angular rate, in rad/s.
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    ///   - dt: its sample period, in s.
    public mutating func update(orientation: QuaternionD, gyr: Vector3D, acc: Vector3D, time: Double,
                                dt: Double) -> PostureAngles {
        update(orientation: orientation, times: .identity, gyr: gyr, acc: acc, time: time, dt: dt)
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
    ///   - gyr: bias-corrected angular rate, in rad/s.
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    ///   - dt: its sample period, in s.
    public mutating func update(orientation world: QuaternionD, times sensor: QuaternionD, gyr: Vector3D,
                                acc: Vector3D, time: Double, dt: Double) -> PostureAngles {
        let sensorToBody = sensor * mounting.sensorToBody.conjugate
        let angles = PostureAngles(relativeRotation: (state.neutral.conjugate * world) * sensorToBody)
        let upright = abs(angles.flexion) <= settings.uprightTolerance
            && abs(angles.sideBend) <= settings.uprightTolerance
        let accDeviation = abs(acc.length - standardGravity)

        // Steps: impacts while upright, counted once per crossing and no faster than a brisk walk.
        if accDeviation >= settings.stepAccDeviation {
            if !state.stepLatched && upright && time - state.lastStepTime >= settings.stepMinInterval {
                state.steps += 1
                state.lastStepTime = time
            }
            state.stepLatched = true
        } else if accDeviation < settings.stepAccDeviation / 2 {
            state.stepLatched = false
        }

        let still = gyr.squaredLength <= settings.stillRate * settings.stillRate
            && accDeviation <= settings.stillAccDeviation
        guard upright && still else {
            state.settledTime = 0
            return angles
        }
        state.settledTime += dt
        guard state.settledTime >= settings.settleDuration else { return angles }
        if state.steps >= settings.stepsForTurn {
            let body = world * sensorToBody
            rezeroHeading(body: body)
            state.steps = 0
            return PostureAngles(relativeRotation: state.neutral.conjugate * body)
        }
        state.steps = 0
        return angles
    }

    /// Turns the neutral orientation about the world vertical so that its heading matches `body`'s.
    private mutating func rezeroHeading(body: QuaternionD) {
        let delta = Self.heading(of: body) - Self.heading(of: state.neutral)
        state.neutral = (QuaternionD(axis: .unitZ, angle: delta) * state.neutral).normalized
        state.headingResets += 1
    }

    /// The heading of a body-to-world orientation: the world-frame angle of its forward axis projected on
    /// the horizontal plane, in rad.
    static func heading(of body: QuaternionD) -> Double {
        let forward = body.rotate(.unitX)
        return Double.atan2(y: forward.y, x: forward.x)
    }
}
