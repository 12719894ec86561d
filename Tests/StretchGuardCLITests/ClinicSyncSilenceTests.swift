import Foundation
@testable import StretchGuardSync
import StretchGuardTestSupport
import Testing

/// A server that stops answering (a pulled cable, a hung host) must end a sync with its sentence, never
/// leave it waiting: the connect and each statement have a deadline.
@Suite("Clinic sync when the server says nothing", .timeLimit(.minutes(2)))
struct ClinicSyncSilenceTests {
    @Test("a server that accepts the connection and never answers: `sync` ends after the connect timeout with the sentence")
    func silentAtConnect() throws {
        let silent = try LoopbackSocket(listening: true)  // listens, never answers
        let local = try ClinicSyncTests.localSessions(count: 1, duration: 10, rate: 50)
        defer { local.remove() }
        let result = try ReviewDatabase.run(["sync", "--to", "postgres://device@127.0.0.1:\(silent.port)/clinic", "--db", local.path],
                                            environment: ["PGPASSWORD": "pw", "PGPASSFILE": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot reach the PostgreSQL server at 127.0.0.1:\(silent.port) (no answer within 10 s)"),
                "\(result.stderr)")
    }

    @Test("a statement the server does not answer within the deadline: the sentence, and the connection dropped")
    func silentStatement() async throws {
        let server = try ClinicServer.make()
        let device = try server.login("device", memberOf: ServerSchema.deviceRole)
        var timeouts = ServerConnection.Timeouts()
        timeouts.statementSeconds = 0.5
        let expected = SyncError.interrupted(try ServerAddress(parsing: server.url(device)), detail: "no answer within 0.5 s")
        await #expect(throws: expected) {
            try await server.connect(as: device, timeouts: timeouts) { connection in
                try await connection.run("SELECT pg_sleep(30)")
            }
        }
        // The server itself is fine: a statement it answers goes through.
        let answered = try await server.connect(as: device) { connection in
            try await connection.rows("SELECT 1").count
        }
        #expect(answered == 1)
    }
}
