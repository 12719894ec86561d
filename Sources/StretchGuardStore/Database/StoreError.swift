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
    /// Any other SQLite failure (disk full, permissions, I/O error), with SQLite's message.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .noDataDirectory:
            return "no place for the session database: neither XDG_DATA_HOME nor HOME is set; set one, or use --db PATH"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path) for the session database (\(reason)); check its permissions, or use --db PATH"
        case let .corrupt(path, detail):
            return "\(path) is damaged or not a database (\(detail)); move it aside (mv '\(path)' '\(path).broken') "
                + "and StretchGuard starts a fresh one, or use --db to pick another database"
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
        case let .database(path, message):
            return "session database \(path): \(message)"
        }
    }
}
