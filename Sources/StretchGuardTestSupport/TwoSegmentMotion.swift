import RealModule
import StretchGuardCore

/// A test rig for two sensors: the pelvis's and the spine's motion given as angles over time, rendered
/// into the two IMUs' samples exactly (rates by finite difference of the orientation, gravity only in the
/// specific force), each sensor with its own mounting and gyroscope bias.
///
/// Pelvis (world ← pelvis body) = turn about the vertical ⊗ hip flexion about the pelvis's left axis;
/// thorax = pelvis ⊗ lumbar flexion ⊗ side bend ⊗ spinal twist about the thorax's own long axis. Angles in rad.
public struct TwoSegmentMotion: Sendable {
    /// One moment's pose, in rad.
    public struct Pose: Sendable {
        public var heading: Double, hip: Double, lumbar: Double, sideBend: Double, twist: Double

        /// A pose: heading (+ left), hip flexion, lumbar flexion (+ forward), the spine's side bend (+ head
        /// to the right) and spinal twist (+ chest left).
        public init(heading: Double = 0, hip: Double = 0, lumbar: Double = 0, sideBend: Double = 0,
                    twist: Double = 0) {
            self.heading = heading
            self.hip = hip
            self.lumbar = lumbar
            self.sideBend = sideBend
            self.twist = twist
        }
    }

    /// The pose at a time, in s.
    public var pose: @Sendable (Double) -> Pose
    /// Sensor → body rotations of the thorax's and the pelvis's sensor.
    public var thoraxMounting = QuaternionD(axis: Vector3D(0.2, 1, -0.4), angle: 1.9)
    public var pelvisMounting = QuaternionD(axis: Vector3D(-1, 0.3, 0.5), angle: 2.6)
    /// Gyroscope biases, in rad/s (sensor frames).
    public var thoraxBias = Vector3D(0.004, -0.006, 0.003)
    public var pelvisBias = Vector3D(-0.005, 0.002, 0.006)
    /// Sample period, in s.
    public var period = 0.01

    public func pelvisBody(_ p: Pose) -> QuaternionD {
        QuaternionD(axis: .unitZ, angle: p.heading) * QuaternionD(axis: .unitY, angle: p.hip)
    }

    public func thoraxBody(_ p: Pose) -> QuaternionD {
        pelvisBody(p) * QuaternionD(axis: .unitY, angle: p.lumbar) * QuaternionD(axis: .unitX, angle: p.sideBend)
            * QuaternionD(axis: .unitZ, angle: p.twist)
    }

    /// The samples from 0 to `duration` s; `pelvisMissing` says at which times the pelvis gives nothing.
    /// A rig with the default mountings and biases.
    public init(pose: @escaping @Sendable (Double) -> Pose) {
        self.pose = pose
    }

    public func samples(duration: Double, pelvisMissing: (Double) -> Bool = { _ in false }) -> [IMUSample] {
        let count = Int((duration / period).rounded())
        return (0..<count).map { i in
            let t = Double(i) * period
            let thorax = reading(at: t, body: thoraxBody, mounting: thoraxMounting, bias: thoraxBias)
            let pelvis = reading(at: t, body: pelvisBody, mounting: pelvisMounting, bias: pelvisBias)
            return IMUSample(time: t, gyr: thorax.gyr, acc: thorax.acc,
                             pelvis: pelvisMissing(t) ? nil : pelvis)
        }
    }

    /// One sensor's reading at `t`: the rate of its orientation over ±half a period, and gravity's reaction.
    private func reading(at t: Double, body: (Pose) -> QuaternionD, mounting: QuaternionD,
                         bias: Vector3D) -> PelvisReading {
        let before = body(pose(t - period / 2)) * mounting
        let after = body(pose(t + period / 2)) * mounting
        let now = body(pose(t)) * mounting
        let step = (before.conjugate * after).canonical
        let length = step.vector.length
        let rotation = length > 1e-15 ? step.vector * (2 * Double.atan2(y: length, x: step.w) / length) : .zero
        let gyr = rotation / period + bias
        let acc = now.conjugate.rotate(Vector3D(0, 0, standardGravity))
        return PelvisReading(gyr: gyr, acc: acc)
    }

    /// A smooth step from 0 to 1 between `start` and `end` s (cosine ramp).
    public static func ramp(_ t: Double, _ start: Double, _ end: Double) -> Double {
        guard t > start else { return 0 }
        guard t < end else { return 1 }
        return 0.5 - 0.5 * Double.cos(Double.pi * (t - start) / (end - start))
    }
}
