import ArgumentParser
import Foundation
import StretchGuardConfig
import StretchGuardReview
import StretchGuardStore

extension StretchGuard {
    /// `stretchguard sessions`: the recorded sessions, or how regularly they happen.
    struct Sessions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List recorded sessions, or show adherence and hold progression (--stats).",
            discussion: """
                One line per session, oldest first: id, start date, length, profile, holds, holds that reached \
                their target, alerts, and whether the session closed normally (`incomplete` after a crash or \
                power cut). --stats: sessions per week, the current and longest streak of days with a session, \
                and the longest hold of each session; for each plan run with `run --plan`: its sessions per ISO week \
                against the plan's sessions_per_week (and the share of the prescribed sessions done), each \
                exercise's hold target before each session and for the next one with the reason, and the \
                "stop / it hurts" presses on that timeline. Dates are in the local time zone (TZ).
                """)

        @OptionGroup var store: StoreOptions

        @OptionGroup var server: ServerOptions

        @Option(help: "With --server: only this wearer's sessions (the name given to `run --wearer`).")
        var wearer: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        @Flag(help: "Show adherence (sessions per week, streaks) and hold progression instead of the list.")
        var stats = false

        @Flag(help: "Copy every session that still reads from a damaged database into a fresh one; the damaged file is kept aside with a dated name.")
        var repair = false

        func validate() throws {
            if server.url != nil, repair { throw ValidationError("--repair mends the local database: leave out --server") }
            if server.url != nil, store.path != nil { throw ValidationError("--server and --db: choose one") }
            if wearer != nil, server.url == nil { throw ValidationError("--wearer picks a wearer's sessions on a server: add --server URL") }
        }

        func run() throws {
            if server.url != nil {
                guard let (copy, source) = try server.listing(wearer: wearer) else { return }
                defer { copy.discard() }
                try list(copy.store, source: source)
                return
            }
            if repair {
                do {
                    let path = try store.resolvedPath()
                    guard FileManager.default.fileExists(atPath: path) else { throw store.missingDatabase() }
                    print(try SessionStore.repair(path: path).description)
                } catch let error as StoreError {
                    throw fail(error)
                }
                return
            }
            guard let database = try store.openExisting() else {
                // Nothing recorded yet: an empty listing, not an error (and no database is created).
                let path = (try? store.resolvedPath()) ?? "the session database"
                if stats {
                    let report = AdherenceReport(stats: AdherenceStats(sessions: [], now: Date(), timeZone: .current))
                    print(json ? report.json() : report.text(), terminator: "")
                } else {
                    let listing = SessionListing(sessions: [])
                    print(json ? listing.json() : listing.text(databasePath: path), terminator: "")
                }
                return
            }
            try list(database, source: database.path)
            // The listing reads only the sessions' rows: a damaged page elsewhere is found here, before the
            // next `run` refuses the file.
            do throws(StoreError) {
                try database.quickCheck()
            } catch {
                warn(error.description)
            }
        }

        /// Prints the listing or the statistics of `database`, which the text calls `source`.
        private func list(_ database: SessionStore, source: String) throws {
            do {
                if stats {
                    let now = Date()
                    let plans = try PlanAdherence.all(in: database, library: ProfileLibrary.standard(), now: now)
                    for problem in plans.problems { warn(problem) }
                    let report = AdherenceReport(stats: try database.stats(now: now), plans: plans.plans)
                    print(json ? report.json() : report.text(), terminator: "")
                } else {
                    let listing = SessionListing(try database.sessionList())
                    if json {
                        // The JSON array lists the sessions that read; the others are named on standard error.
                        for unreadable in listing.unreadable { warn(unreadable.description) }
                        print(listing.json(), terminator: "")
                    } else {
                        print(listing.text(databasePath: source), terminator: "")
                    }
                }
            } catch {
                throw fail(error)
            }
        }
    }
}
