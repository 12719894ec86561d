import RealModule

/// A rotation as a unit Hamilton quaternion `w + xi + yj + zk`.
///
/// Convention: an orientation `q` of a frame S in a frame W rotates S-frame vectors into W
/// (`v_W = q ⊗ v_S ⊗ q*`), and `a * b` applies `b` first, then `a`. Angles are in radians.
@frozen
public struct Quaternion<Scalar: IMUScalar>: Hashable, Sendable, Codable {
    public var w: Scalar
    public var x: Scalar
    public var y: Scalar
    public var z: Scalar

    @inlinable
    public init(w: Scalar, x: Scalar, y: Scalar, z: Scalar) {
        self.w = w
        self.x = x
        self.y = y
        self.z = z
    }

    /// The identity rotation.
    @inlinable public static var identity: Quaternion { Quaternion(w: 1, x: 0, y: 0, z: 0) }

    /// The rotation by `angle` (rad, right-handed) about `axis` (any length but zero).
    @inlinable
    public init(axis: Vector3<Scalar>, angle: Scalar) {
        let u = axis.normalized
        let s = Scalar.sin(angle / 2)
        self.init(w: Scalar.cos(angle / 2), x: u.x * s, y: u.y * s, z: u.z * s)
    }

    /// The rotation vector's exponential: the rotation by `|v|` rad about `v`.
    ///
    /// Uses a Taylor series for small angles (< 0.2 rad, error below 1e-12), so the per-sample gyroscope
    /// step needs neither a square root nor a sine.
    @inlinable @inline(__always)
    public init(rotationVector v: Vector3<Scalar>) {
        let theta2 = v.squaredLength
        let c: Scalar
        let s: Scalar  // sin(θ/2)/θ
        if theta2 < 0.04 {
            // cos(h) and sin(h)/(2h), h = θ/2, as Taylor polynomials in h² to h⁸, evaluated with Estrin's
            // scheme: constant reciprocals fold at compile time, so no division on the sample-to-sample chain.
            let h2 = theta2 * (1 / 4 as Scalar)
            let h4 = h2 * h2
            c = (1 - h2 * (1 / 2 as Scalar))
                + h4 * ((1 / 24 as Scalar) - h2 * (1 / 720 as Scalar) + h4 * (1 / 40320 as Scalar))
            s = (1 / 2 as Scalar) - h2 * (1 / 12 as Scalar)
                + h4 * ((1 / 240 as Scalar) - h2 * (1 / 10080 as Scalar) + h4 * (1 / 725760 as Scalar))
        } else {
            let theta = theta2.squareRoot()
            c = Scalar.cos(theta / 2)
            s = Scalar.sin(theta / 2) / theta
        }
        self.init(w: c, x: v.x * s, y: v.y * s, z: v.z * s)
    }

    /// The vector part `(x, y, z)`.
    @inlinable public var vector: Vector3<Scalar> { Vector3(x, y, z) }

    /// The conjugate: the inverse rotation for a unit quaternion.
    @inlinable public var conjugate: Quaternion { Quaternion(w: w, x: -x, y: -y, z: -z) }

    /// The squared norm (unitless).
    @inlinable public var squaredNorm: Scalar { w * w + x * x + y * y + z * z }

    /// This quaternion scaled to unit norm.
    @inlinable
    public var normalized: Quaternion {
        let k = 1 / squaredNorm.squareRoot()
        return Quaternion(w: w * k, x: x * k, y: y * k, z: z * k)
    }

    /// This nearly-unit quaternion pulled back to unit norm with one Newton step (no square root): for
    /// per-sample renormalisation, where the norm is within 1e-6 of one.
    @inlinable @inline(__always)
    public var renormalized: Quaternion {
        let k = (3 - squaredNorm) / 2
        return Quaternion(w: w * k, x: x * k, y: y * k, z: z * k)
    }

    /// The rotation angle in [0, π] rad.
    @inlinable
    public var angle: Scalar {
        2 * Scalar.atan2(y: vector.length, x: abs(w))
    }

    /// The Hamilton product: `b` applied first, then `a`.
    @inlinable @inline(__always)
    public static func * (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(
            w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
            x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }
    /// Every component times `k` (unitless); for a unit quaternion, the same rotation with norm `|k|`.
    @inlinable @inline(__always)
    public static func * (q: Quaternion, k: Scalar) -> Quaternion {
        Quaternion(w: q.w * k, x: q.x * k, y: q.y * k, z: q.z * k)
    }

    /// Rotates `v` by this (unit) quaternion: `q ⊗ v ⊗ q*`, in the units of `v`.
    @inlinable @inline(__always)
    public func rotate(_ v: Vector3<Scalar>) -> Vector3<Scalar> {
        // v' = v + 2w(u×v) + 2u×(u×v), u = vector part
        let u = vector
        let t = 2 * u.cross(v)
        return v + w * t + u.cross(t)
    }

    /// The same rotation with `w ≥ 0` (quaternions `q` and `-q` are one rotation).
    @inlinable
    public var canonical: Quaternion { w < 0 ? Quaternion(w: -w, x: -x, y: -y, z: -z) : self }

    /// This quaternion converted to another scalar type.
    @inlinable
    public func converted<Other>(to _: Other.Type = Other.self) -> Quaternion<Other> {
        Quaternion<Other>(w: Other(w), x: Other(x), y: Other(y), z: Other(z))
    }

    /// The shortest rotation taking unit vector `from` onto unit vector `to`.
    @inlinable
    public init(from: Vector3<Scalar>, to: Vector3<Scalar>) {
        let d = from.dot(to)
        if d < -1 + 1e-6 {
            // Opposite: turn π about any axis orthogonal to `from`.
            var axis = Vector3<Scalar>.unitX.cross(from)
            if axis.squaredLength < 1e-6 { axis = Vector3<Scalar>.unitY.cross(from) }
            self.init(axis: axis, angle: Scalar.pi)
            return
        }
        let c = from.cross(to)
        self = Quaternion(w: 1 + d, x: c.x, y: c.y, z: c.z).normalized
    }
}

/// The pipeline's quaternion type: `Double` components.
public typealias QuaternionD = Quaternion<Double>
