import StretchGuardCore

/// What the terminal status line shows, published by the sample loop (10 times a second at most) and read
/// by the main thread: copying this small value under a lock is all the loop does for the display.
struct LiveSnapshot: Sendable {
    /// Session time, in s since recording started.
    var elapsed: Double = 0
    /// Posture, in degrees.
    var twist: Double = 0
    var flexion: Double = 0
    /// The twist level and the bounce alert.
    var twistLevel = TwistMonitor.Level.clear
    var bouncing = false
    /// The hold in progress, in s, and this session's target, in s.
    var holding = false
    var holdSeconds: Double = 0
    var holdTarget: Double = 30
    /// Whether the buzzer sounds and which LED colour shows (as driven, simulated or real).
    var buzzerOn = false
    var ledColor = "off"
    /// What the session's events add up to so far.
    var tally = FormEventTally()
    /// Set while the baseline is being (re-)captured.
    var capturingBaseline = false
    /// Lines to print once (events, warnings), oldest first; the reader takes them.
    var messages: [String] = []
}
