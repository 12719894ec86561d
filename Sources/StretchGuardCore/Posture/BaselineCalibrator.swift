import RealModule

/// Builds a `Baseline` from samples of a still, upright period: gyroscope bias, gravity direction (the
/// spine axis unless one is declared) and the forward axis.
public struct BaselineCalibrator: Sendable {
    /// Limits on how still the wearer must be.
    public struct Settings: Sendable, Equatable {
        /// Largest RMS deviation of the angular rate from its mean, in rad/s. Default 3 °/s.
        public var maxGyrDeviation: Double = 3 * degree
        /// Largest RMS deviation of the specific force from its mean, in m/s². Default 0.3 m/s².
        public var maxAccDeviation: Double = 0.3
        /// Accepted range of the mean specific force's magnitude, in m/s² (gravity ± 15 %): anything else
        /// means wrong units or a broken accelerometer.
        public var gravityRange: ClosedRange<Double> = 8.3...11.3
        /// Fewest samples for a baseline. Default 20.
        public var minimumSamples = 20

        public init() {}
    }

    /// Why the still period cannot serve as a baseline.
    public enum Failure: Error, Equatable, Sendable {
        case tooFewSamples(count: Int, minimum: Int)
        /// The wearer moved: RMS deviations in rad/s and m/s².
        case moving(gyrDeviation: Double, accDeviation: Double)
        /// The mean specific force is not about 1 g, in m/s².
        case implausibleGravity(magnitude: Double)
        case mounting(BodyMounting.Failure)
    }

    public var settings: Settings
    private var count = 0
    private var sumGyr = Vector3D.zero, sumGyrSq = Vector3D.zero
    private var sumAcc = Vector3D.zero, sumAccSq = Vector3D.zero
    private var firstTime: Double?, lastTime: Double?

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Adds one sample of the still period.
    public mutating func add(_ s: IMUSample) {
        count += 1
        sumGyr += s.gyr
        sumGyrSq += Vector3D(s.gyr.x * s.gyr.x, s.gyr.y * s.gyr.y, s.gyr.z * s.gyr.z)
        sumAcc += s.acc
        sumAccSq += Vector3D(s.acc.x * s.acc.x, s.acc.y * s.acc.y, s.acc.z * s.acc.z)
        if firstTime == nil { firstTime = s.time }
        lastTime = s.time
    }

    /// Samples added so far.
    public var sampleCount: Int { count }

    /// The baseline from the samples added.
    ///
    /// - Parameters:
    ///   - spineAxis: a declared spine (up) axis, or `nil` to use the measured up direction.
    ///   - forwardAxis: the forward axis; it is made orthogonal to the spine. Default `+x`.
    public func baseline(spineAxis: SensorAxis? = nil,
                         forwardAxis: SensorAxis = .plusX) throws(Failure) -> Baseline {
        guard count >= settings.minimumSamples else {
            throw .tooFewSamples(count: count, minimum: settings.minimumSamples)
        }
        let n = Double(count)
        let meanGyr = sumGyr / n, meanAcc = sumAcc / n
        let gyrDev = Self.rmsDeviation(sumSq: sumGyrSq, mean: meanGyr, n: n)
        let accDev = Self.rmsDeviation(sumSq: sumAccSq, mean: meanAcc, n: n)
        guard gyrDev <= settings.maxGyrDeviation && accDev <= settings.maxAccDeviation else {
            throw .moving(gyrDeviation: gyrDev, accDeviation: accDev)
        }
        guard settings.gravityRange.contains(meanAcc.length) else {
            throw .implausibleGravity(magnitude: meanAcc.length)
        }
        let spine = spineAxis?.vector ?? meanAcc.normalized
        let mounting: BodyMounting
        do { mounting = try BodyMounting.from(spine: spine, forward: forwardAxis.vector) } catch {
            throw .mounting(error)
        }
        return Baseline(gyrBias: meanGyr, gyrBiasSigma: max(gyrDev / n.squareRoot(), 0.01 * degree),
                        gravity: meanAcc, mounting: mounting,
                        duration: (lastTime ?? 0) - (firstTime ?? 0), sampleCount: count)
    }

    /// RMS length of the deviation from the mean, from sums of squares (units of the samples).
    private static func rmsDeviation(sumSq: Vector3D, mean: Vector3D, n: Double) -> Double {
        let variance = sumSq / n - Vector3D(mean.x * mean.x, mean.y * mean.y, mean.z * mean.z)
        return max(variance.x + variance.y + variance.z, 0).squareRoot()
    }
}
