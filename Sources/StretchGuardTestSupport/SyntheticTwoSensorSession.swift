import Foundation
import RealModule
import StretchGuardConfig
import StretchGuardCore
import StretchGuardSimulation
import StretchGuardStore

/// A generated two-sensor session (thorax and pelvis) from a simple physical model, written into a session
/// database as a live session would have recorded it: for the review tests of spinal twist, lumbar vs hip
/// flexion and the pelvis's health.
///
/// Both segments are rigid bodies whose sensors are mounted square (sensor frame = body frame). The pelvis's
/// orientation is R_z(ψ)·R_y(h) (ψ the whole body's heading, h the hip flexion), the thorax's
/// R_z(ψ)·R_y(h + l)·R_z(τ) (l the lumbar flexion, τ the spinal twist). Times from the session's start:
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

    /// The ticks (sample-clock times from ``clockStart``), each with its pelvis reading but in ``pelvisSilence``.
    public static func samples(duration: Double, rate: Double) -> [IMUSample] {
        var synth = MotionSynthesizer(sampleRate: rate)
        synth.gyrNoise = 0.002
        synth.accNoise = 0.02
        synth.substeps = 4
        synth.seed = 11
        synth.gyrBias = Vector3D(0.003, -0.002, 0.001)
        let thorax = synth.render(duration: duration, angularRate: thoraxRate).samples
        synth.seed = 12
        synth.gyrBias = Vector3D(-0.002, 0.001, 0.002)
        let pelvis = synth.render(duration: duration, angularRate: pelvisRate).samples
        return zip(thorax, pelvis).map { chest, hips in
            var sample = chest
            sample.time += clockStart
            if !pelvisSilence.contains(chest.time) { sample.pelvis = PelvisReading(gyr: hips.gyr, acc: hips.acc) }
            return sample
        }
    }

    /// The thorax's angular rate in its own frame at `t` s, in rad/s: for R_z(ψ)·R_y(f)·R_z(τ),
    /// ω = R_z(τ)ᵀ·(−ψ′ sin f, f′, ψ′ cos f) + (0, 0, τ′).
    static func thoraxRate(_ t: Double) -> Vector3D {
        let (psi, psiRate) = heading(t)
        _ = psi
        let (hip, hipRate) = hipFlexion(t), (lumbar, lumbarRate) = lumbarFlexion(t)
        let (tau, tauRate) = twist(t)
        let f = hip + lumbar, fRate = hipRate + lumbarRate
        let v = Vector3D(-psiRate * Double.sin(f), fRate, psiRate * Double.cos(f))
        let c = Double.cos(tau), s = Double.sin(tau)
        return Vector3D(c * v.x + s * v.y, -s * v.x + c * v.y, v.z + tauRate)
    }

    /// The pelvis's angular rate in its own frame at `t` s, in rad/s: for R_z(ψ)·R_y(h),
    /// ω = (−ψ′ sin h, h′, ψ′ cos h).
    static func pelvisRate(_ t: Double) -> Vector3D {
        let (_, psiRate) = heading(t)
        let (hip, hipRate) = hipFlexion(t)
        return Vector3D(-psiRate * Double.sin(hip), hipRate, psiRate * Double.cos(hip))
    }

    /// The whole body's heading and its rate at `t`, in rad and rad/s.
    static func heading(_ t: Double) -> (Double, Double) {
        ramp(t, from: bodyTurnSpan.lowerBound, over: bodyTurnSpan.upperBound - bodyTurnSpan.lowerBound, size: bodyTurn)
    }

    /// Hip flexion and its rate at `t`, in rad and rad/s.
    static func hipFlexion(_ t: Double) -> (Double, Double) { bend(t, size: hipBend) }

    /// Lumbar flexion and its rate at `t`, in rad and rad/s.
    static func lumbarFlexion(_ t: Double) -> (Double, Double) { bend(t, size: lumbarBend) }

    /// A share of the bend: up over 6–10 s, held to 20 s, down over 20–24 s (rad, rad/s).
    static func bend(_ t: Double, size: Double) -> (Double, Double) {
        let (up, upRate) = ramp(t, from: 6, over: 4, size: size)
        let (down, downRate) = ramp(t, from: 20, over: 4, size: size)
        return (up - down, upRate - downRate)
    }

    /// The spinal twist and its rate at `t`, in rad and rad/s: up over 1.5 s, held 3 s, back over 1.5 s.
    static func twist(_ t: Double) -> (Double, Double) {
        let start = chestTwistSpan.lowerBound
        let (up, upRate) = ramp(t, from: start, over: 1.5, size: chestTwist)
        let (down, downRate) = ramp(t, from: start + 4.5, over: 1.5, size: chestTwist)
        return (up - down, upRate - downRate)
    }

    /// A minimum-jerk step of `size` from `from` s over `over` s, and its rate (rad, rad/s).
    static func ramp(_ t: Double, from start: Double, over length: Double, size: Double) -> (Double, Double) {
        let u = (t - start) / length
        return (size * SyntheticSession.minimumJerk(u), size * SyntheticSession.minimumJerkRate(u) / length)
    }
}
