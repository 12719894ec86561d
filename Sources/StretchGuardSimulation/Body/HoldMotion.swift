import StretchGuardCore

/// The small movement of a person holding a posture: breathing rocks the chest in flexion, and a faint
/// muscle tremor shakes the trunk in flexion and side bend. Added to every `still`/`hold` step when set
/// (randomised conditions set it), faded in and out at the step's ends so the motion stays smooth.
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

    /// The posture offset at time `t` s (scenario time), `tau` s into a hold of `duration` s, in rad.
    func offset(at t: Double, tau: Double, duration: Double) -> PostureAngles {
        let window = SmoothProfile.window(tau, duration: duration, ramp: min(Self.fade, duration / 2))
        guard window > 0 else { return .neutral }
        let breath = breathingAmplitude * Double.sin(2 * Double.pi * breathingFrequency * t + breathingPhase)
        let phase = 2 * Double.pi * tremorFrequency * t + tremorPhase
        let tremor = tremorAmplitude * Double.sin(phase)
        let tremorSide = 0.6 * tremorAmplitude * Double.sin(phase + 1.3)
        return PostureAngles(flexion: (breath + tremor) * window, sideBend: tremorSide * window, twist: 0)
    }
}
