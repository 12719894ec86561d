import Foundation
import GRDB
import StretchGuardCore

extension SessionStore {
    /// Every session, oldest first.
    public func sessions() throws(StoreError) -> [StoredSession] {
        try read { db in
            try Row.fetchAll(db, sql: Self.sessionQuery + " ORDER BY started_at, id").map(Self.storedSession)
        }
    }

    /// One session, by id or `latest` (the most recently started).
    ///
    /// - Throws: ``StoreError/unknownSession(id:)`` or, for `latest` in an empty database,
    ///   ``StoreError/noSessions(path:)``.
    public func session(_ selector: SessionSelector) throws(StoreError) -> StoredSession {
        let found = try read { db -> StoredSession? in
            switch selector {
            case let .id(id):
                return try Row.fetchOne(db, sql: Self.sessionQuery + " WHERE id = ?", arguments: [id])
                    .map(Self.storedSession)
            case .latest:
                return try Row.fetchOne(db, sql: Self.sessionQuery + " ORDER BY started_at DESC, id DESC LIMIT 1")
                    .map(Self.storedSession)
            }
        }
        guard let found else {
            switch selector {
            case let .id(id): throw .unknownSession(id: id)
            case .latest: throw .noSessions(path: path)
            }
        }
        return found
    }

    /// Calls `body` with each stored sample of a session, decoded to SI units exactly as the live session
    /// decoded it (``SampleCodec/decode(_:)`` with the session's scale), in recording order.
    ///
    /// - Throws: ``StoreError/unknownSession(id:)``, or ``StoreError/corrupt(path:detail:)`` for a damaged block.
    public func forEachSample(of session: Int64, _ body: (IMUSample) -> Void) throws(StoreError) {
        try forEachSample(of: session, while: { body($0); return true })
    }

    /// Calls `body` with each stored sample of a session, decoded as ``forEachSample(of:_:)`` does, in
    /// order, until it returns false: a reader that needs only the start of a session stops there (the rest
    /// of the block it stopped in is decoded, no further block is read).
    ///
    /// - Throws: ``StoreError/unknownSession(id:)``, or ``StoreError/corrupt(path:detail:)`` for a damaged block.
    public func forEachSample(of session: Int64, while body: (IMUSample) -> Bool) throws(StoreError) {
        let codec = SampleCodec(scale: try self.session(.id(session)).info.scale)
        try forEachRawSample(of: session, while: { body(codec.decode($0)) })
    }

    /// Calls `body` with each stored raw sample of a session, in recording order.
    public func forEachRawSample(of session: Int64, _ body: (RawSample) -> Void) throws(StoreError) {
        try forEachRawSample(of: session, while: { body($0); return true })
    }

    /// Calls `body` with each stored raw sample of a session, in recording order, until it returns false.
    public func forEachRawSample(of session: Int64, while body: (RawSample) -> Bool) throws(StoreError) {
        var reading = true
        try read { db in
            let blocks = try Row.fetchCursor(db, sql: """
                SELECT id, start_us, sample_count, data FROM sample_blocks WHERE session_id = ? ORDER BY id
                """, arguments: [session])
            while reading, let row = try blocks.next() {
                let block: Int64 = row[0]
                let start: Int64 = row[1]
                let count: Int = row[2]
                do {
                    try row.withUnsafeData(atIndex: 3) { data in
                        guard let data else { throw StoreError.corruptBlock(detail: "NULL data") }
                        try data.withUnsafeBytes { bytes in
                            try SampleBlock.decode(bytes, start: start, count: count) { sample in
                                if reading { reading = body(sample) }
                            }
                        }
                    }
                } catch let StoreError.corruptBlock(detail) {
                    throw StoreError.corruptBlock(detail: "session \(session), sample block \(block): \(detail)")
                }
            }
        }
    }

    /// All stored samples of a session, decoded (see ``forEachSample(of:_:)``).
    public func samples(of session: Int64) throws(StoreError) -> [IMUSample] {
        var samples: [IMUSample] = []
        samples.reserveCapacity(try storedSampleCount(of: session))
        try forEachSample(of: session) { samples.append($0) }
        return samples
    }

