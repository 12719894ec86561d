import NIOCore
import PostgresNIO
import StretchGuardStore

/// Multi-row `INSERT`s of copied rows, bound as parameters (bytes as `bytea`, never as text).
enum SyncBindings {
    /// `INSERT INTO table (session_id, local_id, columns…) VALUES (…), (…) ON CONFLICT DO NOTHING` for
    /// `rows`: a row already on the server (an interrupted sync's last batch) is left as it is.
    static func insert(_ table: SyncTable, session: Int64, rows: [SyncRow]) -> PostgresQuery {
        let columns = table.columns
        var bindings = PostgresBindings(capacity: rows.count * (columns.count + 2))
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var index = 0
        for row in rows {
            var placeholders: [String] = []
            bindings.append(session)
            bindings.append(row.id)
            placeholders += ["$\(index + 1)", "$\(index + 2)"]
            index += 2
            for (column, value) in zip(columns, row.values) {
                append(value, as: column, to: &bindings)
                index += 1
                placeholders.append("$\(index)")
            }
            tuples.append("(" + placeholders.joined(separator: ",") + ")")
        }
        let sql = "INSERT INTO \(table.name) (session_id, local_id, \(columns.map(\.name).joined(separator: ", "))) VALUES "
            + tuples.joined(separator: ",") + " ON CONFLICT DO NOTHING"
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Binds `value` with the column's PostgreSQL type (SQLite may store a whole number in a REAL column).
    static func append(_ value: SyncValue, as column: SyncColumn, to bindings: inout PostgresBindings) {
        switch (value, column.kind) {
        case (.null, _): bindings.appendNull()
        case (.integer(let number), .real): bindings.append(Double(number))
        case (.integer(let number), _): bindings.append(number)
        case (.real(let number), .integer) where number.rounded() == number && abs(number) < 9e18: bindings.append(Int64(number))
        case (.real(let number), _): bindings.append(number)
        case (.text(let text), _): bindings.append(text)
        case (.blob(let bytes), _): bindings.append(ByteBuffer(bytes: bytes))
        }
    }
}
