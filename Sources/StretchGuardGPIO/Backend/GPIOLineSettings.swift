/// The consumer name StretchGuard requests lines under (`gpioinfo` shows it next to each held line).
public let stretchGuardConsumer = "stretchguard"

/// Pull resistor of an input line.
public enum GPIOBias: String, Sendable, Hashable, CaseIterable {
    /// Leave the resistor as the board configured it.
    case asIs = "as-is"
    /// No pull resistor (the circuit drives the line both ways).
    case disabled
    /// Pull up: an open switch reads high (a button to ground; use with active-low).
    case pullUp = "pull-up"
    /// Pull down: an open switch reads low (a button to 3.3 V).
    case pullDown = "pull-down"
}

/// Which changes of an input line's logical value the kernel reports as edge events.
public enum GPIOEdgeDetection: String, Sendable, Hashable, CaseIterable {
    /// Inactive → active only (an interrupt line's assertion).
    case rising
    /// Active → inactive only.
    case falling
    /// Both (a button: press and release).
    case both
}

/// How to request an output line.
public struct GPIOOutputSettings: Sendable, Hashable {
    /// Whether active (on) is the low level: set for parts wired from 3.3 V to the pin (a common-anode LED).
    public var activeLow = false
    /// The logical value the line is driven to the moment it is requested. Default off.
    public var initiallyActive = false
    /// The name the line is held under. Default "stretchguard".
    public var consumer = stretchGuardConsumer

    public init(activeLow: Bool = false, initiallyActive: Bool = false, consumer: String = stretchGuardConsumer) {
        self.activeLow = activeLow
        self.initiallyActive = initiallyActive
        self.consumer = consumer
    }
}

/// How to request an input line with edge events.
public struct GPIOInputSettings: Sendable, Hashable {
    /// Whether active is the low level: set for a button wired to ground (with `.pullUp`).
    public var activeLow = false
    /// The pull resistor. Default `.asIs`.
    public var bias = GPIOBias.asIs
    /// Which edges the kernel reports. Default `.both`.
    public var edges = GPIOEdgeDetection.both
    /// The name the line is held under. Default "stretchguard".
    public var consumer = stretchGuardConsumer

    public init(activeLow: Bool = false, bias: GPIOBias = .asIs, edges: GPIOEdgeDetection = .both,
                consumer: String = stretchGuardConsumer) {
        self.activeLow = activeLow
        self.bias = bias
        self.edges = edges
        self.consumer = consumer
    }
}

/// One edge event: the kernel saw an input line's logical value change.
public struct GPIOEdge: Sendable, Hashable {
    /// The direction of the change of the logical value (active-low already applied by the kernel).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The line became active.
        case rising
        /// The line became inactive.
        case falling
    }

    public var kind: Kind
    /// When the kernel saw the edge, in ns of CLOCK_MONOTONIC (the simulation's clock when simulated).
    public var timestampNanoseconds: UInt64
    /// The line's offset on its chip.
    public var offset: Int

    public init(kind: Kind, timestampNanoseconds: UInt64, offset: Int) {
        self.kind = kind
        self.timestampNanoseconds = timestampNanoseconds
        self.offset = offset
    }

    /// The edge's time, in s (the same clock as `GPIOEdgeInput.now()`).
    public var time: Double { Double(timestampNanoseconds) / 1_000_000_000 }
}