    /// All stored raw samples of a session, in recording order.
    public func rawSamples(of session: Int64) throws(StoreError) -> [RawSample] {
        var samples: [RawSample] = []
        samples.reserveCapacity(try storedSampleCount(of: session))
        try forEachRawSample(of: session) { samples.append($0) }
        return samples
    }

    /// A session's form events, in time order.
    public func events(of session: Int64) throws(StoreError) -> [FormEvent] {
        try read { db in try Self.fetchEvents(of: session, in: db) }
    }

    /// A session's markers, in time order.
    public func markers(of session: Int64) throws(StoreError) -> [SessionMarker] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT time_s, kind, note FROM markers WHERE session_id = ? ORDER BY time_s, id",
                             arguments: [session]).map { row in
                SessionMarker(time: row[0], kind: SessionMarker.Kind(rawValue: row[1]) ?? .note, note: row[2])
            }
        }
    }

    /// A session's gaps, in time order.
    public func gaps(of session: Int64) throws(StoreError) -> [SessionGap] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT start_s, end_s, samples, reason FROM gaps WHERE session_id = ? ORDER BY start_s, id
                """, arguments: [session]).map { row in
                SessionGap(start: row[0], end: row[1], samples: row[2], reason: .init(storedText: row[3]))
            }
        }
    }

    /// The number of samples stored for a session (summed over its blocks).
    public func storedSampleCount(of session: Int64) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT coalesce(sum(sample_count), 0) FROM sample_blocks WHERE session_id = ?",
                             arguments: [session]) ?? 0
        }
    }

    // MARK: - Rows

    /// A session's events from an open connection, in time order.
    static func fetchEvents(of session: Int64, in db: Database) throws -> [FormEvent] {
        try Row.fetchAll(db, sql: """
            SELECT kind, time_s, value, duration_s, frequency_hz, count, axis FROM events
            WHERE session_id = ? ORDER BY time_s, id
            """, arguments: [session]).compactMap { row -> FormEvent? in
            guard let kind = FormEvent.Kind(rawValue: row[0]) else { return nil }
            return FormEvent(kind: kind, time: row[1], value: row[2], duration: row[3], frequency: row[4],
                             count: row[5], axis: FormEvent.Axis(rawValue: row[6]) ?? .none)
        }
    }

    /// The columns ``storedSession(_:)`` reads; a recording session's sample count is summed on the fly.
    private static let sessionQuery = """
        SELECT id, started_at, start_time_s, end_time_s, status, device, chip, rate_hz, profile, calibration,
               software_version, gyr_scale, acc_scale,
               coalesce(sample_count,
                        (SELECT coalesce(sum(b.sample_count), 0) FROM sample_blocks b WHERE b.session_id = sessions.id))
                   AS samples,
               holds, holds_reached, longest_hold_s, twist_alerts, bounce_alerts, impacts
        FROM sessions
        """

    /// A `sessions` row as a ``StoredSession``.
    private static func storedSession(_ row: Row) -> StoredSession {
        let info = SessionInfo(startDate: Date(timeIntervalSince1970: row["started_at"]), startTime: row["start_time_s"],
                               device: row["device"], chip: row["chip"], rate: row["rate_hz"], profile: row["profile"],
                               calibration: row["calibration"], softwareVersion: row["software_version"],
                               scale: SampleScale(gyr: row["gyr_scale"], acc: row["acc_scale"]))
        let status = SessionStatus(rawValue: row["status"]) ?? .incomplete
        var summary: SessionSummary?
        if let holds: Int = row["holds"] {
            summary = SessionSummary(holds: holds, holdsReached: row["holds_reached"] ?? 0,
                                     longestHold: row["longest_hold_s"] ?? 0, twistAlerts: row["twist_alerts"] ?? 0,
                                     bounceAlerts: row["bounce_alerts"] ?? 0, impacts: row["impacts"] ?? 0)
        }
        return StoredSession(id: row["id"], info: info, endTime: row["end_time_s"], status: status,
                             sampleCount: row["samples"], summary: summary)
    }
}
