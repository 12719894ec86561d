import Foundation
import StretchGuardStore
import StretchGuardSync
import StretchGuardWeb

/// `serve --server URL`: the clinic's server as the browser view's archive. Each page copies what it
/// shows (the listing without samples, or one session in full) into a temporary database, deleted once
/// the page is made; a connection per request, with the password from `PGPASSWORD` or `~/.pgpass`.
struct ServerSessionSource: RemoteSessions {
    let address: ServerAddress

    var name: String { address.description }

    func listingCopy() throws -> RemoteCopy {
        let folder = AwaitServer.temporaryFolder()
        do {
            let address = address
            let store = try AwaitServer.run { () async throws(SyncError) -> SessionStore in
                try await ServerConnection.with(address, warn: warn) { server in
                    try await ServerCopy.listing(from: server, wearer: nil, into: folder + "/listing.sqlite")
                }
            }
            return RemoteCopy(store: store, id: nil) { try? FileManager.default.removeItem(atPath: folder) }
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    func sessionCopy(_ selector: SessionSelector) throws -> RemoteCopy {
        let folder = AwaitServer.temporaryFolder()
        do {
            let address = address
            let copy = try AwaitServer.run { () async throws(SyncError) -> (store: SessionStore, id: Int64) in
                try await ServerConnection.with(address, warn: warn) { server in
                    try await ServerCopy.session(selector, from: server, into: folder + "/session.sqlite")
                }
            }
            return RemoteCopy(store: copy.store, id: copy.id) { try? FileManager.default.removeItem(atPath: folder) }
        } catch .noSession(let address, let selector) {
            try? FileManager.default.removeItem(atPath: folder)
            throw RemoteSessionMissing(SyncError.noSession(address, selector: selector).description)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }
}
