/// Diagnostic flags for one sample; empty when it looks healthy.
public struct SampleHealth: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The last ``IMUSettings/stuckSampleLimit`` raw samples were identical on all six axes: the chip has
    /// stopped updating its data registers (or is a static register image).
    public static let stuck = SampleHealth(rawValue: 1 << 0)
    /// A gyroscope axis is at the end of its range (+32767 or −32768 counts): the true rate may be larger.
    public static let gyrSaturated = SampleHealth(rawValue: 1 << 1)
    /// An accelerometer axis is at the end of its range: the true specific force may be larger.
    public static let accSaturated = SampleHealth(rawValue: 1 << 2)

    public var description: String {
        let names = [(SampleHealth.stuck, "stuck"), (.gyrSaturated, "gyr-saturated"), (.accSaturated, "acc-saturated")]
            .filter { contains($0.0) }.map(\.1)
        return names.isEmpty ? "ok" : names.joined(separator: ",")
    }
}

/// Watches a chip's raw samples for stuck and saturated data (one per chip; kept by its driver).
public struct SampleHealthMonitor: Hashable, Sendable {
    /// How many identical consecutive samples count as stuck (at least 2).
    public var stuckLimit: Int
    /// The previous sample's counts.
    public private(set) var previous: RawIMUCounts?
    /// How many consecutive samples, up to and including the latest, have been identical.
    public private(set) var identicalRun = 0

    /// - Parameter stuckLimit: identical consecutive samples that flag `.stuck` (clamped to at least 2).
    public init(stuckLimit: Int) {
        self.stuckLimit = max(2, stuckLimit)
    }

    /// Assesses the next sample.
    @inline(__always)
    public mutating func assess(_ raw: RawIMUCounts) -> SampleHealth {
        identicalRun = raw == previous ? identicalRun + 1 : 1
        previous = raw
        var health: SampleHealth = []
        if identicalRun >= stuckLimit { health.insert(.stuck) }
        if Self.isSaturated(raw.gyr) { health.insert(.gyrSaturated) }
        if Self.isSaturated(raw.acc) { health.insert(.accSaturated) }
        return health
    }

    /// Forgets the history (after a reconfiguration or a FIFO reset).
    public mutating func reset() {
        previous = nil
        identicalRun = 0
    }

    /// Whether any axis is at +32767 or −32768 counts.
    @inline(__always)
    static func isSaturated(_ counts: SIMD3<Int16>) -> Bool {
        any(counts .== .max) || any(counts .== .min)
    }
}
