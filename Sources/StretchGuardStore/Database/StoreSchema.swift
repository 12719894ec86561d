import GRDB

/// The database's tables, built by numbered migrations.
///
/// Each migration sets `PRAGMA user_version` to its number, so that a StretchGuard that finds a larger
/// number than ``currentVersion`` knows the database is newer than itself and refuses it rather than
/// guessing. `PRAGMA application_id` marks the file as a StretchGuard session database.
///
/// Version 1:
/// - `sessions`: one row per session. `started_at` (Unix time, s), `start_time_s` / `end_time_s` (sample
///   clock, s; `end_time_s` NULL while recording), `status` (`recording`, `complete`, `incomplete`),
///   `device`, `chip`, `rate_hz`, `profile`, `calibration` (JSON text), `software_version`, `gyr_scale`
///   (rad/s per count), `acc_scale` (m/s² per count); filled at close: `sample_count`, `holds`,
///   `holds_reached`, `longest_hold_s`, `twist_alerts`, `bounce_alerts`, `impacts`.
/// - `sample_blocks`: raw samples, one row per commit (≤ 0.5 s): `session_id`, `start_us` / `end_us` (first
///   and last sample time, µs), `sample_count`, `data` (a ``SampleBlock`` BLOB). Read in `id` order.
/// - `events`: the form coach's events (`FormEvent`): `time_s`, `kind`, `value`, `duration_s`,
///   `frequency_hz`, `count`, `axis`.
/// - `markers`: the wearer's signals: `time_s`, `kind` (`stop`, `note`), `note`.
/// - `gaps`: missing samples: `start_s`, `end_s` (first and last missing sample), `samples`, `reason`.
///
/// Version 2 (two sensors; a version 1 file gains these columns and nothing else, its sessions reading as
/// one-sensor sessions):
/// - `sessions.sensors`: 1, or 2 when a pelvis sensor is recorded too (default 1); `pelvis_device`,
///   `pelvis_chip`, `pelvis_gyr_scale` (rad/s per count), `pelvis_acc_scale` (m/s² per count): the pelvis
///   sensor, NULL with one sensor.
/// - `sample_blocks.data` of a two-sensor session holds format 2 blocks (``SampleBlock``: each tick's pelvis
///   counts, or their absence).
/// - `gaps.stream`: `thorax` (whole ticks missing; default) or `pelvis` (only the pelvis's readings missing).
///
/// Version 3 (plans; a version 1 or 2 file gains these columns and nothing else, its sessions reading as
/// sessions without a plan):
/// - `sessions.plan_name`: the plan the session followed (`run --plan`), NULL without one; `plan`: the plan
///   file's text as it was run (YAML), so the session is reviewed by the plan it followed even after the
///   file changes.
/// - `markers` of kind `plan_step` (``PlanStepMarker``): where each of the plan's repetitions began, and
///   where the plan ended; every sample from one to the next belongs to that step.
///
/// Version 4 (clinic sync; a version 1 to 3 file gains these and nothing else, its sessions reading as
/// sessions of no named wearer):
/// - `sessions.wearer`: who wore the device (`run --wearer`, `calibrate --wearer`), NULL when not named.
/// - `device`: one row, this database's device: `id` (random, 32 hex digits, made once: how a clinic's
///   server tells devices apart) and `wearer` (the name sessions get when `run` names none; NULL until set).
///
/// The units and plausible ranges a reader accepts for these columns are in ``StoredLimits`` (one place);
/// a row outside them reads as an unreadable session, never a trap.
///
/// Derived values (orientation, posture angles, verdicts) are not stored: replaying the raw samples
/// through the core recomputes them exactly.
enum StoreSchema {
    /// The newest schema this StretchGuard writes and reads.
    static let currentVersion = 4
    /// `PRAGMA application_id` of a session database: "SGSD" in ASCII.
    static let applicationID: Int32 = 0x5347_5344

