import StretchGuardCore

/// The small movement of a person holding a posture: breathing rocks the chest in flexion (part of the
/// posture, so the truth shows it), and a faint muscle tremor shakes the chest wall under the sensor in
/// flexion and side bend (a local rotation of the sensor: the trunk does not swing about the hip at 10 Hz,
/// so it adds no lever-arm acceleration, and the truth posture leaves it out). Added to every
/// `still`/`hold` step when set (randomised conditions set it), faded in and out at the step's ends.
///
/// Both stay far below the alert definitions: breathing is at most 2° peak-to-peak below 0.5 Hz (under
/// the 3° bounce swing), the tremor well under 1° and above the 4 Hz bounce band; neither touches the twist.
public struct HoldMotion: Sendable, Equatable {
    /// Breathing's flexion swing, ± in rad.
    public var breathingAmplitude: Double
    /// Breathing rate, in Hz.
    public var breathingFrequency: Double
    /// Breathing's phase at t = 0, in rad.
    public var breathingPhase: Double
    /// The tremor's swing, ± in rad (in flexion; 0.6 of it in side bend).
    public var tremorAmplitude: Double
    /// Tremor frequency, in Hz.
    public var tremorFrequency: Double
    /// The tremor's phase at t = 0, in rad.
    public var tremorPhase: Double

    /// Fade-in and fade-out at a hold's ends, in s (or half the hold when shorter).
    public static let fade = 0.4

    /// Breathing of ± `breathingAmplitude` rad at `breathingFrequency` Hz and a tremor of ±
    /// `tremorAmplitude` rad at `tremorFrequency` Hz; phases in rad.
    public init(breathingAmplitude: Double, breathingFrequency: Double, breathingPhase: Double = 0,
                tremorAmplitude: Double, tremorFrequency: Double, tremorPhase: Double = 0) {
        self.breathingAmplitude = breathingAmplitude
        self.breathingFrequency = breathingFrequency
        self.breathingPhase = breathingPhase
        self.tremorAmplitude = tremorAmplitude
        self.tremorFrequency = tremorFrequency
        self.tremorPhase = tremorPhase
    }

    /// Breathing's flexion offset at time `t` s (scenario time), `tau` s into a hold of `duration` s, in rad.
    func breathing(at t: Double, tau: Double, duration: Double) -> Double {
        let window = SmoothProfile.window(tau, duration: duration, ramp: min(Self.fade, duration / 2))
        guard window > 0 else { return 0 }
        return breathingAmplitude * Double.sin(2 * Double.pi * breathingFrequency * t + breathingPhase) * window
    }

    /// The tremor's local rotation of the sensor at time `t` s, `tau` s into a hold of `duration` s: flexion
    /// and side-bend angles in rad (twist 0).
    func tremor(at t: Double, tau: Double, duration: Double) -> PostureAngles {
        let window = SmoothProfile.window(tau, duration: duration, ramp: min(Self.fade, duration / 2))
        guard window > 0 else { return .neutral }
        let phase = 2 * Double.pi * tremorFrequency * t + tremorPhase
        return PostureAngles(flexion: tremorAmplitude * Double.sin(phase) * window,
                             sideBend: 0.6 * tremorAmplitude * Double.sin(phase + 1.3) * window, twist: 0)
    }
}
