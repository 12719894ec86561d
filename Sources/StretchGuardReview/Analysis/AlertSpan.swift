import StretchGuardCore

/// One alert from its start to its end: what the plot shades.
public struct AlertSpan: Sendable, Equatable {
    /// Which alert.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Twist of the spine (red).
        case twist
        /// Ballistic bouncing (orange).
        case bounce
    }

    /// Which alert.
    public var kind: Kind
    /// Start, in s since the session's start.
    public var start: Double
    /// End, in s since the session's start (the session's end when it never cleared).
    public var end: Double
    /// Twist: the peak |twist|; bounce: the largest peak-to-peak; in rad (0 when it never cleared).
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
        var openTwist: Int?, openBounce: Int?
        for event in events {
            let t = event.time - startTime
            switch event.kind {
            case .twistAlertStarted:
                spans.append(AlertSpan(kind: .twist, start: t, end: endTime, peak: abs(event.value), axis: .twist,
                                       open: true))
                openTwist = spans.count - 1
            case .twistAlertEnded:
                if let i = openTwist {
                    spans[i].end = t
                    spans[i].peak = event.value
                    spans[i].open = false
                    openTwist = nil
                }
            case .bounceStarted:
                spans.append(AlertSpan(kind: .bounce, start: t, end: endTime, peak: event.value, axis: event.axis,
                                       open: true))
                openBounce = spans.count - 1
            case .bounceEnded:
                if let i = openBounce {
                    spans[i].end = t
                    spans[i].peak = max(spans[i].peak, event.value)
                    spans[i].open = false
                    openBounce = nil
                }
            case .holdStarted, .holdReached, .holdEnded, .impact:
                break
            }
        }
        return spans
    }
}
