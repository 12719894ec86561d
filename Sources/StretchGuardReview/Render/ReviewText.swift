import Foundation
import StretchGuardCore
import StretchGuardStore

/// The terminal review of a session: a plain summary for the wearer, a plan session's steps (``PlanReviewText``),
/// the per-hold table, the event timeline and the twist-and-flexion plot.
public struct ReviewText: Sendable {
    /// The wearer's time zone (for the session's date).
    public var timeZone: TimeZone
    /// The plot's size.
    public var plot: TerminalPlot

    /// A renderer.
    public init(timeZone: TimeZone = .current, plot: TerminalPlot = TerminalPlot()) {
        self.timeZone = timeZone
        self.plot = plot
    }

    /// The whole review, newline-terminated.
    public func render(_ analysis: SessionAnalysis) -> String {
        var lines = header(analysis)
        lines.append("")
        if let plan = analysis.plan {
            lines += PlanReviewText.lines(plan)
            lines.append("")
        }
        lines += holdTable(analysis.holds)
        if analysis.hasPelvis, !analysis.holds.isEmpty { lines += hipTable(analysis.holds) }
        lines.append("")
        lines.append("Timeline")
        lines += analysis.timeline.isEmpty
            ? ["  nothing happened: no holds, alerts or markers"]
            : analysis.timeline.map { "  " + ReviewFormat.right(ReviewFormat.clock($0.time), 8) + "  " + $0.text }
        lines.append("")
        lines.append(analysis.hasPelvis ? (analysis.isSpinal ? "Spine and hips over time" : "Thorax and hips over time")
                                        : "Twist and flexion over time")
        lines += plot.render(analysis)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The title and the plain-language summary.
    func header(_ analysis: SessionAnalysis) -> [String] {
        let session = analysis.session, summary = analysis.summary
        let title = "StretchGuard session \(session.id): \(ReviewFormat.longDate(session.startDate, timeZone: timeZone)), "
            + "\(ReviewFormat.duration(summary.duration)), "
            + (analysis.plan.map { "plan \($0.name)" } ?? "profile \(analysis.profile.name)")
            + (session.status == .complete ? "" : " (\(session.status.rawValue))")
        let target = ReviewFormat.decimal(summary.target, 0)
        let holds = summary.holds == 0
            ? "none (hold still in the stretch to start one)"
            : "\(summary.holds), longest \(ReviewFormat.decimal(summary.longestHold, 0)) s; "
                + (analysis.plan.map { plan in
                    // A plan's exercises have targets of their own: the repetitions whose hold reached theirs.
                    "\(plan.steps.count { $0.result == .done }) reached their targets"
                } ?? "\(summary.holdsReached) reached the \(target) s target")
        let twist = summary.twistAlerts == 0
            ? "none"
            : "\(summary.twistAlerts), worst \(ReviewFormat.degrees(summary.worstTwist)) — keep the chest facing forward"
        let bounce = summary.bounceAlerts == 0 ? "none" : "\(summary.bounceAlerts) — ease in and hold instead of bouncing"
        let stopTimes = analysis.recording.markers.filter { $0.kind == .stop }
            .map { ReviewFormat.clock($0.time - analysis.recording.startTime) }
        let shown = stopTimes.prefix(4).joined(separator: ", ")
            + (stopTimes.count > 4 ? " and \(stopTimes.count - 4) more" : "")
        let stops = stopTimes.isEmpty ? "none" : "\(stopTimes.count) (at \(shown))"
        var lines = [
            title,
            "  holds            \(holds)",
            "  twist alerts     \(twist)",
            "  bounce alerts    \(bounce)",
            "  impacts          \(summary.impacts == 0 ? "none" : String(summary.impacts))",
            "  stop / it hurts  \(stops)",
            "  recording        \(summary.samples) samples at \(ReviewFormat.decimal(session.info.rate, 0)) Hz"
                + (summary.missingSamples > 0 ? ", \(summary.missingSamples) missing" : ""),
            "  baseline         \(Self.baselineText(analysis.recording.baselineSource))",
        ]
        lines.append("  replay           " + Self.agreementText(analysis))
        if analysis.hasPelvis { lines.insert(contentsOf: hipLines(analysis), at: 4) }
        return lines
    }

    /// A two-sensor session's lines after the bounce alerts: what the twist measured, the hip cues, the
    /// hips' range and each sensor's health.
    func hipLines(_ analysis: SessionAnalysis) -> [String] {
        let summary = analysis.summary
        let hinge = summary.hipHingeCues == 0 ? "none" : "\(summary.hipHingeCues) — bend from the hips, keep the back long"
        let still = summary.hipsStillCues == 0 ? "none" : "\(summary.hipsStillCues) — keep the hips facing forward"
        var hips = "hip angles missing (the pelvis never reported)"
        if let flexion = summary.deepestHipFlexion, let twist = summary.worstPelvisTwist {
            hips = "bent up to \(ReviewFormat.degrees(flexion)), turned up to \(ReviewFormat.degrees(twist))"
        }
        var lines = [
            "  twist measured   " + (analysis.isSpinal
                ? "spine (upper back vs pelvis): whole-body turns are no twist"
                : "upper back alone (the pelvis missed the still start)"),
            "  hip hinge cues   \(hinge)",
            "  hips still cues  \(still)",
            "  hips             \(hips)",
        ]
        lines += analysis.sensors.map { "  \($0.sensor.rawValue) sensor".padding(toLength: 19, withPad: " ", startingAt: 0)
            + $0.text }
        return lines
    }

    /// The per-hold table.
    func holdTable(_ holds: [HoldMetrics]) -> [String] {
        guard !holds.isEmpty else { return ["Holds: none"] }
        let widths = [3, 9, 8, 8, 6, 11, 8, 7, 7]
        let head = ["#", "start", "held", "target", "angle", "peak twist", "bounces", "SPARC", "LDLJ"]
        func line(_ cells: [String]) -> String {
            "  " + zip(cells, widths).map { ReviewFormat.left($0, $1) }.joined(separator: " ").trimmingTrailing()
        }
        var lines = ["Holds (angle: the mean; SPARC, LDLJ: steadiness, closer to 0 is smoother)"]
        lines.append(line(head))
        for hold in holds {
            lines.append(line([
                "\(hold.number)", ReviewFormat.clock(hold.start), ReviewFormat.decimal(hold.duration, 1) + " s",
                hold.reached ? "reached" : "-", ReviewFormat.degrees(hold.meanAngle), Self.twistText(hold.peakTwist),
                "\(hold.bounces)", hold.sparc.map { ReviewFormat.decimal($0, 2) } ?? "-",
                hold.ldlj.map { ReviewFormat.decimal($0, 1) } ?? "-",
            ]))
        }
        return lines
    }

    /// A two-sensor session's hips in each hold: mean hip flexion and the largest pelvis turn (the hold
    /// table's angle and twist are then the spine's).
    func hipTable(_ holds: [HoldMetrics]) -> [String] {
        var lines = ["", "Hips in each hold (the holds' angle and twist above are the spine's)",
                     "  #   hip flexion  pelvis turn"]
        for hold in holds {
            lines.append(("  " + ReviewFormat.left("\(hold.number)", 3) + " "
                + ReviewFormat.left(hold.meanHipFlexion.map { ReviewFormat.degrees($0) } ?? "-", 12) + " "
                + (hold.peakPelvisTwist.map(Self.twistText) ?? "-")).trimmingTrailing())
        }
        return lines
    }

    /// A signed twist for people: `4° left`, `2° right`, `0°`.
    static func twistText(_ twist: Double) -> String {
        let rounded = ReviewFormat.degrees(abs(twist))
        if rounded == "0°" { return rounded }
        return rounded + (twist > 0 ? " left" : " right")
    }

    /// Where the baseline came from, in words.
    static func baselineText(_ source: SessionRecording.BaselineSource) -> String {
        switch source {
        case let .stored(record): return "calibration '\(record.name)' (\(record.method))"
        case let .stillStretch(start, end):
            return "still from \(ReviewFormat.decimal(start, 1)) s to \(ReviewFormat.decimal(end, 1)) s of the session"
        }
    }

    /// Whether the replay reproduced the live events, in words.
    static func agreementText(_ analysis: SessionAnalysis) -> String {
        let agreement = analysis.agreement
        if agreement.matches {
            return "reproduces the \(agreement.stored) events the live session emitted"
        }
        let why = analysis.profile.name != analysis.session.info.profile
            ? "replayed with profile \(analysis.profile.name), recorded with \(analysis.session.info.profile)"
            : "holds and plots are the replay's"
        return "differs from the live session (\(agreement.firstDifference ?? "")); \(why)"
    }
}
