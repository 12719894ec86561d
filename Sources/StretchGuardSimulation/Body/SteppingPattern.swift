import StretchGuardCore

/// Footsteps while walking or turning on the spot: the pelvis bounces up and down once per step, sways
/// sideways once per two steps, and every heel strike sends a short upward jolt through the body.
///
/// Everything fades in over the first step and out over the last, so the motion starts and ends at rest.
public struct SteppingPattern: Sendable, Equatable {
    /// Steps per second, in Hz.
    public var frequency: Double
    /// Vertical bounce of the pelvis, ± in m (lowest at each heel strike).
    public var verticalAmplitude: Double
    /// Sideways sway of the pelvis, ± in m (one sway cycle per two steps).
    public var lateralAmplitude: Double
    /// Peak upward acceleration of a heel strike, in m/s².
    public var impactPeak: Double
    /// Length of a heel-strike jolt, in s.
    public var impactWidth: Double
    /// Trunk sway that comes with the steps, ± in rad: flexion at the step rate, side bend and twist at
    /// half of it. Kept below 3° peak-to-peak so walking is never a bounce.
    public var trunkSway: PostureAngles

    /// A stepping pattern; every parameter as documented on its property (Hz, m, m/s², s, rad).
    public init(frequency: Double, verticalAmplitude: Double, lateralAmplitude: Double, impactPeak: Double,
                impactWidth: Double = 0.06, trunkSway: PostureAngles = .neutral) {
        self.frequency = frequency
        self.verticalAmplitude = verticalAmplitude
        self.lateralAmplitude = lateralAmplitude
        self.impactPeak = impactPeak
        self.impactWidth = impactWidth
        self.trunkSway = trunkSway
    }

    /// Ordinary walking: 1.8 steps/s, ±2.5 cm vertical, ±2 cm sideways, 6 m/s² heel strikes, trunk sway
    /// ±0.5° flexion, ±1° side bend, ±1.2° twist.
    public static let walking = SteppingPattern(
        frequency: 1.8, verticalAmplitude: 0.025, lateralAmplitude: 0.02, impactPeak: 6,
        trunkSway: PostureAngles(flexion: 0.5 * degree, sideBend: 1 * degree, twist: 1.2 * degree))

    /// Small steps turning on the spot: 1.8 steps/s, ±1 cm vertical and sideways, 4 m/s² heel strikes.
    public static let turning = SteppingPattern(
        frequency: 1.8, verticalAmplitude: 0.01, lateralAmplitude: 0.01, impactPeak: 4)

    /// Step rates of gentle shuffling steps, in Hz.
    public static let gentleFrequencies: ClosedRange<Double> = 1.5...1.9
    /// Vertical trunk bob of gentle shuffling steps, ± in m.
    public static let gentleBobs: ClosedRange<Double> = 0.007...0.012

    /// Gentle shuffling steps (turning on the spot in socks, say): a vertical bob of ± `bob` m at
    /// `frequency` steps/s, ±0.5 cm sideways, and no heel strike at all, so the only vertical signal is the
    /// bob's own `(2πf)²·bob` (at most 1.7 m/s² over the gentle ranges).
    public static func gentle(frequency: Double, bob: Double) -> SteppingPattern {
        SteppingPattern(frequency: frequency, verticalAmplitude: bob, lateralAmplitude: 0.005, impactPeak: 0)
    }

    /// Fade-in/out time for a stepping phase of `duration` s, in s: one step, or half the phase.
    func ramp(duration: Double) -> Double {
        min(1 / frequency, duration / 2)
    }

    /// The pelvis's linear acceleration `tau` s into a stepping phase of `duration` s, in m/s², in the
    /// stance frame (x forward along the heading, y left, z up), excluding the forward speed change.
    func acceleration(at tau: Double, duration: Double) -> Vector3D {
        let fade = SmoothProfile.window(tau, duration: duration, ramp: ramp(duration: duration))
        let stepPhase = 2 * Double.pi * frequency * tau
        // z = −A·cos(stepPhase): lowest at the heel strikes (tau = k/f).
        let bounce = verticalAmplitude * (2 * Double.pi * frequency) * (2 * Double.pi * frequency)
            * Double.cos(stepPhase)
        // y = A·sin(stepPhase / 2).
        let swayRate = Double.pi * frequency
        let sway = -lateralAmplitude * swayRate * swayRate * Double.sin(stepPhase / 2)
        return Vector3D(0, sway * fade, bounce * fade + heelStrikes(at: tau, duration: duration))
    }

    /// The heel-strike jolts, in m/s² (up), with their mean taken out so the body's vertical velocity
    /// does not drift.
    private func heelStrikes(at tau: Double, duration: Double) -> Double {
        let period = 1 / frequency
        let ramp = ramp(duration: duration)
        var total = 0.0
        // The strike that may be in progress: the latest one at or before tau.
        let k = (tau / period).rounded(.down)
        for strike in [k - 1, k] where strike >= 1 {
            let start = strike * period
            let weight = SmoothProfile.window(start, duration: duration, ramp: ramp)
            total += impactPeak * weight * SmoothProfile.pulse(tau - start, width: impactWidth)
        }
        let mean = impactPeak * (impactWidth / 2) * frequency
        return total - mean * SmoothProfile.window(tau, duration: duration, ramp: ramp)
    }

    /// The trunk's sway `tau` s into a stepping phase of `duration` s, in rad (added to the posture).
    func sway(at tau: Double, duration: Double) -> PostureAngles {
        let fade = SmoothProfile.window(tau, duration: duration, ramp: ramp(duration: duration))
        let stepPhase = 2 * Double.pi * frequency * tau
        return PostureAngles(flexion: trunkSway.flexion * Double.sin(stepPhase) * fade,
                             sideBend: trunkSway.sideBend * Double.sin(stepPhase / 2) * fade,
                             twist: trunkSway.twist * Double.sin(stepPhase / 2 + 0.3) * fade)
    }
}
