import StretchGuardCore
import StretchGuardStore

/// One line of a session's timeline: an event the live session emitted, a marker the wearer set, or a gap
/// in the recording, in plain words.
public struct TimelineEntry: Sendable, Equatable {
    /// What kind of entry.
    public enum Kind: Sendable, Equatable {
        /// A form event (alerts, holds, impacts).
        case event(FormEvent.Kind)
        /// The wearer's marker ("stop / it hurts", or a note).
        case marker(SessionMarker.Kind)
        /// Samples missing from the recording.
        case gap

        /// A short machine-readable name: the event's stored name, `stop`, `note` or `gap`.
        public var name: String {
            switch self {
            case let .event(kind): return kind.rawValue
            case let .marker(kind): return kind.rawValue
            case .gap: return "gap"
            }
        }

        /// Whether the entry is a warning to the wearer (alerts, impacts, stop presses, gaps).
        public var isWarning: Bool {
            switch self {
            case let .event(kind): return [.twistAlertStarted, .bounceStarted, .impact].contains(kind)
            case .marker(.stop), .gap: return true
            case .marker(.note), .marker(.recapture), .marker(.planStep): return false
            }
        }
    }

    /// When, in s since the session's start.
    public var time: Double
    /// What kind of entry.
    public var kind: Kind
    /// What happened, in words.
    public var text: String

    /// A session's timeline: events, markers and gaps merged in time order (markers and gaps after the
    /// events of the same instant).
    ///
    /// - Parameters:
    ///   - events: form events, sample-clock times in s.
    ///   - markers: the wearer's markers.
    ///   - gaps: missing stretches.
    ///   - startTime: the session's start on the sample clock, in s.
    ///   - position: the profile's stretch measure (names the hold angle).
    public static func timeline(events: [FormEvent], markers: [SessionMarker], gaps: [SessionGap],
                                startTime: Double, position: HoldTimer.Position = .any) -> [TimelineEntry] {
        var entries = events.map { TimelineEntry(time: $0.time - startTime, kind: .event($0.kind),
                                                 text: describe($0, position: position)) }
        entries += markers.map { marker in
            let text: String
            switch marker.kind {
            case .stop: text = "stop / it hurts pressed" + (marker.note.isEmpty ? "" : ": \(marker.note)")
            case .recapture: text = "long press: re-capturing the neutral posture"
            case .note: text = "note: \(marker.note)"
            case .planStep: text = Self.planStep(marker.note)
            }
            return TimelineEntry(time: marker.time - startTime, kind: .marker(marker.kind), text: text)
        }
        entries += gaps.map { gap in
            TimelineEntry(time: gap.start - startTime, kind: .gap,
                          text: "\(gap.samples) samples missing over \(ReviewFormat.decimal(gap.duration, 2)) s (\(gap.reason))")
        }
        // A stable sort keeps events before markers and gaps of the same instant.
        return entries.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    /// A `plan_step` marker in words: "plan: chair-hamstring, left side, 1 of 2 (hold 15 s)".
    static func planStep(_ note: String) -> String {
        switch PlanStepMarker(note: note) {
        case let .step(s)?:
            let side = s.side.map { ", \($0) side" } ?? ""
            return "plan step \(s.step + 1): \(s.profile)\(side), \(s.repetition) of \(s.repetitions) "
                + "(hold \(ReviewFormat.decimal(s.target, 0)) s)"
        case let .end(end)?:
            switch end {
            case .done: return "plan done"
            case .stopped: return "plan stopped for today: stop / it hurts"
            case .closed: return "plan not finished: the session ended"
            }
        case let .targets(targets)?:
            return "plan begins: hold targets " + targets.map { ReviewFormat.decimal($0, 0) + " s" }.joined(separator: ", ")
        case nil:
            return "plan: \(note)"
        }
    }

    /// One event in words.
    static func describe(_ e: FormEvent, position: HoldTimer.Position) -> String {
        let deg = { (x: Double) in ReviewFormat.degrees(x) }
        switch e.kind {
        case .twistAlertStarted:
            return "twist alert: \(deg(abs(e.value))), chest turned to the \(e.value >= 0 ? "left" : "right")"
        case .twistAlertEnded:
            return "twist alert cleared after \(ReviewFormat.decimal(e.duration, 1)) s (peak \(deg(e.value)))"
        case .bounceStarted:
            return "bounce alert: \(deg(e.value)) swings at \(ReviewFormat.decimal(e.frequency, 1)) Hz in \(axisName(e.axis))"
        case .bounceEnded:
            return "bouncing stopped after \(ReviewFormat.decimal(e.duration, 1)) s (\(e.count) swings, up to \(deg(e.value)))"
        case .holdStarted:
            return "hold started at \(deg(e.value)) \(measureName(position))"
        case .holdReached:
            return "hold reached the \(ReviewFormat.decimal(e.duration, 0)) s target"
        case .holdEnded:
            return "hold ended after \(ReviewFormat.decimal(e.duration, 1)) s (mean \(deg(e.value)))"
        case .impact:
            return "high impact: \(ReviewFormat.decimal(e.value / standardGravity, 1)) g"
        case .hipHingeCueStarted:
            return "bend from the hips: the back took \(deg(e.value)) of the bend"
        case .hipHingeCueEnded:
            return "hip hinge good again after \(ReviewFormat.decimal(e.duration, 1)) s (back's share up to \(ReviewFormat.decimal(e.value * 100, 0)) %)"
        case .hipsStillCueStarted:
            return "keep the hips still: the hips turned \(deg(abs(e.value))) to the \(e.value >= 0 ? "left" : "right")"
        case .hipsStillCueEnded:
            return "hips still again after \(ReviewFormat.decimal(e.duration, 1)) s (turned up to \(deg(e.value)))"
        case .pelvisLost:
            return "pelvis sensor stopped answering: the upper-back sensor judges alone"
        case .pelvisReturned:
            return "pelvis sensor answers again: measuring the spine again"
        }
    }

    /// An axis for people: `flexion`, `side bend`, `twist`.
    static func axisName(_ axis: FormEvent.Axis) -> String {
        switch axis {
        case .flexion: return "flexion"
        case .sideBend: return "side bend"
        case .twist: return "twist"
        case .none: return "posture"
        }
    }

    /// The stretch measure for people.
    static func measureName(_ position: HoldTimer.Position) -> String {
        switch position {
        case .flexion: return "forward bend"
        case .backwardBend: return "backward bend"
        case .sideBend: return "side bend"
        case .any: return "bend"
        }
    }
}
