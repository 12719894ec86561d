import Foundation
import GRDB

/// This database's device, as a clinic's server knows it.
public struct DeviceIdentity: Hashable, Sendable {
    /// Random, 32 hex digits, made when the database was created (or gained schema version 4).
    public var id: String
    /// The name sessions get when `run` names no wearer; nil until `run --wearer` or `calibrate --wearer`.
    public var wearer: String?
}

extension SessionStore {
    /// This database's device id and default wearer.
    public func deviceIdentity() throws(StoreError) -> DeviceIdentity {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, wearer FROM device LIMIT 1") else {
                throw StoreError.corrupt(path: path, detail: "the device table is empty")
            }
            return DeviceIdentity(id: row["id"], wearer: row["wearer"])
        }
    }

    /// Sets the name later sessions get when `run` names no wearer.
    public func setDefaultWearer(_ name: String) throws(StoreError) {
        try write { db in try db.execute(sql: "UPDATE device SET wearer = ?", arguments: [name]) }
    }

    /// Every session's id and status, oldest first (what `sync` walks through).
    public func sessionStatuses() throws(StoreError) -> [(id: Int64, status: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, status FROM sessions ORDER BY id").map { ($0["id"], $0["status"]) }
        }
    }

    /// Rows of `table` for `session` with an id above `after`, in id order, at most `limit` (for
    /// ``SyncTable/sessions``, the session's own row).
    public func syncRows(_ table: SyncTable, of session: Int64, after: Int64 = 0, limit: Int = .max) throws(StoreError) -> [SyncRow] {
        let columns = table.columns
        let list = columns.map(\.name).joined(separator: ", ")
        let sql = table == .sessions
            ? "SELECT id, \(list) FROM sessions WHERE id = ?"
            : "SELECT id, \(list) FROM \(table.name) WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?"
        let arguments: StatementArguments = table == .sessions ? [session] : [session, after, min(limit, Int(Int32.max))]
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                SyncRow(id: row["id"], values: columns.indices.map { Self.syncValue(row[$0 + 1] as DatabaseValue) })
            }
        }
    }

    /// How many rows of `table` `session` has, and the largest id among them (0 when none).
    public func syncExtent(_ table: SyncTable, of session: Int64) throws(StoreError) -> (count: Int, lastID: Int64) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(max(id), 0) FROM \(table.name) WHERE session_id = ?",
                                       arguments: [session])
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }

    /// Writes sessions copied from a server into this database (a local copy for review): each session's
    /// row under its own id (the server's), then its parts in the order given (they get new ids here, in that
    /// order: sessions of several devices may share row ids). All in one transaction.
    public func insertCopied(_ sessions: [(row: SyncRow, parts: [SyncTable: [SyncRow]])]) throws(StoreError) {
        try write { db in
            for session in sessions {
                try Self.insert(.sessions, rows: [session.row], session: nil, in: db)
                for table in SyncTable.sessionParts {
                    try Self.insert(table, rows: session.parts[table] ?? [], session: session.row.id, in: db)
                }
            }
        }
    }

    /// One session copied from a server, under id `session` (see ``insertCopied(_:)``).
    public func insertCopied(session: Int64, row: SyncRow, parts: [SyncTable: [SyncRow]]) throws(StoreError) {
        try insertCopied([(SyncRow(id: session, values: row.values), parts)])
    }

    private static func insert(_ table: SyncTable, rows: [SyncRow], session: Int64?, in db: Database) throws {
        let names = table.columns.map(\.name)
        let keys = session == nil ? ["id"] : ["session_id"]
        let sql = "INSERT INTO \(table.name) (\((keys + names).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: keys.count + names.count).joined(separator: ", ") + ")"
        let statement = try db.cachedStatement(sql: sql)
        for row in rows {
            var values: [DatabaseValue] = [session?.databaseValue ?? row.id.databaseValue]
            values += row.values.map(Self.databaseValue)
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    private static func syncValue(_ value: DatabaseValue) -> SyncValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .blob([UInt8](data))
        }
    }

    private static func databaseValue(_ value: SyncValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .blob(let bytes): Data(bytes).databaseValue
        }
    }
}
