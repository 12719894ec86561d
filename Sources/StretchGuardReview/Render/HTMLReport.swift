import Foundation
import StretchGuardCore

/// The session report as one self-contained HTML page: inline CSS and SVG, no scripts, fonts or images
/// fetched from anywhere, so it opens offline and can be mailed to a physio.
///
/// Contents: a title with the date, length and profile; summary cards; the twist-and-flexion plot
/// (``SVGPlot``) with its legend; a plan session's steps and exercises (`#plan`); the per-hold table (`#holds`, one `tr.hold-row` per hold); the event
/// timeline (`#timeline`); and the recording's details.
public struct HTMLReport: Sendable {
    /// The wearer's time zone (for the session's date).
    public var timeZone: TimeZone
    /// The plot.
    public var plot: SVGPlot

    /// A renderer.
    public init(timeZone: TimeZone = .current, plot: SVGPlot = SVGPlot()) {
        self.timeZone = timeZone
        self.plot = plot
    }

    /// The whole page.
    public func render(_ analysis: SessionAnalysis) -> String {
        let session = analysis.session, summary = analysis.summary
        let date = ReviewFormat.longDate(session.startDate, timeZone: timeZone)
        var page = SVGWriter()
        page.raw("<!DOCTYPE html>")
        page.open("html", ["lang": "en"])
        page.open("head")
        page.raw(#"<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">"#)
        page.text("title", "StretchGuard session \(session.id) — \(date)")
        page.raw("<style>\n" + HTMLStyle.css + "</style>")
        page.close("head")
        page.open("body")
        page.open("main")

        page.open("header")
        page.text("p", "StretchGuard session review", ["class": "eyebrow"])
        page.text("h1", "Session \(session.id) · \(date)", ["id": "title"])
        let status = session.status == .complete ? "" : " · \(session.status.rawValue) (the recording stopped early)"
        page.text("p", "\(ReviewFormat.duration(summary.duration)) · profile \(analysis.profile.name)\(status)",
                  ["class": "meta"])
        page.close("header")

        cards(&page, summary)
        if analysis.hasPelvis { hipCards(&page, analysis) }

        page.open("section", ["class": "panel"])
        page.text("h2", analysis.hasPelvis
            ? (analysis.isSpinal ? "Spinal twist and lumbar flexion over time" : "Upper-back twist and flexion over time")
            : "Twist and flexion over time")
        page.raw(HTMLStyle.legend)
        page.raw(plot.render(analysis))
        page.close("section")
        if analysis.hasPelvis { hips(&page, analysis) }
        if let plan = analysis.plan { planSection(&page, plan) }

        holdTable(&page, analysis.holds)
        timeline(&page, analysis.timeline)
        details(&page, analysis)

        page.close("main")
        page.close("body")
        page.close("html")
        return page.output
    }

    /// The summary cards: length, holds, target, alerts, stop presses, impacts.
    private func cards(_ page: inout SVGWriter, _ s: ReviewSummary) {
        page.open("section", ["class": "cards"])
        card(&page, ReviewFormat.clock(s.duration, tenths: false), "session length", ReviewFormat.duration(s.duration),
             tone: "neutral")
        card(&page, "\(s.holds)", s.holds == 1 ? "hold" : "holds",
             s.holds == 0 ? "none yet" : "longest \(ReviewFormat.decimal(s.longestHold, 0)) s", tone: "neutral")
        card(&page, "\(s.holdsReached)", "reached \(ReviewFormat.decimal(s.target, 0)) s",
             s.holds > 0 && s.holdsReached == s.holds ? "every hold" : "of \(s.holds) hold\(s.holds == 1 ? "" : "s")",
             tone: s.holds > 0 && s.holdsReached == s.holds ? "good" : "neutral")
        card(&page, "\(s.twistAlerts)", "twist alerts",
             s.twistAlerts == 0 ? "chest stayed forward" : "worst \(ReviewFormat.degrees(s.worstTwist))",
             tone: s.twistAlerts == 0 ? "good" : "bad")
        card(&page, "\(s.bounceAlerts)", "bounce alerts", s.bounceAlerts == 0 ? "smooth holds" : "ease in, no bouncing",
             tone: s.bounceAlerts == 0 ? "good" : "warn")
        card(&page, "\(s.stops)", "stop / it hurts", s.stops == 0 ? "no pain signalled" : "see the timeline",
             tone: s.stops == 0 ? "good" : "bad")
        card(&page, "\(s.impacts)", "impacts", s.impacts == 0 ? "no jolts" : "high accelerations",
             tone: s.impacts == 0 ? "good" : "warn")
        page.close("section")
    }

    /// A two-sensor session's cards: the hip cues, the hips' range and the pelvis sensor's health.
    private func hipCards(_ page: inout SVGWriter, _ analysis: SessionAnalysis) {
        let s = analysis.summary
        page.open("section", ["class": "cards", "id": "hip-cards"])
        card(&page, "\(s.hipHingeCues)", "bend from the hips",
             s.hipHingeCues == 0 ? "the hips led the bends" : "the back took too much of a bend",
             tone: s.hipHingeCues == 0 ? "good" : "warn")
        card(&page, "\(s.hipsStillCues)", "keep the hips still",
             s.hipsStillCues == 0 ? "hips stayed facing forward" : "the hips turned in a stretch",
             tone: s.hipsStillCues == 0 ? "good" : "warn")
        card(&page, s.deepestHipFlexion.map { ReviewFormat.degrees($0) } ?? "–", "deepest hip flexion",
             s.worstPelvisTwist.map { "pelvis turned up to \(ReviewFormat.degrees($0))" } ?? "no hip angles",
             tone: "neutral")
        if let pelvis = analysis.sensors.first(where: { $0.sensor == .pelvis }) {
            let lost = pelvis.losses == 0 ? "never lost" : "lost \(pelvis.losses == 1 ? "once" : "\(pelvis.losses) times")"
            card(&page, ReviewFormat.decimal(pelvis.share * 100, 0) + " %", "pelvis readings", lost,
                 tone: pelvis.losses == 0 && pelvis.missing == 0 ? "good" : "warn")
        }
        page.close("section")
    }

    /// A two-sensor session's hips plot and the sensors' health table.
    private func hips(_ page: inout SVGWriter, _ analysis: SessionAnalysis) {
        page.open("section", ["class": "panel"])
        page.text("h2", "Lumbar and hip flexion, pelvis twist")
        page.text("p", "Blue: the spine's flexion; green: the hips' (pelvis tilt). In a good hip hinge green "
            + "carries most of the bend. Hatched: no pelvis reading.", ["class": "meta"])
        page.raw(plot.renderHips(analysis))
        page.close("section")
        page.open("section", ["class": "panel"])
        page.text("h2", "Sensors")
        page.open("table", ["id": "sensors"])
        page.raw("<thead><tr><th>sensor</th><th>chip</th><th>device</th><th>readings</th><th>rate</th>"
            + "<th>missing</th><th>gaps</th><th>lost</th></tr></thead>")
        page.open("tbody")
        for sensor in analysis.sensors {
            page.open("tr", ["class": "sensor \(sensor.sensor.rawValue)"])
            page.text("td", sensor.sensor.place)
            page.text("td", sensor.chip.isEmpty ? "–" : sensor.chip)
            page.text("td", sensor.device.isEmpty ? "–" : sensor.device)
            page.text("td", "\(sensor.readings)", ["class": "num"])
            page.text("td", ReviewFormat.decimal(sensor.rate, 0) + " Hz", ["class": "num"])
            page.text("td", "\(sensor.missing)", ["class": sensor.missing > 0 ? "num flag-bounce" : "num"])
            page.text("td", "\(sensor.gaps)", ["class": "num"])
            page.text("td", "\(sensor.losses)", ["class": sensor.losses > 0 ? "num flag-twist" : "num"])
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }

    private func card(_ page: inout SVGWriter, _ value: String, _ label: String, _ detail: String, tone: String) {
        page.open("div", ["class": "card \(tone)"])
        page.text("div", value, ["class": "value"])
        page.text("div", label, ["class": "label"])
        page.text("div", detail, ["class": "detail"])
        page.close("div")
    }

    /// The per-hold table, with a bar of each hold's length against the target.
    private func holdTable(_ page: inout SVGWriter, _ holds: [HoldMetrics]) {
        page.open("section", ["class": "panel"])
        page.text("h2", "Holds")
        guard !holds.isEmpty else {
            page.text("p", "No holds: hold still in the stretch position to start one.", ["class": "empty"])
            page.close("section")
            return
        }
        page.open("table", ["id": "holds"])
        page.raw("<thead><tr><th>#</th><th>start</th><th>held</th><th class=\"bar-col\">against the target</th>"
            + "<th>mean angle</th><th>peak twist</th><th>bounces</th><th>twist alerts</th>"
            + "<th title=\"spectral arc length of the angular speed: closer to 0 is smoother\">SPARC</th>"
            + "<th title=\"log dimensionless jerk: higher is smoother\">LDLJ</th></tr></thead>")
        page.open("tbody")
        for hold in holds {
            page.open("tr", ["class": "hold-row" + (hold.reached ? " reached" : "")])
            page.text("td", "\(hold.number)")
            page.text("td", ReviewFormat.clock(hold.start), ["class": "num"])
            page.text("td", ReviewFormat.decimal(hold.duration, 1) + " s", ["class": "num"])
            let share = min(1, hold.duration / max(hold.target, 1e-9)) * 100
            page.raw("<td class=\"bar-col\"><div class=\"bar\"><div class=\"fill\" style=\"width:\(ReviewFormat.decimal(share, 1))%\"></div></div>"
                + "<span class=\"bar-text\">\(hold.reached ? "reached" : "\(ReviewFormat.decimal(share, 0))% of \(ReviewFormat.decimal(hold.target, 0)) s")</span></td>")
            page.text("td", ReviewFormat.degrees(hold.meanAngle), ["class": "num"])
            page.text("td", ReviewText.twistText(hold.peakTwist), ["class": "num"])
            page.text("td", "\(hold.bounces)", ["class": hold.bounces > 0 ? "num flag-bounce" : "num"])
            page.text("td", "\(hold.twistAlerts)", ["class": hold.twistAlerts > 0 ? "num flag-twist" : "num"])
            page.text("td", hold.sparc.map { ReviewFormat.decimal($0, 2) } ?? "–", ["class": "num"])
            page.text("td", hold.ldlj.map { ReviewFormat.decimal($0, 1) } ?? "–", ["class": "num"])
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }

    /// The event timeline: what the live session emitted, the wearer's markers and the gaps.
    private func timeline(_ page: inout SVGWriter, _ entries: [TimelineEntry]) {
        page.open("section", ["class": "panel"])
        page.text("h2", "Timeline")
        guard !entries.isEmpty else {
            page.text("p", "Nothing happened: no holds, alerts or markers.", ["class": "empty"])
            page.close("section")
            return
        }
        page.open("table", ["id": "timeline"])
        page.open("tbody")
        for entry in entries {
            page.open("tr", ["class": "event \(entry.kind.name)" + (entry.kind.isWarning ? " warning" : "")])
            page.text("td", ReviewFormat.clock(entry.time), ["class": "time"])
            page.raw("<td><span class=\"dot\"></span></td>")
            page.text("td", entry.text)
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        page.close("section")
    }

    /// The recording's details, for the physio.
    private func details(_ page: inout SVGWriter, _ analysis: SessionAnalysis) {
        let info = analysis.session.info
        page.open("footer")
        page.text("p", "Sensor \(info.chip) (\(info.device)), \(ReviewFormat.decimal(info.rate, 0)) Hz, "
            + "\(analysis.summary.samples) samples\(analysis.summary.missingSamples > 0 ? ", \(analysis.summary.missingSamples) missing" : ""); "
            + "baseline \(ReviewText.baselineText(analysis.recording.baselineSource)); recorded by StretchGuard \(info.softwareVersion).")
        if analysis.hasPelvis {
            page.text("p", "Sensors: " + analysis.sensors.map { "\($0.name): \($0.text)" }.joined(separator: "; ") + ".")
        }
        page.text("p", "Replay: " + ReviewText.agreementText(analysis) + ".")
        page.close("footer")
    }
}
