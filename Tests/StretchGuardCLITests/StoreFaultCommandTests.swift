import Foundation
import GRDB
import Testing

/// Issue 13 at the command line: a bad row, a damaged block and a damaged file.
@Suite struct StoreFaultCommandTests {
    static let dates = [0.0, 1, 2].map { ReviewDatabase.startDate.addingTimeInterval($0 * 86_400) }

    /// Writes straight into the database, as a damaged or hand-edited file would hold it.
    static func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test("a session whose rate_hz is 0 is listed as unreadable; the others list and review, and review of it is one sentence")
    func unreadableRow() throws {
        let database = try ReviewDatabase(sessionsStartingAt: Self.dates, duration: 40)
        defer { database.remove() }
        try Self.execute(database.path, "UPDATE sessions SET rate_hz = 0 WHERE id = 2")
        let listing = try database.run(["sessions"])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains(" 1  2025-06-16 09:30"))
        #expect(listing.stdout.contains(" 3  2025-06-18 09:30"))
        #expect(listing.stdout.contains("session 2 cannot be read: its rate_hz is 0 (a rate between 1 and 10,000 Hz is expected); the other sessions are unaffected"))
        let json = try database.run(["sessions", "--json"])
        #expect(json.status == 0)
        #expect(json.stderr.contains("session 2 cannot be read"))
        let good = try database.run(["review", "3"])
        #expect(good.status == 0, "\(good.stderr)")
        let csv = database.folder + "/bad.csv"
        let bad = try database.run(["review", "2", "--csv", csv])
        #expect(bad.status == 1)
        #expect(bad.stderr == "stretchguard: error: session 2 cannot be read: its rate_hz is 0 (a rate between 1 and 10,000 Hz is expected); the other sessions are unaffected; `stretchguard sessions` lists what reads\n")
        #expect(!FileManager.default.fileExists(atPath: csv))
    }

    @Test("a damaged sample block is a gap in the review, not a reason to move the database aside")
    func damagedBlock() throws {
        let database = try ReviewDatabase(sessionsStartingAt: [ReviewDatabase.startDate], duration: 60)
        defer { database.remove() }
        try Self.execute(database.path, "UPDATE sample_blocks SET data = x'01FFFF' WHERE id = (SELECT max(id) FROM sample_blocks)")
        let review = try database.run(["review", "1", "--json"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("damaged sample block"))
        #expect(!review.stderr.contains("move it aside"))
    }

    @Test("sessions --repair keeps the readable sessions and the damaged file aside")
    func repair() throws {
        let database = try ReviewDatabase(sessionsStartingAt: Self.dates, duration: 40)
        defer { database.remove() }
        try Self.execute(database.path, "UPDATE sessions SET gyr_scale = 0 WHERE id = 1")
        let result = try database.run(["sessions", "--repair"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("repaired \(database.path): kept 2 sessions (2, 3)"))
        #expect(result.stdout.contains("lost session 1: its gyr_scale is 0"))
        #expect(result.stdout.contains("the damaged file is kept as \(database.path).damaged-"))
        let listing = try database.run(["sessions"])
        #expect(listing.stdout.contains(" 2  2025-06-17 09:30"))
        #expect(!listing.stdout.contains("cannot be read"))
    }

    @Test("a damaged page outside the listing's rows: sessions still lists, and warns with the way out")
    func damagedPageIsWarnedAbout() throws {
        let database = try ReviewDatabase(sessionsStartingAt: Self.dates, duration: 60)
        defer { database.remove() }
        let clean = try database.run(["sessions"])
        #expect(clean.status == 0 && !clean.stderr.contains("damaged"), "\(clean.stderr)")
        // Overwrite the last page (sample blocks) with noise.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: database.path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size - 4096)
        try handle.write(contentsOf: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()
        let listing = try database.run(["sessions"])
        #expect(listing.stdout.contains(" 3  "), "\(listing.stdout)")
        #expect(listing.stderr.contains("is damaged") && listing.stderr.contains("sessions --repair"), "\(listing.stderr)")
    }
}
