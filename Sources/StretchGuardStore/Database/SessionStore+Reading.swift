import Foundation
import GRDB
import StretchGuardCore

extension SessionStore {
    /// Every session that reads, oldest first (those whose row does not decode are left out: see
    /// ``sessionList()``).
    public func sessions() throws(StoreError) -> [StoredSession] {
        try sessionList().sessions
    }

    /// Every session: those that read, oldest first, and those whose row does not decode (a wrongly typed or
    /// implausible value, see ``StoredLimits``), by id, each with the reason. One bad row never hides the others.
    public func sessionList() throws(StoreError) -> SessionList {
        try read { db in
            var list = SessionList(sessions: [])
            let rows = try Row.fetchCursor(db, sql: try Self.sessionQuery(db) + " ORDER BY started_at, id")
            while let row = try rows.next() {
                switch Self.storedSession(row) {
                case let .success(session): list.sessions.append(session)
                case let .failure(unreadable): list.unreadable.append(unreadable)
                }
            }
            list.unreadable.sort { $0.id < $1.id }
            return list
        }
    }

    /// One session, by id or `latest` (the most recently started).
    ///
    /// - Throws: ``StoreError/unknownSession(id:)``, ``StoreError/unreadableSession(id:problem:)`` when its row
    ///   does not decode, or, for `latest` in an empty database, ``StoreError/noSessions(path:)``.
    public func session(_ selector: SessionSelector) throws(StoreError) -> StoredSession {
        let found = try read { db -> Result<StoredSession, UnreadableSession>? in
            switch selector {
            case let .id(id):
                return try Row.fetchOne(db, sql: try Self.sessionQuery(db) + " WHERE id = ?", arguments: [id])
                    .map(Self.storedSession)
            case .latest:
                return try Row.fetchOne(db, sql: try Self.sessionQuery(db) + " ORDER BY started_at DESC, id DESC LIMIT 1")
                    .map(Self.storedSession)
            }
        }
        switch found {
        case let .success(session)?: return session
        case let .failure(unreadable)?: throw .unreadableSession(id: unreadable.id, problem: unreadable.problem)
        case nil:
            switch selector {
            case let .id(id): throw .unknownSession(id: id)
            case .latest: throw .noSessions(path: path)
            }
        }
    }

    /// Calls `body` with each stored sample of a session, decoded to SI units exactly as the live session
    /// decoded it (``SampleCodec/decode(_:)`` with the session's scales: a two-sensor session's samples carry
    /// their pelvis readings, nil at the ticks the pelvis missed), in recording order. A damaged sample
    /// block is skipped: ``damagedBlocks(of:)`` reports it as a gap.
    ///
    /// - Throws: ``StoreError/unknownSession(id:)`` or ``StoreError/unreadableSession(id:problem:)``.
    public func forEachSample(of session: Int64, _ body: (IMUSample) -> Void) throws(StoreError) {
        try forEachSample(of: session, while: { body($0); return true })
    }

    /// Calls `body` with each stored sample of a session, decoded as ``forEachSample(of:_:)`` does, in
    /// order, until it returns false: a reader that needs only the start of a session stops there (the rest
    /// of the block it stopped in is decoded, no further block is read).
    ///
    /// - Throws: ``StoreError/unknownSession(id:)`` or ``StoreError/unreadableSession(id:problem:)``.
    public func forEachSample(of session: Int64, while body: (IMUSample) -> Bool) throws(StoreError) {
        let codec = SampleCodec(info: try self.session(.id(session)).info)
        try forEachRawSample(of: session, while: { body(codec.decode($0)) })
    }

    /// Calls `body` with each stored raw sample of a session, in recording order (damaged blocks skipped).
    public func forEachRawSample(of session: Int64, _ body: (RawSample) -> Void) throws(StoreError) {
        try forEachRawSample(of: session, while: { body($0); return true })
    }

