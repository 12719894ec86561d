import Hummingbird
import StretchGuardReview

/// A page's error as a page (the API answers JSON; a person following a link gets HTML): the status, the
/// same sentence ``WebError`` gives, and a link back to the session list.
enum ErrorPage {
    /// The document for `error`.
    static func render(_ error: WebError, links: PageLinks) -> String {
        PageShell.document(title: "StretchGuard — \(error.status.code) \(error.status.reasonPhrase)", links: links) { page in
            page.open("main")
            page.open("header")
            page.text("p", "StretchGuard · \(error.status.code) \(error.status.reasonPhrase)", ["class": "eyebrow"])
            page.text("h1", heading(error.status))
            page.close("header")
            page.text("p", error.message, ["class": "panel error-message", "id": "error"])
            page.text("a", "← All sessions", ["href": links.sessions, "id": "back-link"])
            page.close("main")
        }
    }

    /// The response: the page with the error's status.
    static func response(_ error: WebError, links: PageLinks) -> Response {
        WebResponse.html(render(error, links: links), status: error.status)
    }

    private static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: return "That address names no session"
        case 401: return "This page needs its pairing token"
        case 404: return "Not found"
        case 422: return "This session cannot be shown"
        default: return "The server could not answer"
        }
    }
}
