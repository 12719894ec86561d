import StretchGuardCore
import StretchGuardStore

/// A live event in words, for every viewer of a live session (the terminal, the browser): a plain sentence
/// for the wearer or the physio, a stable machine name, and when it happened.
public enum LiveEventText {
    /// The event as a plain sentence, without its time ("twist alert: 17° — turn the chest back to face
    /// forward").
    public static func sentence(_ event: LiveEvent) -> String {
        switch event {
        case let .form(event): sentence(event)
        case .stopMarked: "marked: stop / it hurts"
        case let .recaptureStarted(_, duration):
            "re-capturing the neutral posture: stand upright and still for \(Int(duration)) s"
        case .recaptured: "neutral posture re-captured"
        case let .recaptureFailed(_, failure):
            "could not re-capture the neutral posture: \(failure.description); keeping the previous one"
        case let .sensorFault(_, error): "sensor fault: \(error)"
        case let .recorderWarning(warning): "recording: \(warning)"
        case let .planStep(_, _, instruction): instruction
        case let .planRest(_, seconds): "rest \(FixedDecimal.string(seconds, decimals: 0)) s: come up and relax"
        case let .planEnded(_, end): planEnd(end)
        }
    }

    /// How a plan ended, for the wearer.
    public static func planEnd(_ end: PlanEnd) -> String {
        switch end {
        case .done: "plan done for today — well done"
        case .stopped: "plan stopped for today (stop / it hurts): rest, and tell your physio if it keeps hurting"
        case .closed: "plan not finished: the session ended first"
        }
    }

    /// A coach event as a plain sentence, without its time.
    public static func sentence(_ event: FormEvent) -> String {
        switch event.kind {
        case .twistAlertStarted: "twist alert: \(degrees(abs(event.value)))° — turn the chest back to face forward"
        case .twistAlertEnded: "twist alert over (worst \(degrees(event.value))°, \(seconds(event.duration)))"
        case .bounceStarted: "bounce alert: \(degrees(event.value))° swings — ease in and hold still"
        case .bounceEnded: "bounce alert over (\(event.count) swings)"
        case .holdStarted: "hold started at \(degrees(event.value))°"
        case .holdReached: "hold target reached: \(seconds(event.duration)) — well done"
        case .holdEnded: "hold ended after \(seconds(event.duration))"
        case .impact: "high impact (\(FixedDecimal.string(event.value / standardGravity, decimals: 1)) g)"
        case .hipHingeCueStarted: "bend from the hips: keep the back long, hinge at the hips"
        case .hipHingeCueEnded: "hip hinge good again"
        case .hipsStillCueStarted: "keep the hips still: they turned \(degrees(abs(event.value)))°"
        case .hipsStillCueEnded: "hips still again"
        case .pelvisLost: "pelvis sensor stopped answering: check its cable; the upper-back sensor carries on alone"
        case .pelvisReturned: "pelvis sensor back: measuring the spine again"
        }
    }

    /// The event's stable name: a coach event's kind as the review's JSON names it (`twist_alert_started`,
    /// …), else `stop_marked`, `recapture_started`, `recaptured`, `recapture_failed`, `sensor_fault`,
    /// `recorder_warning`.
    public static func kind(_ event: LiveEvent) -> String {
        switch event {
        case let .form(event): event.kind.rawValue
        case .stopMarked: "stop_marked"
        case .recaptureStarted: "recapture_started"
        case .recaptured: "recaptured"
        case .recaptureFailed: "recapture_failed"
        case .sensorFault: "sensor_fault"
        case .recorderWarning: "recorder_warning"
        case .planStep: "plan_step"
        case .planRest: "plan_rest"
        case .planEnded: "plan_ended"
        }
    }

    /// When the event happened on the sample clock, in s (nil for the recorder's warnings, which come from
    /// its own thread).
    public static func time(_ event: LiveEvent) -> Double? {
        switch event {
        case let .form(event): event.time
        case let .stopMarked(time), let .recaptureStarted(time, _), let .recaptured(time),
             let .recaptureFailed(time, _), let .sensorFault(time, _), let .planStep(time, _, _),
             let .planRest(time, _), let .planEnded(time, _):
            time
        case .recorderWarning: nil
        }
    }

    /// An angle in radians as whole degrees.
    static func degrees(_ radians: Double) -> String { FixedDecimal.string(radians / degree, decimals: 0) }
    /// A duration in s with one decimal and its unit.
    static func seconds(_ value: Double) -> String { FixedDecimal.string(value, decimals: 1) + " s" }
}
