/// Why a live command cannot start (a sensor that does not answer, a missing scenario, an unreadable
/// calibration), as one sentence naming the thing and the fix.
public struct LiveSetupError: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// Whether `--sensor auto` may fall back to the simulated sensor (no IMU found), or must stop (an IMU was
    /// found, but the pelvis sensor configured beside it was not).
    public let allowsSimulatedFallback: Bool

    public init(_ message: String, allowsSimulatedFallback: Bool = true) {
        description = message
        self.allowsSimulatedFallback = allowsSimulatedFallback
    }
}
