/// Derivatives and integrals of uniformly sampled signals, for the smoothness metrics.
///
/// All derivative estimates are second-order accurate (error O(h²) for a smooth signal, h = 1/fs) at every
/// sample, including the two ends, so that integrating them with the trapezoidal rule covers the whole
/// duration `(N − 1)/fs` with an O(h²) error.
enum SampledCalculus {
    /// Whether the sample rate is usable: finite and > 0 (Hz).
    static func isValidSampleRate(_ sampleRate: Double) -> Bool {
        sampleRate.isFinite && sampleRate > 0
    }

    /// Whether every component of every sample is finite.
    static func allFinite(_ samples: [Vector3D]) -> Bool {
        samples.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
    }

    /// First derivative (units of the samples per s): central differences `(x[i+1] − x[i−1]) / 2h` inside,
    /// the one-sided three-point formulas `(∓3x₀ ± 4x₁ ∓ x₂) / 2h` at the ends.
    ///
    /// - Precondition: at least 3 samples.
    static func firstDerivative(_ x: [Vector3D], sampleRate: Double) -> [Vector3D] {
        let n = x.count
        precondition(n >= 3, "first derivative needs 3 samples")
        let s = sampleRate / 2
        var d = [Vector3D](repeating: .zero, count: n)
        for i in 1..<(n - 1) {
            d[i] = (x[i + 1] - x[i - 1]) * s
        }
        d[0] = (x[1] * 4 - x[0] * 3 - x[2]) * s
        d[n - 1] = (x[n - 1] * 3 - x[n - 2] * 4 + x[n - 3]) * s
        return d
    }

    /// Second derivative (units of the samples per s²): central differences `(x[i+1] − 2x[i] + x[i−1]) / h²`
    /// inside, the one-sided four-point formula `(2x₀ − 5x₁ + 4x₂ − x₃) / h²` (mirrored at the end).
    ///
    /// - Precondition: at least 4 samples.
    static func secondDerivative(_ x: [Vector3D], sampleRate: Double) -> [Vector3D] {
        let n = x.count
        precondition(n >= 4, "second derivative needs 4 samples")
        let s = sampleRate * sampleRate
        var d = [Vector3D](repeating: .zero, count: n)
        for i in 1..<(n - 1) {
            d[i] = (x[i + 1] - x[i] * 2 + x[i - 1]) * s
        }
        d[0] = (x[0] * 2 - x[1] * 5 + x[2] * 4 - x[3]) * s
        d[n - 1] = (x[n - 1] * 2 - x[n - 2] * 5 + x[n - 3] * 4 - x[n - 4]) * s
        return d
    }

    /// `∫ |x(t)|² dt` over the samples' duration by the trapezoidal rule (units of the samples² × s).
    static func integralOfSquaredLength(_ x: [Vector3D], sampleRate: Double) -> Double {
        guard x.count >= 2 else { return 0 }
        var sum = 0.0
        for v in x { sum += v.squaredLength }
        sum -= (x[0].squaredLength + x[x.count - 1].squaredLength) / 2
        return sum / sampleRate
    }

    /// The arithmetic mean of the samples (units of the samples).
    static func mean(_ x: [Vector3D]) -> Vector3D {
        guard !x.isEmpty else { return .zero }
        var sum = Vector3D.zero
        for v in x { sum += v }
        return sum / Double(x.count)
    }

    /// The largest Euclidean length among the samples (units of the samples); 0 for no samples.
    static func peakLength(_ x: [Vector3D]) -> Double {
        x.reduce(0) { max($0, $1.length) }
    }
}
