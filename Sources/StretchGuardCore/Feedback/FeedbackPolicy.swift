/// What the wearer is told, decided from the coach's verdicts alone: which cue an event sounds, and which
/// colour the LEDs show between cues. Pure: the live session applies it to the buzzer and LEDs, a test or
/// the browser view can apply it to anything.
public enum FeedbackPolicy {
    /// The cue an event sounds, if any: a twist or bounce alert's start, a two-sensor cue's start, a hold
    /// reaching its target, an impact, the pelvis sensor lost. Ends, hold starts and the like stay silent.
    public static func cue(for event: FormEvent) -> FeedbackCue? {
        switch event.kind {
        case .twistAlertStarted: return .twist
        case .bounceStarted: return .bounce
        case .holdReached: return .holdReached
        case .impact: return .impact
        case .hipHingeCueStarted: return .hipHinge
        case .hipsStillCueStarted: return .hipsStill
        case .pelvisLost: return .pelvisFault
        case .twistAlertEnded, .bounceEnded, .holdStarted, .holdEnded, .hipHingeCueEnded, .hipsStillCueEnded,
             .pelvisReturned: return nil
        }
    }

    /// The LED colour between cues: red during a twist alert, yellow on a twist warning, green while a
    /// hold is on, else off.
    public static func idleColor(holding: Bool, twist: TwistMonitor.Level) -> LEDColor {
        switch twist {
        case .alert: return .red
        case .warning: return .yellow
        case .clear: return holding ? .green : .off
        }
    }
}
