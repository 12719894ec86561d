import StretchGuardCore
import StretchGuardTrace

/// A replayed session's per-sample series, column by column (one entry per stored sample).
///
/// Times count from the session's start (`SessionInfo.startTime`), in s; angles are in rad. In a two-sensor
/// replay the posture angles are the spine's (thorax relative to pelvis: lumbar flexion, spinal twist) and
/// the hips' angles are kept beside them (NaN at the ticks the pelvis did not report).
public struct SessionTrack: Sendable {
    /// What the coach said at one sample, as bits.
    public struct Flags: OptionSet, Sendable, Hashable {
        /// The bits.
        public let rawValue: UInt8
        /// Flags from their bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The twist alert is on.
        public static let twistAlert = Flags(rawValue: 1 << 0)
        /// The bounce alert is on.
        public static let bounce = Flags(rawValue: 1 << 1)
        /// A hold is on.
        public static let holding = Flags(rawValue: 1 << 2)
        /// The sample is a high impact.
        public static let impact = Flags(rawValue: 1 << 3)
        /// |twist| is in the warning band (or above).
        public static let twistWarning = Flags(rawValue: 1 << 4)
        /// The "bend from the hips" cue is on (two sensors).
        public static let hipHinge = Flags(rawValue: 1 << 5)
        /// The "keep the hips still" cue is on (two sensors).
        public static let hipsStill = Flags(rawValue: 1 << 6)
    }

    /// Sample times, in s since the session's start.
    public private(set) var time: [Double] = []
    /// Forward bend, in rad (+ forward).
    public private(set) var flexion: [Double] = []
    /// Side bend, in rad (+ head toward the wearer's right).
    public private(set) var sideBend: [Double] = []
    /// Axial twist, in rad (+ chest toward the wearer's left).
    public private(set) var twist: [Double] = []
    /// Hip flexion (the pelvis's forward tilt), in rad (+ forward); NaN where the pelvis did not report
    /// (all NaN in a one-sensor replay).
    public private(set) var hipFlexion: [Double] = []
    /// Pelvis twist (the hips' turn about the vertical from neutral), in rad (+ toward the wearer's left);
    /// NaN where the pelvis did not report.
    public private(set) var pelvisTwist: [Double] = []
    /// Ticks whose sample carried a pelvis reading.
    public private(set) var pelvisReadings = 0
    /// Ticks with hip angles (the pelvis reporting in a two-sensor replay).
    public private(set) var hipSamples = 0
    /// The verdict's flags.
    public private(set) var flags: [Flags] = []
    /// Seconds held so far in the current hold (0 when not holding), in s.
    public private(set) var holdSeconds: [Double] = []
    /// Bias-corrected angular velocity, in rad/s (sensor frame): the smoothness metrics' input.
    public private(set) var angularVelocity: [Vector3D] = []

    /// An empty track with room for `capacity` samples.
    public init(capacity: Int = 0) {
        time.reserveCapacity(capacity)
        flexion.reserveCapacity(capacity)
        sideBend.reserveCapacity(capacity)
        twist.reserveCapacity(capacity)
        hipFlexion.reserveCapacity(capacity)
        pelvisTwist.reserveCapacity(capacity)
        flags.reserveCapacity(capacity)
        holdSeconds.reserveCapacity(capacity)
        angularVelocity.reserveCapacity(capacity)
    }

    /// Number of samples.
    public var count: Int { time.count }
    /// Whether any tick has hip angles (a two-sensor replay with the pelvis reporting).
    public var hasHips: Bool { hipSamples > 0 }

    /// Appends one replayed sample.
    ///
    /// - Parameters:
    ///   - step: the replayed sample.
    ///   - startTime: the session's start on the sample clock, in s.
    public mutating func append(_ step: ReplayStep, startTime: Double) {
        let angles = step.frame.posture.angles
        let verdict = step.frame.verdict
        var bits: Flags = []
        if verdict.twistAlert { bits.insert(.twistAlert) }
        if verdict.twist >= .warning { bits.insert(.twistWarning) }
        if verdict.bounce { bits.insert(.bounce) }
        if verdict.holding { bits.insert(.holding) }
        if verdict.impact { bits.insert(.impact) }
        if verdict.hipHinge { bits.insert(.hipHinge) }
        if verdict.hipsStill { bits.insert(.hipsStill) }
        let hips = step.frame.posture.hips
        time.append(step.sample.time - startTime)
        flexion.append(angles.flexion)
        sideBend.append(angles.sideBend)
        twist.append(angles.twist)
        hipFlexion.append(hips?.flexion ?? .nan)
        pelvisTwist.append(hips?.twist ?? .nan)
        if hips != nil { hipSamples += 1 }
        if step.sample.pelvis != nil { pelvisReadings += 1 }
        flags.append(bits)
        holdSeconds.append(verdict.holdSeconds)
        angularVelocity.append(step.angularVelocity)
    }

    /// The index of the first sample at or after `t` (s since the start); `count` when there is none.
    public func index(atOrAfter t: Double) -> Int {
        var low = 0, high = time.count
        while low < high {
            let mid = (low + high) / 2
            if time[mid] < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The samples from `start` through `end` (s since the start), as an index range.
    public func indices(from start: Double, through end: Double) -> Range<Int> {
        let lower = index(atOrAfter: start)
        let upper = max(lower, index(atOrAfter: end.nextUp))
        return lower..<upper
    }
}
