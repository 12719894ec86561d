/// The tables a session is copied to a clinic's server with, and their columns as stored (the same names,
/// values and units as in ``StoreSchema``; `id` and `session_id` apart: every row keeps its local `id`).
///
/// One description serves both directions: reading rows out of a device's database for `sync`, and writing
/// a server's rows into a local copy that `review --server` reads with the same code as a local session.
public enum SyncTable: String, CaseIterable, Sendable {
    case sessions
    case sampleBlocks = "sample_blocks"
    case events
    case markers
    case gaps

    /// The table's name, in the device's database and on the server.
    public var name: String { rawValue }

    /// The columns copied, in order (not `id` nor `session_id`).
    public var columns: [SyncColumn] {
        switch self {
        case .sessions:
            [.init("started_at", .real), .init("start_time_s", .real), .init("end_time_s", .real, nullable: true),
             .init("status", .text), .init("device", .text), .init("chip", .text), .init("rate_hz", .real),
             .init("profile", .text), .init("calibration", .text), .init("software_version", .text),
             .init("gyr_scale", .real), .init("acc_scale", .real), .init("sample_count", .integer, nullable: true),
             .init("holds", .integer, nullable: true), .init("holds_reached", .integer, nullable: true),
             .init("longest_hold_s", .real, nullable: true), .init("twist_alerts", .integer, nullable: true),
             .init("bounce_alerts", .integer, nullable: true), .init("impacts", .integer, nullable: true),
             .init("sensors", .integer), .init("pelvis_device", .text, nullable: true),
             .init("pelvis_chip", .text, nullable: true), .init("pelvis_gyr_scale", .real, nullable: true),
             .init("pelvis_acc_scale", .real, nullable: true), .init("plan_name", .text, nullable: true),
             .init("plan", .text, nullable: true), .init("wearer", .text, nullable: true)]
        case .sampleBlocks:
            [.init("start_us", .integer), .init("end_us", .integer), .init("sample_count", .integer), .init("data", .blob)]
        case .events:
            [.init("time_s", .real), .init("kind", .text), .init("value", .real), .init("duration_s", .real),
             .init("frequency_hz", .real), .init("count", .integer), .init("axis", .text)]
        case .markers:
            [.init("time_s", .real), .init("kind", .text), .init("note", .text)]
        case .gaps:
            [.init("start_s", .real), .init("end_s", .real), .init("samples", .integer), .init("reason", .text),
             .init("stream", .text)]
        }
    }

    /// The tables holding a session's rows (all but `sessions`), in the order they are copied.
    public static let sessionParts: [SyncTable] = [.sampleBlocks, .events, .markers, .gaps]
}

/// One copied column.
public struct SyncColumn: Hashable, Sendable {
    /// What a column holds.
    public enum Kind: Hashable, Sendable {
        /// A whole number (SQLite INTEGER, PostgreSQL bigint).
        case integer
        /// A number (SQLite REAL, PostgreSQL double precision).
        case real
        /// Text (UTF-8).
        case text
        /// Bytes (SQLite BLOB, PostgreSQL bytea): a ``SampleBlock`` as stored.
        case blob
    }

    public var name: String
    public var kind: Kind
    /// Whether the column may be NULL.
    public var nullable: Bool

    init(_ name: String, _ kind: Kind, nullable: Bool = false) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
    }
}

/// A value of a copied column, as stored.
public enum SyncValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// One copied row: its local id and its values, in the order of its table's ``SyncTable/columns``.
public struct SyncRow: Hashable, Sendable {
    /// The row's id in the device's database (a session's own id for `sessions`).
    public var id: Int64
    public var values: [SyncValue]

    public init(id: Int64, values: [SyncValue]) {
        self.id = id
        self.values = values
    }
}
