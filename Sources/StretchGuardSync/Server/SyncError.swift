import StretchGuardStore

/// What can go wrong between a device or a clinic machine and the clinic's server, each as one sentence
/// that names the thing and the fix (``description``).
public enum SyncError: Error, Equatable, CustomStringConvertible {
    /// The URL is not `postgres://USER@HOST[:PORT]/DATABASE[?sslmode=…]`.
    case badURL(String, reason: String)
    /// No connection: refused, timed out or the name does not resolve.
    case unreachable(ServerAddress, detail: String)
    /// The server wants a password and none was found.
    case noPassword(ServerAddress)
    /// The server refused the user or the password.
    case refusedLogin(ServerAddress, detail: String)
    /// The database does not exist.
    case noDatabase(ServerAddress)
    /// The URL asks for TLS and the server offers none, or TLS failed.
    case tls(ServerAddress, detail: String)
    /// The database has no StretchGuard tables yet.
    case notSetUp(ServerAddress)
    /// The database's StretchGuard schema is older than this StretchGuard's.
    case olderSchema(ServerAddress, found: Int, supported: Int)
    /// The database's StretchGuard schema is newer than this StretchGuard.
    case newerSchema(ServerAddress, found: Int, supported: Int)
    /// The role may not do what was asked.
    case notPermitted(ServerAddress, detail: String)
    /// The device id is registered to another role.
    case deviceOfAnotherRole(ServerAddress, device: String)
    /// Another sync of the same device is running.
    case busy(ServerAddress, device: String)
    /// No such session on the server (or not visible to this role).
    case noSession(ServerAddress, selector: String)
    /// The connection broke or the server failed mid-way.
    case interrupted(ServerAddress, detail: String)
    /// The device's own database failed.
    case local(StoreError)

    public var description: String {
        switch self {
        case let .badURL(text, reason):
            "the server URL \"\(text)\" cannot be used: \(reason). Write it as postgres://USER@HOST:PORT/DATABASE "
                + "(optionally ?sslmode=require), with the password in PGPASSWORD or ~/.pgpass"
        case let .unreachable(address, detail):
            "cannot reach the PostgreSQL server at \(address.host):\(address.port) (\(detail)): check that the server runs "
                + "and listens there (listen_addresses and the firewall), and that the URL's host and port are right. "
                + "The sessions stay on this device; sync again when the server is back"
        case let .noPassword(address):
            "the server at \(address.host):\(address.port) asks for \(address.user)'s password and none is set: "
                + "export PGPASSWORD, or add the line \(address.host):\(address.port):\(address.database):\(address.user):PASSWORD "
                + "to ~/.pgpass (chmod 600 ~/.pgpass)"
        case let .refusedLogin(address, detail):
            "the server at \(address.host):\(address.port) refused \(address.user) (\(detail)): check the password in "
                + "PGPASSWORD or ~/.pgpass, and that the administrator created the role and allows it in pg_hba.conf"
        case let .noDatabase(address):
            "the server at \(address.host):\(address.port) has no database \"\(address.database)\": check the URL, or let "
                + "an administrator create it (createdb \(address.database)) and run `stretchguard server init` on it"
        case let .tls(address, detail):
            "no encrypted connection to \(address.host):\(address.port) (\(detail)): turn on ssl in the server's "
                + "postgresql.conf, or use sslmode=prefer on a network you trust"
        case let .notSetUp(address):
            "the database \(address.database) on \(address.host) has no StretchGuard tables yet: an administrator runs "
                + "`stretchguard server init --url postgres://ADMIN@\(address.host):\(address.port)/\(address.database)` once"
        case let .olderSchema(address, found, supported):
            "the StretchGuard tables in \(address.database) on \(address.host) are version \(found) and this StretchGuard "
                + "needs version \(supported): an administrator runs `stretchguard server init` with this version to upgrade them"
        case let .newerSchema(address, found, supported):
            "the StretchGuard tables in \(address.database) on \(address.host) are version \(found), newer than this "
                + "StretchGuard understands (\(supported)): update StretchGuard on this machine; nothing was changed on the server"
        case let .notPermitted(address, detail):
            "the role \(address.user) may not do this on \(address.host) (\(detail)): a device's role needs to be a member of "
                + "stretchguard_device, a clinic reader's of stretchguard_clinic (GRANT stretchguard_device TO \(address.user))"
        case let .deviceOfAnotherRole(address, device):
            "this device (\(device)) is registered on \(address.host) by another role than \(address.user): sync with the role "
                + "it was first synced with, or let an administrator move it (UPDATE devices SET owner = ...)"
        case let .busy(address, device):
            "another sync of this device (\(device)) to \(address.host) is running: wait for it to finish, then sync again"
        case let .noSession(address, selector):
            "no session \(selector) on \(address.host)/\(address.database) that \(address.user) may read: "
                + "`stretchguard sessions --server` lists them"
        case let .interrupted(address, detail):
            "the connection to \(address.host):\(address.port) failed mid-way (\(detail)): nothing was lost; run the same "
                + "command again to go on where it stopped"
        case let .local(error):
            error.description
        }
    }
}
