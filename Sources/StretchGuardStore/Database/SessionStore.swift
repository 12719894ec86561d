import Foundation
import GRDB

/// The session database: one SQLite file (WAL) of sessions, raw sample blocks, events, markers and gaps.
///
/// Durability: WAL with `synchronous = FULL`, so every commit is fsynced. A committed transaction then
/// survives a power cut as well as a kill -9 (`NORMAL` would survive a kill but could lose the commits
/// since the last checkpoint on a power cut, which would break the "at most 0.5 s lost" promise). The
/// recorder commits about twice a second, so FULL costs two fsyncs a second, off the sample thread.
///
/// Opening creates the file and its folders if needed, refuses a file that is not a StretchGuard database, or
/// was written by a newer schema, or is damaged — each with the fix in the error — migrates an older schema,
/// and closes as ``SessionStatus/incomplete`` the sessions a crash left open.
///
/// Thread-safe: all database work is serialised; the ``SessionRecorder`` writes from its own thread.
/// Several stores, in one process or several, may open the same file (SQLite's WAL locking).
public final class SessionStore: Sendable {
    /// The database file's path.
    public let path: String
    /// The connection (serialised).
    let queue: DatabaseQueue
    /// SQLite page size for new databases, in bytes: 8 KiB packs the ~1.1–1.4 KB sample blocks with little
    /// waste (4 KiB pages hold only two or three of them).
    static let pageSize = 8192

    /// Opens the database at `path`, creating it (and its folders) if needed.
    ///
    /// - Parameters:
    ///   - path: the database file (see ``StoreLocation/path(override:environment:)``).
    ///   - recoverAbandonedSessions: close the sessions a crash left open, saving what a recorder set aside
    ///     when the disk was full (skipped while another store records into the same file). Default true.
    ///   - forRecording: about to record (`run`): also run SQLite's `PRAGMA quick_check` (reads every page,
    ///     skips the index cross-checks) and make sure the file can be written, so that nothing is recorded
    ///     into a damaged or read-only file. Default false (reading commands open damaged files too, to list
    ///     what still reads).
    /// - Throws: ``StoreError/corrupt(path:detail:)``, ``StoreError/notAStretchGuardDatabase(path:)``,
    ///   ``StoreError/newerSchema(path:found:supported:)``, ``StoreError/cannotCreateFolder(path:reason:)``,
    ///   ``StoreError/readOnly(path:)``, ``StoreError/diskFull(path:)``, ``StoreError/ioError(path:)`` or
    ///   ``StoreError/database(path:message:)``.
    public convenience init(path: String, recoverAbandonedSessions: Bool = true,
                            forRecording: Bool = false) throws(StoreError) {
        try self.init(path: path, recoverAbandonedSessions: recoverAbandonedSessions, forRecording: forRecording,
                      openReadOnly: false)
    }

    /// Opens the database as the public initializer does; `openReadOnly` opens it with `SQLITE_OPEN_READONLY`,
    /// as SQLite opens a file this user may not write (tests run as root, which file permissions do not stop).
    init(path: String, recoverAbandonedSessions: Bool, forRecording: Bool, openReadOnly: Bool) throws(StoreError) {
        self.path = path
        try Self.createFolder(for: path)
        do {
            var configuration = Self.configuration()
            configuration.readonly = openReadOnly
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.storeError(error, path: path)
        }
        try migrate()
        if forRecording {
            try checkBeforeRecording()
        }
        if recoverAbandonedSessions {
            try recoverIfNobodyRecords(mustSucceed: forRecording)
        }
    }

    /// Runs `PRAGMA quick_check` and writes the file's header once (the schema version, unchanged): throws
    /// ``StoreError/corrupt(path:detail:)`` for a damaged file, ``StoreError/readOnly(path:)`` or
    /// ``StoreError/diskFull(path:)`` for one that cannot be written.
    func checkBeforeRecording() throws(StoreError) {
        try quickCheck()
        try write { db in try db.execute(sql: "PRAGMA user_version = \(StoreSchema.currentVersion)") }
    }

