/// Watches the axial twist of the trunk: an alert when |twist| stays at or above `alertAngle` for
/// `alertDelay`, cleared once it falls below `clearAngle`; a warning from `warningAngle`.
///
/// Twisting the spine, above all under load, is the classic harmful move in back-pain exercise; the
/// hysteresis between `alertAngle` and `clearAngle` keeps the buzzer from chattering at the threshold.
public struct TwistMonitor: Sendable {
    /// Thresholds (the exercise profile sets them).
    public struct Settings: Sendable, Equatable {
        /// |twist| that raises the alert, in rad. Default 15°.
        public var alertAngle: Double = 15 * degree
        /// |twist| below which the alert clears, in rad. Default 12°.
        public var clearAngle: Double = 12 * degree
        /// |twist| from which a warning is shown, in rad. Default 10°.
        public var warningAngle: Double = 10 * degree
        /// How long |twist| must stay at or above `alertAngle` before the alert, in s. Default 0.25 s.
        public var alertDelay: Double = 0.25

        public init() {}

        /// Whether the thresholds are ordered `warning ≤ clear ≤ alert` and non-negative.
        public var isConsistent: Bool {
            warningAngle >= 0 && warningAngle <= clearAngle && clearAngle <= alertAngle && alertDelay >= 0
        }
    }

    /// The level the monitor reports.
    public enum Level: Int, Sendable, Comparable {
        case clear = 0, warning = 1, alert = 2
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// Per-sample state.
    public struct State: Sendable, Equatable {
        /// Time |twist| has been at or above the alert angle, in s.
        public var aboveTime: Double = 0
        /// Whether the alert is on.
        public var alerting = false
        /// When the alert started, in s.
        public var alertStart: Double = 0
        /// Largest |twist| during the current alert, in rad.
        public var peak: Double = 0
    }

    public var settings: Settings
    public private(set) var state = State()

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one sample and returns the level.
    ///
    /// - Parameters:
    ///   - twist: axial twist, in rad.
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    ///   - suppressed: when true (the wearer is walking: the heading follows), no alert starts.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(twist: Double, time: Double, dt: Double, suppressed: Bool,
                                events: inout FormEvents) -> Level {
        let magnitude = abs(twist)
        if state.alerting {
            state.peak = max(state.peak, magnitude)
            if magnitude < settings.clearAngle {
                end(at: time, events: &events)
            } else {
                return .alert
            }
        }
        if magnitude >= settings.alertAngle && !suppressed {
            state.aboveTime += dt
            if state.aboveTime >= settings.alertDelay {
                state.alerting = true
                state.alertStart = time
                state.peak = magnitude
                events.append(FormEvent(kind: .twistAlertStarted, time: time, value: twist, axis: .twist))
                return .alert
            }
        } else {
            state.aboveTime = 0
        }
        return magnitude >= settings.warningAngle ? .warning : .clear
    }

    /// Ends an alert in progress at `time` (s): when |twist| falls below `clearAngle`, or when the detector
    /// is replaced mid-session.
    public mutating func end(at time: Double, events: inout FormEvents) {
        guard state.alerting else { return }
        events.append(FormEvent(kind: .twistAlertEnded, time: time, value: state.peak,
                                duration: time - state.alertStart, axis: .twist))
        state = State()
    }
}