    /// Calls `body` with each stored raw sample of a session, in recording order, until it returns false.
    /// A damaged block (a bad row or a BLOB that does not unpack) is skipped whole: ``damagedBlocks(of:)``
    /// reports it.
    public func forEachRawSample(of session: Int64, while body: (RawSample) -> Bool) throws(StoreError) {
        var reading = true
        try read { db in
            let blocks = try Row.fetchCursor(db, sql: Self.blockQuery, arguments: [session])
            while reading, let row = try blocks.next() {
                guard case let .success(block) = Self.sampleBlock(row) else { continue }
                // Unpack the whole block first, so that a damaged one gives nothing rather than its first half.
                var decoded: [RawSample] = []
                decoded.reserveCapacity(block.count)
                guard (try? block.forEachSample({ decoded.append($0) })) != nil else { continue }
                for sample in decoded where reading { reading = body(sample) }
            }
        }
    }

    /// The sample blocks of a session that cannot be read, each as a gap (times from its row where they
    /// read, else from the block before), in recording order; the reason names the block and the defect.
    public func damagedBlocks(of session: Int64) throws(StoreError) -> [SessionGap] {
        try read { db in
            var gaps: [SessionGap] = []
            var previousEnd: Double = 0
            let blocks = try Row.fetchCursor(db, sql: Self.blockQuery, arguments: [session])
            while let row = try blocks.next() {
                let stored = StoredRow(row: row)
                let id = stored.value("id").wholeNumber ?? 0
                let problem: String
                switch Self.sampleBlock(row) {
                case let .success(block):
                    do throws(StoreError) {
                        try block.forEachSample { _ in }
                        previousEnd = SampleCodec.seconds(block.end)
                        continue
                    } catch {
                        if case let .corruptBlock(detail) = error { problem = detail } else { problem = error.description }
                    }
                case let .failure(valueProblem):
                    problem = valueProblem.description
                }
                let start = (try? stored.integer(StoredLimits.count("start_us"))).map { SampleCodec.seconds(Int64($0)) }
                let end = (try? stored.integer(StoredLimits.count("end_us"))).map { SampleCodec.seconds(Int64($0)) }
                let samples = (try? stored.integer(StoredLimits.count("sample_count"))) ?? 0
                let gap = SessionGap(start: start ?? previousEnd, end: max(end ?? previousEnd, start ?? previousEnd),
                                     samples: samples, reason: .other("damaged sample block \(id): \(problem)"))
                gaps.append(gap)
                previousEnd = gap.end
            }
            return gaps
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

    /// A session's markers, in time order (a row that does not decode is left out).
    public func markers(of session: Int64) throws(StoreError) -> [SessionMarker] {
        try read { db in try Self.fetchMarkers(of: session, in: db) }
    }

    /// A session's markers from an open connection, in time order (a row that does not decode is left out).
    static func fetchMarkers(of session: Int64, in db: Database) throws -> [SessionMarker] {
        try Row.fetchAll(db, sql: "SELECT time_s, kind, note FROM markers WHERE session_id = ? ORDER BY time_s, id",
                         arguments: [session]).compactMap { row -> SessionMarker? in
            let stored = StoredRow(row: row)
            guard let time = try? stored.real(StoredLimits.sampleClock("time_s")),
                  let kind = try? stored.text("kind"), let note = try? stored.text("note") else { return nil }
            return SessionMarker(time: time, kind: SessionMarker.Kind(rawValue: kind) ?? .note, note: note)
        }
    }

    /// A session's gaps, in time order (a row that does not decode is left out).
    public func gaps(of session: Int64) throws(StoreError) -> [SessionGap] {
        try read { db in try Self.fetchGaps(of: session, in: db) }
    }

    /// A session's stored gaps from an open connection, in time order (a row that does not decode is left out).
    static func fetchGaps(of session: Int64, in db: Database) throws -> [SessionGap] {
        let stream = try hasTwoSensorColumns(db) ? "stream" : "'thorax' AS stream"
        return try Row.fetchAll(db, sql: """
            SELECT start_s, end_s, samples, reason, \(stream) FROM gaps WHERE session_id = ? ORDER BY start_s, id
            """, arguments: [session]).compactMap { row -> SessionGap? in
            let stored = StoredRow(row: row)
            guard let start = try? stored.real(StoredLimits.sampleClock("start_s")),
                  let end = try? stored.real(StoredLimits.sampleClock("end_s")),
                  let samples = try? stored.integer(StoredLimits.count("samples")),
                  let reason = try? stored.text("reason") else { return nil }
            // A stream this StretchGuard does not know is read as whole ticks missing (the safer reading).
            let stream = (try? stored.text("stream")).flatMap(SessionGap.Stream.init(rawValue:)) ?? .thorax
            return SessionGap(start: start, end: end, samples: samples, reason: .init(storedText: reason), stream: stream)
        }
    }

    /// The number of samples stored for a session (summed over its blocks whose count reads).
    public func storedSampleCount(of session: Int64) throws(StoreError) -> Int {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT sample_count FROM sample_blocks WHERE session_id = ?",
                                        arguments: [session])
            return rows.reduce(0) { total, row in
                total + ((try? StoredRow(row: row).integer(StoredLimits.count("sample_count"))) ?? 0)
            }
        }
    }

