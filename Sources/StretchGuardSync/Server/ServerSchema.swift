import PostgresNIO
import StretchGuardStore

/// StretchGuard's tables on a clinic's PostgreSQL server, built by numbered migrations that an
/// administrator applies with `stretchguard server init` (the devices and the clinic's readers never
/// change the schema).
///
/// Version 1:
/// - `stretchguard_schema`: one row per migration applied (`version`, `applied_at`).
/// - `devices`: one row per device (`id`, 32 hex digits from the device's database; `owner`, the role that
///   first synced it; `first_sync`, `last_sync`).
/// - `sessions`: one row per session of a device: `id` (the server's, what `review --server` takes),
///   `device_id`, `local_id` (the session's id on the device; unique per device), `owner`, `uploaded` (every
///   row of the session is on the server), `synced_at`, then every column of the device's `sessions` table
///   with the same name, value and unit (``SyncTable/columns``: `started_at` Unix time in s, sample-clock
///   times in s, scales in rad/s and m/s² per count, …).
/// - `sample_blocks`, `events`, `markers`, `gaps`: the session's rows, keyed by (`session_id`, `local_id`:
///   the row's id on the device), each with its `owner`; the device's columns as stored (`data` is the
///   ``SampleBlock`` exactly as recorded).
///
/// Roles (created when missing, never given a login: the administrator makes login roles members):
/// - `stretchguard_device`: may add its own devices and sessions and read back only those (row-level
///   security on `owner = current_user`), to find where an interrupted sync stopped.
/// - `stretchguard_clinic`: may read everything, change nothing.
public enum ServerSchema {
    /// The newest schema this StretchGuard reads and writes.
    public static let currentVersion = 1
    /// The role devices sync with (by membership).
    public static let deviceRole = "stretchguard_device"
    /// The role clinic readers use (by membership).
    public static let clinicRole = "stretchguard_clinic"

    /// The migrations, oldest first: each a list of statements run in one transaction.
    static let migrations: [[String]] = [version1]

    /// The schema version the server has: 0 without StretchGuard tables.
    static func version(on server: ServerConnection) async throws(SyncError) -> Int {
        let exists = try await server.rows("SELECT to_regclass('stretchguard_schema') IS NOT NULL")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else { return 0 }
        let rows = try await server.rows("SELECT coalesce(max(version), 0) FROM stretchguard_schema")
        return rows.first.flatMap { try? $0.decode(Int.self) } ?? 0
    }

    /// Checks that the server's schema is this StretchGuard's.
    ///
    /// - Throws: ``SyncError/notSetUp(_:)``, ``SyncError/olderSchema(_:found:supported:)`` or
    ///   ``SyncError/newerSchema(_:found:supported:)`` with the fix.
    public static func check(_ server: ServerConnection) async throws(SyncError) {
        let found = try await version(on: server)
        if found == 0 { throw .notSetUp(server.address) }
        if found < currentVersion { throw .olderSchema(server.address, found: found, supported: currentVersion) }
        if found > currentVersion { throw .newerSchema(server.address, found: found, supported: currentVersion) }
    }

    /// Applies the migrations the server lacks (an administrator's role: it creates tables and roles);
    /// returns the versions applied. Refuses a newer schema, changing nothing.
    public static func migrate(_ server: ServerConnection) async throws(SyncError) -> [Int] {
        let found = try await version(on: server)
        if found > currentVersion { throw .newerSchema(server.address, found: found, supported: currentVersion) }
        var applied: [Int] = []
        for version in (found + 1)...max(found + 1, currentVersion) where version <= currentVersion {
            try await server.transaction(migrations[version - 1] + ["INSERT INTO stretchguard_schema (version) VALUES (\(version))"])
            applied.append(version)
        }
        return applied
    }

    /// The PostgreSQL type of a copied column.
    static func type(_ column: SyncColumn) -> String {
        let base = switch column.kind {
        case .integer: "bigint"
        case .real: "double precision"
        case .text: "text"
        case .blob: "bytea"
        }
        return base + (column.nullable ? "" : " NOT NULL")
    }

    /// A copied table's columns as SQL.
    private static func columns(_ table: SyncTable) -> String {
        table.columns.map { "\($0.name) \(type($0))" }.joined(separator: ",\n    ")
    }

    private static let tables = ["devices", "sessions"] + SyncTable.sessionParts.map(\.name)

    private static let version1: [String] = [
        "CREATE TABLE stretchguard_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
        """
        CREATE TABLE devices (
            id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
            owner name NOT NULL DEFAULT current_user,
            first_sync timestamptz NOT NULL DEFAULT now(),
            last_sync timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE sessions (
            id bigserial PRIMARY KEY,
            device_id text NOT NULL REFERENCES devices(id),
            local_id bigint NOT NULL,
            owner name NOT NULL DEFAULT current_user,
            uploaded boolean NOT NULL DEFAULT false,
            synced_at timestamptz NOT NULL DEFAULT now(),
            \(columns(.sessions)),
            UNIQUE (device_id, local_id)
        )
        """,
        "CREATE INDEX sessions_by_start ON sessions (started_at)",
        "CREATE INDEX sessions_by_wearer ON sessions (wearer, started_at)",
    ] + SyncTable.sessionParts.map { table in
        """
        CREATE TABLE \(table.name) (
            session_id bigint NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            local_id bigint NOT NULL,
            owner name NOT NULL DEFAULT current_user,
            \(columns(table)),
            PRIMARY KEY (session_id, local_id)
        )
        """
    } + [
        """
        DO $$ BEGIN
            -- Roles belong to the whole server: another database's set-up may create them at the same moment.
            BEGIN CREATE ROLE \(deviceRole) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE \(clinicRole) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
        END $$
        """,
        "GRANT USAGE ON SCHEMA public TO \(deviceRole), \(clinicRole)",
        "GRANT SELECT ON stretchguard_schema TO \(deviceRole), \(clinicRole)",
        "GRANT SELECT, INSERT, UPDATE ON devices, sessions TO \(deviceRole)",
        "GRANT SELECT, INSERT ON \(SyncTable.sessionParts.map(\.name).joined(separator: ", ")) TO \(deviceRole)",
        "GRANT USAGE ON SEQUENCE sessions_id_seq TO \(deviceRole)",
        "GRANT SELECT ON \(tables.joined(separator: ", ")) TO \(clinicRole)",
    ] + tables.flatMap { table in
        [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY \(table)_of_the_device ON \(table) TO \(deviceRole) USING (owner = current_user) WITH CHECK (owner = current_user)",
            "CREATE POLICY \(table)_for_the_clinic ON \(table) FOR SELECT TO \(clinicRole) USING (true)",
        ]
    }
}
