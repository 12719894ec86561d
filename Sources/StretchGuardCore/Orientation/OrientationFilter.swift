import RealModule

/// A 6-axis (gyroscope + accelerometer) orientation filter with gyroscope bias estimation at rest and in
/// motion, robust to linear acceleration.
///
/// The estimate is kept as two factors, `orientation = inclinationCorrection ⊗ strapdown`:
/// - `strapdown` integrates the bias-corrected angular rate with each sample's own time step, so it is an
///   almost-inertial frame that drifts only slowly;
/// - the specific force, rotated into that frame, is low-pass filtered (time constant `accTimeConstant`),
///   which averages out bouncing, walking shake and impacts while gravity stays; `inclinationCorrection` is
///   then the smallest rotation that makes the filtered vector point straight up.
/// The correction the accelerometer needs each sample feeds a Kalman estimate of the gyroscope bias
/// (`GyroBiasEstimator`); at rest the low-passed rate measures the bias directly.
///
/// Heading (rotation about world z) is unobservable to a 6-axis filter: it starts at zero and drifts only as
/// much as the vertical bias error allows.
public struct OrientationFilter: Sendable {
    /// What this filter was configured with.
    public let settings: OrientationFilterSettings
    /// Values derived from `settings` and the current sample period.
    public private(set) var coefficients: OrientationFilterCoefficients
    /// Everything that changes per sample.
    public private(set) var state: State

    /// The mutable per-sample state of an `OrientationFilter`, readable for diagnostics.
    public struct State: Sendable {
        /// Integrated bias-corrected angular rate: sensor frame to the almost-inertial frame.
        public var strapdown = QuaternionD.identity
        /// Rotation from the almost-inertial frame to the z-up world frame (inclination only).
        public var inclinationCorrection = QuaternionD.identity
        /// Low-passed specific force in the almost-inertial frame, in m/s².
        public var accLowPass = LowPassState<SIMD4<Double>>()
        /// Rest detection.
        public var rest = RestDetector()
        /// Gyroscope bias estimation.
        public var bias: GyroBiasEstimator
        /// Time of the last sample, in s; `nil` before the first one.
        public var lastTime: Double?
        /// 1/|low-passed specific force| at the last sample, in s²/m (0 before the first).
        public var accInverseLength: Double = 0
        /// The time step used for the last sample, in s.
        public var lastStep: Double = 0
        /// The running sample period the coefficients follow, in s (0 before the first step): an
        /// average over about 100 samples of the steps, each limited to twice it, so that timestamp
        /// jitter and a gap of dropped samples leave it (and the low-pass filters' coefficients) alone.
        public var period: Double = 0
    }

    /// - Parameters:
    ///   - settings: tuning; the defaults suit every recording.
    ///   - samplePeriod: the expected sample period, in s; each sample's own time step is used, and the
    ///     coefficients follow it when it changes.
    public init(settings: OrientationFilterSettings = .default, samplePeriod: Double = 0.01) {
        self.settings = settings
        coefficients = OrientationFilterCoefficients(settings: settings, samplePeriod: samplePeriod)
        state = State(bias: GyroBiasEstimator(initialSigma: settings.biasSigmaInit))
    }

    /// The sensor-to-world orientation (rotates sensor-frame vectors into the z-up world frame).
    @inlinable @inline(__always)
    public var orientation: QuaternionD { state.inclinationCorrection * state.strapdown }

    /// The current gyroscope bias estimate, in rad/s (sensor frame).
    @inlinable public var gyrBias: Vector3D { state.bias.bias }

    /// Whether the sensor is at rest now.
    @inlinable public var isResting: Bool { state.rest.isResting }

    /// Starts from a known calibration instead of from scratch.
    ///
    /// - Parameters:
    ///   - gyrBias: gyroscope bias, in rad/s.
    ///   - biasSigma: its standard deviation, in rad/s.
    ///   - gravity: mean specific force at rest, in m/s² (sets the initial inclination).
    public mutating func start(gyrBias: Vector3D, biasSigma: Double, gravity: Vector3D) {
        state.bias.bias = gyrBias
        state.bias.covariance = Matrix3(diagonal: biasSigma * biasSigma)
        state.strapdown = .identity
        let up = gravity.normalized
        state.inclinationCorrection = QuaternionD(from: up, to: .unitZ)
        state.accLowPass.start(at: gravity.simd, coefficients.accLowPass)
    }

    /// Feeds one sample, taking its time step from the previous sample's time.
    @inline(__always)
    public mutating func update(_ sample: IMUSample) {
        update(gyr: sample.gyr, acc: sample.acc, time: sample.time)
    }

