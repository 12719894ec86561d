import Foundation
import StretchGuardCore

/// Why a calibration pose was not accepted, in words the wearer can act on (degrees, °/s and m/s² at this
/// edge; rad inside).
public enum CalibrationPoseProblem: Error, Equatable, CustomStringConvertible {
    /// Too few samples arrived in the measuring window.
    case tooShort(samples: Int, minimum: Int)
    /// The wearer moved: RMS deviations and their limits, in rad/s and m/s².
    case moving(gyrDeviation: Double, gyrLimit: Double, accDeviation: Double, accLimit: Double)
    /// The mean specific force is not about 1 g, in m/s².
    case implausibleGravity(magnitude: Double, range: ClosedRange<Double>)
    /// The sensor reported stuck or saturated samples (the health flags' names).
    case sensorFault(String)
    /// The bend between the two poses is smaller than `minimum`, in rad.
    case bendTooSmall(angle: Double, minimum: Double)
    /// The chest turned about the spine while bending (+ = to the wearer's left), in rad.
    case twisted(angle: Double, limit: Double)
    /// The trunk leaned sideways on the way (+ = head to the wearer's right), largest lean, in rad.
    case leanedSideways(angle: Double, limit: Double)
    /// The pelvis sensor tilted less than `minimum` between the poses (the bend came from the spine), in rad.
    case pelvisBarelyMoved(angle: Double, minimum: Double)
    /// The pelvis sensor gave readings on only `samples` of the `of` ticks while measuring.
    case pelvisMissing(samples: Int, of: Int)

    public var description: String {
        switch self {
        case let .tooShort(samples, minimum):
            return "only \(samples) samples arrived while measuring (at least \(minimum) are needed)"
        case let .moving(gyr, gyrLimit, acc, accLimit):
            var parts: [String] = []
            if gyr > gyrLimit {
                parts.append("the rotation rate varied by \(CalibrationText.number(gyr / degree, 1)) °/s (still is under \(CalibrationText.number(gyrLimit / degree, 1)) °/s)")
            }
            if acc > accLimit {
                parts.append("the acceleration varied by \(CalibrationText.number(acc, 2)) m/s² (still is under \(CalibrationText.number(accLimit, 2)) m/s²)")
            }
            return "you were moving: " + parts.joined(separator: ", and ")
        case let .implausibleGravity(magnitude, range):
            return "the sensor measured \(CalibrationText.number(magnitude, 2)) m/s² instead of about 9.81 m/s² of gravity "
                + "(\(CalibrationText.number(range.lowerBound, 1))–\(CalibrationText.number(range.upperBound, 1)) accepted): it was not held still, or it is set up wrong"
        case let .sensorFault(flags):
            return "the sensor reported bad samples (\(flags)) while measuring"
        case let .bendTooSmall(angle, minimum):
            return "you bent \(CalibrationText.number(angle / degree, 0))° (at least \(CalibrationText.number(minimum / degree, 0))° is needed; about 30° is best)"
        case let .twisted(angle, limit):
            return "your chest turned \(CalibrationText.number(abs(angle) / degree, 0))° to the \(angle > 0 ? "left" : "right") while bending "
                + "(at most \(CalibrationText.number(limit / degree, 0))°)"
        case let .leanedSideways(angle, limit):
            return "you leaned \(CalibrationText.number(abs(angle) / degree, 0))° to the \(angle > 0 ? "right" : "left") while bending "
                + "(at most \(CalibrationText.number(limit / degree, 0))°)"
        case let .pelvisBarelyMoved(angle, minimum):
            return "the pelvis (belt) sensor tilted only \(CalibrationText.number(angle / degree, 0))° "
                + "(at least \(CalibrationText.number(minimum / degree, 0))° is needed): the bend came from the back, not the hips"
        case let .pelvisMissing(samples, total):
            return "the pelvis (belt) sensor answered on only \(samples) of \(total) samples while measuring"
        }
    }

    /// What to do differently on the next try.
    public var advice: String {
        switch self {
        case .tooShort: return "Check the sensor's connection (`stretchguard doctor`) and try again."
        case .moving: return "Stand completely still while it measures: weight on both feet, breathe calmly."
        case .implausibleGravity: return "Hold still; if this repeats, run `stretchguard doctor`."
        case .sensorFault: return "Check the sensor and its wiring with `stretchguard doctor`."
        case .bendTooSmall: return "Bend further, from the hips, to about 30°."
        case .twisted: return "Bend straight forward, facing the floor ahead of you, without turning."
        case .leanedSideways: return "Bend straight forward, not to the side."
        case .pelvisBarelyMoved: return "Bend from the hips more: tip the pelvis forward as you bend, back long, to about 30°."
        case .pelvisMissing: return "Check the pelvis sensor's cable and run `stretchguard doctor`."
        }
    }
}

