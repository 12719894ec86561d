/// What the status LEDs show.
public enum LEDColor: String, Sendable, Hashable, CaseIterable {
    /// All dark.
    case off
    /// All is well / ready / hold reached.
    case green
    /// Warning: twist or bounce.
    case yellow
    /// Stop: impact, sensor fault, the wearer's stop press.
    case red
}