    /// Feeds one sample given by parts, taking its time step from the previous sample's time.
    ///
    /// - Parameters:
    ///   - gyr: angular rate in the sensor frame, in rad/s.
    ///   - acc: specific force in the sensor frame, in m/s².
    ///   - time: the sample's time, in s.
    @inline(__always)
    public mutating func update(gyr: Vector3D, acc: Vector3D, time: Double) {
        let dt: Double
        if let last = state.lastTime {
            dt = min(max(time - last, 0), settings.maxSamplePeriod)
        } else {
            dt = coefficients.samplePeriod
        }
        state.lastTime = time
        state.lastStep = dt
        update(gyr: gyr, acc: acc, dt: dt)
    }

    /// Feeds one sample.
    ///
    /// - Parameters:
    ///   - gyr: angular rate in the sensor frame, in rad/s.
    ///   - acc: specific force in the sensor frame, in m/s².
    ///   - dt: the time since the previous sample, in s.
    public mutating func update(gyr: Vector3D, acc: Vector3D, dt: Double) {
        guard dt > 0 else { return }
        // The low-pass filters run at the nominal rate: per-sample jitter and gaps only change the
        // strapdown step. Switching a second-order filter's coefficients mid-stream jolts its state, so
        // they change only when the running period has moved for good (a new output data rate).
        if state.period == 0 { state.period = coefficients.samplePeriod }
        state.period += 0.01 * (min(dt, 2 * state.period) - state.period)
        if !coefficients.fits(state.period) {
            coefficients = OrientationFilterCoefficients(settings: settings, samplePeriod: state.period)
        }

        // Rest detection, then strapdown integration of the bias-corrected rate.
        state.rest.update(gyr: gyr, acc: acc, dt: dt, settings: settings, coefficients: coefficients)
        // Unit norm is kept with one Newton step, `(3 − |q|²)/2`, computed from the stored quaternion so that
        // it runs alongside the step rather than after it (the filter is latency-bound, not work-bound).
        let strapdownScale = (3 - state.strapdown.squaredNorm) / 2
        let inclinationScale = (3 - state.inclinationCorrection.squaredNorm) / 2
        let rate = gyr - state.bias.bias
        state.strapdown = (state.strapdown * QuaternionD(rotationVector: rate * dt)) * strapdownScale

        // Inclination: low-pass the specific force in the almost-inertial frame, then rotate the world so
        // that the filtered vector points up.
        guard acc.squaredLength > 0 else { return }
        let accInertial = state.strapdown.rotate(acc)
        let accFiltered = Vector3D(state.accLowPass.step(accInertial.simd, dt: dt, coefficients.accLowPass))
        // A rotation keeps the length, so 1/|v| comes from the filtered vector, which changes slowly: a series
        // step from the last sample's value instead of a square root and a division.
        let squaredLength = accFiltered.squaredLength
        guard squaredLength > 0 else { return }
        let inverseLength = InverseSquareRoot.of(squaredLength, near: state.accInverseLength)
        state.accInverseLength = inverseLength
        let up = state.inclinationCorrection.rotate(accFiltered) * inverseLength
        let tilt = Self.tiltCorrection(up: up)
        state.inclinationCorrection = (tilt.unscaled * state.inclinationCorrection) * (tilt.scale * inclinationScale)

        // Bias: the correction just applied is evidence of the bias error (see GyroBiasEstimator).
        // The correction turned the world by (up.y, −up.x, 0) rad (small angle); the strapdown frame drifted by
        // the opposite.
        guard state.bias.accumulate(drift: Vector3D(-up.y, up.x, 0), dt: dt, coefficients: coefficients) else { return }
        let resting = settings.restBiasEstimation && state.rest.isResting
        state.bias.updateBlock(orientation: orientation, restingGyr: resting ? state.rest.meanGyr : nil,
                               settings: settings, coefficients: coefficients)
    }

    /// The smallest rotation taking the unit vector `up` onto +z, as an unscaled quaternion and the factor
    /// that makes it a unit quaternion.
    ///
    /// The quaternion `((1 + up.z)/2, up.y/2, −up.x/2, 0)` is that rotation with squared norm
    /// `(1 + up.z)/2 ≈ 1 − tilt²/4`. Per-sample corrections are tiny, so the scale comes from the series of
    /// `InverseSquareRoot` around 1 and is computed alongside the quaternion product instead of after it.
    @inline(__always)
    static func tiltCorrection(up: Vector3D) -> (unscaled: QuaternionD, scale: Double) {
        let half = (1 + up.z) / 2
        // Straight down: any half turn about a horizontal axis will do.
        guard half > 1e-12 else { return (QuaternionD(w: 0, x: 1, y: 0, z: 0), 1) }
        return (QuaternionD(w: half, x: up.y / 2, y: -up.x / 2, z: 0), InverseSquareRoot.of(half, near: 1))
    }
}
