import RealModule

/// Coefficients of a second-order Butterworth low-pass filter, derived once from a time constant and a
/// sample period.
///
/// The cut-off frequency is `√2 / (2π τ)` Hz, so that the filter's step response settles like a first-order
/// filter of time constant `τ` while rejecting high frequencies with 40 dB/decade.
public struct LowPassCoefficients: Sendable, Equatable {
    /// Numerator coefficient `b0`; a Butterworth low-pass has `b1 = 2 b0` and `b2 = b0`.
    public private(set) var b0: Double
    /// Denominator coefficients `a1, a2` (`a0 = 1`).
    public var a1, a2: Double
    /// Time constant, in s.
    public var timeConstant: Double

    /// - Parameters:
    ///   - timeConstant: τ, in s (> 0).
    ///   - samplePeriod: the sample period the filter runs at, in s (> 0).
    public init(timeConstant: Double, samplePeriod: Double) {
        self.timeConstant = timeConstant
        let cutoff = 2.0.squareRoot() / (2 * Double.pi * timeConstant)  // Hz
        let c = Double.tan(Double.pi * cutoff * samplePeriod)
        let d = c * c + 2.0.squareRoot() * c + 1
        b0 = c * c / d
        a1 = 2 * (c * c - 1) / d
        a2 = (1 - 2.0.squareRoot() * c + c * c) / d
    }
}

/// State of a second-order low-pass filter over a SIMD vector of channels (direct form II transposed).
///
/// Until `timeConstant` seconds of input have been seen, the output is the running mean of the input and
/// the filter is then started in steady state at that mean, so it has no start-up transient from zero.
public struct LowPassState<Channels: SIMD & Sendable>: Sendable where Channels.Scalar == Double {
    /// The filter's two delay elements (units of the input).
    public var s0: Channels = .zero
    public var s1: Channels = .zero
    /// Sum of inputs while averaging at start-up (units of the input × s).
    public var startSum: Channels = .zero
    /// Input time seen while averaging at start-up, in s.
    public var startTime: Double = 0
    /// Whether start-up averaging is over.
    public var running = false
    /// The last output (units of the input).
    public var output: Channels = .zero

    public init() {}

    /// Filters one input and returns the output.
    ///
    /// - Parameters:
    ///   - x: the input (any units).
    ///   - dt: the time this input stands for, in s: its sample period.
    ///   - k: coefficients for this sample period.
    @inlinable @inline(__always)
    public mutating func step(_ x: Channels, dt: Double, _ k: LowPassCoefficients) -> Channels {
        if running {
            // b1·x = 2·b0·x and b2·x = b0·x: one product instead of three, with the same rounding.
            let bx = k.b0 * x
            let y = bx + s0
            s0 = (bx + bx) - k.a1 * y + s1
            s1 = bx - k.a2 * y
            output = y
            return y
        }
        startSum += dt * x
        startTime += dt
        let mean = startTime > 0 ? startSum / startTime : x
        if startTime >= k.timeConstant {
            start(at: mean, k)
        }
        output = mean
        return mean
    }

    /// Starts the filter in steady state at `x0`, skipping start-up averaging.
    @inlinable
    public mutating func start(at x0: Channels, _ k: LowPassCoefficients) {
        s0 = x0 * (1 - k.b0)
        s1 = x0 * (k.b0 - k.a2)
        output = x0
        running = true
    }
}

extension Vector3 where Scalar == Double {
    /// The components as a SIMD vector (the fourth lane is zero).
    @inlinable public var simd: SIMD4<Double> { SIMD4(x, y, z, 0) }

    /// A vector from the first three lanes of a SIMD vector.
    @inlinable public init(_ v: SIMD4<Double>) { self.init(v[0], v[1], v[2]) }
}
