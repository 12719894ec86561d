import Foundation

/// A throw-away PostgreSQL server for tests and benchmarks: Debian's `postgresql` binaries, a cluster
/// created in a temporary folder, listening on a free loopback port with password (SCRAM) logins, run by
/// an unprivileged user (`nobody` when the tests run as root, since PostgreSQL refuses to run as root),
/// stopped and deleted by ``stop()``.
public final class PostgresCluster: Sendable {
    /// The cluster's superuser.
    public static let admin = "stretchguard_admin"
    /// Its folder (data, socket, log).
    public let folder: String
    /// Its TCP port on 127.0.0.1.
    public let port: Int
    /// The superuser's password (random).
    public let password: String
    private let binaries: String
    private let runAs: String?
    private let tlsOnly: Bool

    /// The sentence a test fails with when PostgreSQL is not installed.
    public static let missing = "PostgreSQL is not installed, so the clinic sync cannot be tested against a real server: "
        + "run scripts/install-deps --tests (it runs `apt-get install postgresql`; scripts/test and CI do this)"

    /// The folder of Debian's server binaries (`initdb`, `pg_ctl`, `postgres`), newest version first, or nil.
    public static func findBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/pg_ctl") }
    }

    /// Creates and starts a cluster.
    ///
    /// - Parameters:
    ///   - durable: keep PostgreSQL's fsync (benchmarks); tests turn it off for speed (a crash of the test
    ///     machine, not of PostgreSQL, could then lose their throw-away data).
    ///   - tlsOnly: serve TLS with a self-signed certificate (made with `openssl`) and refuse every
    ///     connection without it.
    public static func start(durable: Bool = false, tlsOnly: Bool = false) throws -> PostgresCluster {
        guard let binaries = findBinaries() else { throw ClusterError(description: missing) }
        let folder = NSTemporaryDirectory() + "stretchguard-pg-" + UUID().uuidString.prefix(8)
        let runAs = getuid() == 0 ? "nobody" : nil
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if let runAs { try run("/usr/bin/chown", [runAs, folder]) }
        let password = UUID().uuidString
        let passwordFile = folder + "/admin-password"
        _ = FileManager.default.createFile(atPath: passwordFile, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600])
        if let runAs { try run("/usr/bin/chown", [runAs, passwordFile]) }
        let cluster = PostgresCluster(folder: folder, port: try freePort(), password: password, binaries: binaries, runAs: runAs,
                                      tlsOnly: tlsOnly)
        try cluster.server("initdb", ["-D", folder + "/data", "-U", admin, "--pwfile=" + passwordFile, "-A", "scram-sha-256",
                                      "-E", "UTF8", "--locale=C", "--no-sync"])
        if tlsOnly {
            try cluster.server("/usr/bin/openssl", ["req", "-new", "-x509", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                                                    "-newkey", "rsa:2048", "-keyout", folder + "/data/server.key",
                                                    "-out", folder + "/data/server.crt"])
            try cluster.server("/bin/chmod", ["600", folder + "/data/server.key"])
            try "local all all scram-sha-256\nhostssl all all 127.0.0.1/32 scram-sha-256\n"
                .write(toFile: folder + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        }
        try cluster.server("pg_ctl", ["-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60",
                                      "-o", cluster.serverOptions(durable: durable), "start"])
        return cluster
    }

    private init(folder: String, port: Int, password: String, binaries: String, runAs: String?, tlsOnly: Bool) {
        self.tlsOnly = tlsOnly
        self.folder = folder
        self.port = port
        self.password = password
        self.binaries = binaries
        self.runAs = runAs
    }

    private func serverOptions(durable: Bool) -> String {
        "-p \(port) -h 127.0.0.1 -k \(folder)" + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            + (tlsOnly ? " -c ssl=on" : "")
    }

    /// `postgres://USER@127.0.0.1:PORT/DATABASE`.
    public func url(user: String = admin, database: String = "postgres") -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)"
    }

    /// Runs `sql` with psql as the superuser in `database`; its output (unaligned, tuples only).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try Self.run(binaries + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
                                          "-U", Self.admin, "-d", database, "-c", sql],
                     environment: ["PGPASSWORD": password])
    }

    /// Creates a database.
    public func createDatabase(_ name: String) throws {
        try psql("CREATE DATABASE \(name)")
    }

    /// Creates a login role with `password`, member of `group` (e.g. `stretchguard_device`).
    public func createLogin(_ name: String, password: String, memberOf group: String) throws {
        try psql("CREATE ROLE \(name) LOGIN PASSWORD '\(password)' IN ROLE \(group)")
    }

    /// Stops the server at once (as a power cut would: no checkpoint) and starts it again.
    public func restart(durable: Bool = false) throws {
        try server("pg_ctl", ["-D", folder + "/data", "-m", "immediate", "-w", "stop"])
        try server("pg_ctl", ["-D", folder + "/data", "-l", folder + "/log", "-w", "-t", "60", "-o", serverOptions(durable: durable), "start"])
    }

    /// Stops the server and deletes the cluster.
    public func stop() {
        _ = try? server("pg_ctl", ["-D", folder + "/data", "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs a server binary as the cluster's user.
    @discardableResult
    private func server(_ tool: String, _ arguments: [String]) throws -> String {
        let executable = tool.hasPrefix("/") ? tool : binaries + "/" + tool
        if let runAs { return try Self.run("/usr/sbin/runuser", ["-u", runAs, "--", executable] + arguments, directory: folder) }
        return try Self.run(executable, arguments, directory: folder)
    }

    /// Runs `executable` with `arguments` (in `directory`, with `environment` added) and waits for it; its
    /// output. Spawned and reaped directly (posix_spawn, waitpid); the output goes to a file, not a pipe:
    /// `pg_ctl start` leaves the server running, and a server that inherited a pipe would hold it open.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                            directory: String? = nil) throws -> String {
        let outputPath = NSTemporaryDirectory() + "stretchguard-pg-output-" + UUID().uuidString
        defer { unlink(outputPath) }
        let script = (directory.map { "cd '\($0)' && " } ?? "") + "exec \"$@\" >'\(outputPath)' 2>&1 </dev/null"
        let argv = ["/bin/sh", "-c", script, "sh", executable] + arguments
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointer in
            withCStrings(env) { envPointer in posix_spawn(&pid, "/bin/sh", nil, nil, argvPointer, envPointer) }
        }
        guard status == 0 else { throw ClusterError(description: "cannot start \(executable): error \(status)") }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard exit == 0 else {
            throw ClusterError(description: "\((executable as NSString).lastPathComponent) \(arguments.first ?? "") failed: \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `strings` as a NULL-terminated array of C strings, for the duration of `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }

    /// A TCP port nobody listens on now.
    private static func freePort() throws -> Int {
        try LoopbackSocket(listening: false).port
    }
}

/// Why a test cluster could not be used.
public struct ClusterError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}
