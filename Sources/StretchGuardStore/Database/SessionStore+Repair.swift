import Foundation
import GRDB

/// What `stretchguard sessions --repair` kept and lost.
public struct RepairReport: Sendable, Equatable, CustomStringConvertible {
    /// One session copied into the fresh database, with what of it could not be read.
    public struct Kept: Sendable, Equatable {
        /// The session's id (unchanged).
        public var id: Int64
        /// Samples stored in the fresh database.
        public var samples: Int
        /// Sample blocks that could not be read (each stored as a gap in the copy).
        public var damagedBlocks: Int
        /// Rows of events, markers or gaps that could not be read, or a table that failed part-way.
        public var otherLosses: [String]
    }

    /// The repaired database (the path it was asked for).
    public var path: String
    /// Where the damaged file now is.
    public var damagedCopy: String
    /// The sessions copied, by id.
    public var kept: [Kept]
    /// The sessions left behind (they stay in the damaged copy), by id, with the reason.
    public var lost: [UnreadableSession]
    /// A problem that kept the session list itself from reading to its end (nil when it read).
    public var listProblem: String?

    /// Several lines: what was kept, what was lost, where the damaged file is.
    public var description: String {
        var lines = ["repaired \(path): kept \(kept.count) session\(kept.count == 1 ? "" : "s")"
                     + (kept.isEmpty ? "" : " (" + kept.map { String($0.id) }.joined(separator: ", ") + ")")]
        for session in kept where session.damagedBlocks > 0 || !session.otherLosses.isEmpty {
            var parts: [String] = []
            if session.damagedBlocks > 0 {
                parts.append("\(session.damagedBlocks) damaged sample block\(session.damagedBlocks == 1 ? "" : "s") "
                             + "left out, marked as gaps")
            }
            parts += session.otherLosses
            lines.append("  session \(session.id): " + parts.joined(separator: "; "))
        }
        for session in lost {
            lines.append("  lost session \(session.id): \(session.problem)")
        }
        if let listProblem { lines.append("  the list of sessions stopped reading part-way (\(listProblem))") }
        lines.append("the damaged file is kept as \(damagedCopy); remove it once the repaired sessions look right")
        return lines.joined(separator: "\n")
    }
}

