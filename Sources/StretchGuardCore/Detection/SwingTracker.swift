/// Finds the turning points (reversals) of one posture angle and measures the swings between them.
///
/// A reversal is confirmed when the angle has come back from its running extreme by at least the
/// hysteresis, so sensor noise and tremor smaller than that never make one. A swing is the movement from
/// one reversal to the next: its peak-to-peak size and its duration (half an oscillation period).
public struct SwingTracker: Sendable, Equatable {
    /// A completed swing between two reversals.
    public struct Swing: Sendable, Equatable {
        /// Size of the movement, in rad (≥ 0).
        public var peakToPeak: Double
        /// Time from the previous reversal to this one, in s.
        public var duration: Double
        /// Time of the reversal that ended the swing, in s.
        public var time: Double
    }

    /// Direction of travel: +1 rising, −1 falling.
    public private(set) var direction: Double = 1
    /// Running extreme in the direction of travel, in rad (NaN before the first sample), and its time, in s.
    public private(set) var extreme: Double = .nan
    public private(set) var extremeTime: Double = 0
    /// The last reversal's angle, in rad (NaN before the first), and its time, in s.
    public private(set) var lastReversal: Double = .nan
    public private(set) var lastReversalTime: Double = -.infinity

    public init() {}

    /// Feeds one sample of the angle; returns the swing that a reversal confirmed at this sample, if any
    /// (the first reversal only starts the count).
    ///
    /// - Parameters:
    ///   - angle: the posture angle, in rad.
    ///   - time: the sample's time, in s.
    ///   - hysteresis: how far the angle must come back from its extreme to confirm a reversal, in rad.
    @inline(__always)
    public mutating func update(angle: Double, time: Double, hysteresis: Double) -> Swing? {
        let travel = (angle - extreme) * direction
        if travel > 0 || extreme.isNaN {
            extreme = angle
            extremeTime = time
            return nil
        }
        guard -travel >= hysteresis else { return nil }
        // A reversal at the running extreme.
        let swing = lastReversal.isNaN ? nil
            : Swing(peakToPeak: abs(extreme - lastReversal), duration: extremeTime - lastReversalTime, time: extremeTime)
        lastReversal = extreme
        lastReversalTime = extremeTime
        direction = -direction
        extreme = angle
        extremeTime = time
        return swing
    }
}
