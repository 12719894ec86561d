import Foundation
import RealModule
import StretchGuardConfig
import StretchGuardCore
import StretchGuardReview
import StretchGuardSimulation
import StretchGuardStore

/// A generated exercise session of any length, for `bench --stage review` and the review tests: repeated
/// one-minute rounds of a forward-bend hold (60°, breathing) with faults, written into a session database
/// as a live session would have recorded it.
///
/// Round `k` (starting at `60k` s): 5 s still, bend to 60° over 4 s, hold 34 s (even rounds: reaches the
/// 30 s target) or 20 s (odd rounds), back to upright over 4 s, still until the next round. Every third
/// round from the second has a twist fault in the hold (20° over 1.5 s, held 2 s, back over 1.5 s) and a
/// "stop / it hurts" press during it; every third from the third bounces (3 cycles at 1.5 Hz, ±3°).
/// Every fourth round from the second loses 0.5 s of samples at 52 s (a stored gap).
public enum SyntheticSession {
    /// Length of one round, in s.
    public static let round = 60.0
    /// The sample clock's reading at the session's start, in s (any monotonic clock value).
    public static let clockStart = 1000.0

    /// Writes a session into `store`.
    ///
    /// - Parameters:
    ///   - store: the database.
    ///   - duration: length, in s.
    ///   - rate: sample rate, in Hz.
    ///   - startDate: the wall-clock start.
    ///   - profile: the exercise's thresholds; its name is stored.
    /// - Returns: what was written.
    public static func write(into store: SessionStore, duration: Double, rate: Double, startDate: Date,
                      profile: FormProfile) throws -> SessionImporter.Result {
        let (samples, gaps) = self.samples(duration: duration, rate: rate)
        let scale = SampleScale.wideRange
        let baseline = try SessionImporter.startBaseline(of: samples, scale: scale)
        let info = SessionInfo(startDate: startDate, startTime: clockStart, device: "simulated", chip: "simulated",
                               rate: rate, profile: profile.name, softwareVersion: "0.1.0", scale: scale)
        var importer = SessionImporter()
        importer.samplesPerBlock = max(1, Int((0.4 * rate).rounded()))
        return try importer.write(samples: samples, into: store, info: info, baseline: baseline, profile: profile,
                                  markers: markers(duration: duration), gaps: gaps)
    }

    /// The samples (sample-clock times from ``clockStart``) with the gaps' samples left out, and the gaps.
    static func samples(duration: Double, rate: Double) -> ([IMUSample], [SessionGap]) {
        var synth = MotionSynthesizer(sampleRate: rate)
        synth.gyrBias = Vector3D(0.004, -0.003, 0.002)
        synth.gyrNoise = 0.003
        synth.accNoise = 0.02
        synth.seed = 7
        synth.substeps = 2
        let rendered = synth.render(duration: duration, angularRate: angularRate)
        var gaps: [SessionGap] = []
        var samples: [IMUSample] = []
        samples.reserveCapacity(rendered.samples.count)
        var missing: [IMUSample] = []
        for var sample in rendered.samples {
            sample.time += clockStart
            let u = (sample.time - clockStart).truncatingRemainder(dividingBy: round)
            let k = Int((sample.time - clockStart) / round)
            if k % 4 == 1, u >= 52, u < 52.5 {
                missing.append(sample)
                continue
            }
            if let first = missing.first, let last = missing.last {
                gaps.append(SessionGap(start: first.time, end: last.time, samples: missing.count, reason: .bufferFull))
                missing.removeAll()
            }
            samples.append(sample)
        }
        return (samples, gaps)
    }

    /// The "stop / it hurts" presses: one in each round with a twist fault, 2 s into the twist.
    static func markers(duration: Double) -> [SessionMarker] {
        stride(from: 0, to: duration, by: round).enumerated().compactMap { k, start in
            let t = start + 19
            guard k % 3 == 1, t < duration else { return nil }
            return SessionMarker(time: clockStart + t, kind: .stop, note: "")
        }
    }

    /// The trunk's angular rate in the (aligned) sensor frame at `t` s, in rad/s: for posture
    /// R = R_y(flexion)·R_z(twist), ω = (f′·sin τ, f′·cos τ, τ′).
    static func angularRate(_ t: Double) -> Vector3D {
        let (_, flexionRate) = flexion(t)
        let (twist, twistRate) = self.twist(t)
        return Vector3D(flexionRate * Double.sin(twist), flexionRate * Double.cos(twist), twistRate)
    }

    /// Flexion and its rate at `t`, in rad and rad/s.
    static func flexion(_ t: Double) -> (Double, Double) {
        let k = Int(t / round), u = t - Double(k) * round
        let depth = 60 * degree, hold = k % 2 == 0 ? 34.0 : 20.0
        switch u {
        case 5..<9:
            return (depth * minimumJerk((u - 5) / 4), depth * minimumJerkRate((u - 5) / 4) / 4)
        case 9..<(9 + hold):
            let w = 2 * Double.pi * 0.25, breathing = 1 * degree
            var angle = depth + breathing * Double.sin(w * (u - 9))
            var rate = breathing * w * Double.cos(w * (u - 9))
            if k % 3 == 2, u >= 15, u < 17 {
                let (b, bRate) = bounce(u - 15)
                angle += b
                rate += bRate
            }
            return (angle, rate)
        case (9 + hold)..<(13 + hold):
            let v = (u - 9 - hold) / 4
            return (depth * (1 - minimumJerk(v)), -depth * minimumJerkRate(v) / 4)
        default:
            return (0, 0)
        }
    }

    /// Twist and its rate at `t`, in rad and rad/s.
    static func twist(_ t: Double) -> (Double, Double) {
        let k = Int(t / round), u = t - Double(k) * round
        guard k % 3 == 1 else { return (0, 0) }
        let angle = 20 * degree
        switch u {
        case 17..<18.5: return (angle * minimumJerk((u - 17) / 1.5), angle * minimumJerkRate((u - 17) / 1.5) / 1.5)
        case 18.5..<20.5: return (angle, 0)
        case 20.5..<22:
            let v = (u - 20.5) / 1.5
            return (angle * (1 - minimumJerk(v)), -angle * minimumJerkRate(v) / 1.5)
        default: return (0, 0)
        }
    }

    /// A bounce `tau` s in: ±3° at 1.5 Hz for 2 s, faded in and out over a quarter period (rad, rad/s).
    static func bounce(_ tau: Double) -> (Double, Double) {
        let amplitude = 3 * degree, w = 2 * Double.pi * 1.5, length = 2.0, ramp = 1 / 6.0
        let rise = minimumJerk(tau / ramp), fall = minimumJerk((length - tau) / ramp)
        let fade = rise * fall
        let fadeRate = (minimumJerkRate(tau / ramp) * fall - rise * minimumJerkRate((length - tau) / ramp)) / ramp
        let s = Double.sin(w * tau), c = Double.cos(w * tau)
        return (amplitude * s * fade, amplitude * (w * c * fade + s * fadeRate))
    }

    /// The minimum-jerk step 10u³ − 15u⁴ + 6u⁵, 0 before u = 0 and 1 after u = 1 (unitless).
    static func minimumJerk(_ u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return 1 }
        return u * u * u * (10 + u * (-15 + 6 * u))
    }

    /// The derivative of ``minimumJerk(_:)`` with respect to u.
    static func minimumJerkRate(_ u: Double) -> Double {
        guard u > 0, u < 1 else { return 0 }
        let v = u * (1 - u)
        return 30 * v * v
    }
}
