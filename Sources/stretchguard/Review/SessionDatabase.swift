import ArgumentParser
import Foundation
import StretchGuardStore

extension StoreOptions {
    /// Opens an existing session database for reading commands (`sessions`, `review`, `replay --session`),
    /// without creating one where there is none.
    ///
    /// - Returns: the store, or nil when the file does not exist (the caller says so in its own words).
    /// - Throws: the store's error (damaged file, newer schema, not a StretchGuard database) as a one-line
    ///   failure with the fix.
    func openExisting() throws -> SessionStore? {
        do {
            let path = try resolvedPath()
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try SessionStore(path: path)
        } catch {
            throw fail(error)
        }
    }

    /// The failure for a database that does not exist yet.
    func missingDatabase() -> ExitCode {
        let path = (try? resolvedPath()) ?? "the session database"
        return fail("no session database at \(path) yet; `stretchguard run` records sessions there, or use --db PATH to pick another")
    }
}
