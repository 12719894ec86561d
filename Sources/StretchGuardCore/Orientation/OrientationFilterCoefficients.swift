import RealModule

/// Values derived once from `OrientationFilterSettings` and a sample period; recomputed only when the
/// sample period changes by more than `tolerance`.
public struct OrientationFilterCoefficients: Sendable, Equatable {
    /// The sample period these coefficients are for, in s.
    public var samplePeriod: Double
    /// The accelerometer low-pass (time constant `accTimeConstant`).
    public var accLowPass: LowPassCoefficients
    /// The rest detector's low-pass (time constant `restFilterTimeConstant`).
    public var restLowPass: LowPassCoefficients
    /// Samples per gyroscope-bias update block (≥ 1).
    public var biasUpdateSamples: Int
    /// The bias estimator's low-pass, at the block period (time constant `accTimeConstant`).
    public var biasLowPass: LowPassCoefficients
    /// Largest bias covariance before the process noise stops being added, in (rad/s)².
    public var biasP0: Double
    /// Bias process noise per sample, in (rad/s)².
    public var biasV: Double
    /// Measurement noise of the horizontal bias components during motion, in (rad/s)².
    public var biasMotionW: Double
    /// Measurement noise of the vertical bias component during motion, in (rad/s)².
    public var biasVerticalW: Double
    /// Measurement noise of the bias at rest, in (rad/s)².
    public var biasRestW: Double

    /// Relative change of the (running) sample period that triggers a recomputation (unitless): 1 %. The
    /// running period averages out timestamp jitter and limits a gap's weight, so the coefficients only
    /// ever change by about this much at a time, which does not jolt the filters' state.
    public static let tolerance = 0.01

    public init(settings s: OrientationFilterSettings, samplePeriod: Double) {
        self.samplePeriod = samplePeriod
        accLowPass = LowPassCoefficients(timeConstant: s.accTimeConstant, samplePeriod: samplePeriod)
        restLowPass = LowPassCoefficients(timeConstant: s.restFilterTimeConstant, samplePeriod: samplePeriod)
        biasUpdateSamples = max(1, Int((s.biasUpdatePeriod / samplePeriod).rounded()))
        biasLowPass = LowPassCoefficients(timeConstant: s.accTimeConstant,
                                          samplePeriod: samplePeriod * Double(biasUpdateSamples))
        biasP0 = s.biasSigmaInit * s.biasSigmaInit
        // The process noise lets the estimate forget: after `biasForgettingTime` the added variance equals
        // that of a 0.1 °/s uncertainty.
        let forgettingSigma = 0.1 * degree
        biasV = forgettingSigma * forgettingSigma * samplePeriod / s.biasForgettingTime
        let pMotion = s.biasSigmaMotion * s.biasSigmaMotion
        // W chosen so that the steady-state covariance under constant measurement equals pMotion.
        biasMotionW = pMotion * pMotion / biasV + pMotion
        biasVerticalW = biasMotionW / max(s.biasVerticalForgettingFactor, 1e-10)
        let pRest = s.biasSigmaRest * s.biasSigmaRest
        biasRestW = pRest * pRest / biasV + pRest
    }

    /// Whether these coefficients still serve a sample period of `dt` seconds.
    @inlinable
    public func fits(_ dt: Double) -> Bool {
        abs(dt - samplePeriod) <= Self.tolerance * samplePeriod
    }
}
