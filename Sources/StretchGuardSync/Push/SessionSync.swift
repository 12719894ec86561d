import Foundation
import PostgresNIO
import StretchGuardStore

/// Pushes a device's sessions to a clinic's server: every session not yet there in full, each table's rows
/// after the last one the server has (rows go in id order, in batches that are each one statement, so a
/// sync cut anywhere leaves whole rows and the next one goes on from there; a batch sent twice changes
/// nothing). A session is marked `uploaded` once the server holds as many rows of each table as the device.
///
/// The device's database is only read: a sync can never lose a recording.
public struct SessionSync: Sendable {
    /// Where the sync stands, for a progress line.
    public struct Progress: Sendable {
        /// Sessions done (sent or already there) and all to look at.
        public var sessionsDone: Int, sessionsTotal: Int
        /// Sample-block bytes sent so far.
        public var bytesSent: Int
    }

    /// Rows per `INSERT` (sample blocks are about 2 kB each at 200 Hz: 250 of them about half a megabyte).
    public var blockBatch = 250
    /// Rows per `INSERT` for the small tables.
    public var rowBatch = 1000

    public init() {}

    /// Sends what `store` has that the server lacks.
    ///
    /// - Parameter progress: told after each batch.
    public func push(_ store: SessionStore, to server: ServerConnection,
                     progress: (Progress) -> Void = { _ in }) async throws(SyncError) -> SyncReport {
        let started = ContinuousClock.now
        try await ServerSchema.check(server)
        let device: DeviceIdentity
        let sessions: [(id: Int64, status: String)]
        do {
            device = try store.deviceIdentity()
            sessions = try store.sessionStatuses()
        } catch {
            throw .local(error)
        }
        // One sync per device at a time (the lock ends with the connection, however it ends).
        let locked = try await server.rows("SELECT pg_try_advisory_lock(hashtext(\("stretchguard-sync:" + device.id)))")
        guard (try? locked.first?.decode(Bool.self)) == true else { throw .busy(server.address, device: device.id) }
        try await register(device, on: server)

        var known: [Int64: (id: Int64, uploaded: Bool, status: String)] = [:]
        for row in try await server.rows("SELECT local_id, id, uploaded, status FROM sessions WHERE device_id = \(device.id)") {
            guard let (local, id, uploaded, status) = try? row.decode((Int64, Int64, Bool, String).self) else { continue }
            known[local] = (id, uploaded, status)
        }
        var report = SyncReport()
        for (index, session) in sessions.enumerated() {
            defer {
                progress(Progress(sessionsDone: index + 1, sessionsTotal: sessions.count, bytesSent: report.bytesSent))
            }
            if session.status == SessionStatus.recording.rawValue {
                report.sessionsRecording += 1
                continue
            }
            if let there = known[session.id], there.uploaded, there.status == session.status {
                report.sessionsAlreadyThere += 1
                continue
            }
            try await send(session.id, of: store, device: device, to: server, report: &report) { bytes in
                progress(Progress(sessionsDone: index, sessionsTotal: sessions.count, bytesSent: bytes))
            }
            report.sessionsSent += 1
        }
        let elapsed = (ContinuousClock.now - started).components
        report.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return report
    }

    /// Adds the device, or notes its sync; a device another role registered is refused.
    private func register(_ device: DeviceIdentity, on server: ServerConnection) async throws(SyncError) {
        let rows: [PostgresRow]
        do {
            rows = try await server.rows("""
                INSERT INTO devices (id) VALUES (\(device.id))
                ON CONFLICT (id) DO UPDATE SET last_sync = now() RETURNING owner::text
                """)
        } catch .notPermitted(let address, let detail) where detail.contains("row-level security") {
            // The row exists and belongs to another role: this role may not see it, let alone update it.
            throw .deviceOfAnotherRole(address, device: device.id)
        }
        guard !rows.isEmpty else { throw .deviceOfAnotherRole(server.address, device: device.id) }
    }

    /// Sends one session: its row (inserted or brought up to date), then each table's missing rows, then
    /// marks it uploaded when the counts agree.
    private func send(_ session: Int64, of store: SessionStore, device: DeviceIdentity, to server: ServerConnection,
                      report: inout SyncReport, progress: (Int) -> Void) async throws(SyncError) {
        let row: SyncRow
        do {
            guard let found = try store.syncRows(.sessions, of: session).first else { return }
            row = found
        } catch {
            throw .local(error)
        }
        let serverID = try await upsert(row, device: device, on: server)
        for table in SyncTable.sessionParts {
            let last = try await server.rows(PostgresQuery(unsafeSQL: "SELECT coalesce(max(local_id), 0) FROM \(table.name) WHERE session_id = $1",
                                                           binds: { var b = PostgresBindings(); b.append(serverID); return b }()))
            var after = (try? last.first?.decode(Int64.self)) ?? 0
            let batch = table == .sampleBlocks ? blockBatch : rowBatch
            while true {
                let rows: [SyncRow]
                do {
                    rows = try store.syncRows(table, of: session, after: after, limit: batch)
                } catch {
                    throw .local(error)
                }
                guard let lastRow = rows.last else { break }
                try await server.run(SyncBindings.insert(table, session: serverID, rows: rows))
                after = lastRow.id
                report.rowsSent += rows.count
                if table == .sampleBlocks {
                    for row in rows { if case .blob(let bytes) = row.values[3] { report.bytesSent += bytes.count } }
                    progress(report.bytesSent)
                }
                if rows.count < batch { break }
            }
        }
        try await markUploaded(session, serverID: serverID, of: store, on: server)
    }

    /// Inserts the session's row or brings it up to date (a session closed or recovered since); its server id.
    private func upsert(_ row: SyncRow, device: DeviceIdentity, on server: ServerConnection) async throws(SyncError) -> Int64 {
        let columns = SyncTable.sessions.columns
        var bindings = PostgresBindings()
        bindings.append(device.id)
        bindings.append(row.id)
        for (column, value) in zip(columns, row.values) { SyncBindings.append(value, as: column, to: &bindings) }
        let names = columns.map(\.name)
        let placeholders = (1...(names.count + 2)).map { "$\($0)" }.joined(separator: ", ")
        let sql = "INSERT INTO sessions (device_id, local_id, \(names.joined(separator: ", "))) VALUES (\(placeholders)) "
            + "ON CONFLICT (device_id, local_id) DO UPDATE SET uploaded = false, synced_at = now(), "
            + names.map { "\($0) = excluded.\($0)" }.joined(separator: ", ") + " RETURNING id"
        let rows = try await server.rows(PostgresQuery(unsafeSQL: sql, binds: bindings))
        guard let id = try? rows.first?.decode(Int64.self) else {
            throw .deviceOfAnotherRole(server.address, device: device.id)
        }
        return id
    }

    /// Marks the session uploaded when the server has as many rows of each table as the device.
    private func markUploaded(_ session: Int64, serverID: Int64, of store: SessionStore, on server: ServerConnection) async throws(SyncError) {
        for table in SyncTable.sessionParts {
            let local: Int
            do {
                local = try store.syncExtent(table, of: session).count
            } catch {
                throw .local(error)
            }
            let rows = try await server.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.name) WHERE session_id = $1",
                                                           binds: { var b = PostgresBindings(); b.append(serverID); return b }()))
            guard (try? rows.first?.decode(Int64.self)) == Int64(local) else { return }
        }
        try await server.run("UPDATE sessions SET uploaded = true WHERE id = \(serverID)")
    }
}
