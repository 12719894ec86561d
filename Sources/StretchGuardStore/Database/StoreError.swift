/// What went wrong with the session store, each with the fix in its message.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set, so there is no default database path.
    case noDataDirectory
    /// The database's folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The file is not a SQLite database, or SQLite found it damaged.
    case corrupt(path: String, detail: String)
    /// The file is a SQLite database of something else.
    case notAStretchGuardDatabase(path: String)
    /// The database was written by a newer StretchGuard, with a schema this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A stored sample block does not unpack (the message names the defect).
    case corruptBlock(detail: String)
    /// No session has this id.
    case unknownSession(id: Int64)
    /// `latest` was asked for, but the database holds no session yet.
    case noSessions(path: String)
    /// A session was named by something other than a number or `latest`.
    case invalidSessionSelector(String)
    /// A session's row does not decode (a wrongly typed or implausible value); the others are unaffected.
    case unreadableSession(id: Int64, problem: String)
    /// The disk holding the database is full (SQLite's `SQLITE_FULL`).
    case diskFull(path: String)
    /// The database (or its folder, where SQLite keeps its `-wal` and `-shm` files) cannot be written by
    /// this user: SQLite's `SQLITE_READONLY`, `SQLITE_CANTOPEN`, `SQLITE_PERM`.
    case readOnly(path: String)
    /// The disk reported an input/output error (SQLite's `SQLITE_IOERR`).
    case ioError(path: String)
    /// A session is being recorded into the database, so it cannot be repaired now.
    case recordingInProgress(path: String)
    /// Any other SQLite failure, with SQLite's message.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .noDataDirectory:
            return "no place for the session database: neither XDG_DATA_HOME nor HOME is set; set one, or use --db PATH"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path) for the session database (\(reason)); check its permissions, or use --db PATH"
        case let .corrupt(path, _):
            return "the session database \(path) is damaged or not a database; `stretchguard sessions --repair` copies "
                + "every session that still reads into a fresh database and keeps the damaged file aside, or move it "
                + "aside (mv '\(path)' '\(path).broken') and StretchGuard starts a fresh one; --db picks another database"
        case let .notAStretchGuardDatabase(path):
            return "\(path) is a SQLite database, but not a StretchGuard session database; use --db to pick another file"
        case let .newerSchema(_, found, supported):
            return "this database was written by a newer StretchGuard (schema \(found) > \(supported)); "
                + "upgrade stretchguard or use --db to pick another database"
        case let .corruptBlock(detail):
            return "a stored sample block is damaged (\(detail))"
        case let .unknownSession(id):
            return "no session \(id); `stretchguard sessions` lists them"
        case let .noSessions(path):
            return "no sessions recorded yet in \(path); `stretchguard run` records one"
        case let .invalidSessionSelector(text):
            return "'\(text)' names no session: give a session id (a number) or 'latest'; `stretchguard sessions` lists them"
        case let .unreadableSession(id, problem):
            return UnreadableSession(id: id, problem: problem).description
                + "; `stretchguard sessions` lists what reads"
        case let .diskFull(path):
            return "the disk holding the session database \(path) is full; free some space on it "
                + "(`df -h '\(Self.folder(of: path))'` shows how much is left), or use --db PATH to use another disk"
        case let .readOnly(path):
            return "the session database \(path) cannot be written by this user (the file or its folder is read-only, "
                + "or belongs to another user, e.g. made with sudo); make them yours "
                + "(`sudo chown -R \"$USER\" '\(Self.folder(of: path))'`), or use --db PATH to record elsewhere"
        case let .ioError(path):
            return "the disk reported an input/output error while using the session database \(path); the storage "
                + "may be failing: check it (`dmesg`), copy the database elsewhere, or use --db PATH"
        case let .recordingInProgress(path):
            return "a session is being recorded into \(path) right now; end it (Ctrl-C where it runs), then repair"
        case let .database(path, message):
            return "the session database \(path) could not be used (SQLite: \(message)); "
                + "check the disk and its free space, or use --db PATH to pick another database"
        }
    }

    /// The folder a path is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
