/// Arc tangents for the per-sample posture angles, faster than the C library's and accurate to 1e-8 rad
/// (6e-7°), far below what any posture reading needs.
///
/// Range reduction to |t| ≤ tan(π/8) ≈ 0.414, then an odd degree-9 polynomial fitted to atan on that range.
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

    /// atan(t) for |t| ≤ tan(π/8), as `t·P(t²)` with P a degree-4 near-minimax fit (max error 3.7e-9 rad),
    /// evaluated with Estrin's scheme so the three atan calls per sample are not one long dependency chain.
    @inlinable @inline(__always)
    static func atanSeries(_ t: Double) -> Double {
        let u = t * t
        let u2 = u * u
        let low = 0.999999903102708 - 0.33332184797656583 * u
        let mid = 0.19961560712475723 - 0.13751664067729408 * u
        let p = low + u2 * (mid + u2 * 0.07726402467748227)
        return t * p
    }
}
