/// Why a live command cannot start (a sensor that does not answer, a missing scenario, an unreadable
/// calibration), as one sentence naming the thing and the fix.
public struct LiveSetupError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ message: String) {
        description = message
    }
}
