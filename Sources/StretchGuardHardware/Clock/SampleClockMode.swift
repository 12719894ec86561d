/// How the ``SampleClock`` learns that a sample is due.
public enum SampleClockMode: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The IMU's data-ready pin, through a GPIO edge with a kernel timestamp: one read per sample, exact
    /// times. Needs the INT pin wired.
    case dataReadyEdge = "data-ready"
    /// The chip's FIFO, drained every few periods: no sample lost to scheduling hiccups; times are
    /// reconstructed from the period.
    case fifo
    /// Reading at absolute deadlines (`clock_nanosleep` with `TIMER_ABSTIME`): works with any chip and wiring;
    /// the host's clock and the chip's drift apart, so a sample is now and then read twice or missed.
    case polling

    public var description: String { rawValue }

    /// The mode's name in sentences: "data-ready edge", "FIFO", "polling".
    public var name: String {
        switch self {
        case .dataReadyEdge: "data-ready edge"
        case .fifo: "FIFO"
        case .polling: "polling"
        }
    }

    /// The best mode available: the data-ready edge when a line is wired, else the FIFO when the driver has
    /// one, else polling.
    ///
    /// - Parameters:
    ///   - hasEdgeSource: whether a ``DataReadyEdgeSource`` is wired.
    ///   - hasFIFO: whether the driver supports the FIFO.
    public static func best(hasEdgeSource: Bool, hasFIFO: Bool) -> SampleClockMode {
        if hasEdgeSource { return .dataReadyEdge }
        if hasFIFO { return .fifo }
        return .polling
    }
}

/// Tunables of the ``SampleClock``.
public struct SampleClockSettings: Hashable, Sendable {
    /// How often the FIFO is drained, in s (default 0.02: four samples at 200 Hz).
    public var fifoDrainInterval: Double
    /// How long to wait for a data-ready edge before reporting a timeout, in sample periods (default 10).
    public var edgeTimeoutPeriods: Double
    /// How fast FIFO timestamps follow the host clock, per drain (0…1, default 0.05): small values keep the
    /// spacing even, large ones follow the drain times closely.
    public var fifoTimeCorrectionGain: Double

    public init(fifoDrainInterval: Double = 0.02, edgeTimeoutPeriods: Double = 10, fifoTimeCorrectionGain: Double = 0.05) {
        self.fifoDrainInterval = fifoDrainInterval
        self.edgeTimeoutPeriods = edgeTimeoutPeriods
        self.fifoTimeCorrectionGain = fifoTimeCorrectionGain
    }

    /// The defaults.
    public static let standard = SampleClockSettings()
}
