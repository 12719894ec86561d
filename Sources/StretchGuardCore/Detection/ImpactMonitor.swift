/// Flags high-impact moves: |specific force| at or above `threshold` (default 3 g), once per impact.
public struct ImpactMonitor: Sendable {
    /// Thresholds (the exercise profile sets them).
    public struct Settings: Sendable, Equatable {
        /// |specific force| that marks an impact, in m/s². Default 3 g = 29.4 m/s².
        public var threshold: Double = 3 * standardGravity
        /// Shortest time between two reported impacts, in s. Default 0.5 s.
        public var refractoryTime: Double = 0.5

        public init() {}

        /// Whether the values make sense (the threshold above 1 g).
        public var isConsistent: Bool { threshold > standardGravity && refractoryTime >= 0 }
    }

    public var settings: Settings
    /// Time of the last reported impact, in s.
    public private(set) var lastImpact = -Double.infinity
    /// Number of impacts reported.
    public private(set) var impacts = 0

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one sample; returns whether it is an impact.
    ///
    /// - Parameters:
    ///   - acc: specific force, in m/s².
    ///   - time: the sample's time, in s.
    ///   - events: where an impact is appended.
    @inline(__always)
    public mutating func update(acc: Vector3D, time: Double, events: inout FormEvents) -> Bool {
        let squared = acc.squaredLength
        guard squared >= settings.threshold * settings.threshold else { return false }
        if time - lastImpact >= settings.refractoryTime {
            impacts += 1
            events.append(FormEvent(kind: .impact, time: time, value: squared.squareRoot()))
        }
        lastImpact = time
        return true
    }
}
