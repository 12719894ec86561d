import StretchGuardCore

/// Smooth time profiles the scripted motion is built from: every one starts and ends with zero velocity
/// and zero acceleration, so the rendered gyroscope and accelerometer signals have no jumps.
enum SmoothProfile {
    /// The minimum-jerk transition `10u³ − 15u⁴ + 6u⁵` from 0 at `u ≤ 0` to 1 at `u ≥ 1` (unitless).
    static func minimumJerk(_ u: Double) -> Double {
        guard u > 0 else { return 0 }
        guard u < 1 else { return 1 }
        return u * u * u * (10 + u * (-15 + 6 * u))
    }

    /// A minimum-jerk transition whose fastest moment comes at about `peak` of the way through (0.5:
    /// `minimumJerk` itself). The time is warped by `u^k` with `k = ln ½ / ln peak`, which keeps zero
    /// velocity and acceleration at both ends for `peak` in 0.38–0.62 (`k` ≥ 0.7).
    static func skewedMinimumJerk(_ u: Double, peak: Double) -> Double {
        guard peak != 0.5, u > 0, u < 1 else { return minimumJerk(u) }
        let k = Double.log(0.5) / Double.log(peak)
        return minimumJerk(Double.pow(u, k))
    }

    /// The derivative of `minimumJerk` with respect to `u` (unitless).
    static func minimumJerkRate(_ u: Double) -> Double {
        guard u > 0, u < 1 else { return 0 }
        let v = u * (1 - u)
        return 30 * v * v
    }

    /// A fade window over a step of length `duration` (s): rises from 0 to 1 over the first `ramp` s
    /// (minimum jerk), stays 1, and falls back to 0 over the last `ramp` s. `tau` is the time into the
    /// step, in s.
    static func window(_ tau: Double, duration: Double, ramp: Double) -> Double {
        guard ramp > 0 else { return tau >= 0 && tau <= duration ? 1 : 0 }
        return minimumJerk(tau / ramp) * minimumJerk((duration - tau) / ramp)
    }

    /// The derivative of `window` with respect to time, in 1/s.
    static func windowRate(_ tau: Double, duration: Double, ramp: Double) -> Double {
        guard ramp > 0 else { return 0 }
        let rise = minimumJerk(tau / ramp), fall = minimumJerk((duration - tau) / ramp)
        return (minimumJerkRate(tau / ramp) * fall - rise * minimumJerkRate((duration - tau) / ramp)) / ramp
    }

    /// A raised-cosine pulse of the given `width` (s) starting at `tau = 0`: 0 outside, 1 at its middle
    /// (unitless); its integral is `width / 2` s.
    static func pulse(_ tau: Double, width: Double) -> Double {
        guard tau > 0, tau < width else { return 0 }
        let s = Double.sin(Double.pi * tau / width)
        return s * s
    }
}

extension Oscillation {
    /// Fade-in and fade-out time, in s: a quarter period, or half the step when that is shorter.
    func ramp(duration: Double) -> Double {
        min(1 / (4 * frequency), duration / 2)
    }

    /// The swing's offset from the base posture at `tau` s into a step of `duration` s, in rad:
    /// `amplitude·sin(2π·f·tau)` faded in and out (first extreme at a quarter period, toward `direction`).
    func offset(at tau: Double, duration: Double, direction: Double) -> Double {
        let fade = SmoothProfile.window(tau, duration: duration, ramp: ramp(duration: duration))
        return direction * amplitude * Double.sin(2 * Double.pi * frequency * tau) * fade
    }

    /// The number of direction reversals at full amplitude within a step of `duration` s: the extremes at
    /// odd multiples of a quarter period that lie outside the fades.
    func fullReversals(duration: Double) -> Int {
        let quarter = 1 / (4 * frequency)
        let r = ramp(duration: duration)
        var count = 0
        var k = 0
        while true {
            let extreme = Double(2 * k + 1) * quarter
            if extreme > duration - r + 1e-9 { break }
            if extreme >= r - 1e-9 { count += 1 }
            k += 1
        }
        return count
    }
}
