/// An alert on a non-negative measure with dwell and hysteresis: on once the measure has stayed at or
/// above `alertLevel` for `delay`, off once it falls below `clearLevel`. The twist alert and the
/// two-sensor cues are each one of these; the gap between the levels keeps the buzzer from chattering
/// at the threshold.
///
/// Allocation-free; the caller says which event kinds its starts and ends are.
public struct DwellAlert: Sendable {
    /// Thresholds, in the measure's unit (rad, or a share 0…1), and the dwell, in s.
    public struct Settings: Sendable, Equatable {
        /// The measure that raises the alert.
        public var alertLevel: Double
        /// The measure below which the alert clears (≤ `alertLevel`).
        public var clearLevel: Double
        /// How long the measure must stay at or above `alertLevel` before the alert, in s.
        public var delay: Double

        public init(alertLevel: Double, clearLevel: Double, delay: Double) {
            self.alertLevel = alertLevel
            self.clearLevel = clearLevel
            self.delay = delay
        }

        /// Whether `0 ≤ clear ≤ alert` and the delay is not negative.
        public var isConsistent: Bool { clearLevel >= 0 && clearLevel <= alertLevel && delay >= 0 }
    }

    /// Per-sample state.
    public struct State: Sendable, Equatable {
        /// Time the measure has been at or above the alert level, in s.
        public var aboveTime: Double = 0
        /// Whether the alert is on.
        public var alerting = false
        /// When the alert started, in s.
        public var start: Double = 0
        /// Largest measure during the current alert.
        public var peak: Double = 0
    }

    public var settings: Settings
    public private(set) var state = State()

    public init(settings: Settings) {
        self.settings = settings
    }

    /// Feeds one sample; returns whether the alert is on.
    ///
    /// - Parameters:
    ///   - measure: the measure now (≥ 0).
    ///   - value: what the start event carries (the signed angle, say).
    ///   - time: the sample's time, in s.
    ///   - dt: its period, in s.
    ///   - allowed: when false, no alert starts (one already on runs on until it clears).
    ///   - started: the start event's kind; `ended`: the end event's kind.
    ///   - axis: the posture angle the events refer to.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(measure: Double, value: Double, time: Double, dt: Double, allowed: Bool,
                                started: FormEvent.Kind, ended: FormEvent.Kind, axis: FormEvent.Axis,
                                events: inout FormEvents) -> Bool {
        if state.alerting {
            state.peak = max(state.peak, measure)
            guard measure < settings.clearLevel else { return true }
            end(at: time, kind: ended, axis: axis, events: &events)
        }
        guard measure >= settings.alertLevel && allowed else {
            state.aboveTime = 0
            return false
        }
        state.aboveTime += dt
        guard state.aboveTime >= settings.delay else { return false }
        state.alerting = true
        state.start = time
        state.peak = measure
        events.append(FormEvent(kind: started, time: time, value: value, axis: axis))
        return true
    }

    /// Ends an alert in progress at `time` (s) with an event of `kind` carrying the peak and duration.
    public mutating func end(at time: Double, kind: FormEvent.Kind, axis: FormEvent.Axis, events: inout FormEvents) {
        guard state.alerting else { return }
        events.append(FormEvent(kind: kind, time: time, value: state.peak, duration: time - state.start, axis: axis))
        state = State()
    }
}
