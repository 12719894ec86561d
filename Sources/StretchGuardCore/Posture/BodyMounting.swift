import RealModule

/// How the sensor sits on the back: the rotation from the sensor frame to the body frame.
///
/// Body frame at neutral posture: x forward (anterior), y to the wearer's left, z up along the spine.
public struct BodyMounting: Sendable, Equatable, Codable {
    /// Rotates sensor-frame vectors into the body frame.
    public var sensorToBody: QuaternionD

    public init(sensorToBody: QuaternionD) {
        self.sensorToBody = sensorToBody
    }

    /// Why a mounting cannot be built from the given axes.
    public enum Failure: Error, Equatable, Sendable {
        /// The forward axis is (nearly) parallel to the spine axis, so it has no horizontal part.
        case forwardParallelToSpine
        /// The two calibration poses differ by less than `minimumBend` (rad).
        case bendTooSmall(angle: Double, minimumBend: Double)
    }

    /// The mounting from the spine (up) direction and a forward direction, both in sensor coordinates; the
    /// forward direction is made orthogonal to the spine.
    ///
    /// - Parameters:
    ///   - spine: the direction up the spine, in the sensor frame (any length but zero).
    ///   - forward: a direction pointing forward out of the wearer's chest, in the sensor frame.
    public static func from(spine: Vector3D, forward: Vector3D) throws(Failure) -> BodyMounting {
        let z = spine.normalized
        let horizontal = forward - z * forward.dot(z)
        guard horizontal.length > 0.1 * forward.length else { throw .forwardParallelToSpine }
        let x = horizontal.normalized
        let y = z.cross(x)
        let sensorToBody = QuaternionD(rotationMatrix: Matrix3(rows: x, y, z))
        return BodyMounting(sensorToBody: sensorToBody)
    }

    /// A provisional mounting when only the spine is known: forward is taken along the sensor's +x (made
    /// orthogonal to the spine), or +y or +z when +x runs within 35° of the spine. Bends decompose into
    /// flexion and side bend only once the real forward axis is known (calibration, or the first deep bend).
    ///
    /// - Parameter spine: the direction up the spine, in the sensor frame (any length but zero).
    public static func provisional(spine: Vector3D) -> BodyMounting {
        let z = spine.normalized
        let candidates = [Vector3D.unitX, .unitY, .unitZ]
        let forward = candidates.first { abs($0.dot(z)) < 0.82 } ?? .unitX
        // A candidate under 0.82 of the spine keeps over 0.57 of its length across it: never throws.
        return (try? from(spine: z, forward: forward)) ?? BodyMounting(sensorToBody: QuaternionD(from: z, to: .unitZ))
    }

    /// The mounting from two still poses: upright (gives the spine axis) and bent forward (the rotation
    /// between them is about the wearer's left–right axis, which fixes forward).
    ///
    /// - Parameters:
    ///   - uprightGravity: mean specific force standing upright, in m/s² (sensor frame).
    ///   - bentGravity: mean specific force bent forward, in m/s² (sensor frame).
    ///   - minimumBend: smallest accepted bend between the poses, in rad. Default 20°.
    public static func fromTwoPoses(uprightGravity: Vector3D, bentGravity: Vector3D,
                                    minimumBend: Double = 20 * degree) throws(Failure) -> BodyMounting {
        let up = uprightGravity.normalized, bentUp = bentGravity.normalized
        let angle = Double.acos(min(max(up.dot(bentUp), -1), 1))
        guard angle >= minimumBend else { throw .bendTooSmall(angle: angle, minimumBend: minimumBend) }
        // Bending forward tilts the measured "up" backwards in the body frame, so bentUp × up points left.
        let left = bentUp.cross(up)
        return try from(spine: up, forward: left.cross(up))
    }
}
