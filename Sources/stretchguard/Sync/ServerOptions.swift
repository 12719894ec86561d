import ArgumentParser
import Foundation
import StretchGuardStore
import StretchGuardSync
import StretchGuardWeb

/// `--server URL`: read a clinic's PostgreSQL server instead of this device's database (`sessions`,
/// `review`, `serve`).
struct ServerOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp(
        "Read the clinic's PostgreSQL server instead of the local database: postgres://USER@HOST:PORT/DB[?sslmode=require]; the password from PGPASSWORD or ~/.pgpass.",
        valueName: "URL"))
    var url: String?

    /// The server's sessions (all of them, or `wearer`'s) copied without their samples into a temporary
    /// database that the local listing code reads, and how to name the server; nil without `--server`.
    /// Discard the copy when done.
    func listing(wearer: String?) throws -> (copy: RemoteCopy, source: String)? {
        guard let url else { return nil }
        do throws(SyncError) {
            let source = ServerSessionSource(address: try ServerAddress(parsing: url))
            return (try source.listingCopy(wearer: wearer), source.name)
        } catch {
            throw fail(error)
        }
    }

    /// One session of the server copied in full into a temporary database, with its server id; nil without
    /// `--server`. Discard the copy when done.
    func session(_ selector: SessionSelector) throws -> RemoteCopy? {
        guard let url else { return nil }
        do {
            return try ServerSessionSource(address: try ServerAddress(parsing: url)).sessionCopy(selector)
        } catch let error as SyncError {
            throw fail(error)
        } catch let missing as RemoteSessionMissing {
            throw fail(missing)
        }
    }
}
