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
