import StretchGuardCore
import StretchGuardTrace

/// How one kind of alert fared on one scenario.
public struct KindScore: Sendable, Equatable {
    /// Faults the truth says happened, and how many of them an alert caught.
    public var expected = 0
    public var detected = 0
    /// Alerts raised, and how many matched no fault (false alarms).
    public var alerts = 0
    public var falseAlarms = 0
    /// Latency of each caught fault, in s.
    public var latencies: [Double] = []
    /// Latency of each caught fault in oscillation cycles (bounces only).
    public var latencyCycles: [Double] = []

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

/// Runs the whole pipeline over one scenario and scores its twist and bounce alerts against the truth.
///
/// Twist faults are the runs of true |twist| ≥ the profile's alert angle lasting its alert delay; an alert
/// catches one if it starts between the run's start and 1 s after its end; latency runs from the true
/// crossing. An alert is false if it overlaps no fault (widened by 0.5 s before and 1 s after) and no
/// near-threshold stretch (true |twist| ≥ alert angle − 2°, where a 2° estimate error may tip it over).
/// Bounce faults are the truth's labelled bounce runs, matched the same way (widened by the release time
/// after), with latency also in cycles of the labelled frequency. The forward axis comes from the
/// scenario's first still forward bend, as the calibration procedure's second pose would give it.
public struct ScenarioScore: Sendable {
    public var name: String
    /// Scenario length, in s, and the part with no fault under way (after the baseline), in s.
    public var duration: Double
    public var cleanTime: Double
    public var twist = KindScore()
    public var bounce = KindScore()

    /// Tolerance on the twist threshold for "near-threshold" stretches, in rad.
    public static let twistMargin = 2 * degree

    public init(name: String, samples: [IMUSample], truth: TruthTrack, profile: FormProfile,
                baselineSeconds: Double = 2) throws(TraceError) {
        self.name = name
        let found = try Replay.findBaseline(in: samples, path: name, options: ReplayOptions(baselineSeconds: baselineSeconds))
        var times: [Double] = [], twistFlags: [Bool] = [], bounceFlags: [Bool] = []
        times.reserveCapacity(samples.count)
        Replay.run(samples, found: found, profile: profile) { frame, _ in
            guard let frame else { return }
            times.append(frame.posture.time)
            twistFlags.append(frame.verdict.twistAlert)
            bounceFlags.append(frame.verdict.bounce)
        }
        let start = times.first ?? 0
        duration = (times.last ?? 0) - start

        let t = truth.times
        let twistFaults = Episode.runs(times: t, flags: truth.twist.map { abs($0) >= profile.twist.alertAngle },
                                       minimumDuration: profile.twist.alertDelay)
        let nearThreshold = Episode.runs(times: t, flags: truth.twist.map { abs($0) >= profile.twist.alertAngle - Self.twistMargin })
        let bounceFaults = Episode.runs(times: t, flags: truth.bounceExpected)
        let twistAlerts = Episode.runs(times: times, flags: twistFlags)
        let bounceAlerts = Episode.runs(times: times, flags: bounceFlags)

        twist = Self.score(faults: twistFaults, alerts: twistAlerts, ignore: nearThreshold, after: 1.0, cycles: nil)
        bounce = Self.score(faults: bounceFaults, alerts: bounceAlerts, ignore: [],
                            after: profile.bounce.releaseTime + 0.5,
                            cycles: { time in truth.frequency(at: time) })
        let busy = (twistFaults + bounceFaults).reduce(0) { $0 + $1.duration + 1.5 }
        cleanTime = max(0, duration - baselineSeconds - busy)
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
