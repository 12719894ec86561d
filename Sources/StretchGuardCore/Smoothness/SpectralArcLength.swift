/// The spectral arc length (SPARC) smoothness of one movement's speed profile.
///
/// Definition (Balasubramanian, Melendez-Calderon, Roby-Brami, Burdet, "On the analysis of movement
/// smoothness", J NeuroEng Rehabil 12:112, 2015):
///
///     SPARC = −∫₀^{ω_c} √( (1/ω_c)² + (dV̂(ω)/dω)² ) dω,     V̂(ω) = |V(ω)| / |V(0)|,
///     ω_c = min{ ω_c^max, min{ ω : V̂(r) < V̄ for all r > ω } }
///
/// i.e. minus the arc length of the DC-normalised Fourier magnitude curve drawn over the normalised
/// frequency axis ω/ω_c ∈ [0, 1]. It is dimensionless: scaling the speed's amplitude or its duration leaves
/// it unchanged. A single smooth (minimum-jerk or Gaussian) movement scores ≈ −1.41; intermittent
/// movements (several submovements, tremor, corrections) score lower (more negative).
///
/// Discretisation, as in the authors' reference code:
/// - the speed is zero-padded (at its end) to `N = 2^(⌈log₂ n⌉ + paddingLevel)` points and transformed with
///   `FFT`; bin `k` lies at `k · fs / N` Hz;
/// - `V̂[k] = |V[k]| / |V[0]|` (for a non-negative speed the DC bin is the largest, so this equals the
///   reference code's normalisation by the maximum);
/// - the cut-off bin `k_c` is the highest bin with frequency ≤ min(`maxCutoffFrequency`, fs/2) whose
///   `V̂[k] ≥ amplitudeThreshold` (bins in between that dip below the threshold are kept, as in the
///   reference code); ω_c = `k_c · fs / N`;
/// - the arc length is the polyline length `Σₖ₌₁^{k_c} √( (1/k_c)² + (V̂[k] − V̂[k−1])² )`.
///
/// Defaults: `paddingLevel` 4 and `amplitudeThreshold` 0.05 as in the paper; `maxCutoffFrequency` 10 Hz
/// (the reference code's default) rather than the 20 Hz the paper uses for arm reaching. Trunk stretches are
/// slow (a bend lasts seconds, and a minimum-jerk movement of T s has ω_c ≈ 1.7 Hz / T); a 10 Hz ceiling
/// still keeps corrective jerks and physiological tremor (≲ 10 Hz) in view while keeping gyro noise at
/// higher frequencies out of the arc length when the amplitude threshold does not cut earlier.
public struct SpectralArcLength: Sendable, Hashable {
    /// The ceiling ω_c^max of the adaptive cut-off, in Hz (> 0; values above fs/2 act as fs/2).
    public var maxCutoffFrequency: Double
    /// The amplitude threshold V̄ on the DC-normalised magnitude (dimensionless, in [0, 1)).
    public var amplitudeThreshold: Double
    /// Zero-padding level: the FFT has `2^(⌈log₂ n⌉ + paddingLevel)` points (0 … 8).
    public var paddingLevel: Int

    /// The result of one measurement.
    public struct Measurement: Sendable, Hashable {
        /// The SPARC value (dimensionless, ≤ −1: the curve spans 1 along the normalised frequency axis, so
        /// its length is at least 1; closer to −1 is smoother).
        public var value: Double
        /// The adaptive cut-off frequency ω_c actually used, in Hz.
        public var cutoffFrequency: Double
        /// The number of FFT points after zero-padding.
        public var fftLength: Int
    }

    /// The smallest number of samples a measurement accepts.
    public static let minimumSampleCount = 3

    /// The largest accepted `paddingLevel` (keeps the FFT at a bounded size).
    public static let maximumPaddingLevel = 8

