import Foundation
import StretchGuardStore
import Testing

/// Health data stays private and no output replaces what a command reads: files are created 0600 in 0700
/// folders whatever the caller's umask; an output path that is the database (or its `-wal`), the input,
/// or another output of the same command is refused with the fix, and the original is left intact.
@Suite(.serialized) struct PrivateOutputTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// A folder with one short recorded session in `sessions.sqlite`, made with a permissive umask.
    private func recordedSession() throws -> (folder: String, db: String) {
        let folder = NSTemporaryDirectory() + "private-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/data/stretchguard/sessions.sqlite"
        let old = umask(0o022)
        defer { umask(old) }
        let run = try CommandRunner.run(["run", "--sensor", "sim", "--duration", "2", "--quiet", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        return (folder, db)
    }

    @Test func databaseReportAndFoldersAreOnlyTheWearers() throws {
        let (folder, db) = try recordedSession()
        #expect(try mode(db) == 0o600)
        #expect(try mode(folder + "/data/stretchguard") == 0o700)
        #expect(try mode(folder + "/data") == 0o700)
        let html = folder + "/report.html"
        let review = try CommandRunner.run(["review", "latest", "--db", db, "--html", html])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(try mode(html) == 0o600)
    }

    @Test func anOutputOntoTheDatabaseIsRefusedAndTheDatabaseKept() throws {
        let (_, db) = try recordedSession()
        for target in [db, db + "-wal"] {
            let review = try CommandRunner.run(["review", "latest", "--db", db, "--html", target])
            #expect(review.status != 0)
            #expect(review.stderr.contains("is the session database"), "\(review.stderr)")
        }
        let replay = try CommandRunner.run(["replay", "--session", "1", "--db", db, "--output", db])
        #expect(replay.status != 0)
        #expect(replay.stderr.contains("choose another file name"), "\(replay.stderr)")
        let store = try SessionStore(path: db)
        defer { try? store.close() }
        try store.checkIntegrity()
        #expect(try store.sessions().count == 1)
    }

    @Test func anOutputOntoTheInputIsRefusedAndTheInputKept() throws {
        let folder = NSTemporaryDirectory() + "private-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let trace = folder + "/trace.csv"
        let simulate = try CommandRunner.run(["simulate", "twist-standing", "--output", trace])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: trace))
        // The same file under another spelling is still the input.
        let replay = try CommandRunner.run(["replay", trace, "--output", folder + "/./trace.csv"])
        #expect(replay.status != 0)
        #expect(replay.stderr.contains("is the input"), "\(replay.stderr)")
        let events = try CommandRunner.run(["replay", trace, "--output", folder + "/rows.csv", "--events", folder + "/rows.csv"])
        #expect(events.status != 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: trace)) == before)
    }
}
