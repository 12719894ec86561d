/// Arc tangents for the per-sample posture angles, faster than the C library's and accurate to 2e-8 rad
/// (1e-6°), far below what any posture reading needs.
///
/// Range reduction to |t| ≤ tan(π/8) ≈ 0.414, then the odd Taylor series of atan to t¹⁷
/// (truncation error below 0.414¹⁹/19 ≈ 3e-9 rad).
public enum FastArcTangent {
    /// The angle of the point (x, y), in rad, in (−π, π]; `atan2(0, 0) = 0`.
    @inlinable @inline(__always)
    public static func atan2(y: Double, x: Double) -> Double {
        let ax = abs(x), ay = abs(y)
        let big = max(ax, ay), small = min(ax, ay)
        guard big > 0 else { return 0 }
        // z = small/big ∈ [0, 1]; atan(z) = π/4 + atan((z − 1)/(z + 1)) for z > tan(π/8).
        let useShift = small > 0.41421356237309503 * big
        let t = useShift ? (small - big) / (small + big) : small / big
        var a = atanSeries(t) + (useShift ? Double.pi / 4 : 0)
        if ay > ax { a = Double.pi / 2 - a }
        if x < 0 { a = Double.pi - a }
        return y < 0 ? -a : a
    }

    /// The arc sine of `s` ∈ [−1, 1], in rad.
    @inlinable @inline(__always)
    public static func asin(_ s: Double) -> Double {
        atan2(y: s, x: max(0, 1 - s * s).squareRoot())
    }

    /// atan(t) for |t| ≤ tan(π/8), as a Horner polynomial in t².
    @inlinable @inline(__always)
    static func atanSeries(_ t: Double) -> Double {
        let u = t * t
        var p = 1.0 / 17
        p = p * u - 1.0 / 15
        p = p * u + 1.0 / 13
        p = p * u - 1.0 / 11
        p = p * u + 1.0 / 9
        p = p * u - 1.0 / 7
        p = p * u + 1.0 / 5
        p = p * u - 1.0 / 3
        p = p * u + 1
        return t * p
    }
}
