import RealModule

/// Builds a `Baseline` from samples of a still, upright period: gyroscope bias (with breathing's rotation
/// taken out, see `BaselineSums`), gravity direction (the spine axis unless one is declared) and, when
/// declared, the forward axis.
public struct BaselineCalibrator: Sendable {
    /// Limits on how still the wearer must be.
    public struct Settings: Sendable, Equatable {
        /// Largest RMS deviation of the orientation from its steady drift, in rad. Default 1.5°: breathing
        /// (±1°, 0.7° RMS) with postural sway stays under it, however much tremor rides on it; a movement
        /// of a few degrees goes over.
        public var maxAngleDeviation: Double = 1.5 * degree
        /// Largest RMS deviation of the angular rate from its mean, in rad/s. Default 30 °/s: only shaking
        /// goes over (hold tremor of 0.2° at 12 Hz reads 11 °/s RMS).
        public var maxGyrDeviation: Double = 30 * degree
        /// Largest RMS deviation of the specific force from its mean, in m/s². Default 0.4 m/s² (1.5° of
        /// sway moves gravity's reaction by 0.26 m/s²).
        public var maxAccDeviation: Double = 0.4
        /// Largest rate at which the gravity direction may turn across the period, in rad/s. Default
        /// 3 °/s: breathing and sway turn the chest by a few degrees back and forth (a trend of at most
        /// 1–2 °/s over 2 s); a slow bend turns it steadily.
        public var maxTurnRate: Double = 3 * degree
        /// Accepted range of the mean specific force's magnitude, in m/s² (gravity ± 15 %): anything else
        /// means wrong units or a broken accelerometer.
        public var gravityRange: ClosedRange<Double> = IMUSampleLimits.gravity
        /// Fewest samples for a baseline. Default 20.
        public var minimumSamples = 20

        public init() {}
    }

    /// Why the still period cannot serve as a baseline.
    public enum Failure: Error, Equatable, Sendable {
        case tooFewSamples(count: Int, minimum: Int)
        /// The wearer moved: RMS deviation of the orientation in rad, of the rate in rad/s and of the
        /// specific force in m/s², and the gravity direction's turn rate in rad/s.
        case moving(angleDeviation: Double, gyrDeviation: Double, accDeviation: Double, turnRate: Double)
        /// The mean specific force is not about 1 g, in m/s².
        case implausibleGravity(magnitude: Double)
    }

    public var settings: Settings
    /// The sums of the samples added so far.
    public private(set) var sums = BaselineSums()
    /// The same sums of the pelvis's readings (two sensors), and how many samples had one.
    public private(set) var pelvisSums = BaselineSums()
    private var integrated = Vector3D.zero, pelvisIntegrated = Vector3D.zero
    private var firstTime: Double?, lastTime: Double?

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Adds one sample of the still period (with its pelvis reading, if any).
    public mutating func add(_ s: IMUSample) {
        let origin = firstTime ?? s.time
        let step = lastTime.map { max(s.time - $0, 0) } ?? 0
        integrated += s.gyr * step
        sums.add(s, time: s.time - origin, angle: integrated)
        if let pelvis = s.pelvisSample {
            pelvisIntegrated += pelvis.gyr * step
            pelvisSums.add(pelvis, time: s.time - origin, angle: pelvisIntegrated)
        }
        firstTime = origin
        lastTime = s.time
    }

    /// Samples added so far.
    public var sampleCount: Int { Int(sums.count) }

    /// How still a stretch was, measured once from its sums.
    public struct Stillness: Sendable, Equatable {
        /// RMS deviation of the orientation from its steady drift, in rad.
        public var angle: Double
        /// RMS deviation of the angular rate, in rad/s, and of the specific force, in m/s².
        public var gyr: Double, acc: Double
        /// The gravity direction's turn rate, in rad/s.
        public var turn: Double

        public init(_ sums: BaselineSums) {
            angle = sums.angleDeviation
            gyr = sums.gyrDeviation
            acc = sums.accDeviation
            turn = sums.gravityTurnRate.length
        }

