import StretchGuardCore

/// The true motion of a scenario's body and the ideal readings of the sensor riding on it.
///
/// Body model: the pelvis stands at a world position facing the stance heading (turns, walking and jumps
/// move it); the trunk rotates about the hip pivot by the scripted posture
/// `R_y(flexion) ⊗ R_x(sideBend) ⊗ R_z(twist)` relative to the neutral stance; the sensor sits on the upper
/// back `leverArm` m up the trunk's long axis, so bending swings it on an arc. World frame: z up.
///
/// With a pelvis sensor (`Scenario.pelvis`) the trunk is two segments: the pelvis turns with the stance
/// and tilts about the hips, the spine bends and twists over it (`PelvisMotion`), and the thorax's
/// orientation is the pelvis's composed with the spine's (`ScenarioKinematics+Pelvis`).
public struct ScenarioKinematics: Sendable {
    let timeline: MotionTimeline
    /// Rotation taking sensor-frame vectors into the body frame.
    public let sensorToBody: QuaternionD
    /// Hip pivot to sensor along the trunk, in m.
    public let leverArm: Double
    /// How the pelvis moves, when a pelvis sensor rides on it; nil for one sensor.
    public let pelvisMotion: PelvisMotion?
    /// Rotation taking the pelvis sensor's frame vectors into the pelvis's body frame (identity without one).
    public let pelvisToBody: QuaternionD

    /// Time step of the central differences that give the ideal rates, in s.
    static let differenceStep = 1e-4

    /// The kinematics of `scenario` with the sensor mounted by `sensorToBody` and, when the scenario renders
    /// a pelvis sensor, that one by `pelvisToBody`.
    public init(scenario: Scenario, sensorToBody: QuaternionD, pelvisToBody: QuaternionD = .identity) {
        timeline = MotionTimeline(scenario.steps, holdMotion: scenario.holdMotion)
        self.sensorToBody = sensorToBody
        leverArm = scenario.leverArm
        pelvisMotion = scenario.pelvis?.motion
        self.pelvisToBody = pelvisToBody
    }

    /// Length of the motion, in s.
    public var duration: Double { timeline.duration }

    /// The trunk's true posture relative to the neutral stance at `t` s, in rad (whole-body turns are not
    /// in it): with a pelvis sensor, the thorax's (pelvis and spine composed).
    public func posture(at t: Double) -> PostureAngles {
        guard let segments = segmentPostures(at: t) else { return timeline.posture(at: t) }
        return PostureAngles(relativeRotation: segments.pelvis.rotation * segments.spine.rotation)
    }

    /// The stance heading at `t` s, in rad about world z (+ counter-clockwise seen from above; 0 at start).
    public func heading(at t: Double) -> Double {
        timeline.heading(at: t)
    }

    /// The trunk's orientation at `t` s: rotates body-frame vectors into the world frame.
    public func bodyOrientation(at t: Double) -> QuaternionD {
        guard let segments = segmentPostures(at: t) else {
            return QuaternionD(axis: .unitZ, angle: timeline.heading(at: t)) * timeline.posture(at: t).rotation
        }
        return QuaternionD(axis: .unitZ, angle: timeline.heading(at: t)) * segments.pelvis.rotation
            * segments.spine.rotation
    }

    /// The sensor's orientation at `t` s: rotates sensor-frame vectors into the world frame (the trunk's
    /// orientation, the hold tremor's local rotation, the mounting).
    public func sensorOrientation(at t: Double) -> QuaternionD {
        bodyOrientation(at: t) * timeline.tremor(at: t) * sensorToBody
    }

    /// What a perfect sensor reads at `t` s: angular rate in rad/s and specific force in m/s² (gravity
    /// reaction included: +9.81 along world up when still), both in the sensor frame.
    ///
    /// The rates come from central differences (step 0.1 ms) of the analytic orientation and lever-arm
    /// position; the pelvis's own acceleration is analytic.
    /// With a pelvis sensor the sample carries its reading too (`twoSegmentSample`).
    public func idealSample(at t: Double) -> IMUSample {
        guard pelvisMotion == nil else { return twoSegmentSample(at: t) }
        let h = Self.differenceStep
        let before = bodyOrientation(at: t - h), now = bodyOrientation(at: t), after = bodyOrientation(at: t + h)
        let sensorBefore = before * timeline.tremor(at: t - h) * sensorToBody
        let sensorAfter = after * timeline.tremor(at: t + h) * sensorToBody
        let gyr = Self.rotationVector(sensorBefore.conjugate * sensorAfter) / (2 * h)
        let lever = Vector3D(0, 0, leverArm)
        let leverAcceleration = (before.rotate(lever) - 2 * now.rotate(lever) + after.rotate(lever)) / (h * h)
        let specificForce = Vector3D(0, 0, standardGravity) + timeline.pelvisAcceleration(at: t)
            + leverAcceleration
        let acc = (now * timeline.tremor(at: t) * sensorToBody).conjugate.rotate(specificForce)
        return IMUSample(time: t, gyr: gyr, acc: acc)
    }

    /// The rotation vector (axis × angle, in rad) of a unit quaternion, angle in [0, π].
    static func rotationVector(_ q: QuaternionD) -> Vector3D {
        let c = q.canonical
        let n = c.vector.length
        guard n > 1e-12 else { return c.vector * (2 / c.w) }
        return c.vector * (2 * Double.atan2(y: n, x: c.w) / n)
    }
}
