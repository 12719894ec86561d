import Foundation
import StretchGuardConfig
import StretchGuardCore
import StretchGuardSimulation
import StretchGuardStore

/// A generated two-sensor session (thorax and pelvis), written into a session database as a live session
/// would have recorded it: for the review tests of spinal twist, lumbar vs hip flexion and the pelvis's
/// health. The segments move as ``TwoSegmentMotion`` models them (pelvis: heading, then hip flexion;
/// thorax: the pelvis, then lumbar flexion, then spinal twist). Times from the session's start:
/// - 0–6 s still upright;
/// - a hip-hinge bend from 6 s: 35° at the hips and 20° in the spine over 4 s, held 10 s, back over 4 s;
/// - a chest twist from 27 s: the thorax turns 25° over 1.5 s while the pelvis stays still, held 3 s,
///   back over 1.5 s (a spinal twist: the alert must sound);
/// - a whole-body turn from 36 s: thorax and pelvis turn 90° together over 3 s (no spinal twist: no alert);
/// - the pelvis gives no reading from 44 s to 45 s (a pelvis gap; the thorax's samples are all there);
/// - still until the end (50 s by default).
public enum SyntheticTwoSensorSession {
    /// The sample clock's reading at the session's start, in s.
    public static let clockStart = 2000.0
    /// The chest twist's size, in rad (25°).
    public static let chestTwist = 25 * degree
    /// When the chest twist starts and ends (back to neutral), in s from the start.
    public static let chestTwistSpan = 27.0...33.0
    /// The whole-body turn's size, in rad (90°).
    public static let bodyTurn = 90 * degree
    /// When the whole-body turn starts and ends, in s from the start.
    public static let bodyTurnSpan = 36.0...39.0
    /// When the pelvis gives no reading, in s from the start (from, up to).
    public static let pelvisSilence = 44.0..<45.0
    /// The bend's share at the hips and in the spine, in rad.
    public static let hipBend = 35 * degree, lumbarBend = 20 * degree

    /// Writes the session into `store`.
    ///
    /// - Parameters:
    ///   - store: the database.
    ///   - duration: length, in s (≥ 46 to include every part).
    ///   - rate: sample rate, in Hz.
    ///   - startDate: the wall-clock start.
    ///   - profile: the exercise's thresholds; its name is stored.
    /// - Returns: what was written.
    public static func write(into store: SessionStore, duration: Double = 50, rate: Double = 100, startDate: Date,
                             profile: FormProfile) throws -> SessionImporter.Result {
        let scale = SampleScale.wideRange
        let samples = samples(duration: duration, rate: rate)
        let baseline = try SessionImporter.startBaseline(of: samples, scale: scale)
        let info = SessionInfo(startDate: startDate, startTime: clockStart, device: "simulated 0x68", chip: "simulated",
                               rate: rate, profile: profile.name, softwareVersion: "0.1.0", scale: scale,
                               pelvis: PelvisSensorInfo(device: "simulated 0x69", chip: "simulated", scale: scale))
        let silent = samples.filter { $0.pelvis == nil }
        let gaps = silent.isEmpty ? [] : [SessionGap(start: silent.first!.time, end: silent.last!.time, samples: silent.count,
                                                     reason: .noReading, stream: .pelvis)]
        var importer = SessionImporter()
        importer.samplesPerBlock = max(1, Int((0.4 * rate).rounded()))
        return try importer.write(samples: samples, into: store, info: info, baseline: baseline, profile: profile,
                                  gaps: gaps)
    }

    /// The ticks (sample-clock times from ``clockStart``), each with its pelvis reading but in ``pelvisSilence``:
    /// ``TwoSegmentMotion`` renders the two segments' poses (its own mountings and gyroscope biases), and
    /// each sensor gets white noise (gyroscope 0.002 rad/s, accelerometer 0.02 m/s², fixed seeds).
    public static func samples(duration: Double, rate: Double) -> [IMUSample] {
        var rig = TwoSegmentMotion(pose: pose)
        rig.period = 1 / rate
        var thoraxNoise = SeededRandom(seed: 11), pelvisNoise = SeededRandom(seed: 12)
        return rig.samples(duration: duration, pelvisMissing: { pelvisSilence.contains($0) }).map { tick in
            var sample = tick
            sample.time += clockStart
            sample.gyr += thoraxNoise.gaussianVector(sigma: 0.002)
            sample.acc += thoraxNoise.gaussianVector(sigma: 0.02)
            if var pelvis = sample.pelvis {
                pelvis.gyr += pelvisNoise.gaussianVector(sigma: 0.002)
                pelvis.acc += pelvisNoise.gaussianVector(sigma: 0.02)
                sample.pelvis = pelvis
            }
            return sample
        }
    }

    /// The two segments' pose at `t` s from the start (rad).
    @Sendable static func pose(_ t: Double) -> TwoSegmentMotion.Pose {
        let ramp = TwoSegmentMotion.ramp
        let bend = ramp(t, 6, 10) - ramp(t, 20, 24)
        let twistStart = chestTwistSpan.lowerBound
        let twist = ramp(t, twistStart, twistStart + 1.5) - ramp(t, twistStart + 4.5, twistStart + 6)
        return TwoSegmentMotion.Pose(heading: bodyTurn * ramp(t, bodyTurnSpan.lowerBound, bodyTurnSpan.upperBound),
                                     hip: hipBend * bend, lumbar: lumbarBend * bend, twist: chestTwist * twist)
    }
}