        /// The largest of the four measures' shares of their limits (unitless; ≤ 1 is still).
        public func share(of limits: Settings) -> Double {
            max(angle / limits.maxAngleDeviation, gyr / limits.maxGyrDeviation, acc / limits.maxAccDeviation,
                turn / limits.maxTurnRate)
        }
    }

    /// Whether `sums` describe a still, plausible period; nil when they do, else why not.
    ///
    /// - Parameter stillness: the sums' stillness, when the caller has already measured it.
    public static func failure(of sums: BaselineSums, settings: Settings, stillness: Stillness? = nil) -> Failure? {
        guard Int(sums.count) >= settings.minimumSamples else {
            return .tooFewSamples(count: Int(sums.count), minimum: settings.minimumSamples)
        }
        let m = stillness ?? Stillness(sums)
        guard m.angle <= settings.maxAngleDeviation, m.gyr <= settings.maxGyrDeviation,
              m.acc <= settings.maxAccDeviation, m.turn <= settings.maxTurnRate else {
            return .moving(angleDeviation: m.angle, gyrDeviation: m.gyr, accDeviation: m.acc, turnRate: m.turn)
        }
        guard settings.gravityRange.contains(sums.meanAcc.length) else {
            return .implausibleGravity(magnitude: sums.meanAcc.length)
        }
        return nil
    }

    /// The baseline from the samples added.
    ///
    /// - Parameters:
    ///   - spineAxis: a declared spine (up) axis, or `nil` to use the measured up direction.
    ///   - forwardAxis: a declared forward axis (made orthogonal to the spine), or `nil` to learn it from
    ///     the first deep bend. A declared axis along the spine cannot say where forward is: it is learned
    ///     then too (`Baseline.forwardAxisKnown` is false).
    public func baseline(spineAxis: SensorAxis? = nil, forwardAxis: SensorAxis? = nil) throws(Failure) -> Baseline {
        if let failure = Self.failure(of: sums, settings: settings) { throw failure }
        return Self.baseline(sums: sums, pelvisSums: pelvisSums, duration: (lastTime ?? 0) - (firstTime ?? 0),
                             spineAxis: spineAxis, forwardAxis: forwardAxis)
    }

    /// The baseline from the sums of a still period (already checked), `duration` s long, with the
    /// pelvis's when at least `pelvisShare` of the samples had a pelvis reading (a sporadic failed read is
    /// no reason to drop the second sensor) and its mean specific force is about 1 g (the pelvis takes its
    /// spine axis from gravity and learns its forward axis; the declared axes are the thorax's).
    static func baseline(sums: BaselineSums, pelvisSums: BaselineSums, duration: Double, spineAxis: SensorAxis?,
                         forwardAxis: SensorAxis?) -> Baseline {
        var baseline = baseline(sums: sums, duration: duration, spineAxis: spineAxis, forwardAxis: forwardAxis)
        if pelvisSums.count >= pelvisShare * sums.count, pelvisSums.count >= 3,
           IMUSampleLimits.gravity.contains(pelvisSums.meanAcc.length) {
            baseline.pelvis = Self.baseline(sums: pelvisSums, duration: duration, spineAxis: nil, forwardAxis: nil)
        }
        return baseline
    }

    /// The least share of a still period's samples with a pelvis reading for a pelvis baseline: 90 %.
    public static let pelvisShare = 0.9

    /// One sensor's baseline from the sums of a still period (already checked), `duration` s long.
    static func baseline(sums: BaselineSums, duration: Double, spineAxis: SensorAxis?,
                         forwardAxis: SensorAxis?) -> Baseline {
        let gravity = sums.meanAcc
        let spine = spineAxis?.vector ?? gravity.normalized
        var known = false
        var mounting = BodyMounting.provisional(spine: spine)
        if let forwardAxis, let declared = try? BodyMounting.from(spine: spine, forward: forwardAxis.vector) {
            mounting = declared
            known = true
        }
        let n = sums.count
        let sigma = max(sums.gyrDeviation / max(n, 1).squareRoot(), 0.01 * degree)
        return Baseline(gyrBias: sums.gyrBias, gyrBiasSigma: sigma, gravity: gravity, mounting: mounting,
                        duration: duration, sampleCount: Int(n), forwardAxisKnown: known)
    }
}
