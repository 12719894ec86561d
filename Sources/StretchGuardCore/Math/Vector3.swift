@_exported import RealModule

/// A three-component vector: an angular rate (rad/s), an acceleration (m/s²), a direction (unitless) or an
/// axis, depending on where it is used. Generic over the scalar so that `Float` and `Double` can be measured
/// against each other; the pipeline uses `Double` (see `Vector3D`).
@frozen
public struct Vector3<Scalar: IMUScalar>: Hashable, Sendable, Codable {
    public var x: Scalar
    public var y: Scalar
    public var z: Scalar

    @inlinable
    public init(_ x: Scalar, _ y: Scalar, _ z: Scalar) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The zero vector.
    @inlinable public static var zero: Vector3 { Vector3(0, 0, 0) }
    /// The unit vector along +x.
    @inlinable public static var unitX: Vector3 { Vector3(1, 0, 0) }
    /// The unit vector along +y.
    @inlinable public static var unitY: Vector3 { Vector3(0, 1, 0) }
    /// The unit vector along +z.
    @inlinable public static var unitZ: Vector3 { Vector3(0, 0, 1) }

    /// The dot product (units of `self` × units of `other`).
    @inlinable @inline(__always)
    public func dot(_ other: Vector3) -> Scalar { x * other.x + y * other.y + z * other.z }

    /// The right-handed cross product `self × other`.
    @inlinable @inline(__always)
    public func cross(_ other: Vector3) -> Vector3 {
        Vector3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x)
    }

    /// The squared Euclidean length (units²).
    @inlinable public var squaredLength: Scalar { dot(self) }

    /// The Euclidean length (same units as the components).
    @inlinable public var length: Scalar { squaredLength.squareRoot() }

    /// This vector scaled to unit length, or zero when its length is zero.
    @inlinable
    public var normalized: Vector3 {
        let n = length
        return n > 0 ? self * (1 / n) : .zero
    }

    /// The component with the given index: 0 → x, 1 → y, 2 → z.
    @inlinable
    public subscript(index: Int) -> Scalar {
        get { index == 0 ? x : (index == 1 ? y : z) }
        set {
            switch index {
            case 0: x = newValue
            case 1: y = newValue
            default: z = newValue
            }
        }
    }

    /// This vector converted to another scalar type.
    @inlinable
    public func converted<Other>(to _: Other.Type = Other.self) -> Vector3<Other> {
        Vector3<Other>(Other(x), Other(y), Other(z))
    }

    @inlinable @inline(__always) public static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    @inlinable @inline(__always) public static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    @inlinable public static prefix func - (a: Vector3) -> Vector3 { Vector3(-a.x, -a.y, -a.z) }
    @inlinable @inline(__always) public static func * (a: Vector3, s: Scalar) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    @inlinable @inline(__always) public static func * (s: Scalar, a: Vector3) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    @inlinable @inline(__always) public static func / (a: Vector3, s: Scalar) -> Vector3 { Vector3(a.x / s, a.y / s, a.z / s) }
    @inlinable @inline(__always) public static func += (a: inout Vector3, b: Vector3) { a = a + b }
    @inlinable @inline(__always) public static func -= (a: inout Vector3, b: Vector3) { a = a - b }
}

extension Vector3 {
    /// Whether every component is finite (no NaN, no infinity).
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
}

/// The pipeline's vector type: `Double` components.
public typealias Vector3D = Vector3<Double>

/// The scalar types the vector and quaternion types work with: `Float` and `Double`.
public typealias IMUScalar = Real & BinaryFloatingPoint & Sendable & Codable
