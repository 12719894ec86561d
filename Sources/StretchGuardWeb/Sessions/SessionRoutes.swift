import Hummingbird
import StretchGuardReview

/// The recorded sessions' API: `GET /api/sessions`, `/api/sessions/{id}` and `/api/sessions/{id}/samples.csv`
/// (`{id}`: a session id or `latest`). Read only.
struct SessionRoutes<Context: RequestContext>: Sendable {
    let archive: SessionArchive

    /// Adds the routes to `router`.
    func add(to router: Router<Context>) {
        let archive = archive
        router.get("/api/sessions") { _, _ in
            WebResponse.response(try await OffTheEventLoop.run { () throws(WebError) -> String in
                try archive.listingJSON()
            })
        }
        router.get("/api/sessions/{id}") { _, context in
            let id = try context.parameters.require("id")
            // Summary, holds, alerts, events (and sensors with two): `stretchguard review ID --json`.
            return WebResponse.response(try await OffTheEventLoop.run { () throws(WebError) -> String in
                ReviewJSON.render(try archive.analysis(of: id))
            })
        }
        router.get("/api/sessions/{id}/samples.csv") { _, context in
            let id = try context.parameters.require("id")
            // One row per sample, with the hip columns for a two-sensor session: `stretchguard review ID --csv`.
            let (csv, session) = try await OffTheEventLoop.run { () throws(WebError) -> ([UInt8], Int64) in
                let analysis = try archive.analysis(of: id)
                var bytes: [UInt8] = []
                ReviewCSV.write(analysis) { bytes.append(contentsOf: $0) }
                return (bytes, analysis.session.id)
            }
            return WebResponse.response(ByteBuffer(bytes: csv), contentType: "text/csv; charset=utf-8",
                                     headers: [.contentDisposition: "attachment; filename=\"session-\(session).csv\""])
        }
    }
}