/// The checks that decide whether the two calibration poses (upright and still; bent forward and held)
/// can give a baseline and the sensor-to-body mounting. Pure functions of the samples: no I/O, no clock.
public struct CalibrationPoseCheck: Sendable {
    /// The limits; the defaults suit a wearer following the prompts.
    public struct Limits: Equatable, Sendable {
        /// How still each pose must be (gyro 3 °/s RMS, force 0.3 m/s² RMS) and the accepted |a| range: the
        /// wearer is following a prompt to stand still, so the rate itself is held to 3 °/s (a recording's
        /// baseline search judges the wandering of the orientation instead).
        public var still: BaselineCalibrator.Settings = {
            var settings = BaselineCalibrator.Settings()
            settings.maxGyrDeviation = 3 * degree
            settings.maxAccDeviation = 0.3
            settings.maxAngleDeviation = .infinity
            settings.maxTurnRate = .infinity
            return settings
        }()
        /// Smallest accepted forward bend, in rad. Default 15°.
        public var minimumBend = 15 * degree
        /// Largest turn about the spine while bending, in rad. Default 10°.
        public var maxTwist = 10 * degree
        /// Largest sideways lean while bending, in rad. Default 10°.
        public var maxSideLean = 10 * degree
        /// Smallest accepted forward tilt of the pelvis sensor between the poses, in rad: only the hips'
        /// share of the bend, so less than ``minimumBend``. Default 8°.
        public var minimumPelvisBend = 8 * degree

        public init() {}
    }

    /// The bent pose's measurements.
    public struct Bend: Equatable, Sendable {
        /// The mounting the two poses give (sensor → body).
        public var mounting: BodyMounting
        /// Mean specific force while bent, in m/s² (sensor frame).
        public var gravity: Vector3D
        /// The bend between the poses (from gravity), in rad.
        public var angle: Double
        /// The turn about the upright spine between the poses (from the gyroscope), in rad (+ = to the left).
        public var twist: Double
        /// The largest sideways lean on the way (from the gyroscope), in rad (+ = head to the right).
        public var sideLean: Double
        /// The pelvis sensor's part, with two sensors.
        public var pelvis: PelvisBend?
    }

    /// The pelvis sensor's bent pose (two sensors).
    public struct PelvisBend: Equatable, Sendable {
        /// The pelvis's mounting from its own two poses (sensor → body).
        public var mounting: BodyMounting
        /// Its tilt between the poses (the hips' share of the bend), in rad.
        public var angle: Double
    }

    public var limits = Limits()

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The upright pose: still, about 1 g. Its mounting assumes a forward axis (replaced by ``bend``).
    ///
    /// - Parameter samples: the measuring window, in rad/s and m/s².
    /// With two sensors (`pelvis` true) every sample must carry the pelvis's reading, and the pelvis must be
    /// still too; the baseline then has the pelvis's part.
    public func upright(_ samples: [IMUSample], pelvis: Bool = false) throws(CalibrationPoseProblem) -> Baseline {
        let baseline = try stillPose(samples)
        if pelvis {
            _ = try pelvisSamples(samples)
            guard baseline.pelvis != nil else { throw .pelvisMissing(samples: 0, of: samples.count) }
        }
        return baseline
    }

    /// The pelvis's own readings of `samples`, checked still; every sample must have one.
    private func pelvisSamples(_ samples: [IMUSample]) throws(CalibrationPoseProblem) -> Baseline {
        let readings = samples.compactMap(\.pelvisSample)
        guard readings.count == samples.count else { throw .pelvisMissing(samples: readings.count, of: samples.count) }
        return try stillPose(readings)
    }

