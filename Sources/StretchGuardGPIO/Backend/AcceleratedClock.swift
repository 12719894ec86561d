/// The system's monotonic clock run faster: from its creation, `speed` seconds pass for every real second.
/// The simulated sensor played on it (`run --sensor sim --speed N`) delivers a scenario N times faster,
/// samples timed on this clock as the core expects.
public struct AcceleratedClock: MonotonicClock {
    /// Clock seconds per real second (> 0).
    public let speed: Double
    private let origin: Double
    private let system = SystemMonotonicClock()

    public init(speed: Double) {
        precondition(speed > 0 && speed.isFinite, "a clock's speed is positive")
        self.speed = speed
        origin = system.now()
    }

    /// The time, in s: the system's from the origin, times the speed.
    public func now() -> Double { origin + (system.now() - origin) * speed }

    /// Sleeps (really) until the clock reads `deadline` (in s).
    public func sleep(until deadline: Double) {
        guard deadline.isFinite else { return }
        system.sleep(until: origin + (deadline - origin) / speed)
    }
}
