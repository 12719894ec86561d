import Foundation
import StretchGuardStore
import StretchGuardSync
import StretchGuardWeb

/// The clinic's server as a source of sessions for `sessions`, `review` and `serve --server`: each use
/// copies what it shows (the listing without samples, or one session in full) into a temporary database
/// that the local code reads, deleted by ``RemoteCopy/discard()``; a connection per copy, with the password
/// from `PGPASSWORD` or `~/.pgpass`.
struct ServerSessionSource: RemoteSessions {
    let address: ServerAddress

    var name: String { address.description }

    /// Every session (or `wearer`'s): their rows, and the parts the listing's statistics read.
    func listingCopy(wearer: String?) throws(SyncError) -> RemoteCopy {
        try copy { server, folder throws(SyncError) in
            (try await ServerCopy.listing(from: server, wearer: wearer, into: folder + "/listing.sqlite"), nil)
        }
    }

    func listingCopy() throws -> RemoteCopy {
        try listingCopy(wearer: nil)
    }

    /// One session in full; ``RemoteSessionMissing`` when the server has no such session for this role.
    func sessionCopy(_ selector: SessionSelector) throws -> RemoteCopy {
        do {
            return try copy { server, folder throws(SyncError) in
                let copied = try await ServerCopy.session(selector, from: server, into: folder + "/session.sqlite")
                return (copied.store, copied.id)
            }
        } catch .noSession(let address, let selector) {
            throw RemoteSessionMissing(SyncError.noSession(address, selector: selector).description)
        }
    }

    /// Runs `work` against the server with a fresh temporary folder, which the copy deletes when discarded
    /// (or at once when the work fails).
    private func copy(_ work: @escaping @Sendable (ServerConnection, String) async throws(SyncError) -> (SessionStore, Int64?))
        throws(SyncError) -> RemoteCopy {
        let folder = Self.temporaryFolder()
        let address = address
        do {
            let (store, id) = try AwaitServer.run { () async throws(SyncError) -> (SessionStore, Int64?) in
                try await ServerConnection.with(address, warn: warn) { server in try await work(server, folder) }
            }
            return RemoteCopy(store: store, id: id) { try? FileManager.default.removeItem(atPath: folder) }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// A fresh folder for a server's copy.
    private static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "stretchguard-server-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
