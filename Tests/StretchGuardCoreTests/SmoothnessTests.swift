import Testing
@testable import StretchGuardCore
import StretchGuardSimulation

// Reference values below were computed once with numpy 2.4 (Python 3) in a throw-away script, not kept:
// - "discrete": an independent re-implementation of each metric's discretisation with numpy
//   (SPARC: `np.fft.fft` of the zero-padded speed, |·| / DC, bins f ≤ min(10 Hz, fs/2), last bin ≥ 0.05,
//   polyline length over f/f_c; LDLJ: `np.gradient(edge_order=2)` / the same second-difference stencils,
//   `np.trapezoid`, T = (N − 1)/fs). These pin the implementation to ~1e-9: only rounding differs.
// - "continuous": the metric of the continuous-time profile. SPARC: |V(f)| of 30τ²(1−τ)² on [0, 1] by
//   200-point Gauss–Legendre quadrature on a 400 001-point grid to 20 Hz (Gaussian: |V(f)| ∝
//   exp(−(2πσf)²/2) exactly), the 0.05 crossing refined linearly, arc length on a 400 001-point grid in
//   f/f_c. LDLJ: closed form, derived below.
// The discrete SPARC differs from the continuous one by 0.002–0.006 because ω_c is quantised to an FFT bin
// (bin width 0.049/T with padding level 4) and the spectrum is a polyline: hence 0.01 where compared.

/// Minimum-jerk speed for a move of amplitude `amplitude` over `duration` s, sampled at `fs` Hz from 0 to
/// `duration` inclusive: v(t) = (A/T) · 30τ²(1−τ)², τ = t/T.
private func minimumJerkSpeed(duration: Double, fs: Double, amplitude: Double = 1) -> [Double] {
    let n = Int((duration * fs).rounded()) + 1
    return (0..<n).map { i in
        let tau = Double(i) / fs / duration
        return amplitude / duration * 30 * tau * tau * (1 - tau) * (1 - tau)
    }
}

/// Its acceleration: a(t) = (A/T²) · 60τ(1−τ)(1−2τ).
private func minimumJerkAcceleration(duration: Double, fs: Double, amplitude: Double = 1) -> [Double] {
    let n = Int((duration * fs).rounded()) + 1
    return (0..<n).map { i in
        let tau = Double(i) / fs / duration
        return amplitude / (duration * duration) * 60 * tau * (1 - tau) * (1 - 2 * tau)
    }
}

/// `count` unit minimum-jerk submovements of 1 s each, onsets `gap` s apart, summed; sampled at 100 Hz.
private func submovements(_ count: Int, gap: Double = 0.5) -> [Double] {
    let fs = 100.0, n = Int(((1 + gap * Double(count - 1)) * fs).rounded()) + 1
    return (0..<n).map { i in
        (0..<count).reduce(0.0) { sum, j in
            let tau = min(max(Double(i) / fs - Double(j) * gap, 0), 1)
            return sum + 30 * tau * tau * (1 - tau) * (1 - tau)
        }
    }
}

@Suite struct FFTTests {
    /// Direct O(N²) DFT; the angle is reduced mod N in integers so it stays accurate.
    private func directDFT(_ re: [Double], _ im: [Double]) -> ([Double], [Double]) {
        let n = re.count
        var outRe = [Double](repeating: 0, count: n), outIm = outRe
        for k in 0..<n {
            for m in 0..<n {
                let angle = -2 * Double.pi * Double((k * m) % n) / Double(n)
                let c = Double.cos(angle), s = Double.sin(angle)
                outRe[k] += re[m] * c - im[m] * s
                outIm[k] += re[m] * s + im[m] * c
            }
        }
        return (outRe, outIm)
    }

    @Test(arguments: [1, 2, 4, 8, 64, 512])
    func matchesDirectDFTAndParsevalOnRandomData(n: Int) {
        var random = SeededRandom(seed: UInt64(n))
        let re = (0..<n).map { _ in random.gaussian() }, im = (0..<n).map { _ in random.gaussian() }
        var fRe = re, fIm = im
        FFT.forward(real: &fRe, imaginary: &fIm)
        let (dRe, dIm) = directDFT(re, im)
        // Each output sums n terms of size ~1 (|x| ~ 1): rounding of the direct sum is ~ n·ε ≈ 1e-13 at
        // n = 512, the FFT's ~ ε·log₂n·√n; 1e-11 leaves a margin of ~100 over the worse of the two.
        for k in 0..<n {
            #expect(abs(fRe[k] - dRe[k]) < 1e-11 && abs(fIm[k] - dIm[k]) < 1e-11, "bin \(k)")
        }
        // Parseval: Σ|x|² = (1/N) Σ|X|², to relative rounding (sums of n positive terms: ≤ n·ε).
        let energy = zip(re, im).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
        let spectral = zip(fRe, fIm).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 } / Double(n)
        #expect(abs(energy - spectral) <= 1e-12 * energy)
        // The inverse undoes the forward transform.
        FFT.inverse(real: &fRe, imaginary: &fIm)
        for k in 0..<n { #expect(abs(fRe[k] - re[k]) < 1e-13 && abs(fIm[k] - im[k]) < 1e-13) }
    }

