import StretchGuardCore

/// How one kind of alert fared on one scenario.
public struct KindScore: Sendable, Equatable {
    /// Faults the truth says happened.
    public var expected = 0
    /// How many of the faults an alert caught.
    public var detected = 0
    /// Alerts raised.
    public var alerts = 0
    /// Alerts that matched no fault (false alarms).
    public var falseAlarms = 0
    /// Latency of each caught fault, in s.
    public var latencies: [Double] = []
    /// Latency of each caught fault in oscillation cycles (bounces only).
    public var latencyCycles: [Double] = []

    /// An empty score.
    public init() {}

    /// Adds another score's counts.
    public mutating func add(_ other: KindScore) {
        expected += other.expected
        detected += other.detected
        alerts += other.alerts
        falseAlarms += other.falseAlarms
        latencies += other.latencies
        latencyCycles += other.latencyCycles
    }
}

/// Runs the detectors (`DetectorRun`) over one rendered or recorded trace and scores its twist and bounce
/// alerts, and its estimated twist, against the truth.
///
/// Twist faults are the runs of true |twist| ≥ the profile's alert angle lasting its alert delay; an alert
/// catches one if it starts between the run's start and 1 s after its end; latency runs from the true
/// crossing. An alert is false if it overlaps no fault (widened by 0.5 s before and 1 s after) and no
/// near-threshold stretch (true |twist| ≥ alert angle − 2°, where a 2° estimate error may tip it over).
/// Bounce faults are the truth's labelled bounce runs, matched the same way (widened by the release time
/// after), with latency also in cycles of the labelled frequency. The detectors get the raw trace only:
/// nothing of the truth (not the mounting, not a calibration bend) reaches them.
///
/// A trace the detectors refuse (`DetectorRun` throws) is kept with its reason: it raised no alert, so
/// its faults count as expected and missed, and it adds nothing to the twist error.
///
/// A two-sensor render (its truth has the spine) is judged on the spine: twist faults and the twist error
/// come from the true spinal twist, and the estimated forward bend and hip flexion are scored against the
/// true lumbar and hip flexion.
public struct ScenarioScore: Sendable {
    /// The scenario's name.
    public var name: String
    /// Its family and the conditions it was rendered under.
    public var labels: ScoreLabels
    /// Trace length, in s.
    public var duration: Double
    /// The part of the trace with no fault under way (after the baseline), in s.
    public var cleanTime: Double
    /// The twist alert's score.
    public var twist = KindScore()
    /// The bounce alert's score.
    public var bounce = KindScore()
    /// Sum of squared differences between the estimated and the true twist, in rad², over
    /// `twistErrorCount` frames matched to truth rows by time.
    public var twistSquaredError = 0.0
    /// Frames that went into `twistSquaredError`.
    public var twistErrorCount = 0
    /// Whether the render had a pelvis sensor, so the spine was judged.
    public var isTwoSensor = false
    /// The estimated forward bend against the true lumbar flexion (two-sensor renders only).
    public var lumbarFlexionError = AngleError()
    /// The estimated hip flexion against the true one, over the frames with the pelvis (two-sensor renders
    /// only).
    public var hipFlexionError = AngleError()
    /// Why the detectors refused the trace; nil when they ran.
    public var refusal: String?

    /// Tolerance on the twist threshold for "near-threshold" stretches, in rad.
    public static let twistMargin = 2 * degree

