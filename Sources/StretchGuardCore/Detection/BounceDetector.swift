/// Detects ballistic bouncing: repeated back-and-forth movement in any posture angle.
///
/// Each angle (flexion, side bend, twist) has a `SwingTracker`. A swing qualifies when it is at least
/// `minPeakToPeak` and lasts half a period of a frequency in `minFrequency…maxFrequency`. The alert starts
/// with the first qualifying swing, that is at the second reversal of the bounce — 0.75–1.2 oscillation
/// cycles after it starts, plus the time to move back by the hysteresis. It ends when no swing has
/// qualified for `releaseTime`.
///
/// What never qualifies: slow movements (cat–cow at ≤ 0.2 Hz, a slow push deeper: swings longer than
/// half a period at `minFrequency`), small ones (breathing, tremor, noise: below `minPeakToPeak`, and below
/// `hysteresis` they make no reversal at all), and one-way movements into or out of a stretch.
public struct BounceDetector: Sendable {
    /// Thresholds (the exercise profile sets them).
    public struct Settings: Sendable, Equatable {
        /// Smallest peak-to-peak swing that counts, in rad. Default 3°.
        public var minPeakToPeak: Double = 3 * degree
        /// Lowest bouncing frequency, in Hz. Default 0.5 Hz.
        public var minFrequency: Double = 0.5
        /// Highest bouncing frequency, in Hz. Default 4 Hz.
        public var maxFrequency: Double = 4
        /// Return from an extreme that confirms a reversal, in rad. Default 1° (must be < half of
        /// `minPeakToPeak`).
        public var hysteresis: Double = 1 * degree
        /// Time without a qualifying swing after which the alert ends, in s. Default 1.25 s.
        public var releaseTime: Double = 1.25

        public init() {}

        /// Whether the values make sense together.
        public var isConsistent: Bool {
            minPeakToPeak > 0 && minFrequency > 0 && maxFrequency > minFrequency
                && hysteresis > 0 && hysteresis < minPeakToPeak / 2
                && releaseTime > 0
        }

        /// Shortest and longest swing (half a period), in s.
        var swingDurations: ClosedRange<Double> { 1 / (2 * maxFrequency)...1 / (2 * minFrequency) }
    }

    /// Per-sample state.
    public struct State: Sendable, Equatable {
        /// Swings of flexion, side bend and twist.
        public var flexion = SwingTracker(), sideBend = SwingTracker(), twist = SwingTracker()
        /// Whether the alert is on.
        public var alerting = false
        /// When the alert started and when a swing last qualified, in s.
        public var alertStart: Double = 0
        public var lastQualified: Double = -.infinity
        /// Largest qualifying peak-to-peak during the alert, in rad; qualifying swings counted.
        public var peak: Double = 0
        public var swings = 0
    }

    public var settings: Settings
    public private(set) var state = State()

    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Feeds one sample; returns whether the bounce alert is on.
    ///
    /// - Parameters:
    ///   - angles: the posture, in rad.
    ///   - time: the sample's time, in s.
    ///   - suppressed: when true (the wearer is walking), swings do not qualify.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(angles: PostureAngles, time: Double, suppressed: Bool,
                                events: inout FormEvents) -> Bool {
        let h = settings.hysteresis
        if let swing = state.flexion.update(angle: angles.flexion, time: time, hysteresis: h) {
            consider(swing, axis: .flexion, now: time, suppressed: suppressed, events: &events)
        }
        if let swing = state.sideBend.update(angle: angles.sideBend, time: time, hysteresis: h) {
            consider(swing, axis: .sideBend, now: time, suppressed: suppressed, events: &events)
        }
        if let swing = state.twist.update(angle: angles.twist, time: time, hysteresis: h) {
            consider(swing, axis: .twist, now: time, suppressed: suppressed, events: &events)
        }
        if time - state.lastQualified > settings.releaseTime { end(at: time, events: &events) }
        return state.alerting
    }

    /// Ends an alert in progress at `time` (s): `releaseTime` after the last qualifying swing, or when the
    /// detector is replaced mid-session.
    public mutating func end(at time: Double, events: inout FormEvents) {
        guard state.alerting else { return }
        state.alerting = false
        events.append(FormEvent(kind: .bounceEnded, time: time, value: state.peak,
                                duration: state.lastQualified - state.alertStart, count: state.swings))
    }

    /// Judges one completed swing of one angle.
    private mutating func consider(_ swing: SwingTracker.Swing, axis: FormEvent.Axis, now: Double,
                                   suppressed: Bool, events: inout FormEvents) {
        // A swing confirmed long after its extreme (a hold, then a slow move away) is not a bounce.
        guard !suppressed, swing.peakToPeak >= settings.minPeakToPeak,
              settings.swingDurations.contains(swing.duration),
              now - swing.time <= settings.swingDurations.upperBound else { return }
        state.lastQualified = now
        if state.alerting {
            state.peak = max(state.peak, swing.peakToPeak)
            state.swings += 1
            return
        }
        state.alerting = true
        state.alertStart = now
        state.peak = swing.peakToPeak
        state.swings = 1
        events.append(FormEvent(kind: .bounceStarted, time: now, value: swing.peakToPeak,
                                frequency: 1 / (2 * swing.duration), axis: axis))
    }
}