    @Test func magnitudeSpectrumOfPaddedCosineAndPowersOfTwo() {
        // cos(2π·5·m/16) zero-padded to 32 points: its energy lands on bin 10 of 32 with |X| = 16/2.
        let signal = (0..<16).map { Double.cos(2 * Double.pi * 5 * Double($0) / 16) }
        let spectrum = FFT.magnitudeSpectrum(of: signal, paddedTo: 32)
        #expect(spectrum.count == 17)
        #expect(abs(spectrum[10] - 8) < 1e-12)
        #expect(spectrum.indices.allSatisfy { spectrum[$0] <= spectrum[10] })
        #expect([0, 1, 2, 3, 5, 1000, 1024, 1025].map { FFT.powerOfTwo(atLeast: $0)! } == [1, 1, 2, 4, 8, 1024, 1024, 2048])
        #expect(FFT.powerOfTwo(atLeast: Int.max) == nil)
        #expect(FFT.isPowerOfTwo(64) && !FFT.isPowerOfTwo(0) && !FFT.isPowerOfTwo(96))
    }
}

@Suite struct SpectralArcLengthTests {
    let sparc = SpectralArcLength()

    @Test func minimumJerkMatchesReferenceValues() throws {
        let m = try #require(sparc.measure(speed: minimumJerkSpeed(duration: 1, fs: 100), sampleRate: 100))
        #expect(abs(m.value - -1.4058293244214652) < 1e-9)  // discrete (numpy)
        #expect(abs(m.value - -1.4081775507821486) < 0.01)  // continuous; ω_c·T = 1.66844
        #expect(m.cutoffFrequency == 1.66015625 && m.fftLength == 2048)  // bin 34 of 2048 at 100 Hz
    }

    @Test func gaussianMatchesReferenceValues() throws {
        // exp(−(t − 0.5)²/(2·0.1²)) on [0, 1] s at 100 Hz (its ends are e^−12.5 ≈ 4e-6: not truncated).
        let speed = (0...100).map { i in Double.exp(-(Double(i) / 100 - 0.5) * (Double(i) / 100 - 0.5) / 0.02) }
        let m = try #require(sparc.measure(speed: speed, sampleRate: 100))
        #expect(abs(m.value - -1.4133304480315512) < 1e-9)  // discrete (numpy)
        // Continuous: over u = f/f_c the normalised spectrum is 20^(−u²) for every σ, so SPARC is the pure
        // number −∫₀¹ √(1 + (d 20^(−u²)/du)²) du = −1.416458294829647 (f_c = √(2 ln 20)/(2πσ) = 3.8957 Hz).
        #expect(abs(m.value - -1.416458294829647) < 0.01)
    }

