import StretchGuardGPIO

/// The mode a ``SampleClock`` runs in, and why: what showed that the mode works, and why each better mode
/// was passed over. For the session's start banner and its loop-health summary.
public struct SampleClockChoice: Hashable, Sendable, CustomStringConvertible {
    /// The mode chosen.
    public var mode: SampleClockMode
    /// What showed the mode works, or how it was picked: "GPIO17 gave 3 edges, 5.00 ms apart", "as asked".
    public var evidence: String
    /// Why each better mode was not used, best first: "data-ready line GPIO17 gave no edges within 50 ms".
    /// Empty when the best mode was used.
    public var fallbacks: [String]

    public init(mode: SampleClockMode, evidence: String, fallbacks: [String] = []) {
        self.mode = mode
        self.evidence = evidence
        self.fallbacks = fallbacks
    }

    /// Why the clock runs in a lesser mode than the data-ready edge (the fallbacks as one sentence); nil
    /// when no better mode was passed over.
    public var fallbackReason: String? {
        fallbacks.isEmpty ? nil : fallbacks.joined(separator: "; ")
    }

    /// "data-ready edge (GPIO17 gave 3 edges, 5.00 ms apart)", or "polling, because data-ready line GPIO17
    /// gave no edges within 50 ms; the MPU-6050 FIFO held no samples after 50 ms".
    public var description: String {
        guard let fallbackReason else { return "\(mode.name) (\(evidence))" }
        return "\(mode.name), because \(fallbackReason)"
    }
}

/// The data-ready line as the hardware config and the GPIO chip give it to
/// ``SampleClock/probing(driver:clock:dataReady:probe:settings:)``.
public enum DataReadyCandidate {
    /// A requested line, and its name for messages ("GPIO17").
    case line(any DataReadyEdgeSource, name: String)
    /// No line to try, and why: "no data-ready line is configured", "GPIO17 is held by …".
    case unavailable(reason: String)
}

/// How long the modes are tried before one is chosen (``SampleClock/probing(driver:clock:dataReady:probe:settings:)``).
public struct SampleClockProbe: Hashable, Sendable {
    /// Rising edges that must arrive once the data-ready interrupt is armed (default 3).
    public var edgesNeeded: Int
    /// How long each mode is given, in sample periods (default 10: 50 ms at 200 Hz).
    public var periods: Double

    public init(edgesNeeded: Int = 3, periods: Double = 10) {
        precondition(edgesNeeded >= 1 && periods > 0)
        self.edgesNeeded = edgesNeeded
        self.periods = periods
    }

    /// The defaults.
    public static let standard = SampleClockProbe()
}
