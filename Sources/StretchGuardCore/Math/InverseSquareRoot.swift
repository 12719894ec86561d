/// Reciprocal square roots for per-sample normalisation, where the answer barely changes from one sample
/// to the next.
///
/// A square root and a division in a row take some 35 CPU cycles of latency; a few multiply-adds from a
/// good guess take about 15. The per-sample filter is bound by such latency chains, not by arithmetic.
public enum InverseSquareRoot {
    /// Largest relative error `|1 − x·guess²|` the series step accepts; beyond it the result is exact.
    public static let seriesLimit = 1e-4

    /// `1/√x` for `x > 0`, from a guess near it (unitless: the units are those of `x^(−1/2)`).
    ///
    /// With `e = 1 − x·guess²`, `1/√x = guess/√(1 − e) = guess·(1 + e/2 + 3e²/8 + …)`; while
    /// `|e| ≤ seriesLimit` the truncated series is used (relative error ≤ 5/16·|e|³ ≤ 3.2e-13), else the
    /// exact value.
    @inlinable @inline(__always)
    public static func of(_ x: Double, near guess: Double) -> Double {
        let e = 1 - x * guess * guess
        guard abs(e) <= seriesLimit else { return 1 / x.squareRoot() }
        return guess * (1 + e * (0.5 + 0.375 * e))
    }
}