    /// The bent pose and the movement into it, against the upright baseline.
    ///
    /// - Parameters:
    ///   - upright: the upright pose's baseline (its gravity and gyro bias are used).
    ///   - movement: the samples from the end of the upright window to the start of the hold, in rad/s and
    ///     m/s².
    ///   - hold: the bent pose's measuring window.
    public func bend(from upright: Baseline, movement: [IMUSample], hold: [IMUSample]) throws(CalibrationPoseProblem) -> Bend {
        let held = try stillPose(hold)
        let mounting: BodyMounting
        do {
            mounting = try BodyMounting.fromTwoPoses(uprightGravity: upright.gravity, bentGravity: held.gravity,
                                                     minimumBend: limits.minimumBend)
        } catch {
            switch error {
            case let .bendTooSmall(angle, minimum): throw .bendTooSmall(angle: angle, minimum: minimum)
            case .forwardParallelToSpine: throw .bendTooSmall(angle: 0, minimum: limits.minimumBend)
            }
        }
        let angle = Self.angle(between: upright.gravity, and: held.gravity)
        // The gyroscope sees what gravity cannot: turning about the vertical, and the path on the way.
        var relative = QuaternionD.identity
        var largestLean = 0.0
        let toBody = mounting.sensorToBody
        let path = movement + hold
        for (previous, sample) in zip(path, path.dropFirst()) {
            let dt = sample.time - previous.time
            guard dt > 0 else { continue }
            relative = (relative * QuaternionD(rotationVector: (sample.gyr - upright.gyrBias) * dt)).renormalized
            let lean = PostureAngles(relativeRotation: toBody * relative * toBody.conjugate).sideBend
            if abs(lean) > abs(largestLean) { largestLean = lean }
        }
        let twist = Self.twist(of: relative, about: upright.gravity)
        if abs(twist) > limits.maxTwist { throw .twisted(angle: twist, limit: limits.maxTwist) }
        if abs(largestLean) > limits.maxSideLean { throw .leanedSideways(angle: largestLean, limit: limits.maxSideLean) }
        let pelvis = try upright.pelvis.map { uprightPelvis throws(CalibrationPoseProblem) in
            try pelvisBend(from: uprightPelvis, hold: hold)
        }
        return Bend(mounting: mounting, gravity: held.gravity, angle: angle, twist: twist, sideLean: largestLean, pelvis: pelvis)
    }

    /// The pelvis's mounting from its own two poses: its forward tilt is only the hips' share of the bend,
    /// so a smaller minimum applies (``Limits/minimumPelvisBend``).
    private func pelvisBend(from upright: Baseline, hold: [IMUSample]) throws(CalibrationPoseProblem) -> PelvisBend {
        let held = try pelvisSamples(hold)
        let angle = Self.angle(between: upright.gravity, and: held.gravity)
        do {
            let mounting = try BodyMounting.fromTwoPoses(uprightGravity: upright.gravity, bentGravity: held.gravity,
                                                         minimumBend: limits.minimumPelvisBend)
            return PelvisBend(mounting: mounting, angle: angle)
        } catch {
            throw .pelvisBarelyMoved(angle: angle, minimum: limits.minimumPelvisBend)
        }
    }

    /// A still pose's baseline (the forward axis provisional: the two poses fix it).
    private func stillPose(_ samples: [IMUSample]) throws(CalibrationPoseProblem) -> Baseline {
        var calibrator = BaselineCalibrator(settings: limits.still)
        for sample in samples { calibrator.add(sample) }
        do {
            return try calibrator.baseline(spineAxis: nil, forwardAxis: nil)
        } catch {
            switch error {
            case let .tooFewSamples(count, minimum):
                throw .tooShort(samples: count, minimum: minimum)
            case let .moving(_, gyr, acc, _):
                throw .moving(gyrDeviation: gyr, gyrLimit: limits.still.maxGyrDeviation,
                              accDeviation: acc, accLimit: limits.still.maxAccDeviation)
            case let .implausibleGravity(magnitude):
                throw .implausibleGravity(magnitude: magnitude, range: limits.still.gravityRange)
            }
        }
    }

    /// The turn about `axis` in a rotation's swing–twist decomposition (`rotation = swing ⊗ twist`, the
    /// swing about an axis across `axis`), in rad, −π…π. About the upright "up" direction this is the turn
    /// about the spine, whatever the forward direction found: a twist also skews the forward direction that
    /// gravity gives, so it must not be measured in that frame.
    public static func twist(of rotation: QuaternionD, about axis: Vector3D) -> Double {
        let along = rotation.vector.dot(axis.normalized)
        var angle = 2 * atan2(along, rotation.w)
        if angle > .pi { angle -= 2 * .pi } else if angle < -.pi { angle += 2 * .pi }
        return angle
    }

    /// The angle between two directions, in rad.
    public static func angle(between a: Vector3D, and b: Vector3D) -> Double {
        acos(min(max(a.normalized.dot(b.normalized), -1), 1))
    }
}