    /// The migrations, oldest first.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: version1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: version2)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: version3)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: version4)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        return migrator
    }

    /// The `sessions` columns version 2 added, as a version 1 file reads them (one sensor), for a file that
    /// cannot be migrated (opened read-only, or a damaged copy being repaired).
    static let pelvisColumnsOfVersion1 = "1 AS sensors, NULL AS pelvis_device, NULL AS pelvis_chip, "
        + "NULL AS pelvis_gyr_scale, NULL AS pelvis_acc_scale"

    /// The `sessions` columns version 3 added, as an older file reads them (no plan), for a file that cannot
    /// be migrated.
    static let planColumnsBeforeVersion3 = "NULL AS plan_name, NULL AS plan"

    /// The `sessions` column version 4 added, as an older file reads it (no wearer named).
    static let wearerColumnBeforeVersion4 = "NULL AS wearer"

    private static let version4 = """
        ALTER TABLE sessions ADD COLUMN wearer TEXT;
        CREATE TABLE device (
            id TEXT NOT NULL CHECK (length(id) = 32),
            wearer TEXT
        );
        INSERT INTO device (id) VALUES (lower(hex(randomblob(16))));
        """

    private static let version3 = """
        ALTER TABLE sessions ADD COLUMN plan_name TEXT;
        ALTER TABLE sessions ADD COLUMN plan TEXT;
        """

    private static let version2 = """
        ALTER TABLE sessions ADD COLUMN sensors INTEGER NOT NULL DEFAULT 1 CHECK (sensors IN (1, 2));
        ALTER TABLE sessions ADD COLUMN pelvis_device TEXT;
        ALTER TABLE sessions ADD COLUMN pelvis_chip TEXT;
        ALTER TABLE sessions ADD COLUMN pelvis_gyr_scale REAL;
        ALTER TABLE sessions ADD COLUMN pelvis_acc_scale REAL;
        ALTER TABLE gaps ADD COLUMN stream TEXT NOT NULL DEFAULT 'thorax' CHECK (stream IN ('thorax', 'pelvis'));
        """

    private static let version1 = """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at REAL NOT NULL,
            start_time_s REAL NOT NULL,
            end_time_s REAL,
            status TEXT NOT NULL DEFAULT 'recording' CHECK (status IN ('recording', 'complete', 'incomplete')),
            device TEXT NOT NULL,
            chip TEXT NOT NULL,
            rate_hz REAL NOT NULL,
            profile TEXT NOT NULL,
            calibration TEXT NOT NULL,
            software_version TEXT NOT NULL,
            gyr_scale REAL NOT NULL,
            acc_scale REAL NOT NULL,
            sample_count INTEGER,
            holds INTEGER,
            holds_reached INTEGER,
            longest_hold_s REAL,
            twist_alerts INTEGER,
            bounce_alerts INTEGER,
            impacts INTEGER
        );
        CREATE INDEX sessions_by_start ON sessions(started_at);
        CREATE TABLE sample_blocks (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            start_us INTEGER NOT NULL,
            end_us INTEGER NOT NULL,
            sample_count INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        CREATE INDEX sample_blocks_by_session ON sample_blocks(session_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            time_s REAL NOT NULL,
            kind TEXT NOT NULL,
            value REAL NOT NULL,
            duration_s REAL NOT NULL,
            frequency_hz REAL NOT NULL,
            count INTEGER NOT NULL,
            axis TEXT NOT NULL
        );
        CREATE INDEX events_by_session ON events(session_id);
        CREATE TABLE markers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            time_s REAL NOT NULL,
            kind TEXT NOT NULL,
            note TEXT NOT NULL
        );
        CREATE INDEX markers_by_session ON markers(session_id);
        CREATE TABLE gaps (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            start_s REAL NOT NULL,
            end_s REAL NOT NULL,
            samples INTEGER NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX gaps_by_session ON gaps(session_id);
        """
}
