/// The line an output part (buzzer, LED, RGB channel) is wired to, and its polarity.
public struct OutputLine: Sendable, Hashable {
    /// The line, by name ("GPIO18") or offset.
    public var line: GPIOLineAddress
    /// Whether the part is on when the line is low (wired from 3.3 V to the pin: a common-anode LED).
    public var activeLow: Bool

    public init(_ line: GPIOLineAddress, activeLow: Bool = false) {
        self.line = line
        self.activeLow = activeLow
    }
}

/// How the status LEDs are wired.
public enum LEDWiring: Sendable, Hashable {
    /// Separate green, yellow and red LEDs (any may be absent: that colour then shows nothing).
    case separate(green: OutputLine?, yellow: OutputLine?, red: OutputLine?)
    /// One RGB LED: green lights G, red lights R, yellow lights R and G. Blue, if wired, is held off.
    case rgb(red: OutputLine, green: OutputLine, blue: OutputLine?)
}
