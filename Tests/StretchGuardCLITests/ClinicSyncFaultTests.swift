import Foundation
import StretchGuardStore
import StretchGuardSync
import StretchGuardTestSupport
import Testing

/// A sync cut off anywhere: the process killed (SIGKILL) at random moments, the server restarted under it,
/// then run again: the server ends with exactly the device's rows, once each. And `run --sync-to`.
@Suite("Clinic sync when things go wrong")
struct ClinicSyncFaultTests {
    /// Starts `stretchguard sync` and kills it after `delay` s; whether it was still running then, and what
    /// it said if not.
    static func syncKilled(after delay: Double, server: ClinicServer, device: String, database: String) throws -> (running: Bool, said: String) {
        let process = Process()
        process.executableURL = CommandRunner.binary
        // Two rows per statement: hundreds of statements, so that the kill lands between and inside them.
        process.arguments = ["sync", "--to", server.url(device), "--db", database, "--batch-rows", "2"]
        process.environment = ProcessInfo.processInfo.environment.merging(server.password(device)) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let running = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (running, said)
    }

    @Test("killed with SIGKILL at random moments, then run again: every row once, byte for byte the device's")
    func killedAndResumed() async throws {
        let server = try ClinicServer.make()
        let local = try ClinicSyncTests.localSessions(count: 4, duration: 240, rate: 200)
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        var generator = SystemRandomNumberGenerator()
        // Each attempt is killed at a random moment of its first 0.6 s, until one gets to the end by itself.
        var cutMidway = 0, partSent = 0, finished: [String] = []
        for _ in 0..<12 {
            let attempt = try Self.syncKilled(after: Double.random(in: 0.05...0.6, using: &generator), server: server, device: device,
                                              database: local.path)
            guard attempt.running else {
                finished.append(attempt.said)
                break
            }
            cutMidway += 1
            partSent = max(partSent, Int(try server.sql("SELECT count(*) FILTER (WHERE NOT uploaded) FROM sessions")) ?? 0)
        }
        #expect(cutMidway >= 2, "only \(cutMidway) kills landed while the sync was running; then it said \(finished)")
        let resumed = try server.run(["sync", "--to", server.url(device), "--db", local.path, "--json"], as: device)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try await ClinicSyncTests.expectSameAsLocal(local, on: server, device: device)
        let again = try server.run(["sync", "--to", server.url(device), "--db", local.path, "--json"], as: device)
        #expect(again.stdout.contains("\"rows_sent\" : 0"), "\(again.stdout)")
        print("sync killed \(cutMidway) times mid-way, leaving up to \(partSent) session(s) part-sent; the next sync completed them")
    }

    @Test("the server restarted in the middle of a sync: a clear line, nothing lost; the next sync completes it")
    func serverRestartedMidway() async throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.stop() }
        let server = try ClinicServer.make(on: cluster)
        let local = try ClinicSyncTests.localSessions(count: 4, duration: 240, rate: 200)
        defer { local.remove() }
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        var interrupted = false
        var attempts: [String] = []
        // The restart lands once the sync is seen under way (its first sample blocks on the server), then
        // after a further delay: a loaded machine may take longer to start the process than any fixed delay.
        // An attempt whose sync had ended before the restart (a slow poll) is tried again.
        for delay in [0.0, 0.1, 0.3, 0.05, 0.0, 0.0] where !interrupted {
            try server.sql("DELETE FROM sessions")
            let process = Process()
            process.executableURL = CommandRunner.binary
            // One row per statement: thousands of statements, so the sync outlasts a loaded machine's slow polls.
            process.arguments = ["sync", "--to", server.url(device), "--db", local.path, "--batch-rows", "1"]
            process.environment = ProcessInfo.processInfo.environment.merging(server.password(device)) { $1 }
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let started = ContinuousClock.now
            while process.isRunning, try server.sql("SELECT count(*) FROM sample_blocks") == "0" {
                try await Task.sleep(for: .milliseconds(10))
            }
            let seen = ContinuousClock.now - started
            try await Task.sleep(for: .seconds(delay))
            let runningAtRestart = process.isRunning
            try cluster.restart()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            attempts.append("first rows after \(seen), running at the restart: \(runningAtRestart), "
                            + "restart done after \(ContinuousClock.now - started), status \(process.terminationStatus): \(message.prefix(120))")
            if process.terminationStatus != 0 {
                interrupted = true
                #expect(message.split(separator: "\n").count == 1, "\(message)")
                #expect(message.contains("failed mid-way") || message.contains("closed the connection") || message.contains("cannot reach"),
                        "\(message)")
                #expect(message.contains("run the same command again") || message.contains("sync again"), "\(message)")
            }
        }
        #expect(interrupted, "the restart never landed during a sync: \(attempts)")
        let resumed = try server.run(["sync", "--to", server.url(device), "--db", local.path], as: device)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        try await ClinicSyncTests.expectSameAsLocal(local, on: server, device: device)
    }

    @Test("run --wearer --sync-to: the closed session reaches the server under the wearer's name; no server: a warning, the session kept")
    func runThenSync() throws {
        let server = try ClinicServer.make()
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        let home = AwaitServerFolder()
        defer { home.remove() }
        let database = home.path + "/sessions.sqlite"
        var environment = server.password(device)
        environment["XDG_DATA_HOME"] = home.path + "/data"
        environment["XDG_CONFIG_HOME"] = home.path + "/config"
        let run = try ReviewDatabase.run(["run", "--sensor", "sim", "--duration", "3", "--db", database, "--wearer", "Anna B",
                                          "--sync-to", server.url(device), "--quiet"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("sync: 1 session sent"), "\(run.stdout)")
        #expect(try server.sql("SELECT wearer, status, uploaded FROM sessions") == "Anna B|complete|t")

        // The name stays with the device: the next session has it without --wearer.
        let offline = try ReviewDatabase.run(["run", "--sensor", "sim", "--duration", "3", "--db", database, "--quiet",
                                              "--sync-to", "postgres://\(device)@127.0.0.1:1/\(server.database)"], environment: environment)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stderr.contains("warning: the session was not sent to the server: cannot reach"), "\(offline.stderr)")
        let store = try SessionStore(path: database)
        let sessions = try store.sessions()
        #expect(sessions.count == 2 && sessions.allSatisfy { $0.isComplete && $0.info.wearer == "Anna B" })
        let bad = try ReviewDatabase.run(["run", "--sensor", "sim", "--duration", "3", "--db", database, "--sync-to", "mysql://x"],
                                         environment: environment)
        let kept = try store.sessions().count
        #expect(bad.status == 1 && bad.stderr.contains("--sync-to: the server URL") && kept == 2, "\(bad.stderr)")
    }
}