    @Test func moreSubmovementsScoreLower() throws {
        let values = try (1...3).map { try #require(sparc.measure(speed: submovements($0), sampleRate: 100)).value }
        // Discrete references (numpy): −1.4058293244214652, −1.63111036099556, −1.6995299873360934.
        #expect(abs(values[1] - -1.63111036099556) < 1e-9 && abs(values[2] - -1.6995299873360934) < 1e-9)
        #expect(values[0] > values[1] + 0.1 && values[1] > values[2] + 0.03)
    }

    @Test func jerkyProfileScoresLower() throws {
        let smooth = minimumJerkSpeed(duration: 2, fs: 100)
        let jerky = smooth.enumerated().map { i, v in v * (1 + 0.3 * Double.sin(2 * Double.pi * 4 * Double(i) / 100)) }
        let a = try #require(sparc.measure(speed: smooth, sampleRate: 100)).value
        let b = try #require(sparc.measure(speed: jerky, sampleRate: 100)).value
        #expect(b < a - 0.1)
    }

    @Test func invariantToAmplitudeAndDuration() throws {
        let base = try #require(sparc.measure(speed: minimumJerkSpeed(duration: 1, fs: 100), sampleRate: 100)).value
        // Amplitude: the spectrum scales and the DC normalisation removes it; only rounding differs.
        for amplitude in [1e-3, 7.0, 1e4] {
            let speed = minimumJerkSpeed(duration: 1, fs: 100, amplitude: amplitude)
            #expect(abs(try #require(sparc.measure(speed: speed, sampleRate: 100)).value - base) < 1e-12)
        }
        // Duration 1 → 2 → 4 s at 100 Hz: N = 101, 201, 401 doubles the FFT length, so the bins fall at the
        // same multiples of 1/T and only the sampling of the profile differs (numpy: agree to 5e-8).
        for duration in [2.0, 4.0] {
            let speed = minimumJerkSpeed(duration: duration, fs: 100)
            #expect(abs(try #require(sparc.measure(speed: speed, sampleRate: 100)).value - base) < 1e-6)
        }
        // Other durations move the bins relative to 1/T: ω_c quantisation (numpy: −1.40254 at 1.5 s).
        for duration in [1.5, 3.0, 5.0] {
            let speed = minimumJerkSpeed(duration: duration, fs: 100)
            #expect(abs(try #require(sparc.measure(speed: speed, sampleRate: 100)).value - base) < 0.01)
        }
    }

    @Test func angularVelocityUsesItsLengthWhateverTheAxis() throws {
        let speed = minimumJerkSpeed(duration: 1.2, fs: 50)
        let reference = try #require(sparc.measure(speed: speed, sampleRate: 50)).value
        for axis in [Vector3D.unitX, Vector3D(1, -2, 0.5).normalized, -Vector3D.unitZ] {
            let gyro = speed.map { axis * $0 }
            #expect(abs(try #require(sparc.measure(angularVelocity: gyro, sampleRate: 50)).value - reference) < 1e-12)
        }
    }

    @Test func degenerateInputReturnsNil() {
        let good = minimumJerkSpeed(duration: 1, fs: 100)
        #expect(sparc.measure(speed: [], sampleRate: 100) == nil)
        #expect(sparc.measure(speed: [1, 2], sampleRate: 100) == nil)
        #expect(sparc.measure(speed: [0, 0, 0, 0], sampleRate: 100) == nil)
        #expect(sparc.measure(speed: good + [.nan], sampleRate: 100) == nil)
        #expect(sparc.measure(speed: good + [.infinity], sampleRate: 100) == nil)
        #expect(sparc.measure(speed: good + [-0.1], sampleRate: 100) == nil)
        #expect(sparc.measure(angularVelocity: [.zero, Vector3D(.nan, 0, 0), .unitX], sampleRate: 100) == nil)
        for fs in [0, -100, .nan, .infinity] { #expect(sparc.measure(speed: good, sampleRate: fs) == nil) }
        #expect(SpectralArcLength(paddingLevel: -1).measure(speed: good, sampleRate: 100) == nil)
        #expect(SpectralArcLength(paddingLevel: 9).measure(speed: good, sampleRate: 100) == nil)
        #expect(SpectralArcLength(amplitudeThreshold: 1).measure(speed: good, sampleRate: 100) == nil)
        #expect(SpectralArcLength(maxCutoffFrequency: 0).measure(speed: good, sampleRate: 100) == nil)
        // A ceiling below the first bin (100/2048 Hz) leaves only DC: nothing to measure.
        #expect(SpectralArcLength(maxCutoffFrequency: 0.01).measure(speed: good, sampleRate: 100) == nil)
        // A constant speed is a valid (if odd) input: finite, ≤ −1.
        #expect((sparc.measure(speed: [1, 1, 1], sampleRate: 100)?.value ?? 0) <= -1)
    }
}

// LDLJ of a minimum-jerk move, closed form. x(t) = A(10τ³ − 15τ⁴ + 6τ⁵), τ = t/T, so
//   v = (A/T)·30τ²(1−τ)²,  a = (A/T²)·60τ(1−τ)(1−2τ),  j = d²v/dt² = (A/T³)·60(1 − 6τ + 6τ²).
// ∫₀¹ (1 − 6τ + 6τ²)² dτ = ∫ (1 − 12τ + 48τ² − 72τ³ + 36τ⁴) dτ = 1 − 6 + 16 − 18 + 36/5 = 1/5, so
//   ∫₀^T j² dt = (A²/T⁶)·3600·(1/5)·T = 720 A²/T⁵.
// LDLJ-V: v_peak = v(τ = ½) = (A/T)·30/16 = 15A/(8T), so (T³/v_peak²)·∫j² = T³·(64T²/225A²)·720A²/T⁵
//   = 64·720/225 = 204.8 and LDLJ-V = −ln 204.8 = −5.322033893165353.
// LDLJ-A: |a| peaks where d/dτ[τ − 3τ² + 2τ³] = 1 − 6τ + 6τ² = 0, τ = ½ − √3/6, where τ(1−τ) = 1/6 and
//   1 − 2τ = 1/√3: a_peak = (A/T²)·60/(6√3) = 10A/(√3T²), a_peak² = 100A²/(3T⁴), so
//   (T/a_peak²)·∫j² = T·(3T⁴/100A²)·720A²/T⁵ = 21.6 and LDLJ-A = −ln 21.6 = −3.0726933146901194.
// (a has zero mean over [0, T], so removing the mean does not change it.)
@Suite struct LogDimensionlessJerkTests {
    static let analyticV = -5.322033893165353, analyticA = -3.0726933146901194

    @Test func velocityFormMatchesClosedFormForMinimumJerk() throws {
        let fine = try #require(LogDimensionlessJerk.ofVelocity(minimumJerkSpeed(duration: 1, fs: 1000), sampleRate: 1000))
        #expect(abs(fine - -5.322043773126144) < 1e-9)  // discrete (numpy)
        // O(h²) discretisation error ≈ 9/N² (numpy: 8.8e-4 at N = 101, 9.9e-6 at N = 1001): 3e-5 at N = 1001.
        #expect(abs(fine - Self.analyticV) < 3e-5)
        let coarse = try #require(LogDimensionlessJerk.ofVelocity(minimumJerkSpeed(duration: 1, fs: 100), sampleRate: 100))
        #expect(abs(coarse - -5.322913656060465) < 1e-9)  // discrete (numpy)
        #expect(abs(coarse - Self.analyticV) < 2e-3)
    }

    @Test func accelerationFormMatchesClosedFormAndIgnoresGravity() throws {
        let a = minimumJerkAcceleration(duration: 1, fs: 1000)
        let plain = try #require(LogDimensionlessJerk.ofAcceleration(a, sampleRate: 1000))
        #expect(abs(plain - -3.0727070554547433) < 1e-9)  // discrete (numpy)
        #expect(abs(plain - Self.analyticA) < 3e-5)  // O(h²): numpy 1.4e-5 at N = 1001
        // The move along an oblique axis, measured by an accelerometer that also sees gravity (m/s²).
        let axis = Vector3D(0.6, 0, 0.8), gravity = Vector3D(0.3, -0.2, 9.81)
        let withGravity = try #require(LogDimensionlessJerk.ofAcceleration(a.map { axis * $0 + gravity }, sampleRate: 1000))
        // Gravity adds ~1e-15 relative rounding to each sample (|g| ≈ 10 vs a_peak ≈ 5.8): 1e-9 is loose.
        #expect(abs(withGravity - plain) < 1e-9)
    }

    @Test func invariantToAmplitudeAndDuration() throws {
        let base = try #require(LogDimensionlessJerk.ofVelocity(minimumJerkSpeed(duration: 1, fs: 1000), sampleRate: 1000))
        let baseA = try #require(LogDimensionlessJerk.ofAcceleration(minimumJerkAcceleration(duration: 1, fs: 1000), sampleRate: 1000))
        for amplitude in [1e-3, 0.35, 250] {  // exact up to rounding
            let v = minimumJerkSpeed(duration: 1, fs: 1000, amplitude: amplitude)
            let a = minimumJerkAcceleration(duration: 1, fs: 1000, amplitude: amplitude)
            #expect(abs(try #require(LogDimensionlessJerk.ofVelocity(v, sampleRate: 1000)) - base) < 1e-10)
            #expect(abs(try #require(LogDimensionlessJerk.ofAcceleration(a, sampleRate: 1000)) - baseA) < 1e-10)
        }
        // Durations 0.5–4 s at 1000 Hz (N ≥ 501): each is within ≈ 9/N² ≤ 4e-5 of the closed form.
        for duration in [0.5, 2.5, 4] {
            let v = minimumJerkSpeed(duration: duration, fs: 1000)
            let a = minimumJerkAcceleration(duration: duration, fs: 1000)
            #expect(abs(try #require(LogDimensionlessJerk.ofVelocity(v, sampleRate: 1000)) - base) < 1e-4)
            #expect(abs(try #require(LogDimensionlessJerk.ofAcceleration(a, sampleRate: 1000)) - baseA) < 1e-4)
        }
    }

    @Test func addedOscillationScoresLower() throws {
        // A 4 Hz wobble of 5 % of the peak speed on a 2 s move: its jerk dominates the integral (−3.6).
        let v = minimumJerkSpeed(duration: 2, fs: 200)
        let peak = v.max()!
        let wobbly = v.enumerated().map { i, s in s + 0.05 * peak * Double.sin(2 * Double.pi * 4 * Double(i) / 200) }
        let smooth = try #require(LogDimensionlessJerk.ofVelocity(v, sampleRate: 200))
        #expect(try #require(LogDimensionlessJerk.ofVelocity(wobbly, sampleRate: 200)) < smooth - 1)
        // LDLJ-A: an 8 Hz wobble of 5 % of the peak acceleration raises ∫|da/dt|² by ≈ 40 % (−0.36).
        let a = minimumJerkAcceleration(duration: 2, fs: 200)
        let peakA = a.map(abs).max()!
        let wobblyA = a.enumerated().map { i, x in x + 0.05 * peakA * Double.sin(2 * Double.pi * 8 * Double(i) / 200) }
        let smoothA = try #require(LogDimensionlessJerk.ofAcceleration(a, sampleRate: 200))
        #expect(try #require(LogDimensionlessJerk.ofAcceleration(wobblyA, sampleRate: 200)) < smoothA - 0.2)
    }

    @Test func vectorScalarAndGyroFormsAgree() throws {
        let v = minimumJerkSpeed(duration: 1.5, fs: 100)
        let scalar = try #require(LogDimensionlessJerk.ofVelocity(v, sampleRate: 100))
        let mounting = QuaternionD(axis: Vector3D(1, 2, -1), angle: 0.8)
        let gyro = v.map { mounting.rotate(Vector3D(0, 0, $0)) }  // rad/s about a tilted axis
        #expect(abs(try #require(LogDimensionlessJerk.ofAngularVelocity(gyro, sampleRate: 100)) - scalar) < 1e-9)
        #expect(abs(try #require(LogDimensionlessJerk.ofVelocity(gyro, sampleRate: 100)) - scalar) < 1e-9)
    }

    @Test func degenerateInputReturnsNil() {
        #expect(LogDimensionlessJerk.ofVelocity([1.0, 2, 3], sampleRate: 100) == nil)  // < 4 samples
        #expect(LogDimensionlessJerk.ofAcceleration([1.0, 2], sampleRate: 100) == nil)  // < 3 samples
        #expect(LogDimensionlessJerk.ofVelocity([0.0, 0, 0, 0, 0], sampleRate: 100) == nil)  // no movement
        #expect(LogDimensionlessJerk.ofVelocity([2.0, 2, 2, 2, 2], sampleRate: 100) == nil)  // zero jerk: +∞
        #expect(LogDimensionlessJerk.ofAcceleration([Vector3D](repeating: Vector3D(0, 0, 9.81), count: 9), sampleRate: 100) == nil)
        #expect(LogDimensionlessJerk.ofVelocity([0.0, 1, .nan, 1, 0], sampleRate: 100) == nil)
        #expect(LogDimensionlessJerk.ofAcceleration([0.0, 1, .infinity, 1, 0], sampleRate: 100) == nil)
        #expect(LogDimensionlessJerk.ofAngularVelocity([.zero, .unitX, Vector3D(0, .nan, 0), .zero], sampleRate: 100) == nil)
        for fs in [0, -1, .nan, .infinity] {
            #expect(LogDimensionlessJerk.ofVelocity([0.0, 1, 2, 1, 0], sampleRate: fs) == nil)
            #expect(LogDimensionlessJerk.ofAcceleration([0.0, 1, 2, 1, 0], sampleRate: fs) == nil)
        }
    }

    @Test func finiteDifferencesAreExactForLowDegreePolynomials() {
        // Three-point first derivative: exact for quadratics; four-point second derivative: exact for cubics.
        let fs = 20.0, t = (0..<9).map { Double($0) / fs }
        let quadratic = t.map { Vector3D(2 * $0 * $0 - $0 + 1, 0, 0) }, cubic = t.map { Vector3D($0 * $0 * $0, 0, 0) }
        let d1 = SampledCalculus.firstDerivative(quadratic, sampleRate: fs)
        let d2 = SampledCalculus.secondDerivative(cubic, sampleRate: fs)
        for i in t.indices {
            #expect(abs(d1[i].x - (4 * t[i] - 1)) < 1e-12 && abs(d2[i].x - 6 * t[i]) < 1e-10)
        }
        #expect(abs(SampledCalculus.integralOfSquaredLength(t.map { _ in Vector3D(0, 3, 4) }, sampleRate: fs) - 25 * 0.4) < 1e-12)
    }
}
