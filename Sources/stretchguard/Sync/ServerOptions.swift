import ArgumentParser
import Foundation
import StretchGuardStore
import StretchGuardSync

/// `--server URL`: read a clinic's PostgreSQL server instead of this device's database (`sessions`,
/// `review`, `serve`).
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp(
        "Read the clinic's PostgreSQL server instead of the local database: postgres://USER@HOST:PORT/DB[?sslmode=require]; the password from PGPASSWORD or ~/.pgpass.",
        valueName: "URL"))
    var url: String?

    /// The server's sessions (all of them, or `wearer`'s) copied without their samples into a temporary
    /// database (`folder`) that the local listing code reads.
    func listing(wearer: String?, folder: String) throws -> (store: SessionStore, source: String)? {
        guard let url else { return nil }
        do throws(SyncError) {
            let address = try ServerAddress(parsing: url)
            let path = folder + "/listing.sqlite"
            let store = try AwaitServer.run { () async throws(SyncError) -> SessionStore in
                try await ServerConnection.with(address, warn: warn) { server in
                    try await ServerCopy.listing(from: server, wearer: wearer, into: path)
                }
            }
            return (store, address.description)
        } catch {
            throw fail(error)
        }
    }

    /// One session of the server copied in full into a temporary database (`folder`); its server id.
    func session(_ selector: SessionSelector, folder: String) throws -> (store: SessionStore, id: Int64)? {
        guard let url else { return nil }
        do throws(SyncError) {
            let address = try ServerAddress(parsing: url)
            let path = folder + "/session.sqlite"
            return try AwaitServer.run { () async throws(SyncError) -> (store: SessionStore, id: Int64) in
                try await ServerConnection.with(address, warn: warn) { server in
                    try await ServerCopy.session(selector, from: server, into: path)
                }
            }
        } catch {
            throw fail(error)
        }
    }
}
