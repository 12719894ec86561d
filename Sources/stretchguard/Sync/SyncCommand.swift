import ArgumentParser
import Foundation
import StretchGuardStore
import StretchGuardSync

extension StretchGuard {
    /// `stretchguard sync --to URL`: this device's sessions to the clinic's server.
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send this device's sessions to the clinic's PostgreSQL server.",
            discussion: """
                Sends every session the server does not have in full: its details, its samples exactly as \
                stored, its events, markers, gaps and calibration. A sync that was cut off (network gone, \
                server stopped, process killed) goes on where it stopped when run again; running it twice \
                sends nothing twice. Sessions being recorded are left for the next sync. The local database \
                is only read. The password comes from PGPASSWORD or ~/.pgpass, never from the URL.
                """)

        @Option(name: .customLong("to"), help: ArgumentHelp("The server: postgres://USER@HOST:PORT/DB[?sslmode=require].", valueName: "URL"))
        var url: String

        @OptionGroup var store: StoreOptions

        @Flag(help: "Print the result as JSON.")
        var json = false

        @Option(help: .hidden)
        var batchRows: Int?

        func run() throws {
            guard let database = try store.openExisting() else { throw store.missingDatabase() }
            let progress = SyncProgressLine(enabled: !json && isatty(STDERR_FILENO) == 1)
            let report: SyncReport
            do {
                report = try Self.push(database, to: url, progress: progress, batchRows: batchRows)
            } catch {
                progress.finish()
                throw fail(error)
            }
            progress.finish()
            print(json ? report.json : "sync: " + report.line, terminator: json ? "" : "\n")
        }

        /// Pushes `database` to `url` (also `run --sync-to`).
        /// - Parameter batchRows: rows per statement (tests set it small, to cut a sync at many points).
        static func push(_ database: SessionStore, to url: String, progress: SyncProgressLine? = nil,
                         batchRows: Int? = nil) throws(SyncError) -> SyncReport {
            let address = try ServerAddress(parsing: url)
            var sync = SessionSync()
            if let batchRows, batchRows > 0 {
                sync.blockBatch = batchRows
                sync.rowBatch = batchRows
            }
            return try AwaitServer.run { [sync] () async throws(SyncError) -> SyncReport in
                try await ServerConnection.with(address, warn: warn) { server in
                    try await sync.push(database, to: server) { step in progress?.show(step) }
                }
            }
        }
    }
}

/// The progress of a sync on a terminal: "sync: 3/12 sessions, 41.2 MB", rewritten in place.
final class SyncProgressLine: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: SessionSync.Progress) {
        guard enabled else { return }
        StandardStreams.error("\rsync: \(progress.sessionsDone)/\(progress.sessionsTotal) sessions, "
                              + String(format: "%.1f MB", Double(progress.bytesSent) / 1e6) + "   ")
    }

    func finish() {
        if enabled { StandardStreams.error("\r\u{1B}[K") }
    }
}
