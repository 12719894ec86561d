import StretchGuardCore

/// One alert from its start to its end: what the plot shades.
public struct AlertSpan: Sendable, Equatable {
    /// Which alert.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Twist of the spine (red).
        case twist
        /// Ballistic bouncing (orange).
        case bounce
        /// "Bend from the hips" (two sensors).
        case hipHinge = "hip_hinge"
        /// "Keep the hips still" (two sensors).
        case hipsStill = "hips_still"
    }

    /// Which alert.
    public var kind: Kind
    /// Start, in s since the session's start.
    public var start: Double
    /// End, in s since the session's start (the session's end when it never cleared).
    public var end: Double
    /// Twist: the peak |twist|; bounce: the largest peak-to-peak; in rad (0 when it never cleared); hip
    /// hinge: the peak lumbar share (0…1); hips still: the peak |pelvis turn|, in rad.
    public var peak: Double
    /// The angle that bounced (`none` for twist alerts).
    public var axis: FormEvent.Axis
    /// Whether the session ended before the alert cleared.
    public var open: Bool

    /// The alert's length, in s.
    public var duration: Double { end - start }

    /// The alerts in a session's events, in start order.
    ///
    /// - Parameters:
    ///   - events: the events, sample-clock times in s, in time order.
    ///   - startTime: the session's start on the sample clock, in s.
    ///   - endTime: the session's end, in s since its start (closes alerts still on).
    public static func spans(in events: [FormEvent], startTime: Double, endTime: Double) -> [AlertSpan] {
        var spans: [AlertSpan] = []
        var openSpan: [Kind: Int] = [:]
        func begin(_ kind: Kind, _ event: FormEvent, peak: Double, axis: FormEvent.Axis) {
            spans.append(AlertSpan(kind: kind, start: event.time - startTime, end: endTime, peak: peak, axis: axis,
                                   open: true))
            openSpan[kind] = spans.count - 1
        }
        func close(_ kind: Kind, _ event: FormEvent) {
            guard let i = openSpan.removeValue(forKey: kind) else { return }
            spans[i].end = event.time - startTime
            spans[i].peak = kind == .bounce ? max(spans[i].peak, event.value) : event.value
            spans[i].open = false
        }
        for event in events {
            switch event.kind {
            case .twistAlertStarted: begin(.twist, event, peak: abs(event.value), axis: .twist)
            case .twistAlertEnded: close(.twist, event)
            case .bounceStarted: begin(.bounce, event, peak: event.value, axis: event.axis)
            case .bounceEnded: close(.bounce, event)
            case .hipHingeCueStarted: begin(.hipHinge, event, peak: 0, axis: .flexion)
            case .hipHingeCueEnded: close(.hipHinge, event)
            case .hipsStillCueStarted: begin(.hipsStill, event, peak: abs(event.value), axis: .twist)
            case .hipsStillCueEnded: close(.hipsStill, event)
            case .holdStarted, .holdReached, .holdEnded, .impact, .pelvisLost, .pelvisReturned:
                break
            }
        }
        return spans
    }
}
