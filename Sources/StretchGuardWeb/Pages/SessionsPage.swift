import StretchGuardReview

/// `GET /`: the recorded sessions as `stretchguard sessions` lists them (the same cells, from
/// ``SessionListing/cells()``) with links to each one's report, CSV and JSON; the statistics of
/// `sessions --stats` (``AdherenceReport``); and, while the server runs a live session, a link to it.
struct SessionsPage {
    /// The sessions.
    var listing: SessionListing
    /// Their statistics.
    var report: AdherenceReport
    /// Whether this server has a live session (`run --serve`).
    var hasLiveSession: Bool
    /// Where things are.
    var links: PageLinks

    /// The whole page (every text from the database escaped).
    func render() -> String {
        PageShell.document(title: "StretchGuard sessions", links: links) { page in
            page.open("main")
            page.open("header")
            page.text("p", "StretchGuard", ["class": "eyebrow"])
            page.text("h1", "Sessions", ["id": "title"])
            page.text("p", count(listing.sessions.count, "session") + " recorded", ["class": "meta"])
            page.close("header")
            if hasLiveSession {
                page.open("a", ["class": "live-link", "id": "live-link", "href": links.live])
                page.text("span", "●", ["class": "live-dot"])
                page.raw("A session is running now — watch it live")
                page.close("a")
            }
            if listing.sessions.isEmpty && listing.unreadable.isEmpty {
                page.open("p", ["class": "empty panel", "id": "no-sessions"])
                page.raw("No sessions recorded yet. Record one with <code>stretchguard run</code> on the device "
                    + "(or <code>scripts/demo</code>); it is listed here as soon as it starts.")
                page.close("p")
            } else {
                cards(&page)
                table(&page)
                weeks(&page)
                holdProgression(&page)
            }
            page.close("main")
        }
    }

    /// Sessions per week and the streaks, as cards.
    private func cards(_ page: inout SVGWriter) {
        let stats = report.stats
        page.open("section", ["class": "cards", "id": "stats"])
        card(&page, ReviewFormat.decimal(stats.sessionsPerWeek, 1), "sessions per week",
             count(stats.weeks.count, "week"))
        card(&page, AdherenceReport.days(stats.currentStreak), "current streak", "days in a row with a session")
        card(&page, AdherenceReport.days(stats.longestStreak), "longest streak", "days in a row with a session")
        page.close("section")
    }

    private func card(_ page: inout SVGWriter, _ value: String, _ label: String, _ detail: String) {
        page.open("div", ["class": "card"])
        page.text("div", value, ["class": "value"])
        page.text("div", label, ["class": "label"])
        page.text("div", detail, ["class": "detail"])
        page.close("div")
    }

    /// The session table: `sessions`' columns, then the links.
    private func table(_ page: inout SVGWriter) {
        page.open("section", ["class": "panel"])
        page.text("h2", "Recorded sessions")
        page.open("table", ["id": "sessions"])
        page.open("thead")
        page.open("tr")
        for column in listing.titles { page.text("th", column) }
        page.text("th", "open")
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        let numeric: Set<Int> = listing.showsWearer ? [0, 3, 5, 6] : [0, 2, 4, 5]
        for (session, cells) in zip(listing.sessions, listing.cells()) {
            page.open("tr", ["class": "session-row", "data-id": "\(session.id)"])
            for (index, cell) in cells.enumerated() {
                if index == 0 {
                    page.open("td", ["class": "num"])
                    page.text("a", cell, ["href": links.report(session.id)])
                    page.close("td")
                } else {
                    page.text("td", cell, numeric.contains(index) ? ["class": "num"] : [:])
                }
            }
            page.open("td", ["class": "links"])
            page.text("a", "report", ["href": links.report(session.id), "class": "report-link"])
            page.text("a", "CSV", ["href": links.csv(session.id), "class": "csv-link"])
            page.text("a", "JSON", ["href": links.json(session.id), "class": "json-link"])
            page.close("td")
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
        for problem in listing.unreadable {
            page.text("p", problem.description, ["class": "unreadable"])
        }
        page.close("section")
    }

    /// Sessions per week, the most recent weeks, with a bar each.
    private func weeks(_ page: inout SVGWriter) {
        let weeks = report.stats.weeks.suffix(report.recentWeeks)
        guard !weeks.isEmpty else { return }
        let most = max(weeks.map(\.sessions).max() ?? 1, 1)
        page.open("section", ["class": "panel"])
        page.text("h2", "Sessions per week")
        page.open("table", ["id": "weeks"])
        page.open("tr")
        page.text("th", "week")
        page.text("th", "sessions")
        page.close("tr")
        for week in weeks {
            page.open("tr")
            page.text("td", AdherenceReport.label(week), ["class": "num"])
            page.open("td", ["class": "bar-col"])
            bar(&page, share: Double(week.sessions) / Double(most), text: "\(week.sessions)", reached: false)
            page.close("td")
            page.close("tr")
        }
        page.close("table")
        page.close("section")
    }

    /// The longest hold of each closed session.
    private func holdProgression(_ page: inout SVGWriter) {
        let points = report.stats.holdProgression
        page.open("section", ["class": "panel"])
        page.text("h2", "Hold progression (longest hold per session)")
        guard !points.isEmpty else {
            page.text("p", "No closed sessions yet.", ["class": "empty"])
            page.close("section")
            return
        }
        let longest = max(points.map(\.longestHold).max() ?? 1, 1)
        page.open("table", ["id": "hold-progression"])
        page.open("tr")
        for title in ["session", "date", "profile", "longest", "holds", "reached"] { page.text("th", title) }
        page.close("tr")
        for point in points {
            page.open("tr")
            page.open("td", ["class": "num"])
            page.text("a", "\(point.session)", ["href": links.report(point.session)])
            page.close("td")
            page.text("td", ReviewFormat.date(point.date, timeZone: report.timeZone), ["class": "num"])
            page.text("td", point.profile)
            page.open("td", ["class": "bar-col"])
            bar(&page, share: point.longestHold / longest, text: ReviewFormat.decimal(point.longestHold, 0) + " s",
                reached: point.holdsReached > 0)
            page.close("td")
            page.text("td", "\(point.holds)", ["class": "num"])
            page.text("td", "\(point.holdsReached)", ["class": "num"])
            page.close("tr")
        }
        page.close("table")
        page.close("section")
    }

    /// A bar (the report's `.bar`) filled to `share` (0…1), with its text.
    private func bar(_ page: inout SVGWriter, share: Double, text: String, reached: Bool) {
        let percent = share.isFinite ? Int((min(max(share, 0), 1) * 100).rounded()) : 0
        page.open("span", ["class": reached ? "bar reached" : "bar"])
        page.open("span", ["class": "fill", "style": "width:\(percent)%"])
        page.close("span")
        page.close("span")
        page.text("span", text, ["class": "bar-text"])
    }

    private func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
