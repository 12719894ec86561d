/// Why a live session ended.
public enum LiveSessionEnd: Sendable, CustomStringConvertible {
    /// Its stop token was used (Ctrl-C, SIGTERM, the caller).
    case stopped
    /// The session's time limit was reached.
    case durationReached
    /// The simulated sensor's scenario ended.
    case scenarioFinished
    /// The sensor could not be started (the driver's error).
    case sensorCouldNotStart(any Error)
    /// The sensor stopped answering for longer than the session waits (the last error).
    case sensorStopped(any Error)
    /// Every repetition of the plan was done.
    case planDone
    /// "Stop / it hurts" ended the plan for the day.
    case planStopped

    /// In words, for the summary and the recording's "outputs off" marker.
    public var description: String {
        switch self {
        case .stopped: "stopped"
        case .durationReached: "duration reached"
        case .scenarioFinished: "scenario finished"
        case let .sensorCouldNotStart(error): "the sensor could not start: \(error)"
        case let .sensorStopped(error): "the sensor stopped answering (\(error))"
        case .planDone: "plan done"
        case .planStopped: "stopped for today: stop / it hurts"
        }
    }
}
