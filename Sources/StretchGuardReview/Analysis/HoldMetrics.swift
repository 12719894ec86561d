import StretchGuardCore

/// One hold of a session, measured: when and how long, how deep, how straight (twist), whether it
/// bounced, and how steady it was (SPARC and LDLJ of the angular velocity over the hold).
public struct HoldMetrics: Sendable, Equatable {
    /// 1 for the session's first hold.
    public var number: Int
    /// Start, in s since the session's start (the hold counts from when the wearer settled).
    public var start: Double
    /// End, in s since the session's start.
    public var end: Double
    /// How long it was held, in s.
    public var duration: Double
    /// The hold target in force, in s.
    public var target: Double
    /// Whether it reached the target.
    public var reached: Bool
    /// Mean of the profile's stretch measure over the hold (e.g. flexion), in rad.
    public var meanAngle: Double
    /// The twist of largest magnitude during the hold, in rad (signed: + chest to the left).
    public var peakTwist: Double
    /// Bounce alerts that started during the hold.
    public var bounces: Int
    /// Twist alerts that started during the hold.
    public var twistAlerts: Int
    /// SPARC of the angular speed |ω| over the hold (dimensionless, ≤ −1; closer to −1 is smoother), or nil
    /// when undefined (too short, no movement at all).
    public var sparc: Double?
    /// LDLJ-V of the angular velocity ω over the hold (dimensionless; higher is smoother), or nil when
    /// undefined.
    public var ldlj: Double?
    /// Two sensors: mean hip flexion over the hold's ticks with a pelvis reading, in rad (nil with one
    /// sensor, or when the pelvis never reported during the hold). ``meanAngle`` is then the spine's.
    public var meanHipFlexion: Double? = nil
    /// Two sensors: the pelvis twist of largest magnitude during the hold, in rad (signed: + hips to the
    /// left; nil as ``meanHipFlexion``).
    public var peakPelvisTwist: Double? = nil

    /// The holds of a replayed session, from its events (`hold_ended` closes each; `hold_reached` marks
    /// it reached) and the per-sample track.
    ///
    /// - Parameters:
    ///   - events: the replay's events, sample-clock times in s.
    ///   - track: the replayed samples.
    ///   - startTime: the session's start on the sample clock, in s.
    ///   - sampleRate: the nominal sample rate, in Hz (for SPARC and LDLJ).
    ///   - target: the hold target, in s.
    public static func holds(events: [FormEvent], track: SessionTrack, startTime: Double, sampleRate: Double,
                             target: Double) -> [HoldMetrics] {
        var holds: [HoldMetrics] = []
        for end in events where end.kind == .holdEnded {
            let stop = end.time - startTime
            let start = stop - end.duration
            let within = { (e: FormEvent) in e.time - startTime >= start && e.time - startTime <= stop }
            let range = track.indices(from: start, through: stop)
            var peak = 0.0
            for i in range where abs(track.twist[i]) > abs(peak) { peak = track.twist[i] }
            let (sparc, ldlj) = smoothness(of: track.angularVelocity[range], sampleRate: sampleRate)
            let hips = hipMeasures(track, range)
            holds.append(HoldMetrics(
                number: holds.count + 1, start: start, end: stop, duration: end.duration, target: target,
                reached: events.contains { $0.kind == .holdReached && within($0) } || end.duration >= target,
                meanAngle: end.value, peakTwist: peak,
                bounces: events.count(where: { $0.kind == .bounceStarted && within($0) }),
                twistAlerts: events.count(where: { $0.kind == .twistAlertStarted && within($0) }),
                sparc: sparc, ldlj: ldlj, meanHipFlexion: hips?.meanFlexion, peakPelvisTwist: hips?.peakTwist))
        }
        return holds
    }

    /// The mean hip flexion and the peak pelvis twist over the ticks of `range` with hip angles (rad), or
    /// nil when none has.
    static func hipMeasures(_ track: SessionTrack, _ range: Range<Int>) -> (meanFlexion: Double, peakTwist: Double)? {
        var sum = 0.0, count = 0, peak = 0.0
        for i in range where !track.hipFlexion[i].isNaN {
            sum += track.hipFlexion[i]
            count += 1
            if abs(track.pelvisTwist[i]) > abs(peak) { peak = track.pelvisTwist[i] }
        }
        return count == 0 ? nil : (sum / Double(count), peak)
    }

    /// SPARC of |ω| and LDLJ-V of ω over a stretch of samples (nil where undefined).
    ///
    /// - Parameters:
    ///   - angularVelocity: bias-corrected ω, in rad/s.
    ///   - sampleRate: in Hz.
    static func smoothness(of angularVelocity: ArraySlice<Vector3D>, sampleRate: Double) -> (Double?, Double?) {
        let samples = Array(angularVelocity)
        let sparc = SpectralArcLength().measure(angularVelocity: samples, sampleRate: sampleRate)?.value
        let ldlj = LogDimensionlessJerk.ofAngularVelocity(samples, sampleRate: sampleRate)
        return (sparc, ldlj)
    }
}