    /// Creates a SPARC measurement with the given parameters (out-of-range values make `measure` return nil).
    ///
    /// - Parameters:
    ///   - maxCutoffFrequency: ω_c^max, in Hz (default 10 Hz; see the type's documentation).
    ///   - amplitudeThreshold: V̄, dimensionless (default 0.05).
    ///   - paddingLevel: zero-padding level (default 4).
    public init(maxCutoffFrequency: Double = 10, amplitudeThreshold: Double = 0.05, paddingLevel: Int = 4) {
        self.maxCutoffFrequency = maxCutoffFrequency
        self.amplitudeThreshold = amplitudeThreshold
        self.paddingLevel = paddingLevel
    }

    /// SPARC of a speed profile.
    ///
    /// - Parameters:
    ///   - speed: speed samples (any unit, e.g. m/s or rad/s; the result is dimensionless), uniformly
    ///     sampled, covering one movement. Must be ≥ 0: a speed, not a signed velocity.
    ///   - sampleRate: fs, in Hz.
    /// - Returns: nil when the measurement is undefined: fewer than `minimumSampleCount` samples, a
    ///   non-finite or negative sample, an all-zero speed (no DC to normalise by) or one so large that its
    ///   sum overflows, a non-finite or
    ///   non-positive `sampleRate`, parameters out of range, an FFT length that would overflow `Int`, or a
    ///   cut-off that resolves to the DC bin alone (nothing to measure; happens only when
    ///   `maxCutoffFrequency < fs / N` or `amplitudeThreshold` is above the first bin).
    public func measure(speed: [Double], sampleRate: Double) -> Measurement? {
        guard speed.count >= Self.minimumSampleCount,
              SampledCalculus.isValidSampleRate(sampleRate),
              maxCutoffFrequency > 0, !maxCutoffFrequency.isNaN,
              amplitudeThreshold >= 0, amplitudeThreshold < 1,
              (0...Self.maximumPaddingLevel).contains(paddingLevel),
              speed.allSatisfy({ $0.isFinite && $0 >= 0 }),
              speed.contains(where: { $0 > 0 }),
              let base = FFT.powerOfTwo(atLeast: speed.count)
        else { return nil }

        let (length, overflow) = base.multipliedReportingOverflow(by: 1 << paddingLevel)
        guard !overflow else { return nil }
        let magnitudes = FFT.magnitudeSpectrum(of: speed, paddedTo: length)
        let dc = magnitudes[0]
        guard dc > 0, dc.isFinite else { return nil }

        // Highest bin allowed by the ceiling (and by Nyquist: bins past N/2 mirror the ones below).
        let binWidth = sampleRate / Double(length)  // Hz
        let ceilingBin = min(Double(length / 2), (min(maxCutoffFrequency, sampleRate / 2) / binWidth).rounded(.down))
        let lastBin = Int(ceilingBin)
        var cutoffBin = 0
        for k in 0...lastBin where magnitudes[k] / dc >= amplitudeThreshold {
            cutoffBin = k
        }
        guard cutoffBin > 0 else { return nil }

        let step = 1 / Double(cutoffBin)  // Δω / ω_c
        var arcLength = 0.0
        var previous = 1.0  // V̂[0]
        for k in 1...cutoffBin {
            let current = magnitudes[k] / dc
            let rise = current - previous
            arcLength += (step * step + rise * rise).squareRoot()
            previous = current
        }
        return Measurement(value: -arcLength, cutoffFrequency: Double(cutoffBin) * binWidth, fftLength: length)
    }

    /// SPARC of a rotation, from gyroscope samples: the speed is the angular speed `|ω|` (rad/s).
    ///
    /// This is the form used for trunk stretches, where the wearable measures rotation, not translation.
    /// `|ω|` does not depend on the frame the gyro axes are in, so the sensor's mounting does not matter.
    ///
    /// - Parameters:
    ///   - angularVelocity: gyroscope samples ω, in rad/s (bias-corrected: a residual bias adds a constant
    ///     to the speed and so weighs on the DC bin).
    ///   - sampleRate: fs, in Hz.
    /// - Returns: as `measure(speed:sampleRate:)`; nil also when a component is non-finite.
    public func measure(angularVelocity: [Vector3D], sampleRate: Double) -> Measurement? {
        guard SampledCalculus.allFinite(angularVelocity) else { return nil }
        return measure(speed: angularVelocity.map(\.length), sampleRate: sampleRate)
    }
}
