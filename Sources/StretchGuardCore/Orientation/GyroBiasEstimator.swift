import RealModule

/// A three-state Kalman filter for the gyroscope bias (rad/s).
///
/// At rest the low-passed gyroscope rate measures the bias directly. During motion the accelerometer's
/// inclination correction measures the horizontal (world x/y) components of the bias: an uncorrected bias
/// makes the strapdown orientation tilt away, and the correction needed to undo it is that bias rotated
/// into the world frame. The vertical component is hardly observable without a magnetometer.
///
/// The bias changes over tens of seconds, so the Kalman update runs once per block of
/// `biasUpdateSamples` samples (about `biasUpdatePeriod`) on the block's mean drift rate, with the
/// measurement noise divided and the process noise multiplied by the block length: the same information
/// as per-sample updates at a fraction of the cost.
public struct GyroBiasEstimator: Sendable {
    /// The bias estimate in the sensor frame, in rad/s.
    public var bias: Vector3D = .zero
    /// Covariance of the estimate, in (rad/s)².
    public var covariance: Matrix3
    /// Low-passed sensor-to-world rotation matrix rows (lanes 0–2, 4–6, 8–10) and low-passed world x/y
    /// of the rotated bias estimate (lanes 12–13, rad/s), stepped once per block.
    public var motionLowPass = LowPassState<SIMD16<Double>>()
    /// Drift angle accumulated over the current block, in rad (world x/y).
    public var blockDrift: Vector3D = .zero
    /// Time covered by the current block, in s.
    public var blockTime: Double = 0
    /// Samples in the current block.
    public var blockSamples = 0

    public init(initialSigma: Double) {
        covariance = Matrix3(diagonal: initialSigma * initialSigma)
    }

    /// Standard deviation of the estimate along each sensor axis, in rad/s.
    public var sigma: Vector3D {
        let d = covariance.diagonal
        return Vector3D(d.x.squareRoot(), d.y.squareRoot(), d.z.squareRoot())
    }

    /// Adds one sample's evidence to the current block.
    ///
    /// - Parameters:
    ///   - drift: world x/y angle by which the strapdown frame tilted away this sample (the negative of the
    ///     inclination correction), in rad; z is ignored.
    ///   - dt: the sample period, in s.
    /// - Returns: whether the block is complete and `updateBlock` is due.
    @inlinable @inline(__always)
    public mutating func accumulate(drift: Vector3D, dt: Double, coefficients k: OrientationFilterCoefficients) -> Bool {
        blockDrift += drift
        blockTime += dt
        blockSamples += 1
        return blockSamples >= k.biasUpdateSamples
    }

    /// Ends a block: adds process noise, then updates with the rest measurement when resting, else with
    /// the motion measurement (when enabled).
    ///
    /// - Parameters:
    ///   - orientation: the current sensor-to-world orientation.
    ///   - restingGyr: the low-passed angular rate if the sensor is at rest and rest estimation is on, in
    ///     rad/s; else `nil`.
    public mutating func updateBlock(orientation: QuaternionD, restingGyr: Vector3D?,
                              settings s: OrientationFilterSettings, coefficients k: OrientationFilterCoefficients) {
        let n = Double(blockSamples)
        let meanDrift = blockDrift * (1 / blockTime)
        let time = blockTime
        blockDrift = .zero
        blockTime = 0
        blockSamples = 0

        // The low-passed rotation keeps running in every phase so it is current when motion starts.
        let r = Matrix3(orientation)
        let rotatedBias = r * bias
        let raw = SIMD16<Double>(lowHalf: SIMD8(lowHalf: r.r0, highHalf: r.r1),
                                 highHalf: SIMD8(lowHalf: r.r2, highHalf: SIMD4(rotatedBias.x, rotatedBias.y, 0, 0)))
        let lp = motionLowPass.step(raw, dt: time, k.biasLowPass)
        predict(k, samples: n)
        if let meanGyr = restingGyr {
            let w = k.biasRestW / n
            correct(error: meanGyr - bias, rotation: .identity, noise: Vector3D(w, w, w), clip: s.biasClip)
        } else if s.motionBiasEstimation {
            let rLp = Matrix3(simdRows: lp.lowHalf.lowHalf, lp.lowHalf.highHalf, lp.highHalf.lowHalf)
            let predicted = rLp * bias
            let error = Vector3D(meanDrift.x + lp[12] - predicted.x,
                                 meanDrift.y + lp[13] - predicted.y,
                                 -predicted.z)
            let w = Vector3D(k.biasMotionW, k.biasMotionW, k.biasVerticalW) * (1 / n)
            correct(error: error, rotation: rLp, noise: w, clip: s.biasClip)
        }
    }

    /// Process noise for `samples` samples: the bias may wander, so the covariance grows until it reaches
    /// its initial size.
    mutating func predict(_ k: OrientationFilterCoefficients, samples: Double) {
        if covariance.r0.x < k.biasP0 {
            let v = k.biasV * samples
            covariance = covariance.addingDiagonal(Vector3D(v, v, v))
        }
    }

    /// The Kalman measurement update for `y = H b` with measurement error `y − H b̂ = error`.
    ///
    /// Uses the symmetry of the covariance: `H P = (P Hᵀ)ᵀ`.
    mutating func correct(error: Vector3D, rotation h: Matrix3, noise w: Vector3D, clip: Double) {
        let e = Vector3D(clamp(error.x, clip), clamp(error.y, clip), clamp(error.z, clip))
        let pht = covariance * h.transposed
        let s = (h * pht).addingDiagonal(w)
        let gain = pht * s.symmetricInverse  // S = H P Hᵀ + W is symmetric
        bias += gain * e
        covariance = covariance - gain * pht.transposed
        bias = Vector3D(clamp(bias.x, clip), clamp(bias.y, clip), clamp(bias.z, clip))
    }
}

/// `x` limited to `[-limit, limit]`.
func clamp(_ x: Double, _ limit: Double) -> Double { min(max(x, -limit), limit) }
