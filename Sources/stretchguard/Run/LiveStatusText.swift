import Foundation
import StretchGuardCore
import StretchGuardLive
import StretchGuardReview
import StretchGuardTrace

/// The words and the one-line status of a live session, for the terminal.
enum LiveStatusText {
    /// The status line: time, twist, flexion, hold progress toward the target, feedback, alerts.
    static func line(_ s: LiveSnapshot) -> String {
        if s.capturingBaseline { return "\(clock(s.elapsed))  hold still: capturing the neutral posture…" }
        let fraction = s.holding ? s.holdSeconds / max(s.holdTarget, 1) : 0
        let filled = fraction.isFinite ? Int(min(max(fraction, 0), 1) * 10) : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
        let target = FixedDecimal.string(s.holdTarget, decimals: 0)
        let hold = s.holding ? "\(FixedDecimal.string(s.holdSeconds.rounded(.down), decimals: 0))/\(target) s" : "--/\(target) s"
        var alerts: [String] = []
        if s.twistLevel == .alert { alerts.append("TWIST!") } else if s.twistLevel == .warning { alerts.append("twist?") }
        if s.bouncing { alerts.append("BOUNCE!") }
        if s.twoSensors && s.pelvisLost { alerts.append("pelvis sensor lost: upper back alone") }
        let hips = s.hipFlexion.map { "  hips \(signed($0))°" } ?? ""
        return "\(clock(s.elapsed))  twist \(signed(s.twist))°  flexion \(signed(s.flexion))°\(hips)  "
            + "hold [\(bar)] \(hold)  LED \(s.ledColor.rawValue)\(s.buzzerOn ? "  ♪ beep" : "")"
            + (alerts.isEmpty ? "" : "  " + alerts.joined(separator: " "))
    }

    /// One live event as a plain sentence (form events with their session time).
    ///
    /// - Parameter start: the session's start on the sample clock, in s.
    static func describe(_ event: LiveEvent, since start: Double) -> String {
        switch event {
        case let .form(event): describe(event, since: start)
        case .stopMarked: "marked: stop / it hurts"
        case let .recaptureStarted(_, duration):
            "re-capturing the neutral posture: stand upright and still for \(Int(duration)) s"
        case .recaptured: "neutral posture re-captured"
        case let .recaptureFailed(_, failure):
            "could not re-capture the neutral posture: \(failure.description); keeping the previous one"
        case let .sensorFault(_, error): "sensor fault: \(error)"
        case let .recorderWarning(warning): "recording: \(warning)"
        }
    }

    /// What finding the session's baseline is doing, for the wearer.
    static func describe(_ step: SessionBaseline.Step) -> String {
        switch step {
        case let .usingLatest(path, record):
            "calibration: \(path) (\(record.name), \(record.created.formatted(date: .abbreviated, time: .shortened)))"
        case let .capturing(sensor, seconds):
            "no calibration for \(sensor) yet (`stretchguard calibrate` makes one): "
                + "stand upright and still for \(Int(seconds)) s…"
        case .captured: "neutral posture captured"
        }
    }

    /// One coach event as a plain sentence with its session time.
    static func describe(_ event: FormEvent, since start: Double) -> String {
        let at = clock(event.time - start)
        switch event.kind {
        case .twistAlertStarted: return "\(at)  twist alert: \(degrees(abs(event.value)))° — turn the chest back to face forward"
        case .twistAlertEnded: return "\(at)  twist alert over (worst \(degrees(event.value))°, \(seconds(event.duration)))"
        case .bounceStarted: return "\(at)  bounce alert: \(degrees(event.value))° swings — ease in and hold still"
        case .bounceEnded: return "\(at)  bounce alert over (\(event.count) swings)"
        case .holdStarted: return "\(at)  hold started at \(degrees(event.value))°"
        case .holdReached: return "\(at)  hold target reached: \(seconds(event.duration)) — well done"
        case .holdEnded: return "\(at)  hold ended after \(seconds(event.duration))"
        case .impact: return "\(at)  high impact (\(FixedDecimal.string(event.value / standardGravity, decimals: 1)) g)"
        case .hipHingeCueStarted: return "\(at)  bend from the hips: keep the back long, hinge at the hips"
        case .hipHingeCueEnded: return "\(at)  hip hinge good again"
        case .hipsStillCueStarted: return "\(at)  keep the hips still: they turned \(degrees(abs(event.value)))°"
        case .hipsStillCueEnded: return "\(at)  hips still again"
        case .pelvisLost:
            return "\(at)  pelvis sensor stopped answering: check its cable; the upper-back sensor carries on alone"
        case .pelvisReturned: return "\(at)  pelvis sensor back: measuring the spine again"
        }
    }

    /// "1:05.2" style session time: the review's clock, so the live line and the review agree.
    static func clock(_ t: Double) -> String { ReviewFormat.clock(t) }

    private static func signed(_ value: Double) -> String {
        let text = FixedDecimal.string(value, decimals: 0)
        let signed = value.rounded() > 0 ? "+" + text : (text == "-0" ? "0" : text)
        return String(repeating: " ", count: max(0, 4 - signed.count)) + signed
    }

    static func degrees(_ radians: Double) -> String { FixedDecimal.string(radians / degree, decimals: 0) }
    static func seconds(_ value: Double) -> String { FixedDecimal.string(value, decimals: 1) + " s" }
}
