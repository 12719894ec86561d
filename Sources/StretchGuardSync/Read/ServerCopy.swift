import Foundation
import PostgresNIO
import StretchGuardStore

/// The clinic's side: copies sessions from the server into a local session database (a temporary file), so
/// that `sessions --server` and `review --server` read them with exactly the code that reads a device's own
/// sessions, under the server's session ids.
///
/// Only sessions whose upload finished are copied (one cut off mid-sync appears once its device syncs
/// again). A device role sees only its own sessions (row-level security); a clinic role sees all.
public enum ServerCopy {
    /// Copies every uploaded session's row into a new database at `path`, oldest first, optionally only
    /// `wearer`'s; and the events and markers of the sessions that followed a plan (the plan statistics
    /// read them: a pain press steps a target back). Not the samples nor the other sessions' parts: the
    /// listing and its statistics read none, and they are most of a session.
    public static func listing(from server: ServerConnection, wearer: String?, into path: String) async throws(SyncError) -> SessionStore {
        try await ServerSchema.check(server)
        let store = try open(path)
        var query = "SELECT id, \(names(.sessions)) FROM sessions WHERE uploaded"
        var bindings = PostgresBindings()
        if let wearer {
            query += " AND wearer = $1"
            bindings.append(wearer)
        }
        let sessions = try await rows(of: .sessions, PostgresQuery(unsafeSQL: query + " ORDER BY started_at, id", binds: bindings), server: server)
        guard !sessions.isEmpty else { return store }
        let planColumn = SyncTable.sessions.columns.firstIndex { $0.name == "plan_name" }!
        let ids = sessions.filter { $0.values[planColumn] != .null }.map(\.id)
        var parts: [SyncTable: [Int64: [SyncRow]]] = [:]
        for table in [SyncTable.events, .markers] where !ids.isEmpty {
            var binds = PostgresBindings()
            binds.append(ids)
            let found = try await rowsWithSession(of: table, PostgresQuery(
                unsafeSQL: "SELECT session_id, local_id, \(names(table)) FROM \(table.name) WHERE session_id = ANY($1) ORDER BY session_id, local_id",
                binds: binds), server: server)
            parts[table] = Dictionary(grouping: found, by: \.session).mapValues { $0.map(\.row) }
        }
        let copies = sessions.map { session -> (row: SyncRow, parts: [SyncTable: [SyncRow]]) in
            var tables: [SyncTable: [SyncRow]] = [:]
            for table in [SyncTable.events, .markers] { tables[table] = parts[table]?[session.id] ?? [] }
            return (session, tables)
        }
        do {
            try store.insertCopied(copies)  // one transaction: one write to disk for the whole listing
        } catch {
            throw .local(error)
        }
        return store
    }

    /// Copies one uploaded session in full (its samples too) into a new database at `path`; its server id.
    ///
    /// - Throws: ``SyncError/noSession(_:selector:)`` when there is no such session (or this role may not read it).
    public static func session(_ selector: SessionSelector, from server: ServerConnection, into path: String) async throws(SyncError) -> (store: SessionStore, id: Int64) {
        try await ServerSchema.check(server)
        let store = try open(path)
        var bindings = PostgresBindings()
        let condition: String
        switch selector {
        case .id(let id):
            condition = "id = $1"
            bindings.append(id)
        case .latest:
            condition = "id = (SELECT id FROM sessions WHERE uploaded ORDER BY started_at DESC, id DESC LIMIT 1)"
        }
        let found = try await rows(of: .sessions, PostgresQuery(
            unsafeSQL: "SELECT id, \(names(.sessions)) FROM sessions WHERE uploaded AND \(condition)", binds: bindings), server: server)
        guard let session = found.first else { throw .noSession(server.address, selector: selector.description) }
        var parts: [SyncTable: [SyncRow]] = [:]
        for table in SyncTable.sessionParts {
            var binds = PostgresBindings()
            binds.append(session.id)
            parts[table] = try await rows(of: table, PostgresQuery(
                unsafeSQL: "SELECT local_id, \(names(table)) FROM \(table.name) WHERE session_id = $1 ORDER BY local_id",
                binds: binds), server: server)
        }
        try insert(session, parts: parts, into: store)
        return (store, session.id)
    }

    private static func names(_ table: SyncTable) -> String {
        table.columns.map(\.name).joined(separator: ", ")
    }

    private static func open(_ path: String) throws(SyncError) -> SessionStore {
        do {
            return try SessionStore(path: path)
        } catch {
            throw .local(error)
        }
    }

    private static func insert(_ session: SyncRow, parts: [SyncTable: [SyncRow]], into store: SessionStore) throws(SyncError) {
        do {
            try store.insertCopied(session: session.id, row: session, parts: parts)
        } catch {
            throw .local(error)
        }
    }

    /// Rows whose first column is the id, then the table's columns.
    private static func rows(of table: SyncTable, _ query: PostgresQuery, server: ServerConnection) async throws(SyncError) -> [SyncRow] {
        try await server.rows(query).map { row in
            let cells = row.makeRandomAccess()
            return SyncRow(id: (try? cells[0].decode(Int64.self)) ?? 0,
                           values: table.columns.enumerated().map { value(cells[$0.offset + 1], $0.element) })
        }
    }

    /// Rows whose first two columns are the session id and the row's id.
    private static func rowsWithSession(of table: SyncTable, _ query: PostgresQuery, server: ServerConnection) async throws(SyncError) -> [(session: Int64, row: SyncRow)] {
        try await server.rows(query).map { row in
            let cells = row.makeRandomAccess()
            return ((try? cells[0].decode(Int64.self)) ?? 0,
                    SyncRow(id: (try? cells[1].decode(Int64.self)) ?? 0,
                            values: table.columns.enumerated().map { value(cells[$0.offset + 2], $0.element) }))
        }
    }

    private static func value(_ cell: PostgresCell, _ column: SyncColumn) -> SyncValue {
        switch column.kind {
        case .integer: (try? cell.decode(Int64?.self)).flatMap { $0 }.map(SyncValue.integer) ?? .null
        case .real: (try? cell.decode(Double?.self)).flatMap { $0 }.map(SyncValue.real) ?? .null
        case .text: (try? cell.decode(String?.self)).flatMap { $0 }.map(SyncValue.text) ?? .null
        case .blob: (try? cell.decode(ByteBuffer?.self)).flatMap { $0 }.map { SyncValue.blob(Array($0.readableBytesView)) } ?? .null
        }
    }
}
