import Foundation
import StretchGuardConfig
import StretchGuardReview
import StretchGuardStore
import Synchronization

/// The recorded sessions the server shows: the session database (opened when first needed, so a server
/// started before the first `run` shows the sessions recorded since) and where exercise profiles are found
/// for a review. Blocking: call it off the event loop (``OffTheEventLoop``).
public final class SessionArchive: Sendable {
    /// The session database's path.
    public let databasePath: String
    /// Where a session's exercise profile is looked up for its review.
    public let profiles: ProfileLibrary
    private let opened: Mutex<SessionStore?>
    /// Sessions kept elsewhere (a clinic's server), copied when a page needs them; nil for a local database.
    private let remote: (any RemoteSessions)?
    /// The last remote sessions' analyses (a remote session is copied and replayed once for its pages).
    let remoteAnalyses = RemoteAnalysisCache()

    /// An archive over the database at `databasePath` (which may not exist yet).
    public init(databasePath: String, profiles: ProfileLibrary) {
        self.databasePath = databasePath
        self.profiles = profiles
        opened = Mutex(nil)
        remote = nil
    }

    /// An archive over an open store.
    public init(store: SessionStore, profiles: ProfileLibrary) {
        databasePath = store.path
        self.profiles = profiles
        opened = Mutex(store)
        remote = nil
    }

    /// An archive over sessions kept elsewhere (`serve --server`): each page copies what it shows.
    public init(remote: any RemoteSessions, profiles: ProfileLibrary) {
        databasePath = remote.name
        self.profiles = profiles
        opened = Mutex(nil)
        self.remote = remote
    }

    /// The store, or nil while no database exists at the path (nothing recorded yet).
    func store() throws(StoreError) -> SessionStore? {
        try opened.withLock { (store: inout SessionStore?) throws(StoreError) -> SessionStore? in
            if let store { return store }
            guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
            store = try SessionStore(path: databasePath)
            return store
        }
    }

    /// `GET /api/sessions`: `{"sessions": […], "stats": {…}, "unreadable": […]}` — the rows of
    /// `stretchguard sessions --json`, the statistics of `sessions --stats --json` (``SessionListing``,
    /// ``AdherenceReport``), and a sentence for each session whose row cannot be read.
    ///
    /// - Parameter now: the instant the statistics' weeks and streaks end at.
    func listingJSON(now: Date = Date()) throws(WebError) -> String {
        let (listing, report) = try listing(now: now)
        let unreadable = WebResponse.encode(listing.unreadable.map(\.description))
        return "{\n\"sessions\": " + listing.json().trimmingTrailingNewline() + ",\n\"stats\": "
            + report.json().trimmingTrailingNewline() + ",\n\"unreadable\": " + unreadable.trimmingTrailingNewline()
            + "\n}\n"
    }

    /// The session list and the adherence statistics, as `stretchguard sessions` and `sessions --stats`
    /// compute them (empty before anything was recorded; no database is created).
    ///
    /// - Parameter now: the instant the statistics' weeks and streaks end at.
    func listing(now: Date = Date()) throws(WebError) -> (SessionListing, AdherenceReport) {
        if let remote {
            let copy = try fetch { try remote.listingCopy() }
            defer { copy.discard() }
            do {
                return (SessionListing(try copy.store.sessionList()), AdherenceReport(stats: try copy.store.stats(now: now)))
            } catch {
                throw .store(error)
            }
        }
        do {
            guard let store = try store() else {
                return (SessionListing(sessions: []),
                        AdherenceReport(stats: AdherenceStats(sessions: [], now: now, timeZone: .current)))
            }
            return (SessionListing(try store.sessionList()), AdherenceReport(stats: try store.stats(now: now)))
        } catch {
            throw .store(error)
        }
    }

    /// A session replayed and analysed as `stretchguard review ID` does (its own stored calibration and
    /// profile). A remote session's analysis is kept (``RemoteAnalysisCache``), so its report, CSV and JSON
    /// copy and replay it once; `latest` is always asked of the source, which may have a newer one.
    ///
    /// - Parameter id: the URL's id: a positive number or `latest`.
    /// - Throws: 400 for an id that is not one, 404 for an unknown session or one without samples, 422 for
    ///   one that cannot be replayed, each with the store's or review's sentence.
    func analysis(of id: String) throws(WebError) -> SessionAnalysis {
        let selector: SessionSelector
        do {
            selector = try SessionSelector(parsing: id)
        } catch {
            throw .badSessionID(id)
        }
        if remote != nil, case .id(let id) = selector, let kept = remoteAnalyses.analysis(of: id) { return kept }
        let copy = try remote.map { remote throws(WebError) in try fetch { try remote.sessionCopy(selector) } }
        defer { copy?.discard() }
        do {
            guard let store = try copy?.store ?? store() else {
                throw WebError.store(.noSessions(path: databasePath))
            }
            let recording = try SessionRecording.load(from: store, selector: copy?.id.map(SessionSelector.id) ?? selector)
            let analysis = try SessionAnalysis.reviewing(recording, library: profiles)
            if let id = copy?.id { remoteAnalyses.keep(analysis, of: id) }
            return analysis
        } catch let error as WebError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch let error as ReviewError {
            throw .review(error)
        } catch {
            throw WebError(.internalServerError, "the session database at \(databasePath) could not be read (\(error.localizedDescription))")
        }
    }
}

/// Runs a remote copy, turning its failure (already a sentence with the fix) into a 502.
private func fetch(_ copy: () throws -> RemoteCopy) throws(WebError) -> RemoteCopy {
    do {
        return try copy()
    } catch let missing as RemoteSessionMissing {
        throw WebError(.notFound, missing.description)
    } catch let sentence as any Error & CustomStringConvertible {
        throw WebError(.badGateway, sentence.description)  // the source's own sentence, with the fix
    } catch {
        throw WebError(.badGateway, "the sessions could not be copied from the server: try again, or check it with `stretchguard sessions --server`")
    }
}

extension String {
    /// The text without its final newline (to nest the CLI's newline-terminated JSON documents).
    fileprivate func trimmingTrailingNewline() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
