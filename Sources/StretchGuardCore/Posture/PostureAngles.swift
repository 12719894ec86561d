import RealModule

/// The trunk's posture relative to its neutral baseline, in rad.
///
/// The rotation `q` from the neutral body frame to the current one is split as `q = swing ⊗ twist`:
/// - **twist** is the rotation about the trunk's own long axis (body z). It needs only the spine axis, so it
///   is the same however the sensor is turned on the back, and a bend never leaks into it; it equals the
///   Cardan axial angle to within about `sideBend · tan(flexion / 2)`.
/// - **swing** tilts the spine: it takes body z to the spine's current direction `v` (in the neutral body
///   frame). Flexion and side bend are that direction's components in the clinical (ISB-style) order
///   flexion → side bend: `v = (cos s · sin f, −sin s, cos s · cos f)`. They need the forward axis.
///
/// Signs are right-hand rotations about the body axes (x forward, y left, z up the spine).
public struct PostureAngles: Sendable, Equatable {
    /// Forward (+) or backward (−) bend about body y, in rad.
    public var flexion: Double
    /// Side bend about the bent body x, in rad: + tilts the head toward the wearer's right.
    public var sideBend: Double
    /// Axial rotation about the trunk's own long axis (the swing–twist angle), in rad: + turns the chest to
    /// the wearer's left.
    public var twist: Double
    /// The spine's whole tilt from neutral, in any direction, in rad (0…π): the swing angle. It needs no
    /// forward axis.
    public var tilt: Double

    /// Angles in rad; the tilt follows from flexion and side bend.
    public init(flexion: Double, sideBend: Double, twist: Double) {
        self.flexion = flexion
        self.sideBend = sideBend
        self.twist = twist
        tilt = Double.acos(min(max(Double.cos(flexion) * Double.cos(sideBend), -1), 1))
    }

    /// Angles in rad with the tilt given (it must agree with flexion and side bend).
    init(flexion: Double, sideBend: Double, twist: Double, tilt: Double) {
        self.flexion = flexion
        self.sideBend = sideBend
        self.twist = twist
        self.tilt = tilt
    }

    /// Zero in every angle: the neutral posture.
    public static let neutral = PostureAngles(flexion: 0, sideBend: 0, twist: 0, tilt: 0)

    /// The angles of a rotation from the neutral body frame to the current body frame (expressed in the
    /// neutral body frame).
    @inline(__always)
    public init(relativeRotation q: QuaternionD) {
        let (w, x, y, z) = (q.w, q.x, q.y, q.z)
        // The spine's direction: the third column of the rotation matrix.
        let vx = 2 * (x * z + w * y)
        let vy = 2 * (y * z - w * x)
        let vz = 1 - 2 * (x * x + y * y)
        let horizontal = (vx * vx + vy * vy).squareRoot()
        sideBend = FastArcTangent.asin(min(max(-vy, -1), 1))
        let sign: Double = w < 0 ? -1 : 1
        // Flexion, half the twist and the tilt in one vector arc tangent.
        let angles = FastArcTangent.atan2(y: SIMD4(vx, z * sign, horizontal, 0), x: SIMD4(vz, w * sign, vz, 1))
        flexion = angles[0]
        twist = 2 * angles[1]
        tilt = angles[2]
    }

    /// The twist factor of `q = swing ⊗ twist`: the rotation about z alone (identity when `q` is a half-turn
    /// swing with no defined twist).
    @inline(__always)
    public static func twistRotation(of q: QuaternionD) -> QuaternionD {
        let squared = q.w * q.w + q.z * q.z
        guard squared > 1e-24 else { return .identity }
        let inverse = 1 / squared.squareRoot()
        return QuaternionD(w: q.w * inverse, x: 0, y: 0, z: q.z * inverse)
    }

    /// The rotation these angles describe, `swing ⊗ R_z(twist)` (the inverse of `init(relativeRotation:)`).
    public var rotation: QuaternionD {
        let spine = Vector3D(Double.cos(sideBend) * Double.sin(flexion), -Double.sin(sideBend),
                             Double.cos(sideBend) * Double.cos(flexion))
        return QuaternionD(from: .unitZ, to: spine) * QuaternionD(axis: .unitZ, angle: twist)
    }

    /// The angles in degrees: (flexion, side bend, twist).
    public var degrees: (flexion: Double, sideBend: Double, twist: Double) {
        (flexion / degree, sideBend / degree, twist / degree)
    }
}
