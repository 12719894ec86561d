import StretchGuardCore
import StretchGuardTrace

/// What the detectors made of one trace, one entry per frame they produced.
public struct DetectorTrack: Sendable {
    /// Frame times, in s.
    public var times: [Double]
    /// Whether the twist alert is on at each frame.
    public var twistAlert: [Bool]
    /// Whether the bounce alert is on at each frame.
    public var bounceAlert: [Bool]
    /// The estimated twist at each frame, in rad (+ chest toward the wearer's left): the spinal twist while
    /// the pipeline runs two sensors.
    public var twist: [Double]
    /// The estimated forward bend at each frame, in rad: the lumbar flexion while it runs two sensors.
    public var flexion: [Double]
    /// The estimated hip flexion at each frame, in rad; NaN at frames without the pelvis.
    public var hipFlexion: [Double]

    /// A track with one value per frame in every array (times in s, angles in rad); `flexion` and
    /// `hipFlexion` may be left empty.
    public init(times: [Double], twistAlert: [Bool], bounceAlert: [Bool], twist: [Double],
                flexion: [Double] = [], hipFlexion: [Double] = []) {
        self.times = times
        self.twistAlert = twistAlert
        self.bounceAlert = bounceAlert
        self.twist = twist
        self.flexion = flexion
        self.hipFlexion = hipFlexion
    }
}

/// The one place the evaluation calls the detection pipeline: a raw trace in, alerts and the estimated
/// twist out, exactly as the product replays a recording — without the truth and without knowing how the
/// sensor was mounted. Samples that carry the pelvis's reading replay in two-sensor mode (the still-period
/// capture fills the pelvis's baseline), and the angles out are then the spine's and the hips'.
public enum DetectorRun {
    /// Replays `samples` (s, rad/s, m/s², sensor frame) with `profile`'s thresholds.
    ///
    /// Exactly `stretchguard replay` with its defaults: the neutral posture is the first still 2 s within
    /// 30 s, the forward axis is learned from the first deep bend, then the whole pipeline runs over every
    /// sample (the rows before the neutral with no verdict).
    ///
    /// - Throws: `TraceError` when the trace has no still stretch to take the neutral posture from; the
    ///   evaluation counts the replay as refused.
    public static func run(_ samples: [IMUSample], profile: FormProfile) throws -> DetectorTrack {
        let replayer = try SessionReplayer(trace: samples, path: "trace", profile: profile)
        var track = DetectorTrack(times: [], twistAlert: [], bounceAlert: [], twist: [])
        track.times.reserveCapacity(samples.count)
        track.twistAlert.reserveCapacity(samples.count)
        track.bounceAlert.reserveCapacity(samples.count)
        track.twist.reserveCapacity(samples.count)
        track.flexion.reserveCapacity(samples.count)
        track.hipFlexion.reserveCapacity(samples.count)
        replayer.run { step in
            let frame = step.frame
            track.times.append(frame.posture.time)
            track.twistAlert.append(frame.verdict.twistAlert)
            track.bounceAlert.append(frame.verdict.bounce)
            track.twist.append(frame.posture.angles.twist)
            track.flexion.append(frame.posture.angles.flexion)
            track.hipFlexion.append(frame.posture.hips?.flexion ?? .nan)
        }
        return track
    }
}
