import Foundation
import StretchGuardCore
import StretchGuardReview
import StretchGuardStore
import Testing

/// Counts the non-overlapping occurrences of `needle`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite("Review renderers: HTML/SVG, CSV, JSON, terminal")
struct ReviewRenderTests {
    @Test("the HTML report holds the title, cards, one shaded span per alert, one band per hold and the tables")
    func html() throws {
        let fixture = try ReviewFixture(stopAt: [49], notes: [(20, "<b>tight</b> & sore")], gap: 60..<60.5)
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let html = HTMLReport(timeZone: utc).render(analysis)
        let summary = analysis.summary
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1 id=\"title\">Session \(fixture.session) · Monday 16 June 2025, 09:30</h1>"))
        #expect(html.contains("profile general"))
        #expect(occurrences(of: "<svg id=\"posture-plot\"", in: html) == 1)
        #expect(occurrences(of: "class=\"alert-twist\"", in: html) == summary.twistAlerts)
        #expect(occurrences(of: "class=\"alert-bounce\"", in: html) == summary.bounceAlerts)
        #expect(summary.alerts == 2)
        #expect(occurrences(of: "<rect class=\"hold\"", in: html) == analysis.holds.count)
        #expect(occurrences(of: "<tr class=\"hold-row", in: html) == analysis.holds.count)
        #expect(occurrences(of: "<g class=\"marker\"", in: html) == 2)
        #expect(html.contains(">stop / it hurts</text>"))
        #expect(occurrences(of: "<rect class=\"gap\"", in: html) == 1)
        #expect(occurrences(of: "<tr class=\"event ", in: html) == analysis.timeline.count)
        #expect(html.contains("class=\"series-flexion\"") && html.contains("class=\"series-twist\""))
        // The wearer's note is text, never markup.
        #expect(html.contains("&lt;b&gt;tight&lt;/b&gt; &amp; sore"))
        #expect(!html.contains("<b>tight</b>"))
        // Self-contained: no scripts, no external files (the SVG namespace is a name, not a fetch).
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("<link"))
        #expect(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").range(of: "http") == nil)
        #expect(html.replacingOccurrences(of: "url(#hatch)", with: "").range(of: "url(") == nil)
    }

    @Test("hold bands are labelled with their seconds")
    func holdLabels() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let svg = SVGPlot().render(analysis)
        let longest = try #require(analysis.holds.max { $0.duration < $1.duration })
        #expect(svg.contains(">\(ReviewFormat.decimal(longest.duration, 0)) s</text>"))
    }

    @Test("the plot draws at most two points per pixel column, however long the session")
    func plotIsDecimated() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let svg = SVGPlot().render(analysis)
        let paths = svg.components(separatedBy: "class=\"series-").dropFirst()
        #expect(paths.count == 2)
        for path in paths {
            let d = path.components(separatedBy: " d=\"")[1].prefix { $0 != "\"" }
            let points = d.count(where: { $0 == "M" || $0 == "L" })
            #expect(points > 100)
            #expect(points <= 2 * 1024)
        }
        #expect(analysis.track.count > 6000)
    }

    @Test("CSV: a header and one row per sample, with the replayed verdicts")
    func csv() throws {
        let fixture = try ReviewFixture()
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let lines = ReviewCSV.string(analysis.track).split(separator: "\n")
        #expect(lines.first == "t,flexion_deg,side_bend_deg,twist_deg,twist_alert,bounce_alert,holding,hold_s")
        #expect(lines.count == fixture.samples + 1)
        let rows = lines.dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        #expect(rows.allSatisfy { $0.count == 8 })
        #expect(rows.first![0] < 0.02)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0[0] < $1[0] })
        // Every sample under the twist alert has |twist| past the clear angle, and there are some.
        let alerted = rows.filter { $0[4] == 1 }
        #expect(!alerted.isEmpty)
        #expect(alerted.allSatisfy { abs($0[3]) >= 12 })
        #expect(rows.contains { $0[5] == 1 })
        // hold_s counts up while holding and is 0 otherwise.
        #expect(rows.allSatisfy { $0[6] == 1 || $0[7] == 0 })
        #expect((rows.map { $0[7] }.max() ?? 0) > 25)
        #expect(abs((rows.map { $0[1] }.max() ?? 0) - 56) < 3)
    }

    @Test("JSON: session, summary, holds, alerts, events, markers, gaps and the replay check")
    func json() throws {
        let fixture = try ReviewFixture(stopAt: [49])
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(analysis).utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["session", "summary", "holds", "alerts", "events", "markers", "gaps", "replay"])
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["id"] as? Int == Int(fixture.session))
        #expect(session["start"] as? String == "2025-06-16T09:30:00Z")
        #expect(session["profile"] as? String == "general")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["twist_alerts"] as? Int == 1 && summary["bounce_alerts"] as? Int == 1)
        #expect(summary["stops"] as? Int == 1)
        let holds = try #require(object["holds"] as? [[String: Any]])
        #expect(holds.count == analysis.holds.count)
        for hold in holds {
            #expect(Set(hold.keys) == ["number", "start_s", "end_s", "duration_s", "target_s", "reached",
                                      "mean_angle_deg", "peak_twist_deg", "bounces", "twist_alerts", "sparc", "ldlj"])
        }
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == fixture.events.count)
        #expect(events.contains { $0["event"] as? String == "twist_alert_started" && ($0["angle_deg"] as? Double ?? 0) >= 15 })
        let replay = try #require(object["replay"] as? [String: Any])
        #expect(replay["matches"] as? Bool == true)
        #expect((object["markers"] as? [[String: Any]])?.first?["kind"] as? String == "stop")
    }

    @Test("the terminal review: summary, hold table, timeline and a plot that fits 80 columns")
    func text() throws {
        let fixture = try ReviewFixture(stopAt: [49], gap: 60..<60.5)
        defer { fixture.remove() }
        let analysis = try fixture.analysis()
        let text = ReviewText(timeZone: utc).render(analysis)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "StretchGuard session \(fixture.session): Monday 16 June 2025, 09:30, 1 min 06 s, profile general")
        #expect(text.contains("  twist alerts     1, worst "))
        #expect(text.contains("  stop / it hurts  1 (at 0:49.0)"))
        #expect(text.contains("  replay           reproduces the \(fixture.events.count) events the live session emitted"))
        #expect(lines.allSatisfy { $0.count <= 80 })
        let holdRows = lines.drop { !$0.hasPrefix("Holds") }.dropFirst(2).prefix { !$0.isEmpty }
        #expect(holdRows.count == analysis.holds.count)
        // The plot's marks row: holds, the twist and bounce alerts, the stop press and the gap.
        let plot = TerminalPlot().render(analysis)
        let marks = try #require(plot.first { $0.hasPrefix("       |") && $0.contains("=") })
        for mark in ["=", "T", "B", "!", "~"] { #expect(marks.contains(mark), "no \(mark) in \(marks)") }
        #expect(plot.allSatisfy { $0.count <= 80 })
        #expect(plot.contains { $0.hasPrefix("    60 |") })  // flexion up to 55°: axis to 60
    }

    @Test("min/max columns keep every extreme and leave empty columns empty")
    func minMaxSeries() {
        let times = [0.0, 0.1, 0.2, 0.9, 1.0, 3.5]
        let values = [1.0, 5.0, -2.0, 0.5, 7.0, 3.0]
        let series = MinMaxSeries(times: times, values: values, start: 0, end: 4, count: 4)
        #expect(series.columns[0] == .init(min: -2, max: 5))
        #expect(series.columns[1] == .init(min: 7, max: 7))
        #expect(series.columns[2] == nil)
        #expect(series.columns[3] == .init(min: 3, max: 3))
        #expect(series.range! == (min: -2, max: 7))
        #expect(series.column(at: 10) == 3)
    }

    @Test("clock times, durations and dates read the same everywhere")
    func formats() {
        #expect(ReviewFormat.clock(65.26) == "1:05.3")
        #expect(ReviewFormat.clock(3725) == "1:02:05.0")
        #expect(ReviewFormat.clock(59.96, tenths: false) == "0:59")
        // Rounding carries into the seconds and minutes (the live line once printed "0:60.0", "0:010.0").
        #expect(ReviewFormat.clock(59.96) == "1:00.0")
        #expect(ReviewFormat.clock(9.96) == "0:10.0")
        #expect(ReviewFormat.duration(222) == "3 min 42 s")
        #expect(ReviewFormat.duration(3725) == "1 h 02 min")
        #expect(ReviewFormat.date(ReviewFixture.startDate, timeZone: utc) == "2025-06-16 09:30")
        #expect(ReviewFormat.escaped("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    }
}
