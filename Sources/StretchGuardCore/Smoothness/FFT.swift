import RealModule

/// A radix-2 fast Fourier transform (iterative Cooley–Tukey, decimation in time) for power-of-two lengths.
///
/// Convention: the forward transform is `X[k] = Σₙ x[n] · e^(−2πi·k·n/N)` (no scaling); the inverse is
/// `x[n] = (1/N) Σₖ X[k] · e^(+2πi·k·n/N)`, so `inverse(forward(x)) == x` up to rounding. Bin `k` of a
/// signal sampled at `fs` Hz lies at `k · fs / N` Hz.
///
/// Meant for per-hold analysis (smoothness metrics), not the per-sample path: every call allocates its
/// twiddle table. Twiddles are evaluated directly with `cos`/`sin` (no recurrence), so the rounding error
/// grows like `ε · log₂ N` relative to the signal's norm.
public enum FFT {
    /// Whether `n` is a power of two (1, 2, 4, …); false for `n ≤ 0`.
    public static func isPowerOfTwo(_ n: Int) -> Bool {
        n > 0 && n & (n - 1) == 0
    }

    /// The smallest power of two that is ≥ `n` (1 for `n ≤ 1`), or nil if it does not fit in an `Int`.
    public static func powerOfTwo(atLeast n: Int) -> Int? {
        guard n > 1 else { return 1 }
        let bits = Int.bitWidth - (n - 1).leadingZeroBitCount
        return bits < Int.bitWidth - 1 ? 1 << bits : nil
    }

    /// Replaces `(real, imaginary)` by its forward discrete Fourier transform, in place.
    ///
    /// - Precondition: both arrays have the same power-of-two length (a programming error otherwise).
    public static func forward(real: inout [Double], imaginary: inout [Double]) {
        transform(real: &real, imaginary: &imaginary, sign: -1)
    }

    /// Replaces `(real, imaginary)` by its inverse discrete Fourier transform (scaled by `1/N`), in place.
    ///
    /// - Precondition: both arrays have the same power-of-two length (a programming error otherwise).
    public static func inverse(real: inout [Double], imaginary: inout [Double]) {
        transform(real: &real, imaginary: &imaginary, sign: 1)
        let scale = 1 / Double(real.count)
        for i in real.indices {
            real[i] *= scale
            imaginary[i] *= scale
        }
    }

    /// The magnitudes `|X[k]|`, `k = 0 … length/2`, of the forward transform of a real signal zero-padded
    /// (at its end) to `length` points. Units: those of the signal (a sum, not a density).
    ///
    /// - Precondition: `length` is a power of two ≥ `signal.count` and ≥ 2.
    public static func magnitudeSpectrum(of signal: [Double], paddedTo length: Int) -> [Double] {
        precondition(isPowerOfTwo(length) && length >= 2 && length >= signal.count,
                     "FFT length must be a power of two ≥ 2 and ≥ the signal length")
        var real = signal + [Double](repeating: 0, count: length - signal.count)
        var imaginary = [Double](repeating: 0, count: length)
        forward(real: &real, imaginary: &imaginary)
        return (0...length / 2).map { k in
            // Scaled hypotenuse: no overflow or underflow for extreme magnitudes.
            let a = abs(real[k]), b = abs(imaginary[k])
            let big = max(a, b), small = min(a, b)
            guard big > 0 else { return 0 }
            let r = small / big
            return big * (1 + r * r).squareRoot()
        }
    }

    /// The shared transform: `sign` is −1 for forward, +1 for inverse (unscaled).
    private static func transform(real: inout [Double], imaginary: inout [Double], sign: Double) {
        let n = real.count
        precondition(isPowerOfTwo(n) && imaginary.count == n,
                     "FFT needs real and imaginary parts of the same power-of-two length")
        guard n > 1 else { return }

        // Bit-reversal permutation.
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                real.swapAt(i, j)
                imaginary.swapAt(i, j)
            }
        }

        // Twiddles w_k = e^(sign · 2πi·k/n), k < n/2, each evaluated directly.
        let half = n / 2
        var cosines = [Double](repeating: 0, count: half)
        var sines = [Double](repeating: 0, count: half)
        for k in 0..<half {
            let angle = 2 * Double.pi * Double(k) / Double(n)
            cosines[k] = Double.cos(angle)
            sines[k] = sign * Double.sin(angle)
        }

        // Butterflies, stage by stage: blocks of `size` points combine two halves of `size/2`.
        var size = 2
        while size <= n {
            let halfSize = size / 2
            let stride = n / size
            var start = 0
            while start < n {
                for m in 0..<halfSize {
                    let wr = cosines[m * stride], wi = sines[m * stride]
                    let p = start + m, q = p + halfSize
                    let tr = wr * real[q] - wi * imaginary[q]
                    let ti = wr * imaginary[q] + wi * real[q]
                    real[q] = real[p] - tr
                    imaginary[q] = imaginary[p] - ti
                    real[p] += tr
                    imaginary[p] += ti
                }
                start += size
            }
            size *= 2
        }
    }
}
