import Foundation
import StretchGuardStore
import StretchGuardSync
import StretchGuardTestSupport
import Synchronization

/// A clinic's server for the sync tests: a database of its own (StretchGuard's tables set up by
/// `server init` as the administrator) on a PostgreSQL cluster shared by the tests, started once and
/// stopped when the test process exits; login roles made on demand.
struct ClinicServer {
    let cluster: PostgresCluster
    let database: String

    /// The cluster the tests share (the restart test starts one of its own).
    static let shared: Result<PostgresCluster, ClusterError> = {
        do {
            let cluster = try PostgresCluster.start()
            atexit { if case .success(let cluster) = ClinicServer.shared { cluster.stop() } }
            return .success(cluster)
        } catch let error as ClusterError {
            return .failure(error)
        } catch {
            return .failure(ClusterError(description: "\(error)"))
        }
    }()

    private static let counter = Atomic<Int>(0)

    /// A fresh database on `cluster` (the shared one by default), set up with `stretchguard server init`.
    static func make(on cluster: PostgresCluster? = nil) throws -> ClinicServer {
        let cluster = try cluster ?? shared.get()
        let name = "clinic_\(getpid())_\(counter.add(1, ordering: .relaxed).newValue)"
        try cluster.createDatabase(name)
        let server = ClinicServer(cluster: cluster, database: name)
        let setup = try ReviewDatabase.run(["server", "init", "--url", server.url(PostgresCluster.admin)],
                                           environment: server.password(PostgresCluster.admin))
        guard setup.status == 0 else { throw ClusterError(description: "server init failed: \(setup.stderr)") }
        return server
    }

    /// The URL of this database for `user`.
    func url(_ user: String) -> String { cluster.url(user: user, database: database) }

    /// `PGPASSWORD` for `user` (login roles made here have their name reversed as password; the admin its own).
    func password(_ user: String) -> [String: String] {
        ["PGPASSWORD": user == PostgresCluster.admin ? cluster.password : String(user.reversed()), "PGPASSFILE": "/nonexistent"]
    }

    /// A new login role, member of `group` (`stretchguard_device` or `stretchguard_clinic`); its name.
    func login(_ prefix: String, memberOf group: String) throws -> String {
        let name = "\(prefix)_\(getpid())_\(Self.counter.add(1, ordering: .relaxed).newValue)"
        try cluster.createLogin(name, password: String(name.reversed()), memberOf: group)
        return name
    }

    /// Runs `stretchguard` with `user`'s password.
    func run(_ arguments: [String], as user: String) throws -> CommandRunner.Result {
        try ReviewDatabase.run(arguments, environment: password(user))
    }

    /// psql as the administrator in this database.
    @discardableResult
    func sql(_ statement: String) throws -> String {
        try cluster.psql(statement, database: database)
    }

    /// The deadlines of the tests' own connections: generous, because the test process shares its event
    /// loops and threads with a hundred tests on two cores and may stall for many seconds, which is not the
    /// server keeping silent. The deadlines themselves are tested with the command's own (ClinicSyncSilenceTests).
    static let patience = {
        var timeouts = ServerConnection.Timeouts()
        timeouts.connectSeconds = 120
        timeouts.statementSeconds = 300
        return timeouts
    }()

    /// Opens this database as `user` for the library's calls.
    func connect<T: Sendable>(as user: String, timeouts: ServerConnection.Timeouts = ClinicServer.patience,
                              _ body: @escaping @Sendable (ServerConnection) async throws -> T) async throws -> T {
        try await ServerConnection.with(try ServerAddress(parsing: url(user)), environment: password(user), timeouts: timeouts, body)
    }
}
