import StretchGuardCore
/// Plays feedback cues on the buzzer and status LEDs, advanced by the caller's clock.
///
/// `play(_:now:)` starts a cue (subject to its rate limit and to priority against the cue playing);
/// `tick(now:)`, called by the live loop with every sample (100–200 Hz), drives the buzzer and LEDs to
/// where the pattern is at `now`. Steps keep to the schedule set at the cue's start, whatever the tick
/// rate: a late tick skips what it missed. A tick allocates nothing and writes a line only when its value
/// changes. Muting silences the buzzer and keeps the LEDs. Between cues the LEDs show `idleColor`.
///
/// Exit paths: `close()` drives every output off and releases the lines (idempotent; deinit does it as a
/// backstop). The CLI's SIGINT/SIGTERM handling ends the live loop, whose exit path calls `allOff()`
/// first and then `close()`, before anything else is torn down; an error thrown out of the loop takes the
/// same path. Not Sendable: owned by the live loop's thread.
public final class FeedbackPlayer {
    /// What `play` did with a cue.
    public enum PlayOutcome: Sendable, Hashable {
        /// It started, nothing else was playing.
        case started
        /// It started and cut short the cue that was playing.
        case replaced(FeedbackCue)
        /// The same cue is still playing: left alone.
        case alreadyPlaying
        /// A cue of equal or higher priority is playing: dropped.
        case outranked(by: FeedbackCue)
        /// It started less than its `repeatInterval` ago: dropped.
        case rateLimited
        /// The player is closed.
        case closed
    }

    /// Times within this of a step's end count as reaching it, in s (1 µs: absorbs rounding).
    static let timeTolerance = 1e-6

    /// The pattern table. Changing it stops the cue playing.
    public var patterns: FeedbackPatterns {
        didSet { playing = nil }
    }
    /// Whether the buzzer is kept silent (the LEDs still show every cue). Takes effect at the next tick.
    public var isMuted = false
    /// The LED colour between cues (e.g. green while tracking is fine). Default `.off`.
    public var idleColor = LEDColor.off
    /// The cue playing, if any.
    public private(set) var playing: FeedbackCue?

    private let buzzer: Buzzer?
    private let leds: StatusLEDs?
    private var stepIndex = 0
    /// When the current step ends, in s.
    private var stepEnd = 0.0
    /// When each cue last started, in s, indexed by `FeedbackCue.slot`.
    private var lastStart = [Double](repeating: -.infinity, count: FeedbackCue.allCases.count)
    private var isClosed = false

    /// Plays on `buzzer` and `leds` (either may be absent), which it owns from now on.
    public init(buzzer: Buzzer?, leds: StatusLEDs?, patterns: FeedbackPatterns = .standard) {
        self.buzzer = buzzer
        self.leds = leds
        self.patterns = patterns
    }

    deinit { close() }

    /// Starts `cue` at `now` (s) unless it is rate-limited or outranked; the next `tick` drives it.
    @discardableResult
    public func play(_ cue: FeedbackCue, now: Double) -> PlayOutcome {
        guard !isClosed else { return .closed }
        let pattern = patterns[cue]
        if let current = playing {
            if current == cue { return .alreadyPlaying }
            if patterns[current].priority >= pattern.priority { return .outranked(by: current) }
        }
        if now - lastStart[cue.slot] < pattern.repeatInterval - Self.timeTolerance { return .rateLimited }
        guard let first = pattern.steps.first else { return .rateLimited }  // an empty pattern never plays
        let replaced = playing
        lastStart[cue.slot] = now
        playing = cue
        stepIndex = 0
        stepEnd = now + first.duration
        return replaced.map { .replaced($0) } ?? .started
    }

    /// Stops the cue playing (the next tick silences the buzzer and shows `idleColor`).
    public func cancel() {
        playing = nil
    }

    /// Drives the buzzer and LEDs to where the cue playing is at `now` (s). Throws the first write error;
    /// the other outputs are still driven.
    public func tick(now: Double) throws(GPIOError) {
        guard !isClosed else { return }
        var buzzerOn = false
        var color = idleColor
        if let cue = playing {
            let pattern = patterns[cue]
            while now >= stepEnd - Self.timeTolerance {
                stepIndex += 1
                if stepIndex >= pattern.steps.count {
                    playing = nil
                    break
                }
                stepEnd += pattern.steps[stepIndex].duration
            }
            if playing != nil {
                buzzerOn = pattern.steps[stepIndex].buzzer && !isMuted
                color = pattern.led ?? idleColor
            }
        }
        var firstError: GPIOError?
        do throws(GPIOError) { try buzzer?.set(on: buzzerOn) } catch { firstError = error }
        do throws(GPIOError) { try leds?.show(color) } catch { firstError = firstError ?? error }
        if let firstError { throw firstError }
    }

    /// Silences the buzzer and darkens the LEDs now, even if believed off; stops the cue playing and sets
    /// `idleColor` to `.off`, so they stay off until the next cue. Idempotent; never throws (returns the
    /// first write error, if any).
    @discardableResult
    public func allOff() -> GPIOError? {
        playing = nil
        idleColor = .off
        let buzzerError = buzzer?.turnOff()
        let ledError = leds?.turnOff()
        return buzzerError ?? ledError
    }

    /// Drives every output off and releases the lines. Idempotent.
    public func close() {
        guard !isClosed else { return }
        allOff()
        isClosed = true
        buzzer?.close()
        leds?.close()
    }
}
