/// Watches the axial twist of the trunk (the spine's, with two sensors): an alert when |twist| stays at or
/// above `alertAngle` for `alertDelay`, cleared once it falls below `clearAngle`; a warning from
/// `warningAngle`.
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

        /// The alert's levels, in rad, and dwell, in s.
        var dwell: DwellAlert.Settings {
            DwellAlert.Settings(alertLevel: alertAngle, clearLevel: clearAngle, delay: alertDelay)
        }
    }

    /// The level the monitor reports.
    public enum Level: Int, Sendable, Comparable {
        case clear = 0, warning = 1, alert = 2
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public let settings: Settings
    /// The alert with its dwell and hysteresis; its measure is |twist|, in rad.
    public private(set) var alert: DwellAlert

    public init(settings: Settings = Settings()) {
        self.settings = settings
        alert = DwellAlert(settings: settings.dwell)
    }

    /// Feeds one sample and returns the level.
    ///
    /// - Parameters:
    ///   - twist: axial twist, in rad.
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    ///   - suppressed: when true (one sensor, the wearer walking: the heading follows), no alert starts.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(twist: Double, time: Double, dt: Double, suppressed: Bool,
                                events: inout FormEvents) -> Level {
        let magnitude = abs(twist)
        if alert.update(measure: magnitude, value: twist, time: time, dt: dt, allowed: !suppressed,
                        started: .twistAlertStarted, ended: .twistAlertEnded, axis: .twist, events: &events) {
            return .alert
        }
        return magnitude >= settings.warningAngle ? .warning : .clear
    }

    /// Ends an alert in progress at `time` (s): when the detector is replaced mid-session.
    public mutating func end(at time: Double, events: inout FormEvents) {
        alert.end(at: time, kind: .twistAlertEnded, axis: .twist, events: &events)
    }
}
