/// Detects ballistic bouncing: a rhythmic back-and-forth at the end of a stretch.
///
/// The signal is the spine's tilt from neutral (the depth of the bend in any direction, so it needs no
/// forward axis and a twist never enters it). Its reversals (`SwingTracker`, with `hysteresis`) are
/// judged three at a time: a full cycle `e0 → e1 → e2` is a bounce when
/// - it is rhythmic: a period (`e0 → e2`) of `1/maxFrequency … 1/minFrequency` and half-periods within
///   `maxHalfPeriodRatio` of each other;
/// - its swing is at least `minPeakToPeak` once the slow trend is removed (`e1` against the straight line
///   from `e0` to `e2`: a slow sink deeper or breathing does not count), and each raw swing at least half
///   of that;
/// - it happens deep on one side of neutral: the swing is at most `maxSwingToDepth` of the depth at the
///   cycle's centre. Ballistic stretching bounces at the end of the range; moving through the range
///   (forward–back or left–right repetitions, however rhythmic) crosses or nears neutral.
///
/// The alert starts at the first such cycle — at the third reversal, about 1.25 oscillation cycles into a
/// bounce plus the time to move back by the hysteresis — and ends `releaseTime` after the last one.
/// Never a bounce: one overshoot and correction or a single push deeper (no full cycle, or half-periods
/// far apart), slow repetitions, twists, walking (suppressed), tremor and breathing (below the hysteresis
/// or the minimum swing).
public struct BounceDetector: Sendable {
    /// Thresholds (the exercise profile sets them).
    public struct Settings: Sendable, Equatable {
        /// Smallest detrended peak-to-peak swing that counts, in rad. Default 3°.
        public var minPeakToPeak: Double = 3 * degree
        /// Lowest bouncing frequency, in Hz. Default 0.5 Hz (a 2 s cycle).
        public var minFrequency: Double = 0.5
        /// Highest bouncing frequency, in Hz. Default 4 Hz.
        public var maxFrequency: Double = 4
        /// Largest ratio between a cycle's two half-periods (unitless, ≥ 1). Default 1.6.
        public var maxHalfPeriodRatio: Double = 1.6
        /// Largest swing as a share of the depth at the cycle's centre (unitless). Default 0.6: bounces at
        /// the end of a stretch swing 3–10° at 20–60° of depth (0.05–0.5); half-range repetitions
        /// (30° ↔ 60°) reach 0.67, full ones 2.
        public var maxSwingToDepth: Double = 0.6
        /// Return from an extreme that confirms a reversal, in rad. Default 1° (must be < half of
        /// `minPeakToPeak`).
        public var hysteresis: Double = 1 * degree
        /// Time without a qualifying cycle after which the alert ends, in s. Default 1.25 s.
        public var releaseTime: Double = 1.25

        public init() {}

        /// Whether the values make sense together.
        public var isConsistent: Bool {
            minPeakToPeak > 0 && minFrequency > 0 && maxFrequency > minFrequency
                && hysteresis > 0 && hysteresis < minPeakToPeak / 2
                && releaseTime > 0 && maxHalfPeriodRatio >= 1 && maxSwingToDepth > 0
        }
    }

    /// A reversal of the tilt: its angle, in rad, and time, in s.
    public struct Reversal: Sendable, Equatable {
        public var angle: Double
        public var time: Double
    }

    /// Per-sample state.
    public struct State: Sendable, Equatable {
        /// Reversals of the tilt.
        public var tilt = SwingTracker()
        /// The two reversals before the latest one (older first; NaN angles until there are two).
        public var older = Reversal(angle: .nan, time: -.infinity)
        public var previous = Reversal(angle: .nan, time: -.infinity)
        /// Whether the alert is on.
        public var alerting = false
        /// When the alert started and when a cycle last qualified, in s.
        public var alertStart: Double = 0
        public var lastQualified: Double = -.infinity
        /// Largest qualifying swing during the alert, in rad; qualifying cycles counted.
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
    ///   - suppressed: when true (the wearer is stepping), cycles do not qualify.
    ///   - events: where starts and ends are appended.
    @inline(__always)
    public mutating func update(angles: PostureAngles, time: Double, suppressed: Bool,
                                events: inout FormEvents) -> Bool {
        let before = state.tilt.lastReversalTime
        _ = state.tilt.update(angle: angles.tilt, time: time, hysteresis: settings.hysteresis)
        if state.tilt.lastReversalTime != before {
            let latest = Reversal(angle: state.tilt.lastReversal, time: state.tilt.lastReversalTime)
            consider(older: state.older, middle: state.previous, latest: latest, angles: angles, now: time,
                     suppressed: suppressed, events: &events)
            state.older = state.previous
            state.previous = latest
        }
        if time - state.lastQualified > settings.releaseTime { end(at: time, events: &events) }
        return state.alerting
    }

    /// Ends an alert in progress at `time` (s): `releaseTime` after the last qualifying cycle, or when the
    /// detector is replaced mid-session.
    public mutating func end(at time: Double, events: inout FormEvents) {
        guard state.alerting else { return }
        state.alerting = false
        events.append(FormEvent(kind: .bounceEnded, time: time, value: state.peak,
                                duration: state.lastQualified - state.alertStart, count: state.swings))
    }

    /// The detrended swing of the cycle `e0 → e1 → e2`, in rad, when it is a bounce; nil when not.
    public func bounceSwing(_ e0: Reversal, _ e1: Reversal, _ e2: Reversal) -> Double? {
        let h1 = e1.time - e0.time, h2 = e2.time - e1.time
        let period = h1 + h2
        guard !e0.angle.isNaN, h1 > 0, h2 > 0,
              period >= 1 / settings.maxFrequency, period <= 1 / settings.minFrequency,
              max(h1, h2) <= settings.maxHalfPeriodRatio * min(h1, h2) else { return nil }
        let trend = e0.angle + (e2.angle - e0.angle) * (h1 / period)
        let swing = abs(e1.angle - trend)
        let rawSwing = min(abs(e1.angle - e0.angle), abs(e2.angle - e1.angle))
        let depth = (e1.angle + trend) / 2
        guard swing >= settings.minPeakToPeak, rawSwing >= settings.minPeakToPeak / 2,
              swing <= settings.maxSwingToDepth * depth else { return nil }
        return swing
    }

    /// Judges the cycle ending at the latest reversal.
    private mutating func consider(older: Reversal, middle: Reversal, latest: Reversal, angles: PostureAngles,
                                   now: Double, suppressed: Bool, events: inout FormEvents) {
        // A reversal confirmed long after its extreme (a hold, then a slow move away) ends no bounce.
        guard !suppressed, now - latest.time <= 1 / (2 * settings.minFrequency),
              let swing = bounceSwing(older, middle, latest) else { return }
        state.lastQualified = now
        if state.alerting {
            state.peak = max(state.peak, swing)
            state.swings += 1
            return
        }
        state.alerting = true
        state.alertStart = now
        state.peak = swing
        state.swings = 1
        let axis: FormEvent.Axis = abs(angles.sideBend) > abs(angles.flexion) ? .sideBend : .flexion
        events.append(FormEvent(kind: .bounceStarted, time: now, value: swing,
                                frequency: 1 / (latest.time - older.time), axis: axis))
    }
}
