/// The figures of a set of scored renders (the whole suite, one family, or one condition): recall,
/// precision, F1 and latency per alert kind, false alarms per 10 minutes of clean exercise, the twist
/// estimate's RMSE, and how many replays the detectors refused. Over two-sensor renders the twist is the
/// spinal twist, and the lumbar and hip flexion RMSEs are given too.
public struct EvaluationFigures: Sendable, Equatable {
    /// Figures for one kind of alert.
    public struct Figures: Sendable, Equatable {
        /// Faults the truth says happened.
        public var expected: Int
        /// Faults an alert caught.
        public var detected: Int
        /// Alerts raised.
        public var alerts: Int
        /// Alerts that matched no fault.
        public var falseAlarms: Int
        /// detected / expected (1 when nothing was expected).
        public var recall: Double
        /// (alerts − false alarms) / alerts (1 when nothing alerted).
        public var precision: Double
        /// Harmonic mean of recall and precision.
        public var f1: Double
        /// Median latency of the caught faults, in s.
        public var medianLatency: Double
        /// 90th percentile latency, in s.
        public var p90Latency: Double
        /// Median latency in oscillation cycles (bounces only; 0 for twist).
        public var medianCycles: Double
        /// 90th percentile latency in cycles (bounces only).
        public var p90Cycles: Double
    }

    /// Renders scored (refused ones included).
    public var renders: Int
    /// Renders whose replay the detectors refused.
    public var refused: Int
    /// Twist alert figures.
    public var twist: Figures
    /// Bounce alert figures.
    public var bounce: Figures
    /// Clean exercise time, in s.
    public var cleanTime: Double
    /// False alarms (both kinds) per 10 minutes of clean exercise.
    public var falseAlarmsPer10Minutes: Double
    /// Root-mean-square error of the estimated twist against the true twist over every matched frame, in
    /// rad (0 when no frame matched).
    public var twistRMSE: Double
    /// Frames that went into the twist RMSE.
    public var twistFrames: Int
    /// The estimated forward bend against the true lumbar flexion over the two-sensor renders.
    public var lumbarFlexion: AngleError
    /// The estimated hip flexion against the true one over the two-sensor renders.
    public var hipFlexion: AngleError
    /// Twist alerts that matched no fault in renders where the wearer turns or walks.
    public var falseTwistAlertsTurningOrWalking: Int

    /// The figures of `scores`.
    public init(_ scores: [ScenarioScore]) {
        var t = KindScore(), b = KindScore()
        var squared = 0.0, frames = 0
        var lumbar = AngleError(), hips = AngleError(), moving = 0
        for s in scores {
            t.add(s.twist)
            b.add(s.bounce)
            squared += s.twistSquaredError
            frames += s.twistErrorCount
            lumbar.add(s.lumbarFlexionError)
            hips.add(s.hipFlexionError)
            if s.labels.turnsOrWalks { moving += s.twist.falseAlarms }
        }
        lumbarFlexion = lumbar
        hipFlexion = hips
        falseTwistAlertsTurningOrWalking = moving
        renders = scores.count
        refused = scores.filter { $0.refusal != nil }.count
        twist = Self.figures(t)
        bounce = Self.figures(b)
        cleanTime = scores.reduce(0) { $0 + $1.cleanTime }
        let falseAlarms = Double(t.falseAlarms + b.falseAlarms)
        falseAlarmsPer10Minutes = cleanTime > 0 ? falseAlarms / cleanTime * 600 : 0
        twistRMSE = frames > 0 ? (squared / Double(frames)).squareRoot() : 0
        twistFrames = frames
    }

    /// The figures of one kind's summed counts.
    static func figures(_ k: KindScore) -> Figures {
        let recall = k.expected > 0 ? Double(k.detected) / Double(k.expected) : 1
        let precision = k.alerts > 0 ? Double(k.alerts - k.falseAlarms) / Double(k.alerts) : 1
        let f1 = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0
        return Figures(expected: k.expected, detected: k.detected, alerts: k.alerts, falseAlarms: k.falseAlarms,
                       recall: recall, precision: precision, f1: f1,
                       medianLatency: percentile(k.latencies, 0.5), p90Latency: percentile(k.latencies, 0.9),
                       medianCycles: percentile(k.latencyCycles, 0.5), p90Cycles: percentile(k.latencyCycles, 0.9))
    }

    /// The `q` quantile (nearest rank) of `values`; 0 when empty.
    static func percentile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