    /// Runs SQLite's `PRAGMA quick_check` (reads every page, skips the index cross-checks: well under a
    /// second for a year of sessions on a Pi).
    ///
    /// - Throws: ``StoreError/corrupt(path:detail:)`` with SQLite's first complaint, whose description
    ///   gives the way out (`sessions --repair`).
    public func quickCheck() throws(StoreError) {
        let result = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard result == ["ok"] else {
            throw .corrupt(path: path, detail: "quick check: " + (result.first ?? "no answer"))
        }
    }

    /// Closes the connection. Further calls throw.
    public func close() throws(StoreError) {
        do {
            try queue.close()
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs SQLite's full `PRAGMA integrity_check` (reads the whole file: seconds for a large database).
    ///
    /// - Throws: ``StoreError/corrupt(path:detail:)`` with SQLite's first complaint.
    public func checkIntegrity() throws(StoreError) {
        let result = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        guard result == ["ok"] else {
            throw .corrupt(path: path, detail: "integrity check: " + (result.first ?? "no answer"))
        }
    }

    /// The schema version stored in the file (`PRAGMA user_version`).
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The newest schema version this StretchGuard knows.
    public static var supportedSchemaVersion: Int { StoreSchema.currentVersion }

    // MARK: - Internals

    /// Closes abandoned sessions unless a recorder (in any process) holds the recording lock: sessions
    /// being recorded right now are not abandoned. A reading command (`mustSucceed` false) still opens a
    /// file it cannot write (full disk, read-only): the sessions stay open until a later open can close them.
    private func recoverIfNobodyRecords(mustSucceed: Bool) throws(StoreError) {
        guard let lock = RecordingLock(databasePath: path), lock.tryLockExclusive() else { return }
        defer { lock.unlock() }
        do {
            try saveSetAsideSessions()
            try closeAbandonedSessions()
        } catch {
            switch error {
            case .diskFull, .readOnly, .ioError, .database: if mustSucceed { throw error }
            default: throw error
            }
        }
    }

    /// Checks that the file is ours and not newer, then applies the migrations it lacks. A file that cannot
    /// be written (read-only) but has a schema is read as it is (version 1 reads as one-sensor sessions).
    private func migrate() throws(StoreError) {
        let found = try write { db -> Int in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """) ?? 0
            guard applicationID == StoreSchema.applicationID || (applicationID == 0 && tables == 0) else {
                throw StoreError.notAStretchGuardDatabase(path: path)
            }
            guard version <= StoreSchema.currentVersion else {
                throw StoreError.newerSchema(path: path, found: version, supported: StoreSchema.currentVersion)
            }
            return version
        }
        do {
            try StoreSchema.migrator.migrate(queue)
        } catch {
            let storeError = Self.storeError(error, path: path)
            guard found >= 1, storeError == .readOnly(path: path) else { throw storeError }
        }
    }

    /// Runs `body` in a write transaction, turning any failure into a ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `body` with read access, turning any failure into a ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// The connection's settings: WAL, `synchronous = FULL`, a busy timeout for readers in other processes.
    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "StretchGuardStore"
        configuration.prepareDatabase { db in
            // Takes effect only while the file is still empty (a new database).
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else {
                throw DatabaseError(message: "could not switch to WAL (journal mode \(mode ?? "unknown"))")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Keep the WAL file from staying large after a checkpoint, in bytes.
            try db.execute(sql: "PRAGMA journal_size_limit = 16777216")
        }
        return configuration
    }

    /// Creates the database's folder (and its parents) if missing.
    private static func createFolder(for path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
    }

    /// A failure as a ``StoreError``: SQLite's "not a database" and "corrupt" become
    /// ``StoreError/corrupt(path:detail:)``, everything else ``StoreError/database(path:message:)``.
    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError {
            if case let .corruptBlock(detail) = error { return .corrupt(path: path, detail: detail) }
            return error
        }
        if let error = error as? DatabaseError {
            let message = error.message ?? error.resultCode.description
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path, detail: message)
            case .SQLITE_FULL: return .diskFull(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path)
            case .SQLITE_IOERR: return .ioError(path: path)
            default: return .database(path: path, message: message)
            }
        }
        return .database(path: path, message: String(describing: error))
    }
}
