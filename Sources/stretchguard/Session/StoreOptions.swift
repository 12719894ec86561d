import ArgumentParser
import Foundation
import StretchGuardStore

/// `--db PATH`: the session database, shared by `run`, `sessions`, `review` and `replay --session`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The session database (default: $XDG_DATA_HOME/stretchguard/sessions.sqlite, i.e. ~/.local/share/stretchguard/sessions.sqlite).")
    var path: String?

    /// The database path to use.
    func resolvedPath() throws(StoreError) -> String {
        try StoreLocation.path(override: path, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the store (creating it when missing).
    func open() throws(StoreError) -> SessionStore {
        try SessionStore(path: resolvedPath())
    }
}
