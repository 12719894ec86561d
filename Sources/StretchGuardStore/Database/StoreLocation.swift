/// Where the session database lives: `$XDG_DATA_HOME/stretchguard/sessions.sqlite`, by default
/// `~/.local/share/stretchguard/sessions.sqlite`, unless `--db PATH` says otherwise.
public enum StoreLocation {
    /// The database's file name inside the data folder.
    public static let fileName = "sessions.sqlite"
    /// The application's folder inside the XDG data directory.
    public static let folderName = "stretchguard"

    /// The database path: `override` when given, else the default in the XDG data directory.
    ///
    /// - Parameters:
    ///   - override: the `--db` option's value, or nil.
    ///   - environment: the process environment (pass `ProcessInfo.processInfo.environment`; tests pass their
    ///     own so that they never touch the real home folder).
    /// - Throws: ``StoreError/noDataDirectory`` when there is no override and neither variable is usable.
    public static func path(override: String? = nil, environment: [String: String]) throws(StoreError) -> String {
        if let override, !override.isEmpty { return override }
        return try defaultPath(environment: environment)
    }

    /// `$XDG_DATA_HOME/stretchguard/sessions.sqlite`, or `$HOME/.local/share/stretchguard/sessions.sqlite`
    /// when `XDG_DATA_HOME` is unset, empty or relative (the XDG specification says to ignore a relative one).
    public static func defaultPath(environment: [String: String]) throws(StoreError) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            dataHome = trimmingTrailingSlashes(home) + "/.local/share"
        } else {
            throw .noDataDirectory
        }
        return trimmingTrailingSlashes(dataHome) + "/" + folderName + "/" + fileName
    }

    /// A path without trailing slashes ("/" stays "").
    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var path = Substring(path)
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
