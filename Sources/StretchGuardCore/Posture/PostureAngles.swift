import RealModule

/// The trunk's posture relative to its neutral baseline, in rad.
///
/// The rotation from the neutral body frame to the current one is decomposed in the clinical (ISB-style)
/// Cardan order flexion → side bend → axial rotation: first about body y, then about the once-rotated x,
/// then about the trunk's own long axis. Signs are right-hand rotations about the body axes (x forward,
/// y left, z up the spine).
public struct PostureAngles: Sendable, Equatable {
    /// Forward (+) or backward (−) bend about body y, in rad.
    public var flexion: Double
    /// Side bend about the bent body x, in rad: + tilts the head toward the wearer's right.
    public var sideBend: Double
    /// Axial rotation about the trunk's own long axis, in rad: + turns the chest to the wearer's left.
    public var twist: Double

    public init(flexion: Double, sideBend: Double, twist: Double) {
        self.flexion = flexion
        self.sideBend = sideBend
        self.twist = twist
    }

    /// Zero in every angle: the neutral posture.
    public static let neutral = PostureAngles(flexion: 0, sideBend: 0, twist: 0)

    /// The angles of a rotation from the neutral body frame to the current body frame (expressed in the
    /// neutral body frame): `q = R_y(flexion) ⊗ R_x(sideBend) ⊗ R_z(twist)`.
    public init(relativeRotation q: QuaternionD) {
        let (w, x, y, z) = (q.w, q.x, q.y, q.z)
        // Rotation-matrix entries needed by the y–x–z decomposition.
        let m02 = 2 * (x * z + w * y)
        let m12 = 2 * (y * z - w * x)
        let m22 = 1 - 2 * (x * x + y * y)
        let m10 = 2 * (x * y + w * z)
        let m11 = 1 - 2 * (x * x + z * z)
        sideBend = FastArcTangent.asin(min(max(-m12, -1), 1))
        let flexionAndTwist = FastArcTangent.atan2(y: SIMD2(m02, m10), x: SIMD2(m22, m11))
        flexion = flexionAndTwist[0]
        twist = flexionAndTwist[1]
    }

    /// The rotation these angles describe (the inverse of `init(relativeRotation:)`).
    public var rotation: QuaternionD {
        QuaternionD(axis: .unitY, angle: flexion) * QuaternionD(axis: .unitX, angle: sideBend)
            * QuaternionD(axis: .unitZ, angle: twist)
    }

    /// The angles in degrees: (flexion, side bend, twist).
    public var degrees: (flexion: Double, sideBend: Double, twist: Double) {
        (flexion / degree, sideBend / degree, twist / degree)
    }
}