    // MARK: - Rows

    /// A session's events from an open connection, in time order (a row that does not decode is left out).
    static func fetchEvents(of session: Int64, in db: Database) throws -> [FormEvent] {
        try Row.fetchAll(db, sql: """
            SELECT kind, time_s, value, duration_s, frequency_hz, count, axis FROM events
            WHERE session_id = ? ORDER BY time_s, id
            """, arguments: [session]).compactMap { row -> FormEvent? in
            let stored = StoredRow(row: row)
            let any = StoredLimits.Rule(column: "", range: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                                        expected: "a number")
            func number(_ column: String) -> Double? {
                var rule = any
                rule.column = column
                return try? stored.real(rule)
            }
            guard let kindText = try? stored.text("kind"), let kind = FormEvent.Kind(rawValue: kindText),
                  let time = try? stored.real(StoredLimits.sampleClock("time_s")),
                  let value = number("value"), let duration = number("duration_s"),
                  let frequency = number("frequency_hz"),
                  let count = try? stored.integer(StoredLimits.count("count")) else { return nil }
            let axis = (try? stored.text("axis")).flatMap(FormEvent.Axis.init(rawValue:)) ?? .none
            return FormEvent(kind: kind, time: time, value: value, duration: duration, frequency: frequency,
                             count: count, axis: axis)
        }
    }

    /// The columns ``sampleBlock(_:)`` reads, of one session's blocks in recording order.
    static let blockQuery = "SELECT id, start_us, end_us, sample_count, data FROM sample_blocks WHERE session_id = ? ORDER BY id"

    /// A `sample_blocks` row as a ``SampleBlock`` (not yet unpacked), or what is wrong with its columns.
    static func sampleBlock(_ row: Row) -> Result<SampleBlock, StoredValueProblem> {
        let stored = StoredRow(row: row)
        do throws(StoredValueProblem) {
            let microseconds = StoredLimits.Rule(column: "start_us", range: -9.2e18...9.2e18, expected: "a time in µs")
            let start = try stored.integer(microseconds)
            var endRule = microseconds
            endRule.column = "end_us"
            let end = try stored.integer(endRule)
            let count = try stored.integer(StoredLimits.count("sample_count"))
            guard let data = stored.blob("data") else {
                throw StoredValueProblem(column: "data", found: stored.value("data"), expected: "a BLOB of samples")
            }
            return .success(SampleBlock(start: Int64(start), end: Int64(end), count: count, data: data))
        } catch {
            return .failure(error)
        }
    }

    /// Whether a connection's file has the two-sensor columns (schema version 2 or later): false only for
    /// a version 1 file that could not be migrated (opened read-only, or a damaged copy being repaired).
    static func hasTwoSensorColumns(_ db: Database) throws -> Bool {
        try (Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) >= 2
    }

    /// The columns ``storedSession(_:)`` reads, for the connection's schema (a version 1 file reads as one
    /// sensor, a file before version 3 as sessions without a plan); a recording session's sample count is
    /// summed on the fly.
    static func sessionQuery(_ db: Database) throws -> String {
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let pelvis = version >= 2
            ? "sensors, pelvis_device, pelvis_chip, pelvis_gyr_scale, pelvis_acc_scale"
            : StoreSchema.pelvisColumnsOfVersion1
        let plan = version >= 3 ? "plan_name, plan" : StoreSchema.planColumnsBeforeVersion3
        let wearer = version >= 4 ? "wearer" : StoreSchema.wearerColumnBeforeVersion4
        return sessionColumns + ", " + pelvis + ", " + plan + ", " + wearer + " FROM sessions"
    }

