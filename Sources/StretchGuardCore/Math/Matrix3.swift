import RealModule

/// A 3×3 matrix of `Double`, stored by rows in SIMD lanes (lane 3 is zero): a rotation (unitless) or a
/// covariance ((rad/s)²).
@frozen
public struct Matrix3: Hashable, Sendable {
    public var r0: SIMD4<Double>
    public var r1: SIMD4<Double>
    public var r2: SIMD4<Double>

    @inlinable @inline(__always)
    public init(simdRows r0: SIMD4<Double>, _ r1: SIMD4<Double>, _ r2: SIMD4<Double>) {
        self.r0 = r0
        self.r1 = r1
        self.r2 = r2
    }

    @inlinable @inline(__always)
    public init(rows r0: Vector3D, _ r1: Vector3D, _ r2: Vector3D) {
        self.init(simdRows: r0.simd, r1.simd, r2.simd)
    }

    /// `s` times the identity.
    @inlinable
    public init(diagonal s: Double) {
        self.init(simdRows: SIMD4(s, 0, 0, 0), SIMD4(0, s, 0, 0), SIMD4(0, 0, s, 0))
    }

    /// The identity matrix.
    @inlinable public static var identity: Matrix3 { Matrix3(diagonal: 1) }

    /// The rotation matrix of a unit quaternion: `M v == q.rotate(v)`.
    @inlinable @inline(__always)
    public init(_ q: QuaternionD) {
        let (w, x, y, z) = (q.w, q.x, q.y, q.z)
        self.init(
            simdRows: SIMD4(1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y), 0),
            SIMD4(2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x), 0),
            SIMD4(2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y), 0))
    }

    /// Row `i` (0–2) as a vector.
    @inlinable
    public func row(_ i: Int) -> Vector3D { Vector3D(i == 0 ? r0 : (i == 1 ? r1 : r2)) }

    /// The transpose.
    @inlinable @inline(__always)
    public var transposed: Matrix3 {
        Matrix3(simdRows: SIMD4(r0.x, r1.x, r2.x, 0), SIMD4(r0.y, r1.y, r2.y, 0), SIMD4(r0.z, r1.z, r2.z, 0))
    }

    /// The diagonal `(m00, m11, m22)`.
    @inlinable public var diagonal: Vector3D { Vector3D(r0.x, r1.y, r2.z) }

    /// The determinant.
    @inlinable
    public var determinant: Double { (r0 * Self.cross(r1, r2)).sum() }

    /// The inverse (the caller ensures the matrix is not singular).
    @inlinable @inline(__always)
    public var inverse: Matrix3 {
        // Columns of the inverse are the cross products of rows, divided by the determinant.
        let c0 = Self.cross(r1, r2), c1 = Self.cross(r2, r0), c2 = Self.cross(r0, r1)
        let invDet = 1 / (r0 * c0).sum()
        return Matrix3(simdRows: c0 * invDet, c1 * invDet, c2 * invDet).transposed
    }

    /// The inverse of a symmetric matrix (the caller ensures it is symmetric and not singular): the
    /// adjugate is then symmetric too, so its columns serve as rows with no transposition.
    @inlinable @inline(__always)
    public var symmetricInverse: Matrix3 {
        let c0 = Self.cross(r1, r2), c1 = Self.cross(r2, r0), c2 = Self.cross(r0, r1)
        let invDet = 1 / (r0 * c0).sum()
        return Matrix3(simdRows: c0 * invDet, c1 * invDet, c2 * invDet)
    }

    /// The matrix–vector product.
    @inlinable @inline(__always)
    public static func * (m: Matrix3, v: Vector3D) -> Vector3D {
        let s = v.simd
        return Vector3D((m.r0 * s).sum(), (m.r1 * s).sum(), (m.r2 * s).sum())
    }

    /// The matrix product.
    @inlinable @inline(__always)
    public static func * (a: Matrix3, b: Matrix3) -> Matrix3 {
        @inline(__always) func row(_ r: SIMD4<Double>) -> SIMD4<Double> { b.r0 * r.x + b.r1 * r.y + b.r2 * r.z }
        return Matrix3(simdRows: row(a.r0), row(a.r1), row(a.r2))
    }

    @inlinable @inline(__always)
    public static func + (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(simdRows: a.r0 + b.r0, a.r1 + b.r1, a.r2 + b.r2)
    }

    @inlinable @inline(__always)
    public static func - (a: Matrix3, b: Matrix3) -> Matrix3 {
        Matrix3(simdRows: a.r0 - b.r0, a.r1 - b.r1, a.r2 - b.r2)
    }

    /// This matrix plus `d` on the diagonal.
    @inlinable @inline(__always)
    public func addingDiagonal(_ d: Vector3D) -> Matrix3 {
        var m = self
        m.r0.x += d.x
        m.r1.y += d.y
        m.r2.z += d.z
        return m
    }

    /// The cross product of the first three lanes.
    @inlinable @inline(__always)
    static func cross(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
        SIMD4(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x, 0)
    }
}
