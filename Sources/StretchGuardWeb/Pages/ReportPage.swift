import StretchGuardReview

/// `GET /sessions/{id}`: the session's ``HTMLReport`` (the page `stretchguard review ID --html` writes), with
/// a line on top linking back to the session list and to the session's CSV and JSON.
enum ReportPage {
    /// The report with the navigation line first in its `<main>`.
    static func render(_ analysis: SessionAnalysis, links: PageLinks) -> String {
        let report = HTMLReport().render(analysis)
        let id = analysis.session.id
        var nav = SVGWriter()
        nav.open("nav", ["id": "page-nav", "style": "display:flex;gap:18px;font-size:15px;margin-bottom:12px"])
        nav.text("a", "← All sessions", ["href": links.sessions, "id": "back-link"])
        nav.text("a", "samples (CSV)", ["href": links.csv(id)])
        nav.text("a", "review (JSON)", ["href": links.json(id)])
        nav.close("nav")
        // The report is one document whose body starts with its <main>: the line goes first inside it.
        guard let main = report.range(of: "<main>") else { return nav.output + report }
        return report.replacingCharacters(in: main, with: "<main>\n" + nav.output)
    }
}