    /// Runs the detectors over `samples` and scores them against `truth`.
    ///
    /// - Parameters:
    ///   - baselineSeconds: the still start, in s, left out of the clean time.
    public init(name: String, labels: ScoreLabels, samples: [IMUSample], truth: TruthTrack, profile: FormProfile,
                baselineSeconds: Double = 2) {
        self.name = name
        self.labels = labels
        var track = DetectorTrack(times: [], twistAlert: [], bounceAlert: [], twist: [])
        do {
            track = try DetectorRun.run(samples, profile: profile)
        } catch {
            refusal = "\(error)"
        }
        let times = refusal == nil ? track.times : truth.times
        let start = times.first ?? 0
        duration = (times.last ?? 0) - start

        let t = truth.times
        isTwoSensor = truth.hasSpine
        let trueTwist = isTwoSensor ? truth.spinalTwist : truth.twist
        let twistFaults = Episode.runs(times: t, flags: trueTwist.map { abs($0) >= profile.twist.alertAngle },
                                       minimumDuration: profile.twist.alertDelay)
        let nearThreshold = Episode.runs(times: t, flags: trueTwist.map { abs($0) >= profile.twist.alertAngle - Self.twistMargin })
        let bounceFaults = Episode.runs(times: t, flags: truth.bounceExpected)
        let twistAlerts = Episode.runs(times: track.times, flags: track.twistAlert)
        let bounceAlerts = Episode.runs(times: track.times, flags: track.bounceAlert)

        twist = Self.score(faults: twistFaults, alerts: twistAlerts, ignore: nearThreshold, after: 1.0, cycles: nil)
        bounce = Self.score(faults: bounceFaults, alerts: bounceAlerts, ignore: [],
                            after: profile.bounce.releaseTime + 0.5,
                            cycles: { time in truth.frequency(at: time) })
        let busy = (twistFaults + bounceFaults).reduce(0) { $0 + $1.duration + 1.5 }
        cleanTime = max(0, duration - baselineSeconds - busy)
        (twistSquaredError, twistErrorCount) = Self.squaredError(track.times, track.twist, truth.times, trueTwist)
        if isTwoSensor {
            let lumbar = Self.squaredError(track.times, track.flexion, truth.times, truth.lumbarFlexion)
            let hips = Self.squaredError(track.times, track.hipFlexion, truth.times, truth.hipFlexion)
            lumbarFlexionError = AngleError(squaredSum: lumbar.sum, frames: lumbar.count)
            hipFlexionError = AngleError(squaredSum: hips.sum, frames: hips.count)
        }
    }

    /// Sum of squared differences, in the values' unit squared, of `estimate` against `truth` at the times
    /// both have (within 1 µs), and how many times matched; a frame whose estimate is not finite (an angle
    /// the pipeline did not give) is left out. Both time lists increase.
    static func squaredError(_ estimateTimes: [Double], _ estimate: [Double], _ truthTimes: [Double],
                             _ truth: [Double]) -> (sum: Double, count: Int) {
        var sum = 0.0, count = 0, j = 0
        for (i, time) in estimateTimes.enumerated() {
            while j < truthTimes.count, truthTimes[j] < time - 1e-6 { j += 1 }
            guard j < truthTimes.count, abs(truthTimes[j] - time) <= 1e-6, estimate[i].isFinite else { continue }
            let error = estimate[i] - truth[j]
            sum += error * error
            count += 1
        }
        return (sum, count)
    }

    /// Matches alerts to faults.
    static func score(faults: [Episode], alerts: [Episode], ignore: [Episode], after: Double,
                      cycles: ((Double) -> Double)?) -> KindScore {
        var score = KindScore()
        score.expected = faults.count
        score.alerts = alerts.count
        for fault in faults {
            guard let alert = alerts.first(where: { $0.end >= fault.start && $0.start <= fault.end + after }) else { continue }
            score.detected += 1
            let latency = max(0, alert.start - fault.start)
            score.latencies.append(latency)
            if let cycles { score.latencyCycles.append(latency * cycles(fault.start)) }
        }
        for alert in alerts {
            let matched = faults.contains { alert.overlaps($0.start - 0.5, $0.end + after) }
                || ignore.contains { alert.overlaps($0.start - 0.5, $0.end + after) }
            if !matched { score.falseAlarms += 1 }
        }
        return score
    }
}

extension TruthTrack {
    /// The labelled bounce frequency at a time, in Hz (the first labelled one at or after it).
    func frequency(at time: Double) -> Double {
        guard let i = times.firstIndex(where: { $0 >= time }) else { return 0 }
        return bounceFrequency[i...].first { $0 > 0 } ?? 0
    }
}
