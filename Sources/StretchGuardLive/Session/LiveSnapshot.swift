import StretchGuardCore
import StretchGuardHardware

/// The state of a live session at one sample, published by the sample thread (20 times a second at most)
/// for any number of readers: a small value copied under a lock, nothing else.
public struct LiveSnapshot: Sendable, Equatable {
    /// Counts published snapshots (0: none yet), so a reader can tell a new one from the last.
    public var sequence: UInt64 = 0
    /// The sample's time on the sample clock, in s.
    public var time: Double = 0
    /// Session time, in s since the sample loop started.
    public var elapsed: Double = 0
    /// Posture relative to the neutral, in degrees: twist about the spine (+ = chest to the left), flexion
    /// (+ = forward), side bend (+ = to the right). With two sensors the spine's (thorax relative to pelvis)
    /// while the pelvis reports, else the thorax's.
    public var twist: Double = 0
    public var flexion: Double = 0
    public var sideBend: Double = 0
    /// The twist level and whether the bounce alert is on.
    public var twistLevel = TwistMonitor.Level.clear
    public var bouncing = false
    /// Whether a hold is in progress, its length so far, in s, and this session's target, in s.
    public var holding = false
    public var holdSeconds: Double = 0
    public var holdTarget: Double = 30
    /// Whether the buzzer sounds and which LED colour shows (as driven, simulated or real).
    public var buzzerOn = false
    public var ledColor = LEDColor.off
    /// What the session's events add up to so far.
    public var tally = FormEventTally()
    /// Set while the neutral posture is being re-captured.
    public var capturingBaseline = false
    /// How the samples are timed, the achieved rate so far, in Hz (nil before two samples), the samples
    /// the clock lost, and the sensor read failures.
    public var mode = SampleClockMode.polling
    public var achievedRate: Double?
    public var droppedSamples = 0
    public var sensorFaults = 0
    /// Whether the session runs two sensors (thorax and pelvis, with a baseline for both).
    public var twoSensors = false
    /// Whether the pelvis sensor is lost now (the core judges with the thorax alone until it returns).
    public var pelvisLost = false
    /// Hip flexion (the pelvis's forward tilt), in degrees, while the pelvis reports; nil otherwise.
    public var hipFlexion: Double?
    /// Ticks without a pelvis reading so far.
    public var pelvisMissedTicks = 0
    /// With a plan: its repetitions (0 without a plan), the one under way (0 = the first), where the
    /// wearer is in it, and the rest left, in s.
    public var planSteps = 0
    public var planStep = 0
    public var planPhase: GuidedPlan.Phase?
    public var restLeft: Double = 0

    public init() {}
}