    /// The columns of a `sessions` row every schema has.
    private static let sessionColumns = """
        SELECT id, started_at, start_time_s, end_time_s, status, device, chip, rate_hz, profile, calibration,
               software_version, gyr_scale, acc_scale,
               coalesce(sample_count,
                        (SELECT total(b.sample_count) FROM sample_blocks b WHERE b.session_id = sessions.id))
                   AS sample_count,
               holds, holds_reached, longest_hold_s, twist_alerts, bounce_alerts, impacts
        """

    /// The pelvis sensor of a `sessions` row: nil when `sensors` is 1, its device, chip and count sizes when 2.
    private static func pelvisSensor(_ stored: StoredRow) throws(StoredValueProblem) -> PelvisSensorInfo? {
        guard try stored.integer(StoredLimits.sensors) == 2 else { return nil }
        func text(_ column: String) throws(StoredValueProblem) -> String {
            stored.value(column).isNull ? "" : try stored.text(column)
        }
        return PelvisSensorInfo(device: try text("pelvis_device"), chip: try text("pelvis_chip"),
                                scale: SampleScale(gyr: try stored.real(StoredLimits.pelvisGyrScale),
                                                   acc: try stored.real(StoredLimits.pelvisAccScale)))
    }

    /// The plan of a `sessions` row: nil without one.
    private static func plan(_ stored: StoredRow) throws(StoredValueProblem) -> SessionPlan? {
        guard !stored.value("plan_name").isNull else { return nil }
        return SessionPlan(name: try stored.text("plan_name", expected: "a plan name"),
                           definition: stored.value("plan").isNull ? "" : try stored.text("plan"))
    }

    /// A `sessions` row as a ``StoredSession``, or as an ``UnreadableSession`` saying which value is wrong.
    static func storedSession(_ row: Row) -> Result<StoredSession, UnreadableSession> {
        let stored = StoredRow(row: row)
        let id = stored.value("id").wholeNumber ?? 0
        do throws(StoredValueProblem) {
            let startedAt = try stored.real(StoredLimits.startedAt)
            let rate = try stored.real(StoredLimits.rate)
            let scale = SampleScale(gyr: try stored.real(StoredLimits.gyrScale), acc: try stored.real(StoredLimits.accScale))
            let info = SessionInfo(startDate: Date(timeIntervalSince1970: startedAt),
                                   startTime: try stored.real(StoredLimits.sampleClock("start_time_s")),
                                   device: try stored.text("device"), chip: try stored.text("chip"), rate: rate,
                                   profile: try stored.text("profile", expected: "a profile name"),
                                   calibration: stored.value("calibration").isNull ? "" : try stored.text("calibration"),
                                   softwareVersion: try stored.text("software_version"), scale: scale,
                                   pelvis: try pelvisSensor(stored), plan: try plan(stored),
                                   wearer: stored.value("wearer").isNull ? nil : try stored.text("wearer", expected: "a name"))
            let statusText = try stored.text("status", expected: "recording, complete or incomplete")
            let status = SessionStatus(rawValue: statusText) ?? .incomplete
            var summary: SessionSummary?
            if let holds = try stored.optionalInteger(StoredLimits.count("holds")) {
                summary = SessionSummary(
                    holds: holds, holdsReached: try stored.optionalInteger(StoredLimits.count("holds_reached")) ?? 0,
                    longestHold: try stored.optionalReal(StoredLimits.duration("longest_hold_s")) ?? 0,
                    twistAlerts: try stored.optionalInteger(StoredLimits.count("twist_alerts")) ?? 0,
                    bounceAlerts: try stored.optionalInteger(StoredLimits.count("bounce_alerts")) ?? 0,
                    impacts: try stored.optionalInteger(StoredLimits.count("impacts")) ?? 0)
            }
            return .success(StoredSession(id: id, info: info,
                                          endTime: try stored.optionalReal(StoredLimits.sampleClock("end_time_s")),
                                          status: status, sampleCount: try stored.integer(StoredLimits.count("sample_count")),
                                          summary: summary))
        } catch {
            return .failure(UnreadableSession(id: id, problem: error.description))
        }
    }
}
