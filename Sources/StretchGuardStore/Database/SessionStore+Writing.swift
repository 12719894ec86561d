import Foundation
import GRDB
import StretchGuardCore

extension SessionStore {
    /// Starts a session: inserts its row (status ``SessionStatus/recording``) and returns its id.
    ///
    /// A session is live while a ``SessionRecorder`` holds the recording lock; one begun without a recorder
    /// is closed as ``SessionStatus/incomplete`` by the next open unless it is finished first.
    public func beginSession(_ info: SessionInfo) throws(StoreError) -> Int64 {
        try write { db in try Self.insertSession(info, id: nil, in: db) }
    }

    /// Inserts a session's row (status ``SessionStatus/recording``) into an open transaction, with `id` or
    /// the next one, and returns its id.
    static func insertSession(_ info: SessionInfo, id: Int64?, in db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO sessions (id, started_at, start_time_s, device, chip, rate_hz, profile, calibration,
                                  software_version, gyr_scale, acc_scale, sensors, pelvis_device, pelvis_chip,
                                  pelvis_gyr_scale, pelvis_acc_scale, plan_name, plan, wearer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, info.startDate.timeIntervalSince1970, info.startTime, info.device, info.chip,
                             info.rate, info.profile, info.calibration, info.softwareVersion,
                             info.scale.gyr, info.scale.acc, info.hasPelvis ? 2 : 1, info.pelvis?.device,
                             info.pelvis?.chip, info.pelvis?.scale.gyr, info.pelvis?.scale.acc, info.plan?.name,
                             info.plan?.definition, info.wearer])
        return db.lastInsertedRowID
    }

    /// Adds a batch of blocks, events, markers and gaps to a session, in one transaction (all or nothing).
    public func append(_ batch: SessionBatch, to session: Int64) throws(StoreError) {
        guard !batch.isEmpty else { return }
        try write { db in try Self.insert(batch, into: session, in: db) }
    }

    /// Inserts a batch's rows into an open transaction.
    static func insert(_ batch: SessionBatch, into session: Int64, in db: Database) throws {
        if let pelvis = batch.pelvis {
            try db.execute(sql: """
                UPDATE sessions SET sensors = 2, pelvis_device = ?, pelvis_chip = ?, pelvis_gyr_scale = ?,
                                    pelvis_acc_scale = ?
                WHERE id = ? AND sensors = 1
                """, arguments: [pelvis.device, pelvis.chip, pelvis.scale.gyr, pelvis.scale.acc, session])
        }
        if !batch.blocks.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO sample_blocks (session_id, start_us, end_us, sample_count, data) VALUES (?, ?, ?, ?, ?)
                """)
            for block in batch.blocks {
                try insert.execute(arguments: [session, block.start, block.end, block.count, block.data])
            }
        }
        if !batch.events.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO events (session_id, time_s, kind, value, duration_s, frequency_hz, count, axis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for event in batch.events {
                try insert.execute(arguments: [session, event.time, event.kind.rawValue, event.value,
                                               event.duration, event.frequency, event.count, event.axis.rawValue])
            }
        }
        if !batch.markers.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO markers (session_id, time_s, kind, note) VALUES (?, ?, ?, ?)
                """)
            for marker in batch.markers {
                try insert.execute(arguments: [session, marker.time, marker.kind.rawValue, marker.note])
            }
        }
        if !batch.gaps.isEmpty {
            let insert = try db.cachedStatement(sql: """
                INSERT INTO gaps (session_id, start_s, end_s, samples, reason, stream) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for gap in batch.gaps {
                try insert.execute(arguments: [session, gap.start, gap.end, gap.samples, gap.reason.description,
                                               gap.stream.rawValue])
            }
        }
    }

    /// Closes a session as ``SessionStatus/complete``: its end is its last stored sample (or its start when it
    /// has none), its totals `summary`.
    public func finishSession(_ session: Int64, summary: SessionSummary) throws(StoreError) {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [session]) == true else {
                throw StoreError.unknownSession(id: session)
            }
            try close(session, status: .complete, summary: summary, in: db)
        }
    }

    /// Closes every session left ``SessionStatus/recording`` as ``SessionStatus/incomplete``, with its end at its
    /// last stored sample and its totals counted from its stored events; then, if there were any, runs
    /// SQLite's `quick_check` on the file.
    ///
    /// - Returns: the ids of the sessions closed.
    @discardableResult
    func closeAbandonedSessions() throws(StoreError) -> [Int64] {
        let closed = try write { db -> [Int64] in
            let open = try Int64.fetchAll(db, sql: "SELECT id FROM sessions WHERE status = 'recording' ORDER BY id")
            for session in open {
                let events = try Self.fetchEvents(of: session, in: db)
                try close(session, status: .incomplete, summary: SessionSummary(events: events), in: db)
            }
            return open
        }
        if !closed.isEmpty {
            let result = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            guard result == ["ok"] else {
                throw .corrupt(path: path, detail: "after a crash, quick check: " + (result.first ?? "no answer"))
            }
        }
        return closed
    }

    /// Sets a session's end, status, sample count and totals.
    func close(_ session: Int64, status: SessionStatus, summary: SessionSummary, in db: Database) throws {
        // Read defensively: a damaged row must not stop a session from closing.
        let row = try Row.fetchOne(db, sql: """
            SELECT max(CASE WHEN typeof(end_us) = 'integer' THEN end_us END) AS last_us,
                   total(CASE WHEN typeof(sample_count) = 'integer' AND sample_count >= 0 THEN sample_count END)
                       AS samples
            FROM sample_blocks WHERE session_id = ?
            """, arguments: [session])
        let lastMicroseconds = row.flatMap { ($0["last_us"] as DatabaseValue).wholeNumber }
        let samples = row.flatMap { ($0["samples"] as DatabaseValue).wholeNumber }.map { Int($0) } ?? 0
        try db.execute(sql: """
            UPDATE sessions SET
                end_time_s = coalesce(?, start_time_s), status = ?, sample_count = ?, holds = ?, holds_reached = ?,
                longest_hold_s = ?, twist_alerts = ?, bounce_alerts = ?, impacts = ?
            WHERE id = ?
            """, arguments: [lastMicroseconds.map(SampleCodec.seconds), status.rawValue, samples, summary.holds,
                             summary.holdsReached, summary.longestHold, summary.twistAlerts, summary.bounceAlerts,
                             summary.impacts, session])
    }

    /// Caps the file's size at `pages` SQLite pages (nil: no cap); past it, writes fail with SQLITE_FULL
    /// ("database or disk is full"), exactly as on a full disk. For tests of the recorder's failure path.
    func limitSize(pages: Int?) throws(StoreError) {
        try write { db in
            try db.execute(sql: "PRAGMA max_page_count = \(pages ?? 4_294_967_294)")
        }
    }
}
