import Hummingbird
import StretchGuardReview

/// The browser view's pages: `GET /` (the session list), `/sessions/{id}` (a report; id or `latest`),
/// `/live` (the live session), and their assets `/assets/style.css` and `/assets/live.js`. Errors come as
/// pages (with the sentence ``WebError`` gives and its status), not JSON. Read only.
struct PageRoutes<Context: RequestContext>: Sendable {
    let archive: SessionArchive
    /// Whether the server has a live session (without one, `/live` says so).
    let hasLiveSession: Bool
    /// Where things are, with the server's token.
    let links: PageLinks

    /// Adds the routes to `router`.
    func add(to router: Router<Context>) {
        let archive = archive, links = links, hasLive = hasLiveSession
        router.get("/") { _, _ in
            await Self.page(links) {
                let (listing, report) = try await OffTheEventLoop.run { () throws(WebError) in try archive.listing() }
                return SessionsPage(listing: listing, report: report, hasLiveSession: hasLive, links: links).render()
            }
        }
        router.get("/sessions/{id}") { _, context in
            let id = try context.parameters.require("id")
            return await Self.page(links) {
                // The replay and the rendering take a while for a long session: off the event loop.
                try await OffTheEventLoop.run { () throws(WebError) -> String in
                    ReportPage.render(try archive.analysis(of: id), links: links)
                }
            }
        }
        router.get("/live") { _, _ in
            guard hasLive else { return ErrorPage.response(.noLiveSession, links: links) }
            return WebResponse.html(LivePage.render(links: links))
        }
        router.get("/assets/style.css") { _, _ in
            WebResponse.response(PageStyle.css, contentType: WebResponse.cssType)
        }
        router.get("/assets/live.js") { _, _ in
            WebResponse.response(LivePageScript.served, contentType: WebResponse.javaScriptType)
        }
    }

    /// The page `render` makes, or the page for its error.
    private static func page(_ links: PageLinks, _ render: () async throws -> String) async -> Response {
        do {
            return WebResponse.html(try await render())
        } catch let error as WebError {
            return ErrorPage.response(error, links: links)
        } catch {
            // The archive throws only WebError; anything else is the server's own trouble, said plainly.
            return ErrorPage.response(WebError(.internalServerError, "the page could not be made: \(error.localizedDescription)"),
                                      links: links)
        }
    }
}
