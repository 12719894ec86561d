import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// One connection to a clinic's server, opened from a ``ServerAddress`` and the password conventions, with
/// every failure turned into a ``SyncError`` sentence. One connection is all a sync or a listing needs (a
/// pool would retry a refused connection instead of saying why).
public struct ServerConnection: Sendable {
    public let address: ServerAddress
    let connection: PostgresConnection
    let logger: Logger
    let timeouts: Timeouts

    /// How long the server may take to answer before the connection is taken as gone.
    public struct Timeouts: Sendable {
        /// Connecting: TCP and the start-up handshake, in seconds.
        public var connectSeconds = 10.0
        /// The longest silence while a statement runs, in seconds: until its answer, or between the rows of a
        /// long answer. A sync's largest statement is a batch of about 0.5 MB: well under a second on a
        /// clinic's network, a few seconds on a weak Wi-Fi. Past this the network is taken as gone (a pulled
        /// cable leaves TCP waiting for many minutes).
        public var statementSeconds = 60.0

        public init() {}
    }

    /// Opens a connection to `address`, runs `body` with it, and closes it.
    ///
    /// - Parameters:
    ///   - environment: where `PGPASSWORD` and `PGPASSFILE` are read.
    ///   - warn: told when the password file was skipped (others may read it).
    ///   - timeouts: how long the server may take to answer.
    public static func with<T: Sendable>(_ address: ServerAddress, environment: [String: String] = ProcessInfo.processInfo.environment,
                                         warn: (String) -> Void = { _ in }, timeouts: Timeouts = Timeouts(),
                                         _ body: @escaping @Sendable (ServerConnection) async throws -> T) async throws(SyncError) -> T {
        let (password, warning) = ServerPassword.lookUp(for: address, environment: environment)
        if let warning { warn(warning) }
        var logger = Logger(label: "stretchguard.sync")
        logger.logLevel = .critical  // failures reach the user as SyncError sentences, never as the driver's log lines
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch address.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.certificateVerification = .none  // libpq's require: encrypted, certificate not checked
                let context = try NIOSSLContext(configuration: configuration)
                tls = address.tls == .require ? .require(context) : .prefer(context)
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw .tls(address, detail: "this machine's TLS set-up could not be loaded")
        }
        var configuration = PostgresConnection.Configuration(host: address.host, port: address.port, username: address.user,
                                                             password: password, database: address.database, tls: tls)
        configuration.options.connectTimeout = .milliseconds(Int64(timeouts.connectSeconds * 1000))
        let connection: PostgresConnection
        do {
            // The driver's own timeout covers the handshake too; this bound is for a handshake whose answer is lost.
            let (configuration, loggerCopy) = (configuration, logger)
            let bound = timeouts.connectSeconds + 5
            connection = try await GiveUp.unlessSilent(for: bound, .unreachable(address, detail: "no answer within \(Int(bound)) s")) { _ in
                try await PostgresConnection.connect(configuration: configuration, id: 1, logger: loggerCopy)
            }
        } catch {
            throw Self.failure(error, address: address, connecting: true, timeouts: timeouts)
        }
        let server = ServerConnection(address: address, connection: connection, logger: logger, timeouts: timeouts)
        // Whatever the body awaits from the driver, a closed connection ends it with the reason.
        let closed: @Sendable () async -> SyncError? = {
            try? await connection.closeFuture.get()
            return .interrupted(address, detail: "the server closed the connection")
        }
        do {
            let result = try await GiveUp.when(closed) { try await body(server) }
            try? await connection.close()
            return result
        } catch let error as SyncError {
            try? await connection.close()
            throw error
        } catch {
            try? await connection.close()
            throw Self.failure(error, address: address, connecting: false, timeouts: timeouts)
        }
    }

    /// Runs `query`, a statement whose rows are not wanted, turning a failure into a ``SyncError``.
    func run(_ query: PostgresQuery) async throws(SyncError) {
        _ = try await answered { connection, logger, _ in try await connection.query(query, logger: logger) }
    }

    /// Runs `query` and collects its rows.
    func rows(_ query: PostgresQuery) async throws(SyncError) -> [PostgresRow] {
        try await answered { connection, logger, watch in
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: logger) {
                rows.append(row)
                watch.touch()
            }
            return rows
        }
    }

    /// What `work` gets from the server, as long as the server never keeps silent for longer than
    /// ``Timeouts/statementSeconds`` (each row `work` receives counts as an answer: a long copy arriving
    /// steadily is not cut); past it the connection is closed and the error says there was no answer.
    /// Any failure becomes a ``SyncError``.
    private func answered<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection, Logger, GiveUp.AnswerWatch) async throws -> T)
        async throws(SyncError) -> T {
        let (connection, logger, seconds) = (connection, logger, timeouts.statementSeconds)
        let silent = SyncError.interrupted(address, detail: "no answer within " + String(format: "%g", seconds) + " s")
        do {
            return try await GiveUp.unlessSilent(for: seconds, silent) { watch in try await work(connection, logger, watch) }
        } catch {
            if error is SyncError { let _: EventLoopFuture<Void> = connection.close() }  // the server kept silent: the socket goes too
            throw Self.failure(error, address: address, connecting: false, timeouts: timeouts)
        }
    }

    /// Runs `statements` one after the other in one transaction (all or none).
    func transaction(_ statements: [String]) async throws(SyncError) {
        try await run("BEGIN")
        do {
            for statement in statements { try await run(PostgresQuery(unsafeSQL: statement)) }
            try await run("COMMIT")
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }

    /// The sentence for a driver's error.
    static func failure(_ error: any Error, address: ServerAddress, connecting: Bool, timeouts: Timeouts) -> SyncError {
        if let error = error as? SyncError { return error }
        guard let psql = error as? PSQLError else {
            // A socket error: said in a few words, never as the library's type.
            let detail = plain(String(describing: error), timeouts)
            return connecting ? .unreachable(address, detail: detail) : .interrupted(address, detail: detail)
        }
        if let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? "error \(state)"
            switch state {
            case "28P01", "28000": return .refusedLogin(address, detail: message)
            case "3D000": return .noDatabase(address)
            case "42501": return .notPermitted(address, detail: message)
            case "57P01", "57P02", "57P03", "08006", "08003", "08000": return .interrupted(address, detail: message)
            default: return connecting ? .refusedLogin(address, detail: message) : .interrupted(address, detail: message)
            }
        }
        switch psql.code {
        case .authMechanismRequiresPassword: return .noPassword(address)
        case .sslUnsupported, .failedToAddSSLHandler: return .tls(address, detail: "the server does not offer TLS")
        case .connectionError:
            let underlying = psql.underlying.map { "\($0)" } ?? "no answer"
            return connecting ? .unreachable(address, detail: plain(underlying, timeouts)) : .interrupted(address, detail: plain(underlying, timeouts))
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return connecting ? .unreachable(address, detail: "the server closed the connection")
                : .interrupted(address, detail: "the server closed the connection")
        case .unsupportedAuthMechanism, .saslError:
            return .refusedLogin(address, detail: "the server asks for a login method StretchGuard does not speak: use scram-sha-256 or md5 in pg_hba.conf")
        default:
            let detail = "the server's answer could not be understood"
            return connecting ? .unreachable(address, detail: detail) : .interrupted(address, detail: detail)
        }
    }

    /// A socket error in a few words: "connection refused", "timed out", "host not found".
    private static func plain(_ detail: String, _ timeouts: Timeouts) -> String {
        let lower = detail.lowercased()
        if lower.contains("refused") { return "connection refused" }
        if lower.contains("timeout") || lower.contains("timed out") { return "no answer within " + String(format: "%g", timeouts.connectSeconds) + " s" }
        if lower.contains("resolve") || lower.contains("nodename") || lower.contains("name or service") || lower.contains("unknown host") {
            return "the host name does not resolve"
        }
        if lower.contains("unreachable") { return "network unreachable" }
        return "the connection failed"
    }
}
