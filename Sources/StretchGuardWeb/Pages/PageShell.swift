import StretchGuardReview

/// The frame every page of the browser view shares: the document head (UTF-8, the viewport of a tablet,
/// the title, the shared style sheet from ``PageStyle``), then the body the caller writes.
enum PageShell {
    /// A whole HTML document.
    ///
    /// - Parameters:
    ///   - title: the browser tab's title (escaped).
    ///   - bodyClass: the `<body>`'s class (the live page's own layout), or nil.
    ///   - links: where the style sheet is (with the token when one is needed).
    ///   - body: writes the body's content.
    static func document(title: String, bodyClass: String? = nil, links: PageLinks,
                         body: (inout SVGWriter) -> Void) -> String {
        var page = SVGWriter()
        page.raw("<!DOCTYPE html>")
        page.open("html", ["lang": "en"])
        page.open("head")
        page.raw(#"<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">"#)
        page.text("title", title)
        page.element("link", ["rel": "stylesheet", "href": links.style])
        page.close("head")
        if let bodyClass { page.open("body", ["class": bodyClass]) } else { page.open("body") }
        body(&page)
        page.close("body")
        page.close("html")
        return page.output
    }
}
