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
        let plan = s.planSteps > 0 ? planPart(s) + "  " : ""
        return "\(clock(s.elapsed))  \(plan)twist \(signed(s.twist))°  flexion \(signed(s.flexion))°\(hips)  "
            + "hold [\(bar)] \(hold)  LED \(s.ledColor.rawValue)\(s.buzzerOn ? "  ♪ beep" : "")"
            + (alerts.isEmpty ? "" : "  " + alerts.joined(separator: " "))
    }

    /// Where a guided session is: "step 3/12 rest 14 s", "step 3/12 hold", "step 3/12 get into position".
    static func planPart(_ s: LiveSnapshot) -> String {
        let step = "step \(s.planStep + 1)/\(s.planSteps)"
        switch s.planPhase {
        case .position?: return step + " get into position"
        case .holding?: return step + " hold"
        case .release?: return step + " come up"
        case .rest?: return step + " rest \(FixedDecimal.string(s.restLeft.rounded(.up), decimals: 0)) s"
        case .done?: return "plan done"
        case .stopped?: return "plan stopped"
        case nil: return step
        }
    }

    /// One live event as a plain sentence (form events with their session time).
    ///
    /// - Parameter start: the session's start on the sample clock, in s.
    static func describe(_ event: LiveEvent, since start: Double) -> String {
        guard case let .form(event) = event else { return LiveEventText.sentence(event) }
        return describe(event, since: start)
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
        "\(clock(event.time - start))  \(LiveEventText.sentence(event))"
    }

    /// "1:05.2" style session time: the review's clock, so the live line and the review agree.
    static func clock(_ t: Double) -> String { ReviewFormat.clock(t) }

    private static func signed(_ value: Double) -> String {
        let text = FixedDecimal.string(value, decimals: 0)
        let signed = value.rounded() > 0 ? "+" + text : (text == "-0" ? "0" : text)
        return String(repeating: " ", count: max(0, 4 - signed.count)) + signed
    }

}