extension SessionStore {
    /// Copies every session that still reads from a damaged database into a fresh file, keeps the damaged
    /// file aside under a dated name (`<path>.damaged-YYYYMMDD-HHMMSS`, with its `-wal`), and puts the fresh
    /// file in its place. Session ids stay; an unreadable sample block becomes a gap in the copy; a session
    /// whose row does not decode is left in the damaged copy and reported.
    ///
    /// - Parameters:
    ///   - path: the damaged database.
    ///   - now: the time for the damaged copy's name.
    /// - Throws: ``StoreError/recordingInProgress(path:)`` while a session records; the fresh file's errors.
    public static func repair(path: String, now: Date = Date()) throws(StoreError) -> RepairReport {
        guard let lock = RecordingLock(databasePath: path) else { throw .readOnly(path: path) }
        guard lock.tryLockExclusive() else { throw .recordingInProgress(path: path) }
        defer { lock.unlock() }
        let freshPath = path + ".repairing"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: freshPath + suffix) }
        var configuration = Configuration()
        configuration.readonly = true
        let damaged: DatabaseQueue
        do {
            damaged = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw storeError(error, path: path)
        }
        let fresh = try SessionStore(path: freshPath, recoverAbandonedSessions: false)
        var report = RepairReport(path: path, damagedCopy: "", kept: [], lost: [])
        var ids: [Int64] = []
        do {
            try damaged.read { db in
                let cursor = try DatabaseValue.fetchCursor(db, sql: "SELECT id FROM sessions ORDER BY id")
                while let id = try cursor.next() { if let id = id.wholeNumber { ids.append(id) } }
            }
        } catch {
            report.listProblem = "\(storeError(error, path: path))"
        }
        for id in ids {
            do {
                let copied = try copySession(id, from: damaged, to: fresh)
                switch copied {
                case let .success(kept): report.kept.append(kept)
                case let .failure(unreadable): report.lost.append(unreadable)
                }
            } catch {
                report.lost.append(UnreadableSession(id: id, problem: "its row cannot be read (\(storeError(error, path: path)))"))
            }
        }
        try? damaged.close()
        try fresh.close()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        report.damagedCopy = path + ".damaged-" + formatter.string(from: now)
        do {
            let files = FileManager.default
            try files.moveItem(atPath: path, toPath: report.damagedCopy)
            if files.fileExists(atPath: path + "-wal") { try files.moveItem(atPath: path + "-wal", toPath: report.damagedCopy + "-wal") }
            try? files.removeItem(atPath: path + "-shm")
            try files.moveItem(atPath: freshPath, toPath: path)
        } catch {
            throw .database(path: path, message: "could not swap in the repaired file (\((error as NSError).localizedDescription))")
        }
        return report
    }

    /// Copies one session's row, blocks, events, markers and gaps; an unreadable row is the failure.
    private static func copySession(_ id: Int64, from damaged: DatabaseQueue,
                                     to fresh: SessionStore) throws -> Result<RepairReport.Kept, UnreadableSession> {
        guard let row = try damaged.read({ db in try Row.fetchOne(db, sql: try sessionQuery(db) + " WHERE id = ?", arguments: [id]) }) else {
            return .failure(UnreadableSession(id: id, problem: "its row cannot be found"))
        }
        let session: StoredSession
        switch storedSession(row) {
        case let .success(read): session = read
        case let .failure(unreadable): return .failure(unreadable)
        }
        var kept = RepairReport.Kept(id: id, samples: 0, damagedBlocks: 0, otherLosses: [])
        let info = session.info
        _ = try fresh.write { db in try insertSession(info, id: id, in: db) }
        // Blocks, one by one: a damaged one becomes a gap; a table that fails part-way loses the rest.
        var gaps: [SessionGap] = []
        var previousEnd = info.startTime
        do {
            try damaged.read { db in
                let cursor = try Row.fetchCursor(db, sql: blockQuery, arguments: [id])
                while let row = try cursor.next() {
                    let blockID = StoredRow(row: row).value("id").wholeNumber ?? 0
                    if case let .success(block) = sampleBlock(row), (try? block.forEachSample { _ in }) != nil {
                        try fresh.append(SessionBatch(blocks: [block]), to: id)
                        kept.samples += block.count
                        previousEnd = SampleCodec.seconds(block.end)
                    } else {
                        kept.damagedBlocks += 1
                        gaps.append(SessionGap(start: previousEnd, end: previousEnd, samples: 0,
                                               reason: .other("damaged sample block \(blockID), left out by --repair")))
                    }
                }
            }
        } catch {
            kept.otherLosses.append("its samples after \(String(format: "%.1f", previousEnd - info.startTime)) s could not be read")
            gaps.append(SessionGap(start: previousEnd, end: previousEnd, samples: 0,
                                   reason: .other("samples unreadable from here on, left out by --repair")))
        }
        var batch = SessionBatch(gaps: gaps)
        do { batch.events = try damaged.read { db in try fetchEvents(of: id, in: db) } } catch {
            kept.otherLosses.append("its form events could not be read")
        }
        do { batch.markers = try damaged.read { db in try fetchMarkers(of: id, in: db) } } catch {
            kept.otherLosses.append("its markers could not be read")
        }
        do { batch.gaps += try damaged.read { db in try fetchGaps(of: id, in: db) } } catch {
            kept.otherLosses.append("its stored gaps could not be read")
        }
        try fresh.append(batch, to: id)
        try fresh.write { db in
            let status: SessionStatus = session.status == .complete ? .complete : .incomplete
            try fresh.close(id, status: status, summary: session.summary ?? SessionSummary(events: batch.events), in: db)
        }
        return .success(kept)
    }
}
