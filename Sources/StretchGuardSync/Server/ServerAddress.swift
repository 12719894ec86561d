import Foundation

/// A clinic's PostgreSQL server as a URL names it: `postgres://USER@HOST[:PORT]/DATABASE[?sslmode=MODE]`
/// (`postgresql://` too, as libpq takes it).
///
/// The password never comes from the URL (it would sit in the shell's history and the process list): it
/// comes from `PGPASSWORD` or `~/.pgpass` (``ServerPassword``). `sslmode` is libpq's: `disable`, `prefer`
/// (the default: TLS when the server offers it), `require` (TLS or nothing; the certificate is not
/// checked), `verify-full` (TLS with the certificate checked against the system's authorities and the host
/// name).
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
    /// How the connection is encrypted.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public var user: String
    public var host: String
    /// The TCP port (5432 unless the URL says).
    public var port: Int
    public var database: String
    public var tls: TLSMode

    /// Parses `text`.
    ///
    /// - Throws: ``SyncError/badURL(_:reason:)`` naming what is wrong, with the form expected.
    public init(parsing text: String) throws(SyncError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw .badURL(text, reason: "it does not start with postgres://")
        }
        guard components.password == nil else {
            throw .badURL(text, reason: "it carries a password, which would be visible to anyone who can list processes; "
                          + "remove it and set PGPASSWORD or add the password to ~/.pgpass")
        }
        guard let user = components.user, !user.isEmpty else { throw .badURL(text, reason: "it names no user (USER@HOST)") }
        guard let host = components.host, !host.isEmpty else { throw .badURL(text, reason: "it names no host") }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else {
            throw .badURL(text, reason: "it names no database (…/DATABASE at the end)")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw .badURL(text, reason: "port \(port) is not between 1 and 65535")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw .badURL(text, reason: "it has the option \(item.name), and only sslmode is understood")
            }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw .badURL(text, reason: "sslmode=\(item.value ?? "") is not one of "
                              + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            tls = mode
        }
        self.user = user.removingPercentEncoding ?? user
        self.host = host
        port = components.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// `postgres://USER@HOST:PORT/DATABASE` (never a password), with the sslmode when not the default.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }
}
